#!/bin/bash
# A real two-node Slurm 22.05 cluster (munged, MariaDB, slurmdbd, slurmctld, two slurmd
# in multiple-slurmd mode) under one temporary state directory, nothing written to
# /etc, every daemon stopped by its PID on exit. Runs CPU jobs (sbatch, srun, a failing
# job, a cancelled job, a two-node job, a two-node `srun carbonscope run`), waits for
# sacct, imports them with `carbonscope slurm import` (which runs sacct itself) and
# checks states, energies, idempotence and the per-node merge of `slurm job`. Where
# the machine has cgroup v1's cpuacct controller, Slurm tracks its steps in cgroups
# (proctrack/cgroup, jobacct_gather/cgroup) and the node exporter
# (`carbonscope-exporter exporter`) must serve a busy job's step series from them.
# usage: slurm_cluster_test.sh CARBONSCOPE_BINARY [SPANK_PLUGIN]
# Exit 77 (skipped, with the reason) when not root or a package is missing.
set -u
BIN=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
SPANK=${2:-}
skip() { echo "SKIPPED: $*"; exit 77; }
[ "$(id -u)" = 0 ] || skip "needs root (slurmd runs jobs as their users)"
for p in munged mariadbd mariadb-install-db mariadb slurmdbd slurmctld slurmd sacct sacctmgr sbatch srun scancel sinfo squeue; do
  command -v "$p" >/dev/null || skip "$p not found: apt-get install slurmctld slurmd slurm-client slurmdbd munge mariadb-server"
done
id munge >/dev/null 2>&1 || skip "no munge user: apt-get install munge"

