#!/usr/bin/python3
"""The Prometheus exporter against the real thing (ctest runs each mode once).

scrape:   starts `carbonscope exporter` on a free loopback port and Debian's real
          `prometheus` scraping it every second, waits for the scrapes, and checks
          through the HTTP API, once the series fills the 10 s window, that
          rate(carbonscope_node_joules_total[10s]) is the power
          gauge, and the emissions rate is that power x PUE x intensity. The exporter also
          reads a Slurm-shaped cgroup tree (a copy of tests/fixtures/slurm_cgroup/v2)
          whose step 101.0 the test keeps busy: Prometheus gets its CPU-time counter at
          the rate written, its charged energy, no more than the node's CPU energy,
          and job 202, ended half-way, drops out of the instant query (stale).
promtool: `monitor --prometheus` inside a pretend Slurm step: /metrics passes
          `promtool check metrics` (format and naming lint), carries the job's labels,
          and so does the exporter's exposition with the fixture's Slurm steps,
          answers 421 to a foreign Host name; a non-loopback address is refused without
          --allow-remote.
grafana:  docs/grafana/carbonscope.json is valid JSON whose every query passes
          `promtool check rules` (its variables replaced) and names only metrics the
          exporter serves.
Fake sensors stand in for RAPL/NVML (none here). Exit 77 (skipped) with the reason
when Debian's prometheus package is not installed. Every wait is bounded.
"""
import json
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

