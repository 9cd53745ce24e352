#!/usr/bin/env bash
# One shard of a LithiumKMC ensemble, as one task of a SLURM job array (1-based, like --shard k/N):
#
#   jid=$(sbatch --parsable --array=1-4 Scripts/slurm/ensemble-array.sh SCENARIO.yaml REPLICAS OUTDIR [likmc ensemble options…])
#   sbatch --dependency=afterok:$jid Scripts/slurm/merge.sh OUTDIR
#
# Task k of N runs `likmc ensemble SCENARIO --replicas REPLICAS --shard k/N --out OUTDIR/shard-k`. It is
# requeued when preempted (--requeue) and always passes --resume: a requeued task finishes the
# interrupted shard from its saved replicas and checkpoints instead of starting over, and a task whose
# shard is complete does nothing. Set LIKMC to the likmc executable (default: likmc on PATH).
#SBATCH --job-name=likmc-ensemble
#SBATCH --requeue
#SBATCH --cpus-per-task=1
#SBATCH --output=likmc-ensemble-%A_%a.out
set -euo pipefail
if [[ $# -lt 3 ]]; then
    echo "usage: sbatch --array=1-N $0 SCENARIO.yaml REPLICAS OUTDIR [likmc ensemble options…]" >&2
    exit 2
fi
scenario=$1 replicas=$2 out=$3
shift 3
: "${SLURM_ARRAY_TASK_ID:?run me as a SLURM job array: sbatch --array=1-N $0 …}"
: "${SLURM_ARRAY_TASK_COUNT:?run me as a SLURM job array: sbatch --array=1-N $0 …}"
threads=${SLURM_CPUS_PER_TASK:-1}
exec "${LIKMC:-likmc}" ensemble "$scenario" --replicas "$replicas" \
    --shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT" --threads "$threads" \
    --out "$out/shard-$SLURM_ARRAY_TASK_ID" --resume --quiet "$@"
