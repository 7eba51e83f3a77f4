"""The machine table (data/instances.csv): cloud GPU instances and vendor GPU nodes,
each with its accelerators (model and count), its CPUs as power (min and max watts)
and its memory, for `carbonscope estimate --instance NAME` / `--node NAME`.

Cloud rows: vCPUs, memory and CPU from the Cloud Carbon Footprint instance tables
(ccf-coefficients, Apache-2.0); CPU power = vCPUs x CCF's min/max watts per vCPU of the
CPU's micro-architecture (SPECpower averages, coefficients-<provider>-use.csv). The
accelerator of each instance family is a fact from the provider's documentation
(hand-keyed below with its source id); AWS's 2021 table also names it. Only instances
with an accelerator of data/accelerators.csv are kept.

Node rows (NVIDIA DGX): the datasheet's GPUs, CPUs, memory and maximum system power;
CPU power = sockets x TDP (data/cpus.csv) from its idle share (cpu_idle_fraction) to
full load.
"""
import os
import re
import statistics

from common import fail, fmt, num, read_dicts, warn

# Instance family -> (accelerator name in accelerators.csv, source id). Counts come from
# the CCF table (AWS 2021, Azure) or from the rules in gpu_count().
AWS_FAMILIES = {
    "g4dn": ("NVIDIA Tesla T4", "aws-accelerated-instances"),
    "g5": ("NVIDIA A10G", "aws-accelerated-instances"),
    "g6": ("NVIDIA L4", "aws-accelerated-instances"),
    "g6e": ("NVIDIA L40S", "aws-accelerated-instances"),
    "p2": ("NVIDIA Tesla K80", "aws-accelerated-instances"),
    "p3": ("NVIDIA Tesla V100 SXM2 16GB", "aws-accelerated-instances"),
    "p3dn": ("NVIDIA Tesla V100 SXM2 32GB", "aws-accelerated-instances"),
    "p4d": ("NVIDIA A100 SXM4 40GB", "aws-accelerated-instances"),
    "p4de": ("NVIDIA A100 SXM4 80GB", "aws-accelerated-instances"),
    "p5": ("NVIDIA H100 SXM5 80GB", "aws-accelerated-instances"),
    "p5e": ("NVIDIA H200 SXM 141GB", "aws-accelerated-instances"),
    "p5en": ("NVIDIA H200 SXM 141GB", "aws-accelerated-instances"),
    "p6-b200": ("NVIDIA B200", "aws-accelerated-instances"),
    "dl1": ("Intel Gaudi", "aws-accelerated-instances"),
}
GCP_FAMILIES = {
    "a2-highgpu": ("NVIDIA A100 SXM4 40GB", "gcp-gpu-machine-types"),
    "a2-ultragpu": ("NVIDIA A100 SXM4 80GB", "gcp-gpu-machine-types"),
    "a3-highgpu": ("NVIDIA H100 SXM5 80GB", "gcp-gpu-machine-types"),
    "a3-megagpu": ("NVIDIA H100 SXM5 80GB", "gcp-gpu-machine-types"),
    "a3-edgegpu": ("NVIDIA H100 SXM5 80GB", "gcp-gpu-machine-types"),
    "a3-ultragpu": ("NVIDIA H200 SXM 141GB", "gcp-gpu-machine-types"),
    "g2-standard": ("NVIDIA L4", "gcp-gpu-machine-types"),
}
# Azure series of the CCF table -> accelerator and the CPU the series documents
# (the CCF table gives "Unknown" micro-architecture for these).
AZURE_SERIES = {
    "NCsv2-series": ("NVIDIA Tesla P100 PCIe 16GB", "Broadwell"),
    "NCsv3-series": ("NVIDIA Tesla V100 PCIe 16GB", "Broadwell"),
    "NDs-series": ("NVIDIA Tesla P40", "Broadwell"),
    "NDv2 Series": ("NVIDIA Tesla V100 SXM2 32GB", "Skylake"),
    "NCas_T4_v3 Series": ("NVIDIA Tesla T4", "EPYC 2nd Gen"),
}
# Azure sizes newer than CCF's 2023 table: (name, vCPUs, memory GB, accelerator, count,
# CPU, micro-architecture), from Azure's size documentation.
AZURE_EXTRA = [
    ("Standard_ND96asr_v4", 96, 900, "NVIDIA A100 SXM4 40GB", 8, "AMD EPYC 7V12", "EPYC 2nd Gen"),
    ("Standard_ND96amsr_A100_v4", 96, 1800, "NVIDIA A100 SXM4 80GB", 8, "AMD EPYC 7V12", "EPYC 2nd Gen"),
    ("Standard_ND96isr_H100_v5", 96, 1900, "NVIDIA H100 SXM5 80GB", 8, "Intel Xeon Platinum 8480C",
     "Sapphire Rapids"),
]
# NVIDIA DGX nodes: (name, aliases, accelerator, count, CPU, its TDP row in cpus.csv, sockets,
# memory GB, maximum system power W, source id). The DGX H100's Xeon 8480C is a variant of
# the 8480+ with the same 350 W TDP.
NODES = [
    ("dgx-a100", "DGX A100|DGX A100 640GB|nvidia-dgx-a100", "NVIDIA A100 SXM4 80GB", 8, "AMD EPYC 7742",
     "AMD EPYC 7742", 2, 2048, 6500, "nvidia-dgx-a100-datasheet"),
    ("dgx-a100-320gb", "DGX A100 320GB", "NVIDIA A100 SXM4 40GB", 8, "AMD EPYC 7742",
     "AMD EPYC 7742", 2, 1024, 6500,
     "nvidia-dgx-a100-datasheet"),
    ("dgx-h100", "DGX H100|nvidia-dgx-h100", "NVIDIA H100 SXM5 80GB", 8,
     "Intel Xeon Platinum 8480C", "Intel Xeon Platinum 8480+", 2, 2048, 10200, "nvidia-dgx-h100-datasheet"),
]