SKIP = 77
CPU_W, GPU_W = 45.0, 250.0
INTENSITY, PUE = 400.0, 1.5


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_carbonscope(binary, args, env_extra):
    env = dict(os.environ, CARBONSCOPE_FAKE_SENSORS=f"cpu={CPU_W:g}W,gpu={GPU_W:g}W", **env_extra)
    p = subprocess.Popen([binary] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline, seen = time.monotonic() + 15, b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([p.stderr], [], [], 0.5)
        if ready:
            chunk = os.read(p.stderr.fileno(), 4096)
            if not chunk:
                break
            seen += chunk
            m = re.search(rb"metrics at (http://[^\s]+/metrics)", seen)
            if m:
                return p, m.group(1).decode()
    p.kill()
    p.wait()
    fail(f"carbonscope printed no metrics URL: {seen.decode(errors='replace')}")


def stop(p, name):
    if p.poll() is None:
        p.send_signal(signal.SIGTERM)
    try:
        return p.wait(timeout=15)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        fail(f"{name} (pid {p.pid}) ignored SIGTERM for 15 s")


def get(url, host=None, timeout=5):
    req = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read().decode()


def query(api, expr):
    _, _, body = get(f"{api}/api/v1/query?" + urllib.parse.urlencode({"query": expr}))
    doc = json.loads(body)
    if doc.get("status") != "success":
        fail(f"query {expr}: {body}")
    return doc["data"]["result"]


def scalar(api, expr):
    result = query(api, expr)
    return float(result[0]["value"][1]) if result else None


FIXTURES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fixtures")
SCOPE = "sys/fs/cgroup/system.slice/slurmstepd.scope"
STEP_CPU = 0.5  # CPU-seconds per second the pretend step 101.0 uses


def slurm_tree(tmp):
    """A copy of the Slurm-shaped cgroup tree; returns the cgroup mount to give the exporter."""
    root = os.path.join(tmp, "slurm")
    shutil.copytree(os.path.join(FIXTURES, "slurm_cgroup", "v2"), root)
    return root, os.path.join(root, "sys", "fs", "cgroup")


class BusyStep(threading.Thread):
    """Advances a step's cpu.stat usage_usec at STEP_CPU CPU-seconds per second, in
    place and at a fixed width (one pwrite: the exporter never reads a half-written file)."""

    def __init__(self, path):
        super().__init__(daemon=True)
        self.path, self.done = path, threading.Event()

    def run(self):
        start, base = time.monotonic(), 2_000_000
        fd = os.open(self.path, os.O_WRONLY | os.O_TRUNC)
        try:
            while not self.done.wait(0.05):
                usec = base + int((time.monotonic() - start) * STEP_CPU * 1e6)
                os.pwrite(fd, f"usage_usec {usec:015d}\n".encode(), 0)
        finally:
            os.close(fd)


def scrape_test(binary, tmp):
    root, mount = slurm_tree(tmp)
    busy = BusyStep(os.path.join(root, SCOPE, "job_101", "step_0", "cpu.stat"))
    busy.start()
    exporter, url = start_carbonscope(
        binary, ["exporter", "--listen", "127.0.0.1:0", "--interval", "250ms", "--intensity", f"{INTENSITY:g}g",
                 "--pue", f"{PUE:g}", "--slurm-cgroups", mount], {})
    prom = None
    try:
        target = urllib.parse.urlparse(url).netloc
        config = os.path.join(tmp, "prometheus.yml")
        with open(config, "w") as f:
            f.write("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                    "scrape_configs:\n  - job_name: carbonscope\n"
                    f"    static_configs:\n      - targets: ['{target}']\n")
        port = free_port()
        api = f"http://127.0.0.1:{port}"
        prom = subprocess.Popen(
            ["prometheus", f"--config.file={config}", f"--storage.tsdb.path={os.path.join(tmp, 'tsdb')}",
             f"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"],
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(tmp, "prometheus.log"), "w"))
        # rate() divides the extrapolated increase by the whole range: the series must
        # fill the 10 s window (12 scrapes at 1 s), or a young series reads low. The counter
        # moves at sample times and the scrapes fall between them, so on a loaded machine
        # the rate over a short window is off by a few per cent: 10% is allowed.
        deadline, scrapes = time.monotonic() + 40, 0
        while time.monotonic() < deadline:
            if prom.poll() is not None:
                fail(f"prometheus exited with {prom.returncode}: {open(os.path.join(tmp, 'prometheus.log')).read()}")
            try:
                scrapes = scalar(api, "count_over_time(carbonscope_samples_total[1m])") or 0
            except (OSError, ValueError):
                scrapes = 0
            if scrapes >= 6 and os.path.isdir(os.path.join(root, SCOPE, "job_202")):
                shutil.rmtree(os.path.join(root, SCOPE, "job_202"))  # job 202 ends
            if scrapes >= 12:
                break
            time.sleep(0.5)
        if scrapes < 12:
            fail(f"prometheus took fewer than 12 scrapes in 40 s ({scrapes})")
        up = scalar(api, 'up{job="carbonscope"}')
        if up != 1:
            fail(f"target not up: {up}")
        for component, watts in (("cpu", CPU_W), ("gpu", GPU_W)):
            rate = scalar(api, f'sum(rate(carbonscope_node_joules_total{{component="{component}"}}[10s]))')
            gauge = scalar(api, f'sum(carbonscope_node_watts{{component="{component}"}})')
            print(f"{component}: rate of joules {rate} W, gauge {gauge} W, sensor {watts} W")
            if rate is None or gauge is None:
                fail(f"no {component} series in prometheus")
            if abs(rate - gauge) > 0.10 * gauge or abs(gauge - watts) > 0.05 * watts:
                fail(f"{component}: rate {rate} W, gauge {gauge} W, sensor {watts} W: the rate is more than 10% "
                     "from the gauge, or the gauge more than 5% from the sensor")
        grams = scalar(api, "sum(rate(carbonscope_node_co2e_grams_total[10s]))")
        expected = (CPU_W + GPU_W) * PUE * INTENSITY / 3.6e6
        print(f"emissions: {grams} g/s, expected {expected} g/s")
        if grams is None or abs(grams - expected) > 0.10 * expected:
            fail(f"emissions rate {grams} g/s, expected {expected} g/s")
        series = query(api, "carbonscope_node_joules_total")
        labels = set(series[0]["metric"]) if series else set()
        for name in ("node_name", "component", "zone", "source", "method"):
            if name not in labels:
                fail(f"label {name} missing from {labels}")
        slurm_checks(api)
    finally:
        busy.done.set()
        if prom is not None:
            code = stop(prom, "prometheus")
            if code != 0:
                fail(f"prometheus exited with {code} on SIGTERM")
        code = stop(exporter, "carbonscope exporter")
    if code != 0:
        fail(f"carbonscope exporter exited with {code} on SIGTERM")


