#!/usr/bin/env bash
# Prints a markdown table of events/s from `likmc bench` (one run per case, event loop only).
#   Scripts/bench-table.sh            # portable build (baseline x86-64)
#   Scripts/bench-table.sh native     # -target-cpu native, built in .build-native
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-portable}" = native ]; then
    swift build -c release --product likmc --build-path .build-native -Xswiftc -target-cpu -Xswiftc native >/dev/null
    bin=.build-native/release/likmc
else
    swift build -c release --product likmc >/dev/null
    bin=.build/release/likmc
fi
echo "| workload | sites | events | seconds | events/s |"
echo "|---|---:|---:|---:|---:|"
row() { python3 -c "import json,sys; d=json.loads(sys.stdin.read()); print('| $1 | %d | %d | %.3f | %.3g |' % (d['sites'], d['events'], d['seconds'], d['events_per_second']))"; }
for case in "64 64 1 0.1" "64 64 1 0.5" "256 256 1 0.1" "256 256 1 0.5" "1024 1024 1 0.1" "1024 1024 1 0.5" "64 64 64 0.1" "64 64 64 0.5"; do
    set -- $case
    $bin bench lattice-gas --lx $1 --ly $2 --lz $3 --coverage $4 --events 5000000 --json | row "lattice gas $1×$2×$3 θ=$4"
done
$bin bench li-model --lx 256 --ly 256 --lz 8 --events 2000000 --json | row "Li model, Cu, plating 1 mA/cm², 256²×8"
$bin bench li-model --lx 128 --ly 128 --lz 32 --events 2000000 --json | row "Li model, Cu, plating 1 mA/cm², 128²×32"
for c in exact off; do
    $bin bench li-model --lx 128 --ly 128 --lz 64 --film-layers 40 --strip --events 4000000 --connectivity $c --json \
        | row "Li model, Cu, stripping 1 mA/cm² (40-layer film), 128²×64, connectivity $c"
done