# CPU name (as CCF writes it) -> micro-architecture of the coefficient tables.
_ARCH = [
    (r"E5-26\d\d v4", "Broadwell"), (r"E5-26\d\d v3", "Haswell"), (r"E5-26\d\d\b(?! v)", "Sandy Bridge"),
    (r"8175M|8168|8124M", "Skylake"), (r"8259C?L|8275CL|8273CL|Cascade Lake", "Cascade Lake"),
    (r"8375C|Ice Lake", "Ice Lake"), (r"Sapphire Rapids|8480", "Sapphire Rapids"),
    (r"Emerald Rapids|8581C", "Emerald Rapids"), (r"7R32|7V12|7742|EPYC 2nd", "EPYC 2nd Gen"),
    (r"7R13|7V13", "EPYC 3rd Gen"),
]

HEADER = ["name", "aliases", "kind", "provider", "gpu", "gpu_count", "vcpus", "cpu", "architecture",
          "cpu_w_min", "cpu_w_max", "memory_gb", "max_system_w", "source_id"]


def architecture(cpu):
    for pat, arch in _ARCH:
        if re.search(pat, cpu):
            return arch
    return ""


def coefficients(raw):
    out = {}
    for p in ("aws", "azure", "gcp"):
        rows = read_dicts(os.path.join(raw, "ccf-coefficients/coefficients-%s-use.csv" % p))
        out[p] = {r["Architecture"]: (num(r["Min Watts"]), num(r["Max Watts"])) for r in rows}
    return out


def gpu_count(name, vcpus):
    """Accelerators per instance where the CCF table does not say: the -Ng suffix on GCP,
    the size on AWS (AWS's and Google's instance documentation)."""
    m = re.search(r"-(\d+)g$", name)
    if m:
        return int(m.group(1))
    if name.startswith("g2-standard-"):
        return {24: 2, 48: 4, 96: 8}.get(vcpus, 1)
    size = name.split(".", 1)[1] if "." in name else ""
    if name.startswith(("p4d", "p4de", "p5e", "p5en", "p6-b200", "p3dn", "dl1")) or size == "48xlarge":
        return 8
    if name.startswith("p5."):
        return 8 if size == "48xlarge" else 1
    if size in ("12xlarge", "24xlarge"):
        return 4
    if size == "metal":
        return 8
    return 1


def cloud_row(provider, name, aliases, gpu, count, vcpus, cpu, arch, mem, coef, sources):
    c = coef[provider].get(arch) or coef["aws"].get(arch)
    if c is None:
        warn("instances: no CCF coefficient for %s (%s, %s); row skipped" % (name, cpu, arch or "?"))
        return None
    return [name, aliases, "cloud", provider, gpu, str(count), str(vcpus), cpu, arch, fmt(vcpus * c[0], 2),
            fmt(vcpus * c[1], 2), fmt(mem, 1), "", "|".join(["ccf-coefficients"] + sources)]


