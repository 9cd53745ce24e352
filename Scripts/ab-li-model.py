#!/usr/bin/env python3
"""Wall clock of two likmc builds on the Li-model benchmarks, interleaved A B B A so that a machine's
drift (±30 % here) falls on both alike: `likmc bench li-model … --json` for plating 256²×8, plating
128²×32 and stripping 128²×64 with exact connectivity. Prints each side's mean events/s and, per
round, B/A = (B₁ + B₂)/(A₁ + A₂), and their median. Run it on an idle machine.

    Scripts/ab-li-model.py A_BINARY B_BINARY [ROUNDS=4]
"""
import json
import statistics
import subprocess
import sys

WORKLOADS = {
    "plating 256²×8": "--lx 256 --ly 256 --lz 8 --events 2000000",
    "plating 128²×32": "--lx 128 --ly 128 --lz 32 --events 2000000",
    "stripping 128²×64 exact": "--lx 128 --ly 128 --lz 64 --film-layers 40 --strip --events 4000000 --connectivity exact",
}


def events_per_second(binary, options):
    out = subprocess.run([binary, "bench", "li-model", *options.split(), "--seed", "1", "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["events_per_second"]


def main():
    a, b = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    for name, options in WORKLOADS.items():
        ratios, a_runs, b_runs = [], [], []
        for _ in range(rounds):
            a1, b1, b2, a2 = (events_per_second(x, options) for x in (a, b, b, a))
            a_runs += [a1, a2]
            b_runs += [b1, b2]
            ratios.append((b1 + b2) / (a1 + a2))
        print(f"{name}: A {statistics.mean(a_runs):.3g} events/s, B {statistics.mean(b_runs):.3g} events/s; "
              f"B/A per round {' '.join(f'{r:.2f}' for r in ratios)}; median {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
