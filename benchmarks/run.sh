#!/usr/bin/env bash
# boltkt vs the official Neo4j Java driver. From the repository root:
#   benchmarks/run.sh                 full run (real Neo4j 5.26 + replay server, P1–P8 and J1–J7, 3 rounds), prints the ratio tables
#   benchmarks/run.sh --smoke         seconds-long run of every cell (tiny sizes)
#   benchmarks/run.sh --no-real       replay server only (no Neo4j start)
#   benchmarks/run.sh --only P1,P3    some workloads;  --drivers nio,official   some drivers
#   benchmarks/run.sh --jfr           also record a JFR file per cell under benchmarks/target/jfr/
#   benchmarks/run.sh --no-server-warmup   no unmeasured server warm-up cell before the real-server cells
#   benchmarks/run.sh --one-server    one Neo4j for all rounds (default: a fresh one per round, warmed up again)
#   benchmarks/run.sh --no-mirror     one real-server cell per driver per round (default: mirrored order A B B A, averaged)
#   benchmarks/run.sh --rounds 3 --iterations 5 --scale 1   rounds over all cells (ratios with min–max), measured
#                                     iterations per cell, amount of work per workload (defaults shown)
#   benchmarks/run.sh --vt-java PATH  the JDK 21+ java for J7 (virtual threads; default Temurin 25)
#   benchmarks/run.sh --jmh [JMH args] the JMH microbenchmarks instead (e.g. --jmh ChunkBench -f 1)
# BENCH_SKIP_BUILD=1 reuses the last build. The table is also written to benchmarks/target/bench-results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  mvn -q -pl benchmarks -am process-classes -Dkotlin.compiler.daemon=false
fi
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ "${1:-}" = "--jmh" ]; then
  shift
  exec "$JAVA" -cp "$CP" org.openjdk.jmh.Main "$@"
fi
exec "$JAVA" -Xmx1g -Dboltkt.buildDirectory=benchmarks/target -cp "$CP" org.boltkt.bench.Main "$@"
