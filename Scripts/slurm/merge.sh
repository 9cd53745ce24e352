#!/usr/bin/env bash
# Joins the shards written by ensemble-array.sh into OUTDIR/merged (the summary.json one machine
# would write). Submit it to run after every array task succeeded:
#
#   sbatch --dependency=afterok:$jid Scripts/slurm/merge.sh OUTDIR
#
# Set LIKMC to the likmc executable (default: likmc on PATH).
#SBATCH --job-name=likmc-merge
#SBATCH --cpus-per-task=1
#SBATCH --output=likmc-merge-%j.out
set -euo pipefail
if [[ $# -ne 1 ]]; then
    echo "usage: sbatch --dependency=afterok:JOBID $0 OUTDIR" >&2
    exit 2
fi
out=$1
shopt -s nullglob
shards=("$out"/shard-*)
if [[ ${#shards[@]} -eq 0 ]]; then
    echo "no shard directories in $out" >&2
    exit 1
fi
exec "${LIKMC:-likmc}" merge "${shards[@]}" --out "$out/merged"
