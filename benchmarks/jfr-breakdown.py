#!/usr/bin/env python3
"""Share of JFR execution samples by layer, for the bounds in docs/PERFORMANCE.md.

  benchmarks/jfr-breakdown.py client benchmarks/target/jfr/P3-replay-nio.jfr   # a boltkt cell (--jfr)
  benchmarks/jfr-breakdown.py official benchmarks/target/jfr/P1-real-official.jfr   # an official-driver cell
  benchmarks/jfr-breakdown.py server server.jfr   # Neo4j, recorded with: jcmd <pid> JFR.start settings=profile filename=server.jfr

Each sample is counted once, under the first layer found walking its stack from the top frame down.
Needs the JDK's `jfr` tool on PATH (or JFR_TOOL=/path/to/jfr).
"""
import collections, json, os, subprocess, sys

LAYERS = {
    "client": [
        ("chunk reassembly", ("org.boltkt.protocol.chunk",)),
        ("PackStream/value decoding (incl. allocating the values)",
         ("org.boltkt.protocol.value", "org.boltkt.protocol.packstream", "org.boltkt.protocol.message")),
        ("Record", ("org.boltkt.client.record",)),
        ("socket read (transport)", ("sun.nio", "java.nio", "org.boltkt.client.transport")),
        ("result stream/connection bookkeeping", ("org.boltkt.client.session", "org.boltkt.client.connection")),
        ("coroutines/Flow", ("kotlinx.coroutines", "kotlin.coroutines")),
        ("benchmark collector", ("org.boltkt.bench",)),
    ],
    "official": [
        ("official driver: Bolt/PackStream codec", ("org.neo4j.bolt.connection.netty.impl.messaging", "org.neo4j.driver.internal.packstream", "org.neo4j.bolt.connection.values")),
        ("official driver: session, pool, result handling", ("org.neo4j.driver", "org.neo4j.bolt.connection")),
        ("Netty event loop and socket I/O", ("io.netty", "sun.nio", "java.nio")),
        ("benchmark collector", ("org.boltkt.bench",)),
    ],
    "server": [
        ("Bolt layer (PackStream decoding of requests and parameters, answers)", ("org.neo4j.packstream", "org.neo4j.bolt")),
        ("Cypher runtime", ("org.neo4j.cypher", "org.neo4j.codegen")),
        ("kernel: transaction state, commit, log, stores, indexes",
         ("org.neo4j.kernel", "org.neo4j.internal", "org.neo4j.io", "org.neo4j.lock", "org.neo4j.storageengine",
          "org.neo4j.index", "org.neo4j.values")),
    ],
}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in LAYERS:
        sys.exit(__doc__)
    layers = LAYERS[sys.argv[1]]
    tool = os.environ.get("JFR_TOOL", "jfr")
    out = subprocess.run([tool, "print", "--json", "--events", "jdk.ExecutionSample", "--stack-depth", "64", sys.argv[2]],
                         check=True, capture_output=True, text=True).stdout
    counts = collections.Counter()
    for event in json.loads(out)["recording"]["events"]:
        frames = [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".")
                  for f in event["values"]["stackTrace"]["frames"]]
        counts[next((name for f in frames for name, prefixes in layers if f.startswith(prefixes)), "other")] += 1
    total = sum(counts.values())
    print(f"{total} execution samples in {sys.argv[2]}")
    for name, n in counts.most_common():
        print(f"{n:7d} {100 * n / total:5.1f} %  {name}")


if __name__ == "__main__":
    main()
