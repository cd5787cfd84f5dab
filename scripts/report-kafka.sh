#!/usr/bin/env bash
# The cluster report's records/s from Kafka, for BENCHMARKS.md: TopicReportThroughputTest writes
# RECORDS records (a million) of synthetic traffic, produces them to a six-partition topic of a real
# broker, reads the topic back into journal order and makes the report, and prints one line of figures.
#
#   scripts/report-kafka.sh [extra Maven arguments, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
RECORDS="${RECORDS:-1000000}"

./mvnw -q -B -ntp "$@" -pl report -am verify -Dtest=TopicReportThroughputTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpulse.report.topic.records="$RECORDS"
echo "java: $(java -version 2>&1 | head -1); commit: $(git rev-parse --short HEAD); cores: $(nproc)"
grep '^report-kafka:' report/target/surefire-reports/dev.pulse.report.TopicReportThroughputTest-output.txt
