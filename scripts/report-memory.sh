#!/usr/bin/env bash
# The report's memory and throughput on a long synthetic journal, for BENCHMARKS.md: ReportMemoryTest
# writes RECORDS records (20 million) of three days of traffic through the real journal, then makes
# the report of its first two days RUNS times (3), each in a child JVM with -Xmx$HEAP (256m), and
# prints one line of figures per run: records and MiB read per second, the heap in use after the
# collections of the pass. The suite runs the same test once (CI does not run this script).
#
#   scripts/report-memory.sh [extra Maven arguments, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
RECORDS="${RECORDS:-20000000}"
RUNS="${RUNS:-3}"
HEAP="${HEAP:-256m}"

./mvnw -q -B -ntp "$@" -pl report -am verify -Dtest=ReportMemoryTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpulse.report.memory.records="$RECORDS" -Dpulse.report.memory.runs="$RUNS" -Dpulse.report.memory.heap="$HEAP"
echo "java: $(java -version 2>&1 | head -1); commit: $(git rev-parse --short HEAD)"
grep '^report-memory:' report/target/surefire-reports/dev.pulse.report.ReportMemoryTest-output.txt
