"""One tracker per node, not per rank, under torchrun, DeepSpeed, srun or mpirun.

The launcher's environment says which local rank this process is (LOCAL_RANK, else
SLURM_LOCALID, else OMPI_COMM_WORLD_LOCAL_RANK, else RANK modulo LOCAL_WORLD_SIZE) and
which job it belongs to (SLURM_JOB_ID and SLURM_STEP_ID, else TORCHELASTIC_RUN_ID, else
MASTER_ADDR:MASTER_PORT). Local rank 0 measures the node: its tracker charges the
process tree of the launcher on this node (its parent: torchrun's agent, slurmstepd,
orted), which holds every local rank. The other ranks measure nothing; when they stop
they read the node's result, which rank 0 writes to a file in a node-local directory
($CARBONSCOPE_RANK_DIR, else the temporary directory) named after the job and the host,
waiting for it at most $CARBONSCOPE_RANK_WAIT seconds (default 120).

Each rank's share of the node: the GPUs it uses (CUDA_VISIBLE_DEVICES and its local
rank, as PyTorch picks cuda:LOCAL_RANK) where the report has a component per GPU, plus
an equal part of everything else (CPU, memory)."""

import hashlib
import json
import os
import re
import socket
import time

DEFAULT_WAIT_S = 120.0


class RankWarning(UserWarning):
    """A rank other than its node's first found no node result to return."""


def _int(env, name):
    value = env.get(name, "").strip()
    return int(value) if value.isdigit() else None


def local_rank(env=None):
    """This process's rank on its node, or None outside a distributed launch."""
    env = os.environ if env is None else env
    for name in ("LOCAL_RANK", "SLURM_LOCALID", "OMPI_COMM_WORLD_LOCAL_RANK", "MPI_LOCALRANKID"):
        value = _int(env, name)
        if value is not None:
            return value
    rank, size = _int(env, "RANK"), _int(env, "LOCAL_WORLD_SIZE")
    if rank is not None and size:
        return rank % size
    return None


def _slurm_tasks_on_node(env):
    """SLURM_STEP_TASKS_PER_NODE ("2(x3),1") at index SLURM_NODEID."""
    spec = env.get("SLURM_STEP_TASKS_PER_NODE") or env.get("SLURM_TASKS_PER_NODE") or ""
    node = _int(env, "SLURM_NODEID") or 0
    counts = []
    for part in spec.split(","):
        m = re.fullmatch(r"(\d+)(?:\(x(\d+)\))?", part.strip())
        if not m:
            return None
        counts += [int(m.group(1))] * int(m.group(2) or 1)
    return counts[node] if node < len(counts) else None


def local_world_size(env=None):
    """How many ranks share this node, or None when the launcher does not say."""
    env = os.environ if env is None else env
    for name in ("LOCAL_WORLD_SIZE", "OMPI_COMM_WORLD_LOCAL_SIZE", "MPI_LOCALNRANKS"):
        value = _int(env, name)
        if value:
            return value
    if "SLURM_LOCALID" in env:
        return _slurm_tasks_on_node(env)
    return None


def job_key(env=None):
    """What identifies the distributed job on every node, or None."""
    env = os.environ if env is None else env
    if env.get("SLURM_JOB_ID"):
        return f"slurm-{env['SLURM_JOB_ID']}.{env.get('SLURM_STEP_ID', '')}"
    if env.get("TORCHELASTIC_RUN_ID"):
        return f"torchelastic-{env['TORCHELASTIC_RUN_ID']}"
    if env.get("MASTER_ADDR") and env.get("MASTER_PORT"):
        return f"master-{env['MASTER_ADDR']}:{env['MASTER_PORT']}"
    return None


def rank_gpus(env=None):
    """The physical GPU indices this rank uses (NVML numbering), [] when unknown."""
    env = os.environ if env is None else env
    lr = local_rank(env) or 0
    visible = env.get("CUDA_VISIBLE_DEVICES")
    if visible is None:
        return [lr] if local_rank(env) is not None else []
    devices = [d.strip() for d in visible.split(",") if d.strip()]
    if len(devices) == 1:  # the launcher gave each rank its own device
        chosen = devices
    elif lr < len(devices):
        chosen = [devices[lr]]
    else:
        return []
    return [int(d) for d in chosen if d.isdigit()]  # UUIDs and MIG names cannot be matched to the report


