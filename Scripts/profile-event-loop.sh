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
Scripts/callgrind-per-event.py "$out" 8
