"""carbonscope.track(): context manager, decorator, start/stop, phases, snapshots,
results as objects and as report.json's dict, and the run's files where
`carbonscope run` puts them."""

import csv
import json
import sys
import threading
import time

import pytest

import carbonscope


def busy(seconds):
    end = time.perf_counter() + seconds
    n = 0
    while time.perf_counter() < end:
        n += 1
    return n


def test_context_manager_writes_the_run_files(tmp_path, fake_sensors):
    with carbonscope.track("unit", region="FR", interval=0.02, output_dir=tmp_path) as t:
        assert t.running
        busy(0.2)
    r = t.result
    assert isinstance(r, carbonscope.RunResult)
    assert r.project == "unit" and r.region.startswith("France")
    assert r.run_dir == str(tmp_path / r.run_id) == t.run_dir
    for name in ("report.json", "samples.csv", "run.json"):
        assert (tmp_path / r.run_id / name).is_file()
    report = json.loads((tmp_path / r.run_id / "report.json").read_text())
    assert report == r.to_dict()
    assert report["schema"] == "carbonscope.report/1"
    assert json.loads(r.to_json()) == report
    rows = list(csv.DictReader(open(tmp_path / "emissions.csv")))
    assert rows[-1]["run_id"] == r.run_id
    samples = list(csv.reader(open(tmp_path / r.run_id / "samples.csv")))
    assert len(samples) > 5


def test_energy_and_provenance_with_fake_sensors(tmp_path, fake_sensors):
    with carbonscope.track(intensity=100, pue=1.5, interval=0.02, output_dir=tmp_path, scope="machine") as t:
        busy(0.3)
    r = t.result
    # The whole machine: 45 W for the run's duration, x PUE 1.5 x 100 g/kWh.
    assert r.energy_kwh == pytest.approx(45 * r.duration_s / 3.6e6, rel=0.02)
    assert r.facility_energy_kwh == pytest.approx(r.energy_kwh * 1.5)
    assert r.emissions_kg == pytest.approx(r.facility_energy_kwh * 100 / 1000)
    assert r.method == "given"  # fake sensors say so
    assert r.intensity_g_per_kwh == 100 and r.pue == 1.5
    assert r.provenance["intensity"]["method"] == "given"
    assert r.provenance["pue"]["method"] == "given"
    lo, hi = r.emissions_kg_range.low, r.emissions_kg_range.high
    assert lo <= r.emissions_kg <= hi


def test_process_scope_charges_this_process_share(fake_sensors):
    # A busy loop on one of the node's CPUs: the process is charged its share of 45 W.
    with carbonscope.track(interval=0.02, output_dir=None) as t:
        busy(0.3)
    r = t.result
    assert 0 < r.energy_kwh <= 45 * r.duration_s / 3.6e6 * 1.01
    assert r.to_dict()["run"]["command"][0] == sys.executable


def test_phases_nest_and_sum(tmp_path, fake_sensors):
    with carbonscope.track(interval=0.02, output_dir=tmp_path) as t:
        with t.phase("outer") as outer:
            with t.phase("inner"):
                busy(0.1)
            busy(0.1)
        with t.phase("eval"):
            busy(0.05)
    names = [p.name for p in t.result.phases]
    assert names == ["inner", "outer", "eval"]
    inner, outer_r, ev = t.result.phases
    assert outer.result == outer_r
    assert outer_r.energy_kwh > inner.energy_kwh > 0
    assert outer_r.duration_s == pytest.approx(0.2, abs=0.05)
    assert sum(p.energy_kwh for p in (outer_r, ev)) <= t.result.energy_kwh * 1.0001
    assert any("phase 'eval'" in n for n in t.result.notes)


def test_snapshot_during_the_run(fake_sensors):
    t = carbonscope.track(interval=0.02, output_dir=None, scope="machine").start()
    busy(0.1)
    a = t.snapshot()
    busy(0.1)
    b = t.snapshot()
    t.stop()
    assert isinstance(a, carbonscope.Snapshot)
    assert b.elapsed_s > a.elapsed_s and b.energy_kwh > a.energy_kwh > 0 and b.samples > a.samples
    assert b.power_w == pytest.approx(45, rel=0.01)


def test_explicit_start_stop_without_files(tmp_path, fake_sensors, monkeypatch):
    monkeypatch.chdir(tmp_path)
    t = carbonscope.track(output_dir=None, interval=0.02)
    assert t.start() is t
    busy(0.05)
    r = t.stop()
    assert r is t.result and r.run_dir is None and t.run_dir is None
    assert list(tmp_path.iterdir()) == []


def test_decorator_tracks_each_call(tmp_path, fake_sensors):
    @carbonscope.track("decorated", interval=0.02, output_dir=tmp_path)
    def work(x):
        busy(0.05)
        return x * 2

    assert work.__name__ == "work"
    assert work(21) == 42
    first = work.tracker.result
    assert work(1) == 2
    second = work.tracker.result
    assert first.run_id != second.run_id and second.project == "decorated"
    assert len(list(csv.DictReader(open(tmp_path / "emissions.csv")))) == 2


