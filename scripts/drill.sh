#!/usr/bin/env bash
# The cluster drill (docs/reliability.md, "A cluster: node loss, shipping and webhooks", "The
# drill"): scripts/cluster.sh starts Kafka, three Pulse nodes on the load generator's catalog and
# nginx; the load generator puts VISITORS visitors through the balancer for SECONDS; the node
# holding the most connections is killed with kill -9 after KILL_AFTER seconds and started again
# DOWN seconds later. Then it checks and prints: every visitor of the dead node served again
# within 10 s (the largest reconnect gap), no session asked a question twice or beyond the cap
# (the merged journals), every journal record in Kafka exactly once by record id, and pulse report
# over the three data directories and over Kafka equal to the report over the merged journals.
#
#   scripts/drill.sh                                   # 2,000 visitors, 4,000 events/s, 60 s
#   scripts/drill.sh --visitors 5000 --rate 8000 --seconds 120 --kill-after 40 --down 10
#
# Options go on to dev.pulse.cluster.DrillMain: --visitors N (3 to 8,000), --rate EVENTS_PER_S,
# --seconds N, --kill-after N, --down N, --work DIR (default: a new temporary directory, removed
# when the drill passed, kept and named when it failed), --no-kafka, --no-cluster-report.
#
# Needs server/target/pulse.jar, loadtest/target/pulse-loadtest.jar and cluster/target/pulse-drill.jar
# (./mvnw -B -ntp -DskipTests package) and nginx. Exit status: 0 every promise kept; 1 one broken;
# 2 usage or a missing jar; 3 the cluster or the load could not be run.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
for jar in server/target/pulse.jar loadtest/target/pulse-loadtest.jar cluster/target/pulse-drill.jar; do
  if [[ ! -f $ROOT/$jar ]]; then
    echo "drill: $jar is missing: ./mvnw -B -ntp -DskipTests package" >&2
    exit 2
  fi
done
work=""
args=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --work) work=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
keep=1
if [[ -z $work ]]; then
  work=$(mktemp -d -t pulse-drill.XXXXXX)
  keep=0
fi
status=0
java -Xmx1g -jar "$ROOT/cluster/target/pulse-drill.jar" --root "$ROOT" --work "$work" "${args[@]}" || status=$?
if [[ $status -ne 0 || $keep -eq 1 ]]; then
  echo "drill: its files are in $work"
else
  rm -rf "$work"
fi
exit $status
