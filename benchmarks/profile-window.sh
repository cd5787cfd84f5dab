#!/usr/bin/env bash
# Profiles one server process over a window of its measured period (issue 20: where Pulse spends
# the CPU the floor server does not). run-e2e.sh calls it with PROFILE=1 for both servers, so the
# two are profiled under the same generator; profiling perturbs a run, so a profiled run's CPU and
# latency are not the ladder's figures.
#
#   benchmarks/profile-window.sh PID OUT_DIR SECONDS RATE
#
# In OUT_DIR, each over its own third of SECONDS (the three never overlap, so none counts another):
#   perf-report.txt   on-CPU samples (perf record -F $PERF_HZ -g) by thread kind and by symbol, with the
#                     JIT's symbols (jcmd Compiler.perfmap; run the server with -XX:+PreserveFramePointer)
#   syscalls.txt      every syscall of every thread (perf trace -s), summed by syscall and by thread
#                     kind, with calls per event (RATE events a second)
#   ctxt.tsv          voluntary and involuntary context switches and CPU ticks by thread kind, per event
#   families.txt      the event loops' samples by family of code (perf-families.py)
# Needs linux-perf and tracefs (mounted here if missing). Stops by itself after SECONDS.
# PERF_HZ (499): perf record's samples a second; 99 perturbs the server less and still gives a
# sample per 0.05 us an event at 10,000 events/s over 20 s. Neither saturates the loops while perf
# record samples (0.7-0.8 of a core at 10,000/s, BENCHMARKS.md, issue 20 round 6); perf trace does,
# in the second third, which is why a profiled run's latency is not the ladder's.
set -euo pipefail
PERF_HZ=${PERF_HZ:-499}

PID=$1 OUT=$2 WINDOW_S=$3 RATE=$4
THIRD_S=$(( WINDOW_S / 3 ))
(( THIRD_S >= 1 )) || { echo "profile-window: SECONDS must be at least 3" >&2; exit 2; }
mkdir -p "$OUT"
[[ -d /sys/kernel/tracing/events/raw_syscalls ]] || mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null || true

