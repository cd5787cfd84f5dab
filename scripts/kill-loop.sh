#!/usr/bin/env bash
# The kill -9 loop, the proof of the ack promise (docs/reliability.md): for each fsync policy, a
# server under steady load with capture_events on (every handled message gets one raw_event
# journal record carrying its seq) is killed with SIGKILL at random instants KILLS times and
# restarted on the same data directory each time; the clients reconnect, resume by sid and resend
# everything after the welcome's seq. Then the load stops, every session drains, the server stops
# gracefully, and the journal (pulse journal cat) is checked against the clients' ledgers: every
# acked message has exactly one record, no message has two, no record names a seq never sent.
#
#   scripts/kill-loop.sh                                   # 50 kills under always, 50 under interval
#   scripts/kill-loop.sh --kills 10 --policy interval --seconds-between 0.5..2
#
# Options (all but --policy and --keep go on to dev.pulse.loadtest.KillLoopMain, whose --help says more):
#   --kills N                 kills per policy (default 50)
#   --policy P[,P]            always, interval and/or never (default always,interval)
#   --seconds-between MIN..MAX  how long each server runs before its kill, uniform (default 0.5..3)
#   --sessions N              concurrent sessions on loopback, 1 to 1000 (default 100)
#   --rate N                  messages per second per session, 1 to 40 (default 10)
#   --max-minutes N           per policy, no kill starts after this long (default 60)
#   --seed N                  for the run lengths and the reconnect jitter
#   --keep                    keep each policy's work directory (data, catalog, server.log) even when it passed
# SERVER_JVM_OPTS (default: C1 only and the serial collector, which start fastest) go to the server.
#
# Needs server/target/pulse.jar and loadtest/target/pulse-loadtest.jar (./mvnw -B -ntp -DskipTests
# package); builds nothing. Each policy works in its own temporary directory, removed when it
# passed, kept (and named) when it failed. Prints the counts per policy (kills, sessions, messages
# sent, acked, records, missing, duplicated, unsent-with-record). Exit status: 0 every policy
# passed; 1 a check failed; 2 a usage error or a missing jar; 3 the server could not be run.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SERVER_JAR=${SERVER_JAR:-$ROOT/server/target/pulse.jar}
LOADTEST_JAR=${LOADTEST_JAR:-$ROOT/loadtest/target/pulse-loadtest.jar}
SERVER_JVM_OPTS=${SERVER_JVM_OPTS:-"-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"}

policies=always,interval
keep=0
kills=50
pass=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --policy) policies=${2:?--policy needs a value}; shift 2 ;;
    --keep) keep=1; shift ;;
    --kills) kills=${2:?--kills needs a value}; shift 2 ;;
    --seconds-between|--sessions|--rate|--max-minutes|--seed)
      pass+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "kill-loop: unknown option $1 (--help lists them)" >&2; exit 2 ;;
  esac
done

for file in "$SERVER_JAR" "$LOADTEST_JAR"; do
  if [[ ! -f $file ]]; then
    echo "kill-loop: missing $file (build with ./mvnw -B -ntp -DskipTests package)" >&2
    exit 2
  fi
done

loop_pid=
# Stopping the script stops the loop, whose shutdown hook kills the server it runs.
trap '[[ -n $loop_pid ]] && kill "$loop_pid" 2>/dev/null; wait; exit 130' INT TERM

worst=0
summary=()
IFS=, read -r -a policy_list <<< "$policies"
for policy in "${policy_list[@]}"; do
  work=$(mktemp -d "${TMPDIR:-/tmp}/pulse-kill-loop-$policy.XXXXXX")
  # shellcheck disable=SC2086 # SERVER_JVM_OPTS is a list of options
  java -cp "$LOADTEST_JAR" dev.pulse.loadtest.KillLoopMain --kills "$kills" ${pass[@]+"${pass[@]}"} --policy "$policy" --work "$work" \
    -- java $SERVER_JVM_OPTS -jar "$SERVER_JAR" &
  loop_pid=$!
  status=0
  wait "$loop_pid" || status=$?
  loop_pid=
  if [[ $status -eq 0 ]]; then
    summary+=("$policy OK")
    [[ $keep -eq 1 ]] && summary+=("  (kept $work)") || rm -rf "$work"
  else
    summary+=("$policy FAILED (status $status; data, catalog and server.log kept in $work)")
    (( status > worst )) && worst=$status
  fi
done

echo "kill-loop summary:"
printf '  %s\n' "${summary[@]}"
exit "$worst"
