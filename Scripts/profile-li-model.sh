#!/usr/bin/env bash
# Deterministic profile of the Li-model event loop with valgrind (instructions are the same on every
# run, unlike wall time on a shared machine). Needs `valgrind` (apt-get install valgrind).
#   Scripts/profile-li-model.sh [binary] [extra `likmc bench li-model` options …]
#   default: plating on Cu, 256²×8, 1 mA/cm² (stripping: --lx 128 --ly 128 --lz 64 --film-layers 40 --strip)
# Prints instructions per event and the top functions: callgrind, difference of 400 000 and
# 200 000 events, so the set-up cancels. The binary defaults to .build/release/likmc (built first).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -gt 0 && -x "$1" ]]; then source_binary=$1; shift
else swift build -c release --product likmc >/dev/null; source_binary=.build/release/likmc; fi
out=$(mktemp -d)
binary=$out/likmc
strip --strip-debug -o "$binary" "$source_binary"   # valgrind cannot read Swift's debug info here
args=(bench li-model --lx 256 --ly 256 --lz 8 --seed 1 "$@")
for n in 200000 400000; do
    valgrind --tool=callgrind --callgrind-out-file="$out/cg.$n" "$binary" "${args[@]}" --events $n >/dev/null 2>"$out/cg.$n.log"
done
python3 - "$out" <<'PY'
import re, subprocess, sys
out = sys.argv[1]
def collected(n):
    return int(re.search(r"Collected : (\d+)", open(f"{out}/cg.{n}.log").read()).group(1))
events = 200000
print(f"instructions per event: {(collected(400000) - collected(200000)) / events:.0f}")
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
for cost, name in reversed(per_event[-10:]):
    if cost >= 1:
        demangled = subprocess.run(["swift", "demangle", "--simplified", "--compact", name], capture_output=True, text=True).stdout.strip()
        print(f"  {cost:7.1f}  {demangled[:100]}")
PY
