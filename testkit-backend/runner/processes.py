"""The processes a testkit run needs: the boltkt backend and real Neo4j servers from the project's own launcher."""
import glob
import os
import shutil
import socket
import subprocess
import time

BACKEND_MAIN = "org.boltkt.testkit.MainKt"
NEO4J_LAUNCHER = "org.boltkt.testservers.Neo4jServerMain"
# The Neo4j versions of test-support's Neo4jVersion: classpath file written by its test-servers module, JDK needed.
NEO4J_VERSIONS = {
    "5.26": ("test-servers/neo4j-5.26/target/classes/org/boltkt/testservers/neo4j-5.26.classpath", 17),
    "2026": ("test-servers/neo4j-2026/target/classes/org/boltkt/testservers/neo4j-2026.classpath", 21),
}
LAUNCHER_CLASSES = "test-servers/neo4j-5.26/target/classes"


def wait_for_port(host, port, process, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode} before listening on {host}:{port}")
        try:
            socket.create_connection((host, port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{what} not listening on {host}:{port} after {seconds}s")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def jdk_feature(home):
    release = os.path.join(home, "release")
    if not os.path.isfile(release):
        return None
    for line in open(release):
        if line.startswith("JAVA_VERSION="):
            return int(line.split("=", 1)[1].strip().strip('"').split(".")[0])
    return None


def find_jdk(minimum):
    """A JDK home with feature release >= minimum: BOLTKT_JDK21_HOME for 21+, else the lowest suitable under /usr/lib/jvm."""
    named = os.environ.get("BOLTKT_JDK21_HOME")
    if minimum > 17 and named:
        return named
    homes = [(jdk_feature(h), h) for h in glob.glob("/usr/lib/jvm/*") + glob.glob("/opt/java/*") if os.path.isdir(h)]
    suitable = sorted((f, h) for f, h in homes if f and f >= minimum)
    if not suitable:
        raise RuntimeError(f"no JDK {minimum}+ under /usr/lib/jvm or /opt/java; set BOLTKT_JDK21_HOME")
    return suitable[0][1]


class Backend:
    """The backend JVM: the jars copied into the work directory (a rebuild during the run cannot change them)."""

    def __init__(self, repo, work, port, trust_store, hosts, custom_ca_dir):
        lib = os.path.join(work, "lib")
        shutil.rmtree(lib, ignore_errors=True)
        os.makedirs(lib)
        jar = os.path.join(repo, "testkit-backend/target/boltkt-testkit-backend-0.1.0-SNAPSHOT.jar")
        entries = [jar] + open(os.path.join(repo, "testkit-backend/target/runtime-classpath.txt")).read().strip().split(os.pathsep)
        classpath = []
        for entry in entries:
            if entry.startswith(repo):  # this project's own jars: snapshot them
                entry = shutil.copy(entry, lib)
            classpath.append(entry)
        self.port = port
        self.log_path = os.path.join(work, "backend.log")
        env = dict(os.environ, TESTKIT_HOSTS=hosts, TESTKIT_CUSTOM_CA_DIR=custom_ca_dir)
        command = [os.path.join(find_jdk(17), "bin/java"), "-Xmx1g",
                   f"-Djavax.net.ssl.trustStore={trust_store}", "-Djavax.net.ssl.trustStorePassword=changeit",
                   "-Djavax.net.ssl.trustStoreType=PKCS12",
                   "-cp", os.pathsep.join(classpath), BACKEND_MAIN, str(port), "127.0.0.1"]
        self.process = subprocess.Popen(command, env=env, stdout=open(self.log_path, "ab"), stderr=subprocess.STDOUT)
        wait_for_port("127.0.0.1", port, self.process, 60, "the backend")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Neo4jServer:
    """One embedded Neo4j (community edition) started by the project's launcher, with the settings testkit's Docker
    setup gives its servers: auth on, user neo4j, the advertised Bolt address, Bolt telemetry allowed."""

    def __init__(self, repo, work, version, password):
        classpath_file, minimum_java = NEO4J_VERSIONS[version]
        server_classpath = open(os.path.join(repo, classpath_file)).read().strip()
        self.dir = os.path.join(work, f"neo4j-{version}")
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        ready = os.path.join(self.dir, "ready.properties")
        self.port = free_port()
        address = f"127.0.0.1:{self.port}"
        settings = {
            "server.bolt.listen_address": address,
            "server.bolt.advertised_address": address,
            "server.bolt.telemetry.enabled": "true",
            "server.directories.logs": os.path.join(self.dir, "logs"),
        }
        self.java_home = find_jdk(minimum_java)
        command = [os.path.join(self.java_home, "bin/java"), "-Xmx768m", "-XX:+ExitOnOutOfMemoryError",
                   "-cp", os.path.join(repo, LAUNCHER_CLASSES) + os.pathsep + server_classpath, NEO4J_LAUNCHER,
                   os.path.join(self.dir, "work"), ready, password] + [f"{k}={v}" for k, v in settings.items()]
        self.log_path = os.path.join(self.dir, "server.log")
        # The launcher stops the server when its standard input closes.
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=open(self.log_path, "ab"),
                                        stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 180
        while not os.path.exists(ready):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"Neo4j {version} did not start; see {self.log_path}")
            time.sleep(0.2)
        props = dict(line.split("=", 1) for line in open(ready).read().split("\n") if "=" in line)
        self.version = props["version"]  # e.g. 5.26.30 or 2026.08.1

    def stop(self):
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