# comm<TAB>voluntary<TAB>involuntary<TAB>ticks for every thread of the process.
thread_counts()
{
    local task comm
    for task in /proc/"$PID"/task/*; do
        comm=$(cat "$task/comm" 2>/dev/null) || continue
        awk -v c="$comm" -v stat="$(cut -d')' -f2- "$task/stat" 2>/dev/null)" '
            $1 == "voluntary_ctxt_switches:" {v = $2} $1 == "nonvoluntary_ctxt_switches:" {n = $2}
            END {split(stat, s, " "); printf "%s\t%d\t%d\t%d\n", c, v, n, s[12] + s[13]}' "$task/status" 2>/dev/null || true
    done
}
# A thread's kind: its name without digits and "-N", so the event loops, GC workers, ... add up.
KIND='{k = $1; gsub(/[-#]?[0-9]+/, "", k)}'

thread_counts > "$OUT/threads-before.tsv"
start_ns=$(date +%s%N)

perf record -F "$PERF_HZ" -g -p "$PID" -o "$OUT/perf.data" -- sleep "$THIRD_S" > /dev/null 2>&1 || echo "perf record failed" >> "$OUT/errors.txt"
perf trace -s -p "$PID" -o "$OUT/perf-trace.txt" -- sleep "$THIRD_S" > /dev/null 2>&1 || echo "perf trace failed" >> "$OUT/errors.txt"
sleep "$THIRD_S"

end_ns=$(date +%s%N)
thread_counts > "$OUT/threads-after.tsv"
jcmd "$PID" Compiler.perfmap > /dev/null 2>&1 || echo "no perf map (jcmd Compiler.perfmap)" >> "$OUT/errors.txt"

# Context switches and ticks by kind of thread, over the whole window, per event.
awk -F'\t' -v rate="$RATE" -v ns=$(( end_ns - start_ns )) "
    NR == FNR {$KIND bv[k] += \$2; bn[k] += \$3; bt[k] += \$4; next}
    {$KIND v[k] += \$2; n[k] += \$3; t[k] += \$4}
    END {events = rate * ns / 1e9
         for (k in v) printf \"%s\\t%d\\t%d\\t%d\\t%.4f\\t%.4f\\n\", k, v[k] - bv[k], n[k] - bn[k], t[k] - bt[k], (v[k] - bv[k]) / events, (n[k] - bn[k]) / events}
" "$OUT/threads-before.tsv" "$OUT/threads-after.tsv" | sort -t$'\t' -k4,4nr > "$OUT/ctxt.body"
{
    printf '# window %.1f s, %d events: context switches and CPU ticks (1/100 s) by thread kind\n' \
        "$(awk -v ns=$(( end_ns - start_ns )) 'BEGIN {print ns / 1e9}')" "$(awk -v ns=$(( end_ns - start_ns )) -v r="$RATE" 'BEGIN {printf "%d", r * ns / 1e9}')"
    printf 'kind\tvoluntary\tinvoluntary\tticks\tvoluntary_per_event\tinvoluntary_per_event\n'
    cat "$OUT/ctxt.body"
} > "$OUT/ctxt.tsv"
rm -f "$OUT/ctxt.body"

# Syscalls: perf trace's per-thread tables summed by syscall and by thread kind.
if [[ -s $OUT/perf-trace.txt ]]; then
    awk -v rate="$RATE" -v secs="$THIRD_S" '
        /^ [^ ].* \([0-9]+\), [0-9]+ events/ {comm = $1; gsub(/[-#]?[0-9]+/, "", comm); next}
        NF >= 8 && $2 ~ /^[0-9]+$/ && $1 !~ /^-/ {calls[$1] += $2; ms[$1] += $4; bykind[comm] += $2; total += $2}
        END {events = rate * secs
             printf "# %d s, %d events: %d syscalls, %.2f per event\n\nsyscall\tcalls\tper_event\ttotal_ms\n", secs, events, total, total / events
             for (s in calls) printf "%s\t%d\t%.3f\t%.1f\n", s, calls[s], calls[s] / events, ms[s] | "sort -t\"\t\" -k2,2nr"
             close("sort -t\"\t\" -k2,2nr")
             printf "\nthread kind\tcalls\tper_event\n"
             for (k in bykind) printf "%s\t%d\t%.3f\n", k, bykind[k], bykind[k] / events | "sort -t\"\t\" -k2,2nr"
        }' "$OUT/perf-trace.txt" > "$OUT/syscalls.txt"
fi

# On-CPU samples: by thread kind, then the top symbols (self), then the top symbols of the event loops.
if [[ -s $OUT/perf.data ]]; then
    {
        echo "# perf record -F $PERF_HZ -g over $THIRD_S s; samples by thread (comm), then by symbol (self)"
        # (head closes its pipe early: "|| true", or pipefail would end the script there)
        perf report -i "$OUT/perf.data" -n --no-children --sort comm --stdio -g none 2>/dev/null | grep '%' | head -30 || true
        echo
        perf report -i "$OUT/perf.data" -n --no-children --sort dso,sym --stdio -g none 2>/dev/null | grep '%' | head -60 || true
        echo
        echo "# the event loops alone"
        # (sorted by comm, then filtered: --comms filters entries already merged over every thread, so a
        # symbol would count the other threads' samples too, or none of the loops')
        perf report -i "$OUT/perf.data" -n --no-children --sort comm,dso,sym --stdio -g none 2>/dev/null | grep '%' | grep ' multiThreadIoEv ' | head -60 || true
    } > "$OUT/perf-report.txt"
    # The event loops' samples by family of code (Chronicle, Pulse, Netty, the kernel...), for perf-families.py's side by side.
    python3 "$(dirname "$0")/perf-families.py" "$RATE" "$THIRD_S" "run=$OUT/perf.data" > "$OUT/families.txt" 2>/dev/null \
        || echo "perf-families.py failed" >> "$OUT/errors.txt"
fi
echo "profile-window: $OUT"