def slurm_checks(api):
    step = 'job_id="101",step_id="0"'
    cpu = scalar(api, f"rate(carbonscope_job_cpu_seconds_total{{{step}}}[10s])")
    print(f"step 101.0: CPU time rate {cpu} s/s, written {STEP_CPU} s/s")
    if cpu is None or abs(cpu - STEP_CPU) > 0.15 * STEP_CPU:
        fail(f"step 101.0's CPU time rate is {cpu}, not {STEP_CPU} s/s")
    job = query(api, f'carbonscope_job_joules_total{{{step},component="cpu"}}')
    if not job or "node_name" not in job[0]["metric"]:
        fail(f"no energy series for step 101.0 with node_name: {job}")
    charged = scalar(api, 'sum(rate(carbonscope_job_joules_total{component="cpu"}[10s]))')
    node = scalar(api, 'sum(rate(carbonscope_node_joules_total{component="cpu"}[10s]))')
    print(f"charged to steps: {charged} W of the node's {node} W of CPU power")
    if charged is None or node is None or charged > node * 1.10:
        fail(f"the steps are charged {charged} W, more than the node's {node} W")
    if query(api, "carbonscope_job_cpu_seconds_total{job_id=\"202\"}"):
        fail("job 202 ended but its series are still current")
    steps = scalar(api, "carbonscope_job_steps")
    if steps != 3:
        fail(f"carbonscope_job_steps is {steps}, not 3 (101.batch, 101.extern, 101.0)")
    if query(api, 'carbonscope_job_joules_total{component="gpu"}'):
        fail("a GPU share is charged to a step")


def exporter_exposition_checks(binary, tmp):
    _, mount = slurm_tree(tmp)
    exporter, url = start_carbonscope(binary, ["exporter", "--listen", "127.0.0.1:0", "--interval", "200ms",
                                               "--slurm-cgroups", mount], {})
    try:
        deadline, text = time.monotonic() + 10, ""
        while time.monotonic() < deadline:
            _, _, text = get(url)
            if re.search(r'^carbonscope_job_joules_total\{[^}]*job_id="202"', text, re.M):
                break
            time.sleep(0.2)
        for family in ("carbonscope_job_cpu_seconds_total", "carbonscope_job_joules_total", "carbonscope_job_watts",
                       "carbonscope_job_co2e_grams_total", "carbonscope_job_steps"):
            if not re.search(rf"^{family}\{{", text, re.M):
                fail(f"the exporter serves no {family} series:\n" + text)
        check = subprocess.run(["promtool", "check", "metrics"], input=text, capture_output=True, text=True,
                               timeout=30)
        print(f"promtool check metrics (exporter, Slurm steps): exit {check.returncode} {check.stdout}{check.stderr}")
        if check.returncode != 0:
            fail("promtool rejects the exporter's exposition:\n" + text)
    finally:
        code = stop(exporter, "carbonscope exporter")
    if code != 0:
        fail(f"carbonscope exporter exited with {code} on SIGTERM")


