#!/usr/bin/env python3
"""The event loops' on-CPU samples of profiled runs (profile-window.sh's perf.data) by family of code,
side by side, in samples and in microseconds an event: the kernel, Chronicle Map, Pulse's own code,
Jackson, Netty's codecs, channels and buffers, the JVM itself (libjvm: GC barriers' slow paths, stack
walks), stubs, the JDK. Self samples: what the JIT inlined counts in the frame it was inlined into,
so the split between families is approximate. Run it where the run happened, while the JIT's map
(/tmp/perf-PID.map) is still there.

  benchmarks/perf-families.py [--within PHASE] RATE SECONDS NAME=RUN/profile/perf.data[,RUN2/profile/perf.data...] [NAME=...]

RATE events a second over SECONDS (profile-window.sh's perf record window: a third of its window).
The first run is the one the others are compared with (a column of differences, in us an event).
Several perf.data files for one name (reps of one server, comma-separated) give the median of each
row over them (so the rows of a column need not add up to its total, itself a median).

A second table splits the same samples by phase of a connection, from each sample's whole stack
(run the server with -XX:+PreserveFramePointer): accepting it and its HTTP upgrade, its hello, its
close, the journal's release of held acks, timers, its messages, and the loop's own waiting and
tasks. A sample in a syscall made from native code (libc's send and recv, Netty's epoll) has lost
its Java callers: those are a row of their own. The load generator's sessions are short (a
journey, then a new session on a new connection), so a connection carries only tens of events,
and what a connection costs once weighs on every event.

--within PHASE (the start of a phase's name, e.g. hello) adds a third table: that phase's samples by the
Java methods on their stacks (inclusive: a sample counts once for every method it passes through,
so the rows overlap), to see what one phase spends more on than the other server's."""
import collections
import functools
import re
import statistics
import subprocess
import sys

COMM = "multiThreadIoEv"


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
    # Sorted by comm too, not filtered with --comms: perf report merges a symbol's samples over every
    # thread before --comms filters the merged entries by their first sample's thread, so a symbol
    # would count the other threads' samples too (the kernel's scheduler, from the journal thread),
    # or none of the loops' (round 3's family table, made so, is off by that).
    out = subprocess.run(["perf", "report", "-i", perf_data, "--no-children", "-n", "--stdio", "-g", "none", "--percent-limit", "0",
                          "--sort", "comm,dso,sym"], capture_output=True, text=True, check=True).stdout
    counts = collections.Counter()
    for line in out.splitlines():
        match = re.match(r"\s+[\d.]+%\s+(\d+)\s+" + COMM + r"\s+(.+?)\s+\[(.)\]\s+(.*)$", line)
        if match and not line.startswith("#"):
            counts[family(match.group(2), match.group(3), match.group(4))] += int(match.group(1))
    return counts


# A sample's phase: the first rule with a frame of its stack matching. A sample in a syscall made from
# libc or Netty's native code has no Java frame (those frames have no frame pointer): its caller is
# unknown, so it has a row of its own. Stacks the rules miss are the loop's.
PHASES = [
    ("close", re.compile(r"channelInactive|channelInputClosed|doClose|AbstractChannel\$AbstractUnsafe(\$6)?\.(close|run)|deregister|"
                         r"epollRdHupReady|DefaultChannelPipeline\.destroy|__x64_sys_close|tcp_close|\.left\(|SessionForget|ConnectionCloser")),
    ("accept and HTTP upgrade", re.compile(r"ServerBootstrap|ChannelInitializer|AbstractEpollServerChannel|io\.netty\.handler\.codec\.http\.Http|"
                                           r"Handshake|UpgradeGate|DefaultChannelPipeline\.(add|remove|replace)|__sys_accept4")),
    # The floor's hello is inlined into its handler: a new entry in the map (at hello only) marks it too.
    ("hello (session start)", re.compile(r"SessionHello|FloorSessions\.start|CompiledMapQueryContext\.(putNewVolatile|initValue)")),
    ("journal's release of held acks", re.compile(r"JournalHold|onJournalWritten")),
    ("timers", re.compile(r"LoopTimers|DeadlineTimerWheel|SessionTimer|ReadTimeout|onTimer|ScheduledFutureTask|WriteStallGuard")),
    ("messages (read, decode, handle, write)", re.compile(r"channelRead|epollInReady|epollOutReady|flush|ChannelOutboundBuffer|doWrite")),
]
CUT = "a syscall from native code (send, recv, epoll: its Java caller unknown)"
JAVA_FRAME = re.compile(r"[\w$]+\.[\w$<>]+\(|Interpreter")
LOOP = "the loop (epoll, wake-ups, other tasks)"


