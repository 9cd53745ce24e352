#!/usr/bin/env python3
"""Per-event costs from two valgrind runs of the same workload with 200 000 and 400 000 events
(their difference cancels the set-up): instructions per event (callgrind logs cg.N.log), cache
misses per event when cachegrind logs cache.N.log are there, and the functions that cost most.
Used by profile-event-loop.sh (lattice gas) and profile-li-model.sh (Li model).

    Scripts/callgrind-per-event.py DIR [TOP]
"""
import os
import re
import subprocess
import sys

out = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 8
small, large = 200000, 400000
events = large - small


def collected(n):
    return int(re.search(r"Collected : (\d+)", open(f"{out}/cg.{n}.log").read()).group(1))


def misses(n, label):
    text = open(f"{out}/cache.{n}.log").read()
    return int(re.search(label + r" misses:\s+([\d,]+)", text).group(1).replace(",", ""))


def functions(n):
    text = subprocess.run(["callgrind_annotate", "--inclusive=no", "--threshold=100", f"{out}/cg.{n}"],
                          capture_output=True, text=True).stdout
    costs = {}
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+) \([^)]*\)\s+\S*?:(.*?) \[", line)
        if m:
            costs[m.group(2)] = costs.get(m.group(2), 0) + int(m.group(1).replace(",", ""))
    return costs


print(f"instructions per event: {(collected(large) - collected(small)) / events:.0f}")
if os.path.exists(f"{out}/cache.{large}.log"):
    for label, name in [("D1 ", "D1"), ("LLd", "L2 (data)")]:
        print(f"{name} misses per event: {max(misses(large, label) - misses(small, label), 0) / events:.2f}")
a, b = functions(small), functions(large)
per_event = sorted(((b.get(k, 0) - a.get(k, 0)) / events, k) for k in b)
print("top functions, instructions per event:")
for cost, name in reversed(per_event[-top:]):
    if cost >= 1:
        demangled = subprocess.run(["swift", "demangle", "--simplified", "--compact", name],
                                   capture_output=True, text=True).stdout.strip()
        print(f"  {cost:7.1f}  {demangled[:100]}")
