#!/usr/bin/env python3
"""One command for Neo4j's testkit against boltkt: builds and starts the backend, starts what each folder needs,
runs the chosen folders and prints one table per folder (and per server and scheme for tests/neo4j).

  python3 testkit-backend/runner/run_testkit.py --testkit /work/testkit --folders neo4j,tls

Folders: stub (testkit's Python stub servers on ports 9000-9060 and 9999), tls (this directory's tlsserver.py as
testkit's tlsserver, port 6666), neo4j (embedded Neo4j 5.26 on JDK 17 and 2026.x on JDK 21+, community edition,
through the project's launcher in test-servers/). One run per machine: the ports are fixed. See docs/TESTKIT.md.
"""
import argparse
import datetime
import json
import os
import subprocess
import sys

import isolation
import processes
import report

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PYTHON = "/usr/bin/python3"  # Debian's, with python3-lark, python3-ifaddr and python3-tz
PASSWORD = "testkit-password"
# Names testkit's TLS tests dial, which its Docker network maps to the TLS server; the backend maps them here.
TLS_HOSTS = "thehost=127.0.0.1,thehostbutwrong=127.0.0.1"
BUILD = ["mvn", "-q", "-Dkotlin.compiler.daemon=false", "-pl",
         "testkit-backend,test-servers/neo4j-5.26,test-servers/neo4j-2026", "-am", "package", "-DskipTests"]


def options():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--testkit", required=True, help="a testkit checkout (outside this repository)")
    p.add_argument("--folders", default="stub,tls,neo4j", help="comma-separated: stub, tls, neo4j")
    p.add_argument("--stub-modules", help="comma-separated tests/stub sub-folders (default: all)")
    p.add_argument("--servers", default="5.26,2026", help="Neo4j versions for tests/neo4j: 5.26, 2026")
    p.add_argument("--schemes", default="bolt,neo4j", help="URI schemes for tests/neo4j")
    p.add_argument("--port", type=int, default=9876, help="the backend's port")
    p.add_argument("--work", default=os.path.join(REPO, "testkit-backend/target/testkit-run"))
    p.add_argument("--skip-build", action="store_true")
    p.add_argument("--offline", action="store_true", help="pass -o to Maven")
    p.add_argument("--isolated-network", action="store_true",
                   help="run inside a network namespace of its own (root; iproute2), so the routing tests that dial "
                        "this machine's own non-loopback address run too: that address is the namespace's own")
    return p.parse_args()


def trust_store(work, testkit):
    """The JDK's CA certificates plus testkit's trustedRoot CA: the 'system' trust of the backend JVM."""
    store = os.path.join(work, "truststore.p12")
    if os.path.exists(store):
        os.remove(store)
    keytool = os.path.join(processes.find_jdk(17), "bin/keytool")
    cacerts = os.path.join(processes.find_jdk(17), "lib/security/cacerts")
    common = ["-noprompt", "-storepass", "changeit", "-keystore", store, "-storetype", "PKCS12"]
    subprocess.run([keytool, "-importkeystore", "-srckeystore", cacerts, "-srcstorepass", "changeit",
                    "-destkeystore", store, "-deststorepass", "changeit", "-deststoretype", "PKCS12", "-noprompt"],
                   check=True, capture_output=True)
    subprocess.run([keytool, "-importcert", "-alias", "testkit-trustedroot", "-file",
                    os.path.join(testkit, "tests/tls/certs/driver/trusted/trustedRoot.crt")] + common,
                   check=True, capture_output=True)
    return store


def install_tlsserver(testkit):
    """testkit starts <testkit>/tlsserver/tlsserver: a wrapper around this directory's Python equivalent."""
    path = os.path.join(testkit, "tlsserver", "tlsserver")
    with open(path, "w") as f:
        f.write(f'#!/bin/sh\nexec {PYTHON} {os.path.join(HERE, "tlsserver.py")} "$@"\n')
    os.chmod(path, 0o755)