@functools.lru_cache(maxsize=None)
def stacks(perf_data):
    """Each loop sample's frames, leaf first: their symbols (perf script prints each after its address)."""
    out = subprocess.run(["perf", "script", "-i", perf_data, "--comms", COMM, "-F", "ip,sym"], capture_output=True, text=True,
                         check=True).stdout
    return [[line.strip().split(" ", 1)[-1] for line in stack.splitlines() if line.strip()] for stack in out.split("\n\n")]


def phase_of(frames):
    if not any(JAVA_FRAME.search(f) for f in frames):
        return CUT
    return next((name for name, rule in PHASES if any(rule.search(f) for f in frames)), LOOP)


def phases(perf_data):
    return collections.Counter(phase_of(frames) for frames in stacks(perf_data) if frames)


WITHIN_ALL = "(all the phase's samples)"


def methods_within(perf_data, phase):
    """The samples of the phases whose names start with phase, by the Java methods on their stacks (inclusive)."""
    counts = collections.Counter()
    for frames in stacks(perf_data):
        if frames and phase_of(frames).startswith(phase):
            counts[WITHIN_ALL] += 1
            counts.update({re.sub(r"\(.*", "", f).split(" ")[-1] for f in frames if JAVA_FRAME.search(f)})
    # What every sample of the phase passes through (the loop, the pipeline up to the handler) says nothing.
    return collections.Counter({k: c for k, c in counts.items() if k == WITHIN_ALL or c < counts[WITHIN_ALL]})


def table(title, column, named, us_per_sample, order=None, total="total"):
    base_name, base = named[0]
    names = order or sorted({k for _, reps in named for c in reps for k in c}, key=lambda k: -sum(c[k] for _, reps in named for c in reps))
    print(title)
    head = "| %s | " % column + " | ".join("%s samples | %s us/event" % (n, n) for n, _ in named)
    head += "".join(" | %s - %s us/event" % (n, base_name) for n, _ in named[1:]) + " |"
    print(head)
    print("|---" * (1 + 2 * len(named) + len(named) - 1) + "|")
    for k in names + ([total] if total else []):
        value = lambda reps, k=k: statistics.median(sum(c.values()) if k == total else c[k] for c in reps)
        row = "| %s | " % k + " | ".join("%d | %.2f" % (value(reps), value(reps) * us_per_sample) for _, reps in named)
        row += "".join(" | %+.2f" % ((value(reps) - value(base)) * us_per_sample) for _, reps in named[1:]) + " |"
        print(row)


def sample_hz(perf_data):
    """The samples a second perf recorded at (profile-window.sh's PERF_HZ), from the file's header."""
    out = subprocess.run(["perf", "evlist", "-F", "-i", perf_data], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"sample_freq=(\d+)", out).group(1))


def main(rate, seconds, runs, within=None):
    runs = [run.split("=", 1) for run in runs]
    rates = {sample_hz(path) for _, paths in runs for path in paths.split(",")}
    if len(rates) != 1:
        sys.exit("perf-families: the runs were sampled at different rates (%s a second): their samples do not compare" % sorted(rates))
    us_per_sample = 1e6 / rates.pop() / (rate * seconds)
    scale = "%d events/s over %d s (one sample = %.3f us an event)" % (rate, seconds, us_per_sample)
    reps = "" if all("," not in paths for _, paths in runs) else ", medians of the reps"
    table("# the event loops' samples by family, " + scale + reps, "family",
          [(name, [families(path) for path in paths.split(",")]) for name, paths in runs], us_per_sample)
    print()
    table("# the event loops' samples by phase of a connection, " + scale + reps, "phase",
          [(name, [phases(path) for path in paths.split(",")]) for name, paths in runs], us_per_sample, [name for name, _ in PHASES] + [LOOP, CUT])
    if within:
        named = [(name, [methods_within(path, within) for path in paths.split(",")]) for name, paths in runs]
        top = sorted({k for _, reps in named for c in reps for k in c}, key=lambda k: -max(c[k] for _, reps in named for c in reps))
        print()
        table("# the phase '%s...' by the Java methods its samples pass through (inclusive, so the rows overlap), "
              % within + scale + reps, "method", named, us_per_sample, top[:40], total=None)


if __name__ == "__main__":
    args = sys.argv[1:]
    within = None
    if args[:1] == ["--within"] and len(args) > 1:
        within, args = args[1], args[2:]
    if len(args) < 3:
        sys.exit(__doc__)
    main(int(args[0]), int(args[1]), args[2:], within)
