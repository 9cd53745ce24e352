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
Scripts/callgrind-per-event.py "$out" ${TOP:-10}