def test_an_exception_still_writes_the_record(tmp_path, fake_sensors):
    with pytest.raises(ZeroDivisionError):
        with carbonscope.track(interval=0.02, output_dir=tmp_path) as t:
            with t.phase("doomed"):
                1 / 0
    assert t.result.to_dict()["run"]["exit_code"] == 1
    assert [p.name for p in t.result.phases] == ["doomed"]
    assert (tmp_path / t.run_id / "report.json").is_file()


def test_sampling_runs_while_python_holds_the_gil(fake_sensors):
    # A pure-Python busy loop never releases the GIL for long; the C++ sampler
    # must keep sampling anyway.
    with carbonscope.track(interval=0.02, output_dir=None) as t:
        before = t.snapshot().samples
        busy(0.4)
        after = t.snapshot().samples
    assert after - before >= 10


def test_other_python_threads_run_during_stop_and_phases(fake_sensors):
    counts = []
    stop = threading.Event()

    def spin():
        n = 0
        while not stop.is_set():
            n += 1
        counts.append(n)

    th = threading.Thread(target=spin)
    th.start()
    try:
        with carbonscope.track(interval=0.02, output_dir=None) as t:
            for i in range(20):
                with t.phase(f"p{i}"):
                    pass
    finally:
        stop.set()
        th.join()
    assert len(t.result.phases) == 20 and counts[0] > 0


def test_sensors_and_factors(fake_sensors):
    t = carbonscope.track(region="FR", pue=1.2, output_dir=None)
    assert any(line.startswith("fake") for line in t.sensors())
    f = t.factors()
    assert f["pue"] == (1.2, 1.2, 1.2)
    assert f["intensity_g_per_kwh"][0] > 0
    assert repr(t).startswith("<carbonscope.Tracker ")


def test_real_sensors_on_this_machine(tmp_path):
    with carbonscope.track(interval=0.05, output_dir=tmp_path) as t:
        busy(0.2)
    r = t.result
    assert r.energy_kwh > 0
    assert r.method in ("measured", "estimated", "mixed")
    assert all(c["method"] in ("measured", "estimated") for c in r.components)


def test_runs_land_in_the_ledger_like_carbonscope_run(tmp_path, fake_sensors, private_ledger, cli):
    import json
    import subprocess

    with carbonscope.track(project="ledger-test", output_dir=tmp_path / "runs", interval=0.05) as t:
        sum(i * i for i in range(20000))
    carbonscope.wait_recorded()  # the ledger's commit follows stop() on a thread
    listed = json.loads(subprocess.run([cli, "runs", "list", "--json", "--ledger", str(private_ledger)],
                                       check=True, capture_output=True, text=True).stdout)
    assert [r["id"] for r in listed] == [t.result.run_id]
    assert listed[0]["project"] == "ledger-test"

    with carbonscope.track(output_dir=tmp_path / "runs", ledger=False):
        pass
    listed = json.loads(subprocess.run([cli, "runs", "list", "--json", "--ledger", str(private_ledger)],
                                       check=True, capture_output=True, text=True).stdout)
    assert len(listed) == 1


def test_results_print_quantities_with_the_core_formatters(tmp_path, fake_sensors):
    with carbonscope.track(intensity=100, interval=0.02, output_dir=None, scope="machine") as t:
        with t.phase("work"):
            busy(0.05)
    r = t.result
    text = repr(r)
    assert str(r) == text and "e-0" not in text and "kwh" not in text
    assert carbonscope.format_energy(r.energy_kwh) in text and carbonscope.format_emissions(r.emissions_kg) in text
    assert carbonscope.format_duration(r.duration_s) in text and r.run_id in text
    phase = repr(r.phases[0])
    assert phase.startswith("PhaseResult('work', ") and carbonscope.format_energy(r.phases[0].energy_kwh) in phase
    assert "e-0" not in repr(t.snapshot())
    est = carbonscope.estimate(power=400, hours=2, region="FR", intensity="50g")  # exact figures: no range
    assert repr(est) == ("EstimateResult(" + carbonscope.format_energy(est.energy_kwh) + ", "
                         + carbonscope.format_emissions(est.emissions_kg) + " CO2e, " + repr(est.region) + ")")


def test_core_formatters():
    # The C++ core's choices (carbonscope/format.h); only the unit families are pinned here.
    assert carbonscope.format_energy(0.5).endswith(" Wh") and carbonscope.format_energy(3).endswith(" kWh")
    assert carbonscope.format_emissions(7.398e-08).endswith(" mg") and carbonscope.format_emissions(87).endswith(" kg")
    assert carbonscope.format_power(1520).endswith(" kW") and carbonscope.format_power(45).endswith(" W")
    assert "e-" not in carbonscope.format_emissions(1.2e-9) and carbonscope.format_number(433196.2) == "433,196"
    # fmt throws on a negative precision: the core takes sig as 1..17 instead of raising.
    assert carbonscope.format_number(0.38102, 0) == carbonscope.format_number(0.38102, 1) == "0.4"
    assert carbonscope.format_number(0.38102, -3) == "0.4"