def build_instances(raw, accelerators, cpus, constants):
    """Rows of data/instances.csv. `accelerators`, `cpus` and `constants` are the built
    tables (to check names and take TDPs)."""
    acc = {r[0] for r in accelerators}
    cpu_tdp = {r[0]: (num(r[2]), r[5]) for r in cpus}
    idle = next(num(r[1]) for r in constants if r[0] == "cpu_idle_fraction")
    coef = coefficients(raw)
    rows = {}

    def add(row):
        if row is None:
            return
        if row[4] not in acc:
            fail("instances: %s names accelerator %s, not in accelerators.csv" % (row[0], row[4]))
        rows[row[0].lower()] = row

    d = os.path.join(raw, "ccf-coefficients")
    old = {r["Instance type"]: r for r in read_dicts(os.path.join(d, "aws-instances.csv"))}
    for r in read_dicts(os.path.join(d, "aws-instances-latest-2026.csv")):
        name = r["Instance Type"]
        fam = name.split(".")[0]
        if fam not in AWS_FAMILIES:
            continue
        gpu, sid = AWS_FAMILIES[fam]
        vcpus = int(num(r["vCPUs"]))
        cpu = r["Platform CPU Name"]
        count = gpu_count(name, vcpus)
        o = old.get(name)
        if o is not None:  # the 2021 table names the CPU and counts the GPUs itself
            cpu = o["Platform CPU Name"]
            if num(o["Instance Number of GPU"]):
                count = int(num(o["Instance Number of GPU"]))
        elif fam == "p4de":
            cpu = old["p4d.24xlarge"]["Platform CPU Name"]  # same platform as p4d (FIXES.md)
        add(cloud_row("aws", name, "", gpu, count, vcpus, cpu, architecture(cpu), num(r["Memory (GiB)"]), coef,
                      [sid]))
    for name, o in sorted(old.items()):  # retired sizes only in the 2021 table (p2, p3, p3dn)
        fam = name.split(".")[0]
        if fam not in AWS_FAMILIES or name.lower() in rows or not num(o["Instance Number of GPU"]):
            continue
        gpu, sid = AWS_FAMILIES[fam]
        cpu = o["Platform CPU Name"]
        add(cloud_row("aws", name, "", gpu, int(num(o["Instance Number of GPU"])), int(num(o["Instance vCPU"])), cpu,
                      architecture(cpu), num(o["Instance Memory (in GB)"].replace(",", ".")), coef, [sid]))
    for r in read_dicts(os.path.join(d, "gcp-instances-latest-2026.csv")):
        name = r["Instance Type"]
        fam = r["Platform"]
        if fam not in GCP_FAMILIES:
            continue
        gpu, sid = GCP_FAMILIES[fam]
        vcpus = int(num(r["Instance vCPU"]))
        aliases = ""
        if name == "a2-highgpu-16g":  # Google's name for the 16-GPU A2 size (FIXES.md)
            name, aliases = "a2-megagpu-16g", "a2-highgpu-16g"
        add(cloud_row("gcp", name, aliases, gpu, gpu_count(name, vcpus), vcpus, r["CPU Name"], r["Microarchitecture"],
                      num(r["Instance Memory"]), coef, [sid]))
    for r in read_dicts(os.path.join(d, "azure-instances.csv")):
        series = r["Series"]
        if series not in AZURE_SERIES:
            continue
        gpu, arch = AZURE_SERIES[series]
        vm = r["Virtual Machine"]
        name = "Standard_" + vm.replace(" ", "_")
        add(cloud_row("azure", name, vm, gpu, int(num(r["Instance GPUs"])), int(num(r["Instance vCPUs"])), "", arch,
                      num(r["Instance Memory"]), coef, ["azure-gpu-sizes"]))
    for name, vcpus, mem, gpu, count, cpu, arch in AZURE_EXTRA:
        add(cloud_row("azure", name, name[len("Standard_"):], gpu, count, vcpus, cpu, arch, mem, coef,
                      ["azure-gpu-sizes"]))
    for name, aliases, gpu, count, cpu, tdp_row, sockets, mem, max_w, sid in NODES:
        tdp, tdp_src = cpu_tdp.get(tdp_row, (None, ""))
        if not tdp:
            fail("instances: node %s names CPU %s without a TDP in cpus.csv" % (name, cpu))
        add([name, aliases, "node", "", gpu, str(count), "", cpu, architecture(cpu), fmt(sockets * tdp * idle, 2),
             fmt(sockets * tdp, 2), fmt(mem, 1), fmt(max_w, 0), "|".join([sid, tdp_src, "ccf-coefficients"])])
    out = [rows[k] for k in sorted(rows)]
    for r in out:
        if r[0].lower() in {a.lower() for x in out if x is not r for a in x[1].split("|") if a}:
            fail("instances: %s is also another row's alias" % r[0])
    return out


def node_other_fraction(instances, accelerators, constants):
    """The constant gpu_server_other_fraction: what a GPU server draws at its maximum
    beyond its GPUs, CPUs and memory (NVSwitches, NICs, fans, storage, power-supply
    losses), per GPU as a share of the GPU's TDP, over the DGX datasheets."""
    tdp = {r[0]: num(r[5]) for r in accelerators}
    w_per_gb = next(num(r[1]) for r in constants if r[0] == "memory_w_per_gb")
    shares = []
    for r in instances:
        if r[2] != "node":
            continue
        gpus = int(r[5]) * tdp[r[4]]
        other = num(r[12]) - gpus - num(r[10]) - num(r[11]) * w_per_gb
        shares.append(other / gpus)
    if not shares:
        fail("instances: no node rows")
    return ["gpu_server_other_fraction", fmt(statistics.median(shares), 4), "ratio", fmt(min(shares), 4),
            fmt(max(shares), 4), "nvidia-dgx-a100-datasheet|nvidia-dgx-h100-datasheet",
            "GPU server parts beyond GPUs, CPUs and memory (NVSwitches, NICs, fans, storage, power-supply losses) "
            "at maximum system power, per GPU as a share of its TDP: median (min, max) over the DGX rows of "
            "instances.csv (max system power - GPUs' TDP - CPUs' TDP - memory x memory_w_per_gb)"]
