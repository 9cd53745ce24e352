#!/usr/bin/env bash
# Runs every electrode scenario in Runs/ (the Li model's) at its seed with two likmc binaries and compares their summary.json
# observables bit for bit (every number and string, except what measures the machine: wall-clock
# times, events per second, dates, versions, paths).
#   Scripts/compare-runs.sh BEFORE_BINARY AFTER_BINARY [OUT_DIR] [scenario.yaml …]
# A binary's runs are kept in OUT_DIR/<binary's sha256 prefix>/ and reused when present, so the
# "before" side runs once. Exit status 0 when every scenario agrees.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$1 after=$2 out=${3:-/tmp/compare-runs}
shift $(( $# >= 3 ? 3 : $# ))
scenarios=("$@")
if [[ ${#scenarios[@]} -eq 0 ]]; then   # the electrode scenarios (the Li model's); other kinds do not run it
    for f in Runs/*.yaml; do grep -qE '^kind: *[a-z]' "$f" && ! grep -qE '^kind: *electrode' "$f" || scenarios+=("$f"); done
fi
run_all() {
    local binary=$1 dir
    dir=$out/$(sha256sum "$binary" | cut -c1-12)
    for scenario in "${scenarios[@]}"; do
        local name; name=$(basename "$scenario" .yaml)
        if [[ ! -f $dir/$name/summary.json ]]; then
            "$binary" run "$scenario" --out "$dir/$name" --force --quiet >/dev/null
        fi
    done
    echo "$dir"
}
a=$(run_all "$before")
b=$(run_all "$after")
python3 - "$a" "$b" "${scenarios[@]}" <<'PY'
import json, os, re, sys
a, b, scenarios = sys.argv[1], sys.argv[2], sys.argv[3:]
machine = re.compile(r"wall|per_second|date|time_utc|version|host|git|path|elapsed|started|finished|threads|command", re.I)
def leaves(x, path=""):
    if isinstance(x, dict):
        for k, v in x.items():
            if not machine.search(k): yield from leaves(v, f"{path}.{k}")
    elif isinstance(x, list):
        for i, v in enumerate(x): yield from leaves(v, f"{path}[{i}]")
    else: yield path, x
failed = 0
for s in scenarios:
    name = os.path.splitext(os.path.basename(s))[0]
    x = dict(leaves(json.load(open(f"{a}/{name}/summary.json"))))
    y = dict(leaves(json.load(open(f"{b}/{name}/summary.json"))))
    diffs = [k for k in sorted(set(x) | set(y)) if x.get(k) != y.get(k)]
    print(f"{name}: {len(x)} observables, " + ("identical" if not diffs else f"{len(diffs)} differ, e.g. " +
          ", ".join(f"{k}: {x.get(k)} vs {y.get(k)}" for k in diffs[:3])))
    failed += bool(diffs)
sys.exit(1 if failed else 0)
PY