def run_suite(args, start_dir, name, env_extra):
    results = os.path.join(args.work, f"{name}.json")
    log = os.path.join(args.work, f"{name}.log")
    env = dict(os.environ, PYTHONPATH=args.testkit, TEST_BACKEND_HOST="127.0.0.1", TEST_BACKEND_PORT=str(args.port),
               TEST_STUB_HOST="127.0.0.1", TEST_DRIVER_NAME="java", **env_extra)
    started = datetime.datetime.now(datetime.timezone.utc)
    with open(log, "w") as out:
        subprocess.run([PYTHON, os.path.join(HERE, "suite.py"), start_dir, results], cwd=args.testkit, env=env,
                       stdout=out, stderr=subprocess.STDOUT)
    minutes = (datetime.datetime.now(datetime.timezone.utc) - started).total_seconds() / 60
    summary = report.summarize(json.load(open(results)))
    text = report.markdown(f"{name} ({minutes:.1f} min, log {log})", summary)
    print(text, flush=True)
    return text


def run_neo4j(args):
    tables = []
    for version in args.servers.split(","):
        server = processes.Neo4jServer(REPO, args.work, version, PASSWORD)
        try:
            for scheme in args.schemes.split(","):
                env = {"TEST_NEO4J_HOST": "127.0.0.1", "TEST_NEO4J_PORT": str(server.port),
                       "TEST_NEO4J_USER": "neo4j", "TEST_NEO4J_PASS": PASSWORD, "TEST_NEO4J_SCHEME": scheme,
                       "TEST_NEO4J_VERSION": ".".join(server.version.split(".")[:2]),
                       "TEST_NEO4J_EDITION": "community", "TEST_NEO4J_CLUSTER": "False"}
                name = f"neo4j-{server.version}-{scheme}"
                tables.append(run_suite(args, "tests/neo4j", name, env))
        finally:
            server.stop()
    return tables


def main():
    args = options()
    args.testkit = os.path.abspath(args.testkit)
    os.makedirs(args.work, exist_ok=True)
    folders = args.folders.split(",")
    unknown = set(folders) - {"stub", "tls", "neo4j"}
    if unknown:
        sys.exit(f"unknown folder(s) {', '.join(sorted(unknown))}: --folders takes stub, tls, neo4j")
    unknown = set(args.servers.split(",")) - set(processes.NEO4J_VERSIONS)
    if unknown:
        sys.exit(f"unknown server(s) {', '.join(sorted(unknown))}: --servers takes {', '.join(processes.NEO4J_VERSIONS)}")
    if not args.skip_build:
        subprocess.run(BUILD + (["-o"] if args.offline else []), cwd=REPO, check=True)
    if args.isolated_network and os.environ.get(isolation.INSIDE) != "1":
        return isolation.rerun_inside([a for a in sys.argv[1:] if a != "--isolated-network"] + ["--skip-build"])
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    testkit_commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=args.testkit, capture_output=True,
                                    text=True).stdout.strip()
    install_tlsserver(args.testkit)
    backend = processes.Backend(REPO, args.work, args.port, trust_store(args.work, args.testkit), TLS_HOSTS,
                                os.path.join(args.testkit, "tests/tls/certs/driver/custom"))
    tables = [f"boltkt {commit}, testkit {testkit_commit}, started {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC", ""]
    try:
        if "stub" in folders:
            stub = os.path.join(args.testkit, "tests/stub")
            modules = args.stub_modules.split(",") if args.stub_modules else sorted(
                d for d in os.listdir(stub) if os.path.isfile(os.path.join(stub, d, "__init__.py")))
            for module in modules:
                tables.append(run_suite(args, f"tests/stub/{module}", f"stub-{module}", {}))
            total = report.markdown(f"tests/stub, all {len(modules)} modules", report.summarize(report.combine(
                [os.path.join(args.work, f"stub-{module}.json") for module in modules])))
            print(total, flush=True)
            tables.append(total)
        if "tls" in folders:
            tables.append(run_suite(args, "tests/tls", "tls", {}))
        if "neo4j" in folders:
            tables += run_neo4j(args)
    finally:
        backend.stop()
    with open(os.path.join(args.work, "results.md"), "w") as f:
        f.write("\n".join(tables) + "\n")
    print(f"results: {os.path.join(args.work, 'results.md')}")


if __name__ == "__main__":
    sys.exit(main())