D=$(mktemp -d /tmp/carbonscope-slurm.XXXXXX)
chmod 755 "$D"
mkdir -p "$D"/{etc,spool/ctld,run,log,munge,db,runs}
export SLURM_CONF=$D/etc/slurm.conf
cd "$D"  # job output files (slurm-N.out) land in the state directory
BASE=$((20000 + RANDOM % 20000))
HOST=$(hostname -s)
PIDS=()
PROCTRACK=none
fail() { echo "FAIL: $*"; for f in "$D"/log/*.log; do echo "== $f"; tail -5 "$f"; done; exit 1; }

stop_all() {
  local pids=() f
  for f in "$D"/run/*.pid; do [ -f "$f" ] && pids+=("$(cat "$f")"); done
  pids+=("${PIDS[@]}")
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for _ in $(seq 50); do
    local alive=0
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.2
  done
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
  # The per-node cgroup directories slurmd created (cgroup mode): empty once the daemons
  # are gone; cgroupfs directories go with rmdir, deepest first.
  if [ "$PROCTRACK" = proctrack/cgroup ]; then
    for g in /sys/fs/cgroup/*/slurm_c1 /sys/fs/cgroup/*/slurm_c2; do
      [ -d "$g" ] && find "$g" -depth -type d -exec rmdir {} + 2>/dev/null
    done
  fi
  rm -rf "$D"
}
trap stop_all EXIT

wait_for() {  # seconds, description, command...
  local limit=$1 what=$2; shift 2
  for _ in $(seq $((limit * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  fail "timed out waiting for $what"
}

# munge
chown munge:munge "$D/munge"; chmod 711 "$D/munge"
dd if=/dev/urandom of="$D/munge/munge.key" bs=1024 count=1 2>/dev/null
chown munge:munge "$D/munge/munge.key"; chmod 400 "$D/munge/munge.key"
runuser -u munge -- munged --socket="$D/munge/munge.sock" --key-file="$D/munge/munge.key" \
  --pid-file="$D/munge/munged.pid" --log-file="$D/munge/munged.log" --seed-file="$D/munge/seed" || fail "munged"
wait_for 10 munged test -f "$D/munge/munged.pid"
PIDS+=("$(cat "$D/munge/munged.pid")")

# MariaDB + slurmdbd
mariadb-install-db --user=root --datadir="$D/db" --auth-root-authentication-method=socket --skip-test-db >"$D/log/mariadb-install.log" 2>&1 || fail "mariadb-install-db"
mariadbd --no-defaults --user=root --datadir="$D/db" --socket="$D/mysql.sock" --port=$((BASE + 1)) \
  --bind-address=127.0.0.1 --skip-log-bin --innodb-buffer-pool-size=64M --pid-file="$D/run/mariadb.pid" \
  >"$D/log/mariadb.log" 2>&1 </dev/null &
PIDS+=($!)
wait_for 30 mariadb mariadb -S "$D/mysql.sock" -e "SELECT 1"
mariadb -S "$D/mysql.sock" -e "CREATE USER 'slurm'@'localhost' IDENTIFIED BY 'slurm'; CREATE USER 'slurm'@'127.0.0.1' IDENTIFIED BY 'slurm'; GRANT ALL ON slurm_acct_db.* TO 'slurm'@'localhost'; GRANT ALL ON slurm_acct_db.* TO 'slurm'@'127.0.0.1';" || fail "creating the slurm database user"
cat >"$D/etc/slurmdbd.conf" <<CONF
AuthType=auth/munge
AuthInfo=socket=$D/munge/munge.sock
DbdHost=localhost
DbdPort=$((BASE + 2))
SlurmUser=root
PidFile=$D/run/slurmdbd.pid
LogFile=$D/log/slurmdbd.log
StorageType=accounting_storage/mysql
StorageHost=127.0.0.1
StoragePort=$((BASE + 1))
StorageUser=slurm
StoragePass=slurm
StorageLoc=slurm_acct_db
CONF
chmod 600 "$D/etc/slurmdbd.conf"
PLUGSTACK=""
[ -n "$SPANK" ] && [ -f "$SPANK" ] && PLUGSTACK="optional $SPANK carbonscope=$BIN ledger=$D/ledger.db output_dir=$D/runs"
echo "$PLUGSTACK" >"$D/etc/plugstack.conf"
# Step cgroups: Slurm 22.05's cgroup/v1 plugin under the machine's own mounts. Without a
# writable cpuacct hierarchy the cluster tracks processes by /proc instead and the
# exporter check below is skipped with its reason.
PROCTRACK=proctrack/linuxproc
GATHER=jobacct_gather/linux
EXPORTER=$(dirname "$BIN")/carbonscope-exporter
if [ -w /sys/fs/cgroup/cpuacct ] && [ -d /sys/fs/cgroup/freezer ] && [ -x "$EXPORTER" ]; then
  PROCTRACK=proctrack/cgroup
  GATHER=jobacct_gather/cgroup
  printf 'CgroupPlugin=cgroup/v1\nCgroupMountpoint=/sys/fs/cgroup\nCgroupAutomount=no\n' >"$D/etc/cgroup.conf"
fi
cat >"$D/etc/slurm.conf" <<CONF
ClusterName=ci
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$((BASE + 3))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$D/munge/munge.sock
AccountingStoragePass=$D/munge/munge.sock
StateSaveLocation=$D/spool/ctld
SlurmdSpoolDir=$D/spool/%n
SlurmctldPidFile=$D/run/slurmctld.pid
SlurmctldLogFile=$D/log/slurmctld.log
SlurmdPidFile=$D/run/slurmd.%n.pid
SlurmdLogFile=$D/log/slurmd.%n.log
PlugStackConfig=$D/etc/plugstack.conf
ProctrackType=$PROCTRACK
TaskPlugin=task/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=500
ReturnToService=2
MailProg=/bin/true
JobAcctGatherType=$GATHER
JobAcctGatherFrequency=task=2
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=localhost
AccountingStoragePort=$((BASE + 2))
AccountingStorageTRES=cpu,mem,energy,node,billing
JobCompType=jobcomp/none
NodeName=c1 NodeHostname=$HOST NodeAddr=127.0.0.1 Port=$((BASE + 4)) CPUs=2 Boards=1 SocketsPerBoard=1 CoresPerSocket=2 ThreadsPerCore=1 RealMemory=4000 State=UNKNOWN
NodeName=c2 NodeHostname=$HOST NodeAddr=127.0.0.1 Port=$((BASE + 5)) CPUs=2 Boards=1 SocketsPerBoard=1 CoresPerSocket=2 ThreadsPerCore=1 RealMemory=4000 State=UNKNOWN
PartitionName=debug Nodes=c[1-2] Default=YES MaxTime=INFINITE State=UP
CONF
slurmdbd || fail "slurmdbd"
wait_for 30 slurmdbd sacctmgr -n list cluster
sacctmgr -i add cluster ci >/dev/null 2>&1
sacctmgr -i add account ml >/dev/null 2>&1
sacctmgr -i add user root Account=ml DefaultAccount=ml >/dev/null 2>&1
slurmctld || fail "slurmctld"
slurmd -N c1 || fail "slurmd c1"
slurmd -N c2 || fail "slurmd c2"
wait_for 30 "two idle nodes" bash -c '[ "$(sinfo -h -N -t idle -o %N | sort -u | wc -l)" = 2 ]'
echo "cluster up in ${SECONDS}s (state in $D)"

# Jobs.
ok_job=$(sbatch --parsable -J ok --mem=200M --wrap "srun sleep 2") || fail sbatch
failed_job=$(sbatch --parsable -J fails --mem=100M --wrap "exit 3") || fail sbatch
multi_job=$(sbatch --parsable -J multinode -N2 --mem=100M --wrap "srun -N2 sleep 1") || fail sbatch
cancel_job=$(sbatch --parsable -J cancelled --mem=100M --wrap "sleep 120") || fail sbatch
srun -J interactive --mem=100M true || fail "srun"
wait_for 30 "the job to start" bash -c "[ \"\$(squeue -h -j $cancel_job -o %T)\" = RUNNING ]"
# The node exporter's per-step series, from the step cgroups Slurm itself created.
if [ "$PROCTRACK" = proctrack/cgroup ]; then
  busy_job=$(sbatch --parsable -J busy --mem=100M --wrap "timeout 40 bash -c 'while :; do :; done'") || fail sbatch
  wait_for 30 "the busy job to start" bash -c "[ \"\$(squeue -h -j $busy_job -o %T)\" = RUNNING ]"
  EPORT=$((BASE + 7))
  "$EXPORTER" exporter --listen 127.0.0.1:$EPORT --interval 250ms --region FR 2>"$D/log/exporter.log" &
  EXPORTER_PID=$!
  PIDS+=("$EXPORTER_PID")
  /usr/bin/python3 - "$EPORT" "$busy_job" <<'PY' || { cat "$D/log/exporter.log"; fail "exporter job series"; }
import re, sys, time, urllib.request
port, job = sys.argv[1], sys.argv[2]
def series(name):
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
    return {m.group(1): float(m.group(2)) for m in re.finditer(r"^" + name + r"\{([^}]*)\} (\S+)$", text, re.M)
            if f'job_id="{job}"' in m.group(1)}
deadline = time.time() + 15
while time.time() < deadline:
    try:
        cpu = series("carbonscope_job_cpu_seconds_total")
        if cpu and max(cpu.values()) > 0: break
    except OSError:
        pass
    time.sleep(0.5)
else:
    sys.exit(f"no CPU time for job {job} in the exporter's series")
import glob
def kernel_seconds():
    # What the kernel counted for the job's cgroup (all its steps), the reference the
    # exporter must agree with whatever the machine's load lets the busy loop get.
    paths = glob.glob(f"/sys/fs/cgroup/cpuacct/slurm_*/uid_*/job_{job}/cpuacct.usage")
    assert paths, f"no cpuacct cgroup for job {job}"
    return sum(int(open(p).read()) for p in paths) / 1e9
first, k0 = sum(cpu.values()), kernel_seconds(); time.sleep(4)
cpu = series("carbonscope_job_cpu_seconds_total"); joules = series("carbonscope_job_joules_total")
k1 = kernel_seconds()
exported, counted = sum(cpu.values()) - first, k1 - k0
rate = exported / 4
assert counted > 0.4, f"the busy job got only {counted:.2f} CPU s in 4 s: the machine is too loaded to check"
assert 0.7 < exported / counted < 1.3, \
    f"exporter says {exported:.2f} CPU s over 4 s, the job's cgroup counted {counted:.2f}"
assert joules and sum(joules.values()) > 0, f"no energy charged to job {job}: {joules}"
print(f"exporter ok: job {job} {rate:.2f} CPU s/s (cgroup {counted / 4:.2f}), {sum(joules.values()):.3g} J charged, series {sorted(cpu)}")
PY
  kill "$EXPORTER_PID"
  scancel "$busy_job"
else
  echo "exporter job series: skipped (no writable cgroup v1 cpuacct at /sys/fs/cgroup/cpuacct, or no $EXPORTER): Slurm runs with proctrack/linuxproc and creates no step cgroups"
fi
scancel "$cancel_job"
# Two nodes, one `carbonscope run` each, tagged from Slurm's environment.
srun -J tracked -N2 --mem=100M "$BIN" run -q --interval 100ms --ledger "$D/ledger.db" --output-dir "$D/runs" -- sleep 1 || fail "srun carbonscope run"
[ -n "$PLUGSTACK" ] && { srun -J spank -N2 --mem=100M --carbonscope sleep 1 || fail "srun --carbonscope"; }
wait_for 60 "the queue to empty" bash -c '[ -z "$(squeue -h)" ]'
wait_for 30 "sacct to list the tracked job" bash -c '[ -n "$(sacct -n -X -P -S now-1hour -o JobID --name tracked)" ]'
tracked_job=$(sacct -n -X -P -S now-1hour -o JobID --name tracked | tail -1)
spank_job=""
[ -n "$PLUGSTACK" ] && spank_job=$(sacct -n -X -P -S now-1hour -o JobID --name spank | tail -1)
wait_for 30 "sacct to see every job end" bash -c "[ \"\$(sacct -n -X -P -o State -j $ok_job,$failed_job,$multi_job,$cancel_job | grep -cv -e RUNNING -e PENDING)\" = 4 ]"

check() { "$@" || fail "check failed: $*"; }
"$BIN" slurm import --ledger "$D/ledger.db" --cluster-file "$HERE/cluster.toml" --all-users -S now-1hour 2>"$D/import1.txt" || { cat "$D/import1.txt"; fail "slurm import"; }
cat "$D/import1.txt"
check grep -q " 0 updated" "$D/import1.txt"
"$BIN" slurm import --ledger "$D/ledger.db" --cluster-file "$HERE/cluster.toml" --all-users -S now-1hour 2>"$D/import2.txt" || fail "second import"
check grep -q ": 0 added, 0 updated" "$D/import2.txt"
# The same jobs through sacct --json, into a second ledger: the same states and job count.
sacct --json -a -S now-1hour | "$BIN" slurm import - --ledger "$D/json.db" --cluster-file "$HERE/cluster.toml" 2>"$D/import-json.txt" || { cat "$D/import-json.txt"; fail "slurm import of sacct --json"; }
cat "$D/import-json.txt"
! grep -q "rows skipped" "$D/import-json.txt" || fail "rows skipped reading sacct --json"
psv_states=$("$BIN" slurm report --ledger "$D/ledger.db" --by state -f csv | cut -d, -f1,2 | sort)
json_states=$("$BIN" slurm report --ledger "$D/json.db" --by state -f csv | cut -d, -f1,2 | sort)
[ "$psv_states" = "$json_states" ] || fail "parsable2 and JSON imports differ: $psv_states vs $json_states"
"$BIN" slurm report --ledger "$D/ledger.db" --by state -f json >"$D/report.json" || fail "slurm report"
"$BIN" slurm report --ledger "$D/ledger.db" --by user
/usr/bin/python3 - "$D/report.json" <<'PY' || fail "report contents"
import json, sys
r = json.load(open(sys.argv[1]))
states = {g["key"]: g for g in r["groups"]}
for s in ("COMPLETED", "FAILED", "CANCELLED"):
    assert s in states, f"no {s} job in {sorted(states)}"
assert states["COMPLETED"]["energy_kwh"]["central"] > 0, "completed jobs have no energy"
assert r["total"]["wasted"]["jobs"] >= 2, r["total"]["wasted"]
assert states["COMPLETED"]["wasted_jobs"] == 0
print("report ok:", {k: v["jobs"] for k, v in states.items()})
PY
"$BIN" slurm job "$multi_job" --ledger "$D/ledger.db" -f json >"$D/multi.json" || fail "slurm job (accounting)"
"$BIN" slurm job "$tracked_job" --ledger "$D/ledger.db" || fail "slurm job (merge)"
"$BIN" slurm job "$tracked_job" --ledger "$D/ledger.db" -f json >"$D/tracked.json" || fail "slurm job json"
/usr/bin/python3 - "$D/multi.json" "$D/tracked.json" <<'PY' || fail "merge contents"
import json, sys
m = json.load(open(sys.argv[1]))
assert m["accounting"]["state"] == "COMPLETED" and m["accounting"]["nodes"] == "c[1-2]", m["accounting"]
t = json.load(open(sys.argv[2]))
nodes = sorted(n["node"] for n in t["nodes"])
assert nodes == ["c1", "c2"], nodes
assert t["merged"]["run"]["id"].startswith("slurm-"), t["merged"]["run"]
assert all(n["energy_kwh"] > 0 for n in t["nodes"]), t["nodes"]
print("merge ok: nodes", nodes, "sum of shares", sum(n["energy_kwh"] for n in t["nodes"]), "kWh")
PY
if [ -n "$spank_job" ]; then
  "$BIN" slurm job "$spank_job" --ledger "$D/ledger.db" -f json >"$D/spank.json" || fail "slurm job (spank)"
  /usr/bin/python3 -c "
import json,sys; t=json.load(open('$D/spank.json')); n=sorted(x['node'] for x in t['nodes']); assert n==['c1','c2'], n; print('spank ok', n)" || fail "spank merge"
fi
echo "PASS in ${SECONDS}s"