def promtool_test(binary, tmp):
    exporter_exposition_checks(binary, tmp)
    refused = subprocess.run([binary, "exporter", "--listen", "0.0.0.0:0"], capture_output=True, text=True,
                             timeout=30)
    if refused.returncode != 2 or "--allow-remote" not in refused.stderr:
        fail(f"a non-loopback address without --allow-remote: exit {refused.returncode}, {refused.stderr}")
    monitor, url = start_carbonscope(
        binary, ["monitor", "--prometheus", "127.0.0.1:0", "--interval", "200ms", "--no-ledger", "--quiet",
                 "--output-dir", os.path.join(tmp, "runs"), "--duration", "20s"],
        {"SLURM_JOB_ID": "4242", "SLURM_STEP_ID": "0"})
    try:
        deadline, text = time.monotonic() + 10, ""
        while time.monotonic() < deadline:
            status, ctype, text = get(url)
            if status != 200 or not ctype.startswith("text/plain; version=0.0.4"):
                fail(f"/metrics answered {status} {ctype}")
            if re.search(r'^carbonscope_samples_total\{[^}]*\} [1-9]', text, re.M):
                break
            time.sleep(0.2)
        if 'job_id="4242"' not in text or 'step_id="0"' not in text:
            fail("the Slurm job's labels are missing:\n" + text)
        check = subprocess.run(["promtool", "check", "metrics"], input=text, capture_output=True, text=True,
                               timeout=30)
        print(f"promtool check metrics: exit {check.returncode} {check.stdout}{check.stderr}")
        if check.returncode != 0:
            fail("promtool rejects the exposition:\n" + text)
        status, _, _ = get(url, host="evil.example:9464")
        if status != 421:
            fail(f"a foreign Host name got {status}, not 421")
    finally:
        code = stop(monitor, "carbonscope monitor")
    if code != 0:
        fail(f"carbonscope monitor exited with {code} on SIGTERM")


def grafana_test(binary, tmp):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with open(os.path.join(root, "docs", "grafana", "carbonscope.json")) as f:
        dash = json.load(f)
    exprs = [t["expr"] for p in dash["panels"] for t in p.get("targets", [])]
    if len(exprs) < 8:
        fail(f"only {len(exprs)} queries in the dashboard")
    served = {"carbonscope_node_joules_total", "carbonscope_node_watts", "carbonscope_node_co2e_grams_total",
              "carbonscope_samples_total", "carbonscope_pue_ratio",
              "carbonscope_grid_carbon_intensity_grams_per_joule", "carbonscope_job_cpu_seconds_total",
              "carbonscope_job_joules_total", "carbonscope_job_watts", "carbonscope_job_co2e_grams_total",
              "carbonscope_job_steps"}
    variables = {"$__rate_interval": "1m", "$__range": "6h", "$node": ".*", "$job_id": ".+"}
    rules = os.path.join(tmp, "rules.yml")
    with open(rules, "w") as f:
        f.write("groups:\n  - name: grafana\n    rules:\n")
        for i, e in enumerate(exprs):
            for name in re.findall(r"carbonscope_[a-z0-9_]+", e):
                if name not in served:
                    fail(f"the dashboard queries {name}, which the exporter does not serve")
            for k, v in variables.items():
                e = e.replace(k, v)
            f.write(f"      - record: carbonscope:panel{i}\n        expr: {json.dumps(e)}\n")
    check = subprocess.run(["promtool", "check", "rules", rules], capture_output=True, text=True, timeout=30)
    print(f"promtool check rules: exit {check.returncode} {check.stdout.strip()}")
    if check.returncode != 0:
        fail(f"promtool rejects a dashboard query: {check.stdout}{check.stderr}")


def main():
    mode, binary = sys.argv[1], sys.argv[2]
    needed = "prometheus" if mode == "scrape" else "promtool"
    if shutil.which(needed) is None:
        print(f"SKIP: {needed} is not installed (apt-get install prometheus, as scripts/setup.sh does)")
        sys.exit(SKIP)
    with tempfile.TemporaryDirectory(prefix="carbonscope-prom-") as tmp:
        {"scrape": scrape_test, "promtool": promtool_test, "grafana": grafana_test}[mode](binary, tmp)
    print("PASS")


if __name__ == "__main__":
    main()
