#!/usr/bin/env python3
"""Per kind of thread, between two snapshots of diagnose-threads.sh (tid, comm, voluntary and
involuntary switches, ticks, schedstat run/wait ns, slices): threads, voluntary and involuntary
switches a second (a voluntary switch is a wake-up from a park, sleep or poll), CPU and run-queue
wait in ms a second. The window is the snapshots' schedstat clock: the mean wall time between them
is taken from the files' modification times."""
import collections
import os
import re
import sys


def load(path):
    rows = {}
    with open(path) as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 8:
                rows[fields[0]] = (fields[1], *map(int, fields[2:]))
    return rows


def main(before_path, after_path):
    before, after = load(before_path), load(after_path)
    seconds = os.path.getmtime(after_path) - os.path.getmtime(before_path)
    kinds = collections.defaultdict(lambda: [0] * 6)
    for tid, (comm, vol, invol, _ticks, run_ns, wait_ns, slices) in after.items():
        if tid not in before:
            continue
        _, vol0, invol0, _, run0, wait0, slices0 = before[tid]
        row = kinds[re.sub(r"[-#]?[0-9]+", "", comm)]
        row[0] += 1
        for i, delta in enumerate((vol - vol0, invol - invol0, run_ns - run0, wait_ns - wait0, slices - slices0), start=1):
            row[i] += delta
    print(f"# {seconds:.1f} s")
    print("kind\tthreads\tvoluntary/s\tinvoluntary/s\tcpu_ms/s\trunqueue_ms/s")
    for kind, (n, vol, invol, run_ns, wait_ns, slices) in sorted(kinds.items(), key=lambda kv: -kv[1][3]):
        if slices:
            print(f"{kind}\t{n}\t{vol / seconds:.1f}\t{invol / seconds:.1f}\t{run_ns / seconds / 1e6:.2f}\t{wait_ns / seconds / 1e6:.2f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
