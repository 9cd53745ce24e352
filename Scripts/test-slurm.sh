#!/usr/bin/env bash
# End-to-end test of LithiumKMC under a real SLURM scheduler, on this one machine (run as root):
# installs slurm-wlm and munge when missing (apt-get), starts munged, slurmctld and slurmd directly
# (no systemd) with a minimal slurm.conf in a temporary directory, submits Scripts/slurm/ensemble-array.sh
# as a 4-task job array over a small scenario plus Scripts/slurm/merge.sh as a dependent
# (afterok) job, requeues task 1 while it runs (as preemption would), and checks that the merged summary.json equals that of one `likmc ensemble` of the
# same replicas on one machine, timings aside. Then it stops the daemons it started, by their PIDs.
#
#   Scripts/test-slurm.sh            # builds likmc (release, the test suite's flags) first
#   LIKMC=/path/to/likmc Scripts/test-slurm.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
if [[ $(id -u) -ne 0 ]]; then
    echo "test-slurm: needs root (it installs packages and starts munged, slurmctld and slurmd)" >&2
    exit 1
fi
started=$SECONDS

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
    echo "test-slurm: installing slurm-wlm and munge"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi
if [[ -z "${LIKMC:-}" ]]; then
    (cd "$repo" && swift build -c release -Xswiftc -enable-testing --product likmc)
    LIKMC=$repo/.build/release/likmc
fi
export LIKMC

work=$(mktemp -d /tmp/likmc-slurm.XXXXXX)
chmod 755 "$work"  # munged runs as the munge user
pids=()
cleanup() {
    status=$?
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    done
    if [[ $status -ne 0 ]]; then
        echo "test-slurm: FAILED; daemon logs:" >&2
        tail -n 20 "$work"/*.log >&2 2>/dev/null || true
        tail -n 20 "$work"/job/*.out >&2 2>/dev/null || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT

# munge: the key the package made (or a new one), a socket in our own directory.
if [[ ! -s /etc/munge/munge.key ]]; then
    dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
    chown munge:munge /etc/munge/munge.key 2>/dev/null || true
    chmod 400 /etc/munge/munge.key
fi
mkdir -p "$work/munge" && chown munge:munge "$work/munge" 2>/dev/null || true
socket=$work/munge/munge.socket
runuser -u munge -- /usr/sbin/munged --socket="$socket" --pid-file="$work/munge/munged.pid" \
    --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed"
for _ in $(seq 50); do [[ -s $work/munge/munged.pid ]] && break; sleep 0.1; done
pids+=("$(cat "$work/munge/munged.pid")")

host=$(hostname -s)
node=$(slurmd -C | head -n 1)  # NodeName=… CPUs=… Boards=… SocketsPerBoard=… CoresPerSocket=… ThreadsPerCore=… RealMemory=…
# Daemons and node talk over the loopback: the host name need not resolve.
mkdir -p "$work/state" "$work/spool" "$work/job"
cat > "$work/slurm.conf" <<CONF
ClusterName=likmc-test
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MailProg=/bin/true
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$work/slurm.conf

slurmctld
for _ in $(seq 50); do [[ -s $work/slurmctld.pid ]] && break; sleep 0.1; done
pids+=("$(cat "$work/slurmctld.pid")")
slurmd
for _ in $(seq 50); do [[ -s $work/slurmd.pid ]] && break; sleep 0.1; done
pids+=("$(cat "$work/slurmd.pid")")
for _ in $(seq 100); do
    [[ $(sinfo -h -o %T 2>/dev/null) == idle* ]] && break
    sleep 0.2
done
echo "test-slurm: node $(sinfo -h -o '%N %T %c CPUs')"

# Big enough that a replica outlasts a checkpoint interval and a shard outlasts the requeue (0.6 s a
# replica on one core in 2026-12; at 32² a faster event loop finished the shard before SLURM killed it).
cat > "$work/tiny.yaml" <<'YAML'
name: slurm-small
seed: 11
lattice: {lx: 64, ly: 64, lz: 6}
material: {substrate: Cu, substrate_layers: 1, sei_exchange_current_density_mA_cm2: 0.05}
protocol: {mode: galvanostatic, current_density_mA_cm2: 2, monolayers: 1}
cycling: {cycles: 2}
sampling: {window_monolayers: 0.05}
YAML

cd "$work/job"
replicas=24
jid=$(sbatch --parsable --array=1-4 "$repo/Scripts/slurm/ensemble-array.sh" "$work/tiny.yaml" $replicas "$work/out" \
    --checkpoint-every 0.2)
mid=$(sbatch --parsable --dependency="afterok:$jid" "$repo/Scripts/slurm/merge.sh" "$work/out")
echo "test-slurm: submitted array $jid (4 tasks, $replicas replicas) and merge $mid (afterok)"

# Preemption: once task 1 has saved a replica and checkpointed the next, SLURM requeues it; the task
# must resume its shard from both.
for _ in $(seq 600); do
    compgen -G "$work/out/shard-1/progress/replica-*.result" >/dev/null &&
        compgen -G "$work/out/shard-1/progress/replica-*.checkpoint" >/dev/null && break
    sleep 0.05
done
scontrol requeue "${jid}_1"
echo "test-slurm: requeued task ${jid}_1 while it ran"
# A requeued job waits (BeginTime) before it is eligible again; a test need not.
for _ in $(seq 100); do
    [[ $(squeue -h -j "${jid}_1" -o %T 2>/dev/null) == PENDING ]] && break
    sleep 0.1
done
scontrol update JobId="${jid}_1" StartTime=now
for _ in $(seq 600); do
    [[ -z $(squeue -h -j "$jid,$mid" 2>/dev/null) ]] && break
    sleep 0.5
done
[[ -z $(squeue -h -j "$jid,$mid" 2>/dev/null) ]] || { echo "test-slurm: jobs still queued after 300 s" >&2; exit 1; }
[[ -s $work/out/merged/summary.json ]] || { echo "test-slurm: no merged summary.json" >&2; exit 1; }

restarts=$(scontrol show job "${jid}_1" | grep -o 'Restarts=[0-9]*')
[[ $restarts == Restarts=1 ]] || { echo "test-slurm: task ${jid}_1 was not requeued ($restarts)" >&2; exit 1; }
resumed=$(grep -h '^resuming' "$work"/job/likmc-ensemble-*_1.out || true)
[[ $resumed =~ resuming.*\ ([1-9][0-9]*)\ of ]] || { echo "test-slurm: the requeued task did not resume its saved replicas" >&2; exit 1; }
echo "test-slurm: the requeued task ${resumed#resuming }"

"$LIKMC" ensemble "$work/tiny.yaml" --replicas $replicas --out "$work/one" --quiet >/dev/null
# summary.json without its timings (the events/s statistics and the total wall time).
comparable() {
    awk '/"events_per_second": \{/ { skip = 1 } skip { if ($0 ~ /^  \}/) skip = 0; next } /"wall_seconds_total"/ { next } { print }' "$1"
}
if ! diff <(comparable "$work/one/summary.json") <(comparable "$work/out/merged/summary.json"); then
    echo "test-slurm: the merged summary.json differs from the one-machine ensemble" >&2
    exit 1
fi
echo "test-slurm: passed — 4 array tasks (one requeued mid-run) + merge give the one-machine summary.json ($((SECONDS - started)) s)"
