#!/usr/bin/env python3
"""Reads -XX:+PrintCompilation output (a server log) and prints, per 10 s of uptime: compiles by
level, C2 (level 4) compiles, C2 code made not entrant (a deoptimisation, or C2 code replaced),
and the packages compiled most; then the methods C2 compiled more than once after 60 s, with when."""
import collections
import re
import sys

LINE = re.compile(r"^\s*(\d+)\s+(\d+)\s+([%sbn!]*)\s*(\d)\s+(\S+)\s*(?:@ \d+ )?(?:\(\d+ bytes\))?(.*)$")


def package(method):
    cls = method.split("::")[0].split(".")
    depth = 4 if cls[0] == "dev" else 3 if cls[0] in ("io", "net", "org") else 2
    return ".".join(cls[:depth])


def main(path):
    compiles, c2, not_entrant = [], collections.defaultdict(list), collections.defaultdict(list)
    with open(path, errors="replace") as f:
        for line in f:
            m = LINE.match(line)
            if not m:
                continue
            ms, level, method, rest = int(m.group(1)), m.group(4), m.group(5), m.group(6).strip()
            if "made not entrant" in rest:
                if level == "4":
                    not_entrant[method].append(ms)
            elif rest == "":
                compiles.append((ms, level, method))
                if level == "4":
                    c2[method].append(ms)
    windows = collections.defaultdict(list)
    for ms, level, method in compiles:
        windows[ms // 10000].append((level, method))
    c2_out = collections.Counter(ms // 10000 for times in not_entrant.values() for ms in times)
    print("from_s\tcompiles\tC2\tC2_not_entrant\tby_level\ttop_packages")
    for w in sorted(windows):
        levels = collections.Counter(level for level, _ in windows[w])
        top = collections.Counter(package(method) for _, method in windows[w]).most_common(4)
        print(f"{w * 10}\t{len(windows[w])}\t{levels.get('4', 0)}\t{c2_out.get(w, 0)}\t"
              f"{dict(sorted(levels.items()))}\t{', '.join(f'{p} {n}' for p, n in top)}")
    again = sorted(((m, t) for m, t in c2.items() if len(t) > 1 and t[-1] >= 60000), key=lambda mt: -len(mt[1]))
    print(f"\n# {len(again)} methods compiled by C2 more than once, the last after 60 s (times in s; C2 code made not entrant at)")
    for method, times in again[:30]:
        print(f"{len(times)}\t{method}\t{[t // 1000 for t in times]}\t{[t // 1000 for t in not_entrant.get(method, [])]}")


if __name__ == "__main__":
    main(sys.argv[1])
