#!/usr/bin/env python3
"""The event loops' on-CPU samples of profiled runs (profile-window.sh's perf.data) by family of code,
side by side, in samples and in microseconds an event: the kernel, Chronicle Map, Pulse's own code,
Jackson, Netty's codecs, channels and buffers, the JVM itself (libjvm: GC barriers' slow paths, stack
walks), stubs, the JDK. Self samples: what the JIT inlined counts in the frame it was inlined into,
so the split between families is approximate. Run it where the run happened, while the JIT's map
(/tmp/perf-PID.map) is still there.

  benchmarks/perf-families.py RATE SECONDS NAME=RUN/profile/perf.data [NAME=...]

RATE events a second over SECONDS (profile-window.sh's perf record window: a third of its window).
The first run is the one the others are compared with (a column of differences, in us an event)."""
import collections
import re
import subprocess
import sys

COMM = "multiThreadIoEv"
HZ = 499  # profile-window.sh's perf record -F


def family(dso, kind, symbol):
    if kind == "k":
        return "kernel"
    if "libjvm" in dso:
        return "JVM (libjvm)"
    if "libc" in dso or "vdso" in dso:
        return "libc, vdso"
    rules = [("openhft", "Chronicle Map"), ("dev.pulse", "Pulse (or the floor's handler)"), ("jackson", "Jackson"),
             ("agrona", "Agrona"), ("io.netty.handler.codec", "Netty codecs"),
             ("io.netty.buffer", "Netty buffers"), ("Recycler", "Netty buffers"), ("ResourceLeak", "Netty buffers"),
             ("io.netty", "Netty channels, loop"), ("Stub", "stubs"), ("vtable", "stubs"), ("itable", "stubs"),
             ("Interpreter", "interpreter"), ("java.", "JDK"), ("jdk.", "JDK"), ("sun.", "JDK")]
    return next((name for key, name in rules if key in symbol), "other")


def families(perf_data):
    out = subprocess.run(["perf", "report", "-i", perf_data, "--no-children", "-n", "--stdio", "-g", "none", "--comms", COMM,
                          "--percent-limit", "0", "--sort", "dso,sym"], capture_output=True, text=True, check=True).stdout
    counts = collections.Counter()
    for line in out.splitlines():
        match = re.match(r"\s+[\d.]+%\s+(\d+)\s+(.+?)\s+\[(.)\]\s+(.*)$", line)
        if match and not line.startswith("#"):
            counts[family(match.group(2), match.group(3), match.group(4))] += int(match.group(1))
    return counts


def main(rate, seconds, runs):
    us_per_sample = 1e6 / HZ / (rate * seconds)
    named = [(name, families(path)) for name, path in (run.split("=", 1) for run in runs)]
    base_name, base = named[0]
    names = sorted({k for _, c in named for k in c}, key=lambda k: -sum(c[k] for _, c in named))
    print("# the event loops' samples by family, %d events/s over %d s (one sample = %.3f us an event)" % (rate, seconds, us_per_sample))
    head = "| family | " + " | ".join("%s samples | %s us/event" % (n, n) for n, _ in named)
    head += "".join(" | %s - %s us/event" % (n, base_name) for n, _ in named[1:]) + " |"
    print(head)
    print("|---" * (1 + 2 * len(named) + len(named) - 1) + "|")
    for k in names + ["total"]:
        value = (lambda c: sum(c.values())) if k == "total" else (lambda c, k=k: c[k])
        row = "| %s | " % k + " | ".join("%d | %.2f" % (value(c), value(c) * us_per_sample) for _, c in named)
        row += "".join(" | %+.2f" % ((value(c) - value(base)) * us_per_sample) for _, c in named[1:]) + " |"
        print(row)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:])
