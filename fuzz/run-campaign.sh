#!/usr/bin/env bash
# By-hand fuzz campaign: runs Jazzer targets one after another, RUNS inputs each (default 10 million), and appends
# each run's outcome (commit, target, libFuzzer's "Done N runs in S second(s)" line or its last status line, exit
# code) to $LOG. Not part of CI. docs/RELIABILITY.md has the figures of past campaigns.
#
#   fuzz/run-campaign.sh                                  # every target, 10M inputs each
#   TARGETS="ProtocolFuzzTest#responseStream" RUNS=20000 fuzz/run-campaign.sh
#   MAX_SECONDS=3600 fuzz/run-campaign.sh                 # also stop each target after an hour
#   FUZZ_SKIP_BUILD=1 ...                                 # no install of the modules first (reuse the last one)
#
# A finding is written under the target's regression-inputs folder (src/test/resources/.../<Class>Inputs/) and then
# fails `mvn verify` until fixed; the working corpus grows under <module>/.cifuzz-corpus/ (ignored by git).
set -uo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-10000000}"
MAX_SECONDS="${MAX_SECONDS:-0}"
LOG="${LOG:-fuzz/target/campaign.log}"
TARGETS="${TARGETS:-ProtocolFuzzTest#responseStream ProtocolFuzzTest#packStreamValue ClientFuzzTest#summaryMetadata ClientFuzzTest#plan ClientFuzzTest#routingTable ClientFuzzTest#connection}"
mkdir -p fuzz/target "$(dirname "$LOG")"

# Each target runs in its own module offline, against the upstream modules' installed jars.
if [[ "${FUZZ_SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q install -DskipTests -Dboltkt.apidocs.skip=true -pl client -am || exit 1
fi
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!fuzz' || echo '+changes')"

status=0
for target in $TARGETS; do
  class="${target%%#*}"
  case "$class" in
    ProtocolFuzzTest) module=bolt-protocol ;;
    ClientFuzzTest) module=client ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
  started="$(date -u +%FT%TZ)"
  log="fuzz/target/${target/\#/-}.maven.log"
  JAZZER_FUZZ=1 mvn -B -o -pl "$module" test -Dtest="$target" \
    -Dsurefire.failIfNoSpecifiedTests=false -Dboltkt.apidocs.skip=true \
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1="-runs=$RUNS" \
    -Djazzer.internal.arg.2="-max_total_time=$MAX_SECONDS" >"$log" 2>&1
  rc=$?
  # libFuzzer's lines reach Maven's output or, when Surefire redirects the test output, the class's -output.txt.
  output="$(cat "$log" "$module/target/surefire-reports/"*"$class"-output.txt 2>/dev/null)"
  result="$(grep -aE '^Done [0-9]+ runs' <<<"$output" | tail -1)"
  [[ -z "$result" ]] && result="no Done line; last status: $(grep -aE '^#[0-9]+' <<<"$output" | tail -1)"
  echo "$started $(date -u +%FT%TZ) $commit $target runs=$RUNS max_total_time=$MAX_SECONDS exit=$rc | $result" | tee -a "$LOG"
  [[ $rc -ne 0 ]] && status=$rc
done
exit "$status"
