#!/usr/bin/env python3
"""Prints bench/search.sh's results: W5 per system, medians over the runs and every run, a failed run counted as 0 req/s.

usage: search_table.py RESULTS_FILE
"""
import statistics, sys
from collections import defaultdict

TARGET_P99_MS = 50
TARGET_SHARE_OF_DIRECT = 0.80
runs = defaultdict(list)  # (label, system) -> [dict or None for a failed run]
rss = defaultdict(list)
cpu = defaultdict(list)  # (label, system) -> [(jvm, postgres, opensearch) ms per request of each run]
TICK_MS = 10  # /proc's clock ticks (CLK_TCK 100)
for line in open(sys.argv[1], encoding="utf-8"):
    parts = line.split()
    if not parts:
        continue
    if parts[0] == "INDEXED":
        print(f"{int(parts[1]):,} articles: the index had every one {parts[2]} s after the import (or the growth in SQL) ended")
    elif parts[0] == "CPU":
        requests, before, after = int(parts[3]), list(map(int, parts[4:7])), list(map(int, parts[7:10]))
        if requests:
            cpu[(parts[1], parts[2])].append([(a - b) * TICK_MS / requests for a, b in zip(after, before)])
    elif parts[0] == "RSS":
        rss[(parts[1], parts[2])].append(int(parts[3]))
    elif len(parts) >= 4 and parts[3] == "FAILED":
        runs[(parts[0], parts[1])].append(None)
    elif len(parts) >= 8:
        extra = dict(p.split("=") for p in parts[8:])
        runs[(parts[0], parts[1])].append({"rate": float(parts[3]), "p50": float(parts[4]), "p99": float(parts[5]),
                                           "non2xx": int(parts[6]), **{k: int(v) for k, v in extra.items()}})


def median(values):
    return statistics.median(values) if values else float("nan")


for label in sorted({key[0] for key in runs}, key=int):
    print(f"\n{int(label):,} articles, W5: distinct two-word searches, 16 connections\n")
    print("| system | req/s (median) | p50 ms | p99 ms | p99 target | share of direct | runs: req/s, p99 ms | failed | non-2xx | repeats | memory MiB |")
    print("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|")
    direct = [r["rate"] if r else 0.0 for r in runs.get((label, "opensearch-direct"), [])]
    for system in ("broadsheet-opensearch", "opensearch-direct", "broadsheet-postgres"):
        measured = runs.get((label, system))
        if not measured:
            continue
        ok = [r for r in measured if r]
        rate = median([r["rate"] if r else 0.0 for r in measured])
        share = ""
        if system == "broadsheet-opensearch" and direct:
            value = rate / median(direct)
            share = f"{value:.0%} (target {TARGET_SHARE_OF_DIRECT:.0%})"
        each = ", ".join(f"{r['rate']:,.0f}/{r['p99']:.1f}" if r else "FAILED" for r in measured)
        memory = rss.get((label, system if system != "opensearch-direct" else "opensearch"), [])
        print(f"| {system} | {rate:,.0f} | {median([r['p50'] for r in ok]):.2f} | {median([r['p99'] for r in ok]):.2f} | "
              f"<= {TARGET_P99_MS} | {share} | {each} | {len(measured) - len(ok)} | {sum(r['non2xx'] for r in ok)} | "
              f"{sum(r.get('repeats', 0) for r in ok)} | {max(memory) if memory else ''} |")
    if any(key[0] == label for key in cpu):
        print(f"\nCPU time per search, ms (medians of the runs; the machine's cores are shared by all three)\n")
        print("| system | service JVM | PostgreSQL | OpenSearch | total |")
        print("|---|---:|---:|---:|---:|")
        for system in ("broadsheet-opensearch", "opensearch-direct", "broadsheet-postgres"):
            measured = cpu.get((label, system))
            if measured:
                parts = [median([run[i] for run in measured]) for i in range(3)]
                print(f"| {system} | {parts[0]:.2f} | {parts[1]:.2f} | {parts[2]:.2f} | {sum(parts):.2f} |")
print("\nmemory: the service with its embedded PostgreSQL, the OpenSearch node's JVM; proportional set sizes, so what "
      "processes share (PostgreSQL's shared buffers) is counted once")
