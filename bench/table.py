#!/usr/bin/env python3
"""Prints bench/run.sh's results as the BENCHMARKS.md table: medians over the runs, Broadsheet's share of the ceiling.

usage: table.py RESULTS_FILE [JAVA_OPTS]
"""
import statistics, sys
from collections import defaultdict

TARGETS = {  # workload: (share of the ceiling's req/s, p99 in ms)
    "W1": (0.50, 10), "W2": (0.50, 10), "W3": (0.50, 10), "W4": (0.25, None),
    "W5": (None, 50), "R304": (0.70, None), "W6": (0.50, 10), "W7": (0.50, 10), "W8": (0.50, 10),
}
NAMES = {"W1": "W1 latest 20", "W2": "W2 section 20", "W3": "W3 by slug", "W4": "W4 search (71 words)",
         "W5": "W5 two-word searches", "R304": "304 revalidation", "W6": "W6 one author", "W7": "W7 one collection (20)",
         "W8": "W8 related (5) of one article"}

figures = defaultdict(list)  # (label, system, workload) -> [(req/s, p50, p99, non2xx)]
rss = defaultdict(list)
failed = defaultdict(int)  # (label, system, workload) -> runs that gave no figures: 0 req/s in the median
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
for line in lines:
    parts = line.split()
    if parts[0] == "IMPORT":
        n, seconds = int(parts[1]), float(parts[2])
        print(f"import of {n:,} articles through the API: {seconds:.1f} s, {n / seconds:,.0f} articles/s")
    elif parts[0] == "START":
        print(f"start to first answer: {int(parts[1]):,} ms on a fresh database (initdb and migrations included), "
              f"{int(parts[2]):,} ms on restart")
    elif parts[0] == "UNCACHED":
        print(f"{parts[1]} read once each, before any is cached ({parts[2]} articles, one at a time): "
              f"p50 {parts[3]} ms, p99 {parts[4]} ms")
    elif parts[0] == "RSS":
        database = int(parts[4]) // 1024 if len(parts) > 4 else 0
        rss[parts[1]].append((int(parts[2]) // 1024, int(parts[3]) // 1024, database))
    elif len(parts) >= 4 and parts[3] == "FAILED":
        failed[(parts[0], parts[1], parts[2])] += 1
    elif len(parts) >= 8:
        label, system, workload = parts[0], parts[1], parts[2]
        try:
            figures[(label, system, workload)].append(tuple(float(x) for x in parts[3:7]))
        except ValueError:
            pass

if len(sys.argv) > 2:
    print(f"service JVM options: {sys.argv[2] or '(none)'}")


def median(values, index):
    return statistics.median(v[index] for v in values) if values else None


def rate_median(key):
    """Throughput over every run, a failed one as 0 req/s: a run that failed is not left out."""
    rates = [v[0] for v in figures.get(key, [])] + [0.0] * failed.get(key, 0)
    return statistics.median(rates) if rates else None


for label in sorted({key[0] for key in figures}, key=int):
    runs = max(len(v) for k, v in figures.items() if k[0] == label)
    print(f"\n{int(label):,} articles, medians of {runs} run(s)\n")
    print("| workload | nginx req/s | Broadsheet req/s | share | target | p50 ms | p99 ms | p99 target | non-2xx | failed runs |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for workload in TARGETS:
        ours = figures.get((label, "broadsheet", workload))
        if not ours and not failed.get((label, "broadsheet", workload)):
            continue
        if not ours:
            print(f"| {NAMES[workload]} | | 0 | | | | | | | {failed[(label, 'broadsheet', workload)]} (all) |")
            continue
        rate, ceiling_rate = rate_median((label, "broadsheet", workload)), rate_median((label, "ceiling", workload))
        share = f"{rate / ceiling_rate:.0%}" if ceiling_rate else "n/a"
        target_share, target_p99 = TARGETS[workload]
        print(f"| {NAMES[workload]} | {ceiling_rate or 0:,.0f} | {rate:,.0f} | {share} | "
              f"{'>= ' + format(target_share, '.0%') if target_share else '-'} | {median(ours, 1):.2f} | "
              f"{median(ours, 2):.2f} | {'<= ' + str(target_p99) if target_p99 else '-'} | {median(ours, 3):.0f} | "
              f"{failed.get((label, 'broadsheet', workload), 0) + failed.get((label, 'ceiling', workload), 0)} |")
    if rss.get(label):
        java = max(r for r, _, _ in rss[label])
        database = max(d for _, _, d in rss[label])
        print(f"\nservice RSS after the workloads: {java + database} MiB, the JVM {java} MiB (peak "
              f"{max(h for _, h, _ in rss[label])} MiB) and the embedded PostgreSQL's processes {database} MiB "
              f"(their proportional set size: shared buffers counted once)")
