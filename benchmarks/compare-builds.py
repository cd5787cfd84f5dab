#!/usr/bin/env python3
"""The medians of each build in a run-e2e-builds.sh directory (or of each server at each rate in
a run-e2e.sh ladder's directory), side by side, against the floor (at the same rate): server CPU
per event over the measured period, question latency at the client, the generator's CPU per
event, steal, and how many runs were correct (generator exit 0); then the server's CPU per event
by kind of thread (thread-cpu.tsv: the event loops, the journal, the JIT, ZGC, the sweeper, the
rest). Every run is listed under the tables."""
import json
import pathlib
import re
import statistics
import sys

# thread-cpu.tsv's kinds (digits taken out of the names) -> the columns of the second table
KINDS = [("event loops", ("multiThreadIoEv",)), ("journal", ("pulse-journal",)), ("JIT", ("C CompilerThre",)),
         ("ZGC", ("ZWorker", "ZDirector", "ZDriver", "ZUnmapper")), ("sweeper", ("pulse-session-s", "floor-session-s"))]


def runs(build_dir):
    for run in sorted((build_dir / "runs").glob("*-rep*")):
        if not (run / "generator.exit").exists():
            continue  # still running, or stopped before its end
        env = dict(line.split("=", 1) for line in (run / "run.env").read_text().split("\n") if "=" in line)
        summary = json.loads((run / "gen" / "summary.json").read_text())
        events = summary["events_sent"]
        ticks = int(env["cpu_ticks_after"]) - int(env["cpu_ticks_before"])
        machine = int(env["machine_ticks"])
        kinds = {}
        for line in (run / "thread-cpu.tsv").read_text().splitlines():
            ticks_of_kind, kind = line.split("\t", 1)
            column = next((name for name, names in KINDS if kind in names), "other")
            kinds[column] = kinds.get(column, 0) + int(ticks_of_kind) * 1e6 / int(env["clk_tck"]) / events
        yield {
            "run": run.name,
            "kinds": kinds,
            "cpu_us": ticks * 1e6 / int(env["clk_tck"]) / events,
            "q_p50_ms": summary["latency_us"]["question"]["p50"] / 1000,
            "q_p99_ms": summary["latency_us"]["question"]["p99"] / 1000,
            "gen_cpu_us": summary["generator"]["cpu_us_per_event"],
            "steal_pct": 100 * int(env["machine_steal_ticks"]) / machine if machine else 0,
            "ok": (run / "generator.exit").read_text().strip() == "0",
        }


def groups(out):
    """Each build's runs (run-e2e-builds.sh), or each server's runs at each rate (a run-e2e.sh
    ladder: runs/NAME-rRATE-repN), with the floor's runs that each is compared with."""
    if (out / "runs").is_dir():
        ladder = {}
        for r in runs(out):
            ladder.setdefault(re.sub(r"-rep\d+$", "", r["run"]), []).append(r)
        rate = lambda name: name.rsplit("-r", 1)[1]
        return {name: (ladder[name], ladder.get("floor-r" + rate(name))) for name in sorted(ladder, key=lambda name: (int(rate(name)), name))}
    builds = {d.name: list(runs(d)) for d in sorted(out.iterdir()) if (d / "runs").is_dir()}
    return {name: (rs, builds.get("floor")) for name, rs in builds.items()}


def main(out):
    builds = groups(pathlib.Path(out))
    print("| build | runs (correct) | server CPU µs/event | vs floor | question p50 ms | p99 ms | generator CPU µs/event | steal % |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, (rs, floor) in builds.items():
        med = lambda k: statistics.median(r[k] for r in rs)
        ratio = "%.2fx" % (med("cpu_us") / statistics.median(r["cpu_us"] for r in floor)) if floor else ""
        print("| %s | %d (%d) | %.1f | %s | %.2f | %.1f | %.1f | %.1f |" % (
            name, len(rs), sum(r["ok"] for r in rs), med("cpu_us"), ratio, med("q_p50_ms"), med("q_p99_ms"),
            med("gen_cpu_us"), med("steal_pct")))
    print()
    columns = [name for name, _ in KINDS] + ["other"]
    print("| build | " + " | ".join(columns) + " |  (server CPU µs/event by kind of thread, medians)")
    print("|---|" + "---:|" * len(columns))
    for name, (rs, _) in builds.items():
        print("| %s | %s |" % (name, " | ".join("%.2f" % statistics.median(r["kinds"].get(c, 0) for r in rs) for c in columns)))
    print()
    for name, (rs, _) in builds.items():
        for r in rs:
            print("- %s: CPU %.1f µs/event, question p50 %.2f ms p99 %.1f ms, generator %.1f µs/event, steal %.1f%%%s" % (
                r["run"] if r["run"].startswith(name) else name + " " + r["run"], r["cpu_us"], r["q_p50_ms"], r["q_p99_ms"], r["gen_cpu_us"], r["steal_pct"],
                "" if r["ok"] else ", GENERATOR FAILED"))


if __name__ == "__main__":
    main(sys.argv[1])
