#!/usr/bin/env bash
# Deterministic profile of the lattice-gas event loop with valgrind (instructions are the same on
# every run, unlike wall time on a shared machine). Needs `valgrind` (apt-get install valgrind).
#   Scripts/profile-event-loop.sh [lx ly lz coverage]      # default 256 256 1 0.5
# Prints instructions per event and the top functions (callgrind, difference of 400 000 and
# 200 000 events, so set-up cancels), then D1 and L2 misses per event (cachegrind with this
# machine's caches: D1 48 KiB 12-way, L2 1.25 MiB 20-way as the last level).
set -euo pipefail
cd "$(dirname "$0")/.."
lx=${1:-256} ly=${2:-256} lz=${3:-1} coverage=${4:-0.5}
swift build -c release --product likmc >/dev/null
binary=$(mktemp -d)/likmc
strip --strip-debug -o "$binary" .build/release/likmc   # valgrind cannot read Swift's debug info here
args=(bench lattice-gas --lx "$lx" --ly "$ly" --lz "$lz" --coverage "$coverage" --seed 1)
out=$(dirname "$binary")
for n in 200000 400000; do
    valgrind --tool=callgrind --callgrind-out-file="$out/cg.$n" "$binary" "${args[@]}" --events $n >/dev/null 2>"$out/cg.$n.log"
    valgrind --tool=cachegrind --cache-sim=yes --D1=49152,12,64 --LL=1310720,20,64 \
        --cachegrind-out-file=/dev/null "$binary" "${args[@]}" --events $n >/dev/null 2>"$out/cache.$n.log"
done
python3 - "$out" <<'PY'
import re, subprocess, sys
out = sys.argv[1]
def collected(n):
    return int(re.search(r"Collected : (\d+)", open(f"{out}/cg.{n}.log").read()).group(1))
def misses(n, label):
    text = open(f"{out}/cache.{n}.log").read()
    return int(re.search(label + r" misses:\s+([\d,]+)", text).group(1).replace(",", ""))
events = 200000
print(f"instructions per event: {(collected(400000) - collected(200000)) / events:.0f}")
for label, name in [("D1 ", "D1"), ("LLd", "L2 (data)")]:
    print(f"{name} misses per event: {max(misses(400000, label) - misses(200000, label), 0) / events:.2f}")
def functions(n):
    text = subprocess.run(["callgrind_annotate", "--inclusive=no", "--threshold=100", f"{out}/cg.{n}"],
                          capture_output=True, text=True).stdout
    costs = {}
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+) \([^)]*\)\s+\S*?:(.*?) \[", line)
        if m: costs[m.group(2)] = costs.get(m.group(2), 0) + int(m.group(1).replace(",", ""))
    return costs
a, b = functions(200000), functions(400000)
per_event = sorted(((b.get(k, 0) - a.get(k, 0)) / events, k) for k in b)
print("top functions, instructions per event:")
for cost, name in reversed(per_event[-8:]):
    if cost >= 1:
        demangled = subprocess.run(["swift", "demangle", "--simplified", "--compact", name], capture_output=True, text=True).stdout.strip()
        print(f"  {cost:7.1f}  {demangled[:100]}")
PY