class NodeShare:
    """The rank's place on its node: leader (local rank 0) or follower, and the file
    through which the leader hands the node's result to the followers."""

    def __init__(self, env=None):
        env = dict(os.environ if env is None else env)
        self.env = env
        self.local_rank = local_rank(env)
        self.rank = _int(env, "RANK") if "RANK" in env else _int(env, "SLURM_PROCID")
        self.local_world_size = local_world_size(env)
        self.key = job_key(env)
        self.leader = self.local_rank in (None, 0) or self.key is None
        host = socket.gethostname()
        digest = hashlib.sha256(f"{self.key}\0{host}".encode()).hexdigest()[:16]
        directory = env.get("CARBONSCOPE_RANK_DIR") or _tempdir()
        self.path = os.path.join(directory, f"carbonscope-node-{digest}.json")
        wait = env.get("CARBONSCOPE_RANK_WAIT", "")
        self.wait_s = float(wait) if re.fullmatch(r"\d+(\.\d+)?", wait) else DEFAULT_WAIT_S
        self.started = time.time()

    @property
    def active(self):
        """In a distributed launch whose ranks can find each other's node file."""
        return self.key is not None and self.local_rank is not None

    @property
    def distributed(self):
        """Several ranks on this node, so that rank 0 must measure them all."""
        return self.key is not None and self.local_rank is not None and (self.local_world_size or 1) > 1

    def tracked_pid(self, own_pid):
        """The root of the process tree the node's tracker charges."""
        return os.getppid() if self.distributed else own_pid

    def clear(self):
        """Leader, at start: a result left by an earlier job with the same key goes."""
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass

    def publish(self, report, run_dir):
        """Leader, at stop: the node's result, written atomically."""
        tmp = f"{self.path}.{os.getpid()}.tmp"
        with open(tmp, "w") as f:
            json.dump({"report": report, "run_dir": run_dir or "", "finished_unix": time.time()}, f)
        os.replace(tmp, self.path)

    def collect(self):
        """Follower, at stop: the node's result once the leader has written it (one
        finished after this rank started), or None after the bounded wait."""
        deadline = time.monotonic() + self.wait_s
        delay = 0.05
        while True:
            try:
                with open(self.path) as f:
                    doc = json.load(f)
                if doc.get("finished_unix", 0) >= self.started - 1:
                    return doc
            except (FileNotFoundError, ValueError):
                pass
            if time.monotonic() >= deadline:
                return None
            time.sleep(delay)
            delay = min(delay * 2, 0.5)

    def result_for_follower(self, stacklevel):
        """Follower, at stop: the node's RunResult with this rank's share, or None (with a
        RankWarning) when the node's first rank wrote nothing in time."""
        from ._results import RunResult

        doc = self.collect()
        if doc is None:
            import warnings

            warnings.warn(f"carbonscope: local rank {self.local_rank} measures nothing (local rank 0 measures the "
                          f"node), and local rank 0 wrote no result to {self.path} within {self.wait_s:g} s; raise "
                          f"CARBONSCOPE_RANK_WAIT, or check that rank 0 runs carbonscope.track() too",
                          RankWarning, stacklevel=stacklevel + 1)
            return None
        result = RunResult(doc["report"], (), doc["run_dir"])
        result.rank_share = self.share(doc["report"])
        return result

    def share(self, report):
        """This rank's part of the node's energy, by the GPUs it uses."""
        gpus = rank_gpus(self.env)
        size = self.local_world_size or 1
        gpu_kwh = other_kwh = 0.0
        per_gpu = {}
        for c in report.get("components", []):
            kwh = c["energy_kwh"]["central"]
            m = re.match(r"GPU (\d+)\b", c.get("label", ""))
            if c.get("component") == "gpu" and m:
                per_gpu[int(m.group(1))] = kwh
            else:
                other_kwh += kwh
        known = [g for g in gpus if g in per_gpu]
        if known:
            gpu_kwh = sum(per_gpu[g] for g in known)
        else:  # no per-device figure for this rank: an equal part of the GPUs too
            other_kwh += sum(per_gpu.values())
        energy = gpu_kwh + other_kwh / size
        node_kwh = report["energy_kwh"]["central"]
        node_kg = report["emissions_kg"]["central"]
        return {"rank": self.rank, "local_rank": self.local_rank, "local_world_size": size, "gpus": known,
                "gpu_energy_kwh": gpu_kwh, "shared_energy_kwh": other_kwh / size, "energy_kwh": energy,
                "emissions_kg": node_kg * energy / node_kwh if node_kwh > 0 else 0.0}


def _tempdir():
    import tempfile

    return tempfile.gettempdir()
