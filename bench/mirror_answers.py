#!/usr/bin/env python3
"""Makes the nginx ceiling serve Broadsheet's own answers: for every path of the kit's workloads, the body Broadsheet
answers is written where nginx serves the same workload's path, so both send the same bytes.

usage: mirror_answers.py BROADSHEET_URL DATASET_DIR KIT_DIR WWW_DIR
"""
import os, subprocess, sys, urllib.request

base, dataset, kit, www = sys.argv[1:5]
written = 0
for workload in ("W1", "W2", "W3", "W4", "W6", "W7", "W8"):
    ours = subprocess.run([f"{kit}/broadsheet/requests.sh", workload, dataset], check=True, capture_output=True,
                          text=True).stdout.split()
    theirs = subprocess.run([f"{kit}/ceiling/requests.sh", workload, dataset], check=True, capture_output=True,
                            text=True).stdout.split()
    if len(ours) != len(theirs):
        sys.exit(f"{workload}: {len(ours)} Broadsheet paths but {len(theirs)} ceiling paths")
    for path, static in zip(ours, theirs):
        with urllib.request.urlopen(base + path) as answer:
            body = answer.read()
        target = os.path.join(www, urllib.request.url2pathname(static.lstrip("/")))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as file:
            file.write(body)
        written += 1
print(f"the ceiling serves Broadsheet's answers: {written} files")
