package dev.pulse.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Reads a run directory of {@code benchmarks/run-e2e.sh} and writes its markdown report: the
 * machine, the commands, per offered rate a table of Pulse against the floor server (medians over
 * the repetitions; correctness counts summed; GC pause the worst), the SVG chart of question latency
 * against rate beside the report, and in connections mode the memory per 10,000 connections.
 *
 * <p>{@code java -cp pulse-benchmarks.jar dev.pulse.bench.e2e.E2eReport RUN_DIR [REPORT.md]}
 */
public final class E2eReport
{
    private static final String PULSE = "pulse";
    private static final String FLOOR = "floor";
    private static final double KB_PER_MB = 1024;
    /** The bar for "held": question latency p99 at most this. */
    private static final double P99_BUDGET_MS = 10;

    private E2eReport()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        if (args.length < 1 || args.length > 2)
        {
            System.err.println("usage: E2eReport RUN_DIR [REPORT.md]");
            System.exit(2);
        }
        final Path dir = Path.of(args[0]);
        if (!Files.isRegularFile(dir.resolve("machine.env")))
        {
            System.err.println("E2eReport: " + dir + " is not a run directory of run-e2e.sh (no machine.env)");
            System.exit(2);
        }
        final Path report = args.length == 2 ? Path.of(args[1]) : dir.resolve("report.md");
        final String chartName = report.getFileName().toString().replaceFirst("\\.md$", "") + "-latency.svg";
        final List<LadderRun> ladder = new ArrayList<>();
        for (final Path run : subdirectories(dir.resolve("runs")))
        {
            ladder.add(LadderRun.read(run));
        }
        final List<ConnectionsRun> connections = new ArrayList<>();
        for (final Path run : subdirectories(dir.resolve("conn")))
        {
            connections.add(ConnectionsRun.read(run));
        }
        final StringBuilder out = new StringBuilder(16_384);
        machine(out, KeyValues.read(dir.resolve("machine.env")));
        if (!ladder.isEmpty())
        {
            ladder(out, ladder, chartName);
            final Path chart = report.toAbsolutePath().getParent().resolve(chartName);
            Files.writeString(chart, LatencyChart.svg("Question latency against offered rate", series(ladder)), StandardCharsets.UTF_8);
        }
        if (!connections.isEmpty())
        {
            connections(out, connections);
        }
        Files.writeString(report, out.toString(), StandardCharsets.UTF_8);
    }

    private static List<Path> subdirectories(final Path dir) throws IOException
    {
        if (!Files.isDirectory(dir))
        {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir))
        {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static void machine(final StringBuilder out, final KeyValues m)
    {
        out.append("# End-to-end: Pulse against the floor server\n\n");
        out.append("Run ").append(m.text("date")).append(" at commit ").append(m.text("git")).append(".\n\n");
        out.append("| machine | |\n|---|---|\n");
        row(out, "cores (`nproc`)", m.text("nproc"));
        row(out, "CPU", m.text("cpu_model"));
        row(out, "memory", m.text("mem_total"));
        row(out, "kernel", m.text("kernel"));
        row(out, "JVM", m.text("java").trim());
        row(out, "open files (`ulimit -Hn`)", m.text("ulimit_hn"));
        if (m.text("server_cpus").isEmpty() && m.text("generator_cpus").isEmpty())
        {
            out.append("\nGenerator and servers share these cores; each server runs alone, in turn, against the same generator.\n\n");
        }
        else
        {
            out.append(String.format(Locale.ROOT, "%nPinned with `taskset -c`: each server on CPUs %s, the generator on CPUs %s; " +
                "each server runs alone, in turn, against the same generator.%n%n",
                or(m.text("server_cpus"), "any"), or(m.text("generator_cpus"), "any")));
        }
        out.append("Commands (RUN is the run's directory, PORT and RATE the point of the ladder):\n\n");
        out.append("    ").append(m.text("pulse_command")).append('\n');
        out.append("    ").append(m.text("floor_command")).append('\n');
        out.append("    ").append(m.text("generator_command")).append("\n\n");
        out.append(String.format(Locale.ROOT, "Ladder: rates %s, %s sessions, %s repetitions, warm-up %s, measured %s, mix `%s`.%n%n",
            m.text("rates"), m.text("sessions"), m.text("reps"), m.text("warmup"), m.text("duration"), m.text("mix")));
    }

    private static void ladder(final StringBuilder out, final List<LadderRun> runs, final String chartName)
    {
        final TreeSet<Integer> rates = new TreeSet<>();
        runs.forEach(r -> rates.add(r.rate()));
        out.append("## Summary (medians over repetitions)\n\n");
        out.append("| offered/s | Pulse q p99 (ms) | floor q p99 (ms) | ratio | Pulse CPU µs/event | floor CPU µs/event | ratio | " +
            "gen CPU µs/event | CPU stolen (%) | correctness |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (final int rate : rates)
        {
            final List<LadderRun> pulse = of(runs, PULSE, rate);
            final List<LadderRun> floor = of(runs, FLOOR, rate);
            final double pulseP99 = median(pulse, LadderRun::questionP99Us) / 1e3;
            final double floorP99 = median(floor, LadderRun::questionP99Us) / 1e3;
            final double pulseCpu = median(pulse, LadderRun::serverCpuUsPerEvent);
            final double floorCpu = median(floor, LadderRun::serverCpuUsPerEvent);
            out.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", rate, num(pulseP99), num(floorP99),
                ratio(pulseP99, floorP99), num(pulseCpu), num(floorCpu), ratio(pulseCpu, floorCpu),
                num(median(both(pulse, floor), LadderRun::generatorCpuUsPerEvent)),
                num(median(both(pulse, floor), LadderRun::machineStealPercent)), correctness(both(pulse, floor))));
        }
        out.append(String.format(Locale.ROOT, "%nHighest offered rate with a question p99 (median) of at most %s ms: Pulse %s, floor %s (%s).%n",
            num(P99_BUDGET_MS), rateText(highestRateWithin(runs, PULSE, P99_BUDGET_MS)),
            rateText(highestRateWithin(runs, FLOOR, P99_BUDGET_MS)),
            ratio(highestRateWithin(runs, PULSE, P99_BUDGET_MS), highestRateWithin(runs, FLOOR, P99_BUDGET_MS))));
        out.append("CPU stolen: the share of the whole machine's CPU time that the hypervisor gave to other guests over the measured ");
        out.append("period (`steal` in `/proc/stat`); the tail moves with it.\n");
        out.append("\n![question latency against offered rate](").append(chartName).append(")\n\n");
        for (final int rate : rates)
        {
            rateTable(out, rate, of(runs, PULSE, rate), of(runs, FLOOR, rate));
        }
    }

    /** The highest rate of the ladder whose median question p99 is within the budget; NaN when none is. */
    static double highestRateWithin(final List<LadderRun> runs, final String server, final double p99Ms)
    {
        final TreeSet<Integer> rates = new TreeSet<>();
        runs.stream().filter(r -> r.server().equals(server)).forEach(r -> rates.add(r.rate()));
        double highest = Double.NaN;
        for (final int rate : rates)
        {
            if (median(of(runs, server, rate), LadderRun::questionP99Us) / 1e3 <= p99Ms)
            {
                highest = rate;
            }
        }
        return highest;
    }

    private static String rateText(final double rate)
    {
        return Double.isNaN(rate) ? "none of the ladder's rates" : String.format(Locale.ROOT, "%,.0f events/s", rate);
    }

    private static void rateTable(final StringBuilder out, final int rate, final List<LadderRun> pulse, final List<LadderRun> floor)
    {
        out.append(String.format(Locale.ROOT, "## %,d events/s offered (%d + %d runs)%n%n", rate, pulse.size(), floor.size()));
        out.append("| measure | Pulse | floor | Pulse / floor |\n|---|---:|---:|---:|\n");
        medianRow(out, "events/s achieved", pulse, floor, LadderRun::eventsPerSecond, 1);
        medianRow(out, "question p50 (ms)", pulse, floor, LadderRun::questionP50Us, 1e3);
        medianRow(out, "question p99 (ms)", pulse, floor, LadderRun::questionP99Us, 1e3);
        medianRow(out, "question p99.9 (ms)", pulse, floor, LadderRun::questionP999Us, 1e3);
        medianRow(out, "questions received", pulse, floor, LadderRun::questionCount, 1);
        medianRow(out, "server CPU µs/event", pulse, floor, LadderRun::serverCpuUsPerEvent, 1);
        medianRow(out, "generator CPU µs/event", pulse, floor, LadderRun::generatorCpuUsPerEvent, 1);
        medianRow(out, "generator CPU in the kernel (%)", pulse, floor, r -> r.generatorSystemShare() * 100, 1);
        medianRow(out, "generator send lag p99 (µs)", pulse, floor, LadderRun::sendLagP99Us, 1);
        medianRow(out, "machine CPU stolen by the hypervisor (%)", pulse, floor, LadderRun::machineStealPercent, 1);
        medianRow(out, "machine CPU idle (%)", pulse, floor, LadderRun::machineIdlePercent, 1);
        medianRow(out, "server event loops waiting for a core (ms per s, summed)", pulse, floor, LadderRun::serverLoopsRunQueueMsPerS, 1);
        medianRow(out, "server event loops: mean wait for a core per wake-up (µs)", pulse, floor, LadderRun::serverLoopsWaitPerSliceUs, 1);
        medianRow(out, "server RSS (MB)", pulse, floor, LadderRun::rssMb, 1);
        out.append(String.format(Locale.ROOT, "| GC max pause, worst run (ms) | %s | %s | |%n",
            num(max(pulse, LadderRun::gcMaxPauseMs)), num(max(floor, LadderRun::gcMaxPauseMs))));
        out.append(String.format(Locale.ROOT, "| generator GC max pause, worst run (ms) | %s | %s | |%n",
            num(max(pulse, LadderRun::generatorGcMaxPauseMs)), num(max(floor, LadderRun::generatorGcMaxPauseMs))));
        out.append(String.format(Locale.ROOT, "| missed / unexpected / acks lost, all runs | %s | %s | |%n", counts(pulse), counts(floor)));
        out.append(String.format(Locale.ROOT, "| generator exit statuses | %s | %s | |%n", exits(pulse), exits(floor)));
        out.append(String.format(Locale.ROOT, "| event to question inside the server, p99 bucket bound (ms) | %s | | |%n",
            num(median(pulse, LadderRun::serverQuestionP99BoundMs))));
        out.append(String.format(Locale.ROOT, "| idle-timer lateness p99, bucket bound (ms); timers fired | %s; %s | | |%n%n",
            num(median(pulse, LadderRun::timerLatenessP99BoundMs)), num(median(pulse, LadderRun::timerLatenessCount))));
    }

    private static void connections(final StringBuilder out, final List<ConnectionsRun> runs)
    {
        out.append("## Connections: memory per 10,000 held connections\n\n");
        out.append("Each server idle, then holding N connections of the generator with light traffic (ordinary browsing, by default one event ");
        out.append("per session every 10 s); heap after a full GC (`jcmd GC.heap_info`), direct memory as Native Memory Tracking's `Other`, RSS from ");
        out.append("`/proc` (anonymous, and file-backed: Pulse's memory-mapped session map). Growth from idle to held, per 10,000. ");
        out.append("With the heap pre-touched (the default `CONN_JVM_OPTS`), RSS growth is what lives outside the heap, and the cost ");
        out.append("of a connection is live heap plus RSS growth.\n\n");
        out.append("| server | N | sockets | RSS (MB/10k) | RSS anon (MB/10k) | RSS file (MB/10k) | heap (MB/10k) | direct (MB/10k) | " +
            "NMT total (MB/10k) | RSS per connection (KB) | heap + RSS per connection (KB) |\n" +
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        final List<ConnectionsRun> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparing(ConnectionsRun::server).thenComparingInt(ConnectionsRun::connections));
        for (final ConnectionsRun r : sorted)
        {
            final double rssPerConnection = (r.heldRssKb() - r.idleRssKb()) / r.connections();
            final double heapPerConnection = (r.heldHeapKb() - r.idleHeapKb()) / r.connections();
            out.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.server(), r.connections(),
                num(r.openSockets()), num(r.per10k(r.idleRssKb(), r.heldRssKb()) / KB_PER_MB),
                num(r.per10k(r.idleRssAnonKb(), r.heldRssAnonKb()) / KB_PER_MB), num(r.per10k(r.idleRssFileKb(), r.heldRssFileKb()) / KB_PER_MB),
                num(r.per10k(r.idleHeapKb(), r.heldHeapKb()) / KB_PER_MB), num(r.per10k(r.idleNmtOtherKb(), r.heldNmtOtherKb()) / KB_PER_MB),
                num(r.per10k(r.idleNmtTotalKb(), r.heldNmtTotalKb()) / KB_PER_MB), num(rssPerConnection), num(rssPerConnection + heapPerConnection)));
        }
        out.append('\n');
    }

    private static List<LatencyChart.Series> series(final List<LadderRun> runs)
    {
        final List<LatencyChart.Series> series = new ArrayList<>();
        final String[] names = {"p50", "p99", "p99.9"};
        final String[] colours = {"#1b9e77", "#d95f02", "#7570b3"};
        final List<ToDoubleFunction<LadderRun>> measures = List.of(LadderRun::questionP50Us, LadderRun::questionP99Us, LadderRun::questionP999Us);
        final TreeSet<Integer> rates = new TreeSet<>();
        runs.forEach(r -> rates.add(r.rate()));
        for (final String server : List.of(PULSE, FLOOR))
        {
            for (int i = 0; i < names.length; i++)
            {
                final List<double[]> points = new ArrayList<>();
                for (final int rate : rates)
                {
                    final double ms = median(of(runs, server, rate), measures.get(i)) / 1e3;
                    if (!Double.isNaN(ms))
                    {
                        points.add(new double[] {rate, ms});
                    }
                }
                if (!points.isEmpty())
                {
                    series.add(new LatencyChart.Series((server.equals(PULSE) ? "Pulse " : "floor ") + names[i], colours[i],
                        server.equals(FLOOR), points));
                }
            }
        }
        return series;
    }

    private static List<LadderRun> of(final List<LadderRun> runs, final String server, final int rate)
    {
        return runs.stream().filter(r -> r.server().equals(server) && r.rate() == rate).toList();
    }

    private static List<LadderRun> both(final List<LadderRun> a, final List<LadderRun> b)
    {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static void medianRow(final StringBuilder out, final String name, final List<LadderRun> pulse, final List<LadderRun> floor,
        final ToDoubleFunction<LadderRun> measure, final double divisor)
    {
        final double p = median(pulse, measure) / divisor;
        final double f = median(floor, measure) / divisor;
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", name, num(p), num(f), ratio(p, f)));
    }

    /** The median of the runs that measured it; NaN when none did. */
    static double median(final List<LadderRun> runs, final ToDoubleFunction<LadderRun> measure)
    {
        final double[] values = runs.stream().mapToDouble(measure).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0)
        {
            return Double.NaN;
        }
        final int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static double max(final List<LadderRun> runs, final ToDoubleFunction<LadderRun> measure)
    {
        return runs.stream().mapToDouble(measure).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }

    private static String counts(final List<LadderRun> runs)
    {
        if (runs.isEmpty())
        {
            return "–";
        }
        return runs.stream().mapToLong(LadderRun::missed).sum() + " / " + runs.stream().mapToLong(LadderRun::unexpected).sum() + " / " +
            runs.stream().mapToLong(LadderRun::acksLost).sum();
    }

    private static String correctness(final List<LadderRun> runs)
    {
        final long failed = runs.stream().filter(r -> r.generatorExit() != 0).count();
        return failed == 0 ? "OK" : failed + " of " + runs.size() + " runs failed";
    }

    private static String exits(final List<LadderRun> runs)
    {
        return runs.isEmpty() ? "–" : Arrays.toString(runs.stream().mapToInt(LadderRun::generatorExit).toArray());
    }

    private static String ratio(final double a, final double b)
    {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "–" : String.format(Locale.ROOT, "%.2f×", a / b);
    }

    /** Three significant digits, thousands separated; a dash for what was not measured. */
    static String num(final double value)
    {
        if (Double.isNaN(value))
        {
            return "–";
        }
        if (Double.isInfinite(value))
        {
            return "∞";
        }
        final double magnitude = Math.abs(value);
        if (magnitude >= 100)
        {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return magnitude >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.3g", value);
    }

    private static String or(final String value, final String otherwise)
    {
        return value.isEmpty() ? otherwise : value;
    }

    private static void row(final StringBuilder out, final String name, final String value)
    {
        out.append("| ").append(name).append(" | ").append(value.isEmpty() ? "–" : value).append(" |\n");
    }
}
