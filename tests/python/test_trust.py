"""What a CodeCarbon user relies on: a ledger failure at the end of a run is a warning
and the result is kept; bare @track; help() lists the options; a tracker is one run;
tags; a tracker left running is stopped at exit; messages name keywords, not flags."""

import inspect
import json
import os
import subprocess
import sys
import textwrap

import pytest

import carbonscope


def test_a_damaged_ledger_warns_and_keeps_the_result(tmp_path, fake_sensors):
    bad = tmp_path / "bad.db"
    bad.write_text("this is not a SQLite database, only text long enough to look like a header\n" * 4)
    with pytest.warns(carbonscope.LedgerWarning) as caught:
        with carbonscope.track(project="ro3", output_dir=tmp_path / "out", ledger=bad, interval=0.02) as t:
            pass
    message = str(caught[0].message)
    assert "ledger=" in message and "--ledger" not in message and "CARBONSCOPE_LEDGER" not in message
    assert "damaged" in message and t.run_id in message
    assert isinstance(t.result, carbonscope.RunResult) and not t.running
    assert (tmp_path / "out" / t.run_id / "report.json").is_file()
    assert bad.read_text().startswith("this is not a SQLite database")  # left untouched
    with pytest.raises(carbonscope.FailedPrecondition, match="already stopped"):
        t.stop()


def test_an_unwritable_ledger_directory_warns_naming_the_keyword(tmp_path, fake_sensors):
    (tmp_path / "afile").write_text("x")
    t = carbonscope.track(output_dir=tmp_path / "out", ledger=tmp_path / "afile" / "ledger.db", interval=0.02)
    t.start()
    with pytest.warns(carbonscope.LedgerWarning, match=r"pick another file with ledger=") as caught:
        r = t.stop()
    assert "--ledger" not in str(caught[0].message)
    assert r is t.result and r.run_id == t.run_id and not t.running
    assert (tmp_path / "out" / t.run_id / "report.json").is_file()


def test_a_good_ledger_gives_no_warning(tmp_path, fake_sensors, recwarn):
    with carbonscope.track(output_dir=None, interval=0.02):
        pass
    assert not [w for w in recwarn if issubclass(w.category, carbonscope.LedgerWarning)]


def test_bare_decorator(tmp_path, fake_sensors, monkeypatch):
    monkeypatch.chdir(tmp_path)

    @carbonscope.track
    def work(x):
        return x + 1

    assert work.__name__ == "work" and work(1) == 2
    assert isinstance(work.tracker.result, carbonscope.RunResult)
    assert (tmp_path / "carbonscope-runs" / work.tracker.run_id / "report.json").is_file()

    @carbonscope.track()
    def empty():
        return "ok"

    @carbonscope.track(project="p", output_dir=None)
    def named():
        return "named"

    assert empty() == "ok" and named() == "named" and named.tracker.result.project == "p"


OPTIONS = {"project": "", "region": None, "cloud": None, "intensity": None, "pue": None, "year": 0,
           "interval": 1.0, "output_dir": "carbonscope-runs", "scope": "process", "epochs": None,
           "predict_after": 1, "budget_kg": None, "on_budget": "warn", "ledger": None, "tags": (),
           "experiment_id": None, "emissions_csv": None}


@pytest.mark.parametrize("fn", [carbonscope.track, carbonscope.Tracker])
def test_help_lists_every_option_with_its_default(fn):
    params = inspect.signature(fn).parameters
    params = {k: v for k, v in params.items() if k != "self"}
    assert {k: v.default for k, v in params.items()} == OPTIONS
    doc = inspect.getdoc(fn)
    for name, default in OPTIONS.items():
        assert f"{name}={default!r}".replace("'", '"') in doc, name
    for unit in ("g CO2e/kWh", "seconds", "kg CO2e"):
        assert unit in doc


def test_a_finished_tracker_is_not_reused(fake_sensors):
    hint = r"a tracker measures one run; make a new one with carbonscope.track\(\)"
    t = carbonscope.track(output_dir=None, interval=0.02)
    with t:
        pass
    with pytest.raises(carbonscope.FailedPrecondition, match=hint):
        t.start()
    with pytest.raises(carbonscope.FailedPrecondition, match=hint):
        with t:
            pass
    assert not t.running
    # While it runs, a second start is still "already started".
    t2 = carbonscope.track(output_dir=None, interval=0.02).start()
    with pytest.raises(carbonscope.FailedPrecondition, match="already started"):
        t2.start()
    t2.stop()


def test_tags_land_in_the_ledger(tmp_path, fake_sensors, private_ledger, cli):
    with carbonscope.track(output_dir=tmp_path, interval=0.02, tags=["sweep", "lr=0.1"], experiment_id="e42") as t:
        pass
    with carbonscope.track(output_dir=tmp_path, interval=0.02, tags=["other"]):
        pass
    assert t.result.to_dict()["run"]["tags"] == ["sweep", "lr=0.1", "e42"]
    import csv

    rows = {r["run_id"]: r for r in csv.DictReader(open(tmp_path / "emissions.csv"))}
    assert "e42" in rows[t.run_id]["experiment_id"].split(";")  # CodeCarbon's column
    carbonscope.wait_recorded()
    listed = json.loads(subprocess.run([cli, "runs", "list", "--json", "--tag", "sweep", "--ledger",
                                        str(private_ledger)], check=True, capture_output=True, text=True).stdout)
    assert [r["id"] for r in listed] == [t.run_id]
    listed = json.loads(subprocess.run([cli, "runs", "list", "--json", "--tag", "e42", "--ledger",
                                        str(private_ledger)], check=True, capture_output=True, text=True).stdout)
    assert [r["id"] for r in listed] == [t.run_id]


def test_bad_tags():
    with pytest.raises(TypeError, match=r'tags=\["sweep"\]'):
        carbonscope.track(output_dir=None, tags="sweep")
    with pytest.raises(carbonscope.InvalidArgument, match=r"^tags: a tag cannot be empty"):
        carbonscope.track(output_dir=None, tags=[""])


def test_a_tracker_left_running_is_stopped_at_exit(tmp_path, fake_sensors, private_ledger, cli):
    script = textwrap.dedent(f"""
        import os, sys
        import carbonscope
        t = carbonscope.track(project="left", output_dir={str(tmp_path)!r}, interval=0.02).start()
        print(t.run_id)
        if os.fork() == 0:  # a forked child exits normally: the parent's run is not its to stop
            try:
                t.stop()
            except carbonscope.FailedPrecondition as e:
                print("child:", e, file=sys.stderr)
            sys.exit(0)
        os.wait()
        del t
    """)
    package_parent = os.path.dirname(os.path.dirname(carbonscope.__file__))
    env = dict(os.environ, PYTHONPATH=package_parent)
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True,
                         timeout=60)
    run_id = out.stdout.strip()
    assert "UnstoppedTrackerWarning" in out.stderr and run_id in out.stderr
    assert "child: this tracker was started by the parent of this forked process" in out.stderr
    report = json.loads((tmp_path / run_id / "report.json").read_text())
    assert report["run"]["complete"] is True and report["run"]["project"] == "left"
    listed = json.loads(subprocess.run([cli, "runs", "list", "--json", "--ledger", str(private_ledger)],
                                       check=True, capture_output=True, text=True).stdout)
    assert [r["id"] for r in listed] == [run_id]


def test_location_errors_name_keywords_not_flags():
    with pytest.raises(carbonscope.InvalidArgument, match=r"^region and cloud conflict") as info:
        carbonscope.track(output_dir=None, region="FR", cloud="aws:us-east-1")
    assert "--" not in str(info.value)
    with pytest.raises(carbonscope.InvalidArgument, match=r"^region and cloud conflict"):
        carbonscope.estimate(power=300, hours=1, region="FR", cloud="aws:us-east-1")
    with pytest.raises(carbonscope.NotFound, match=r"^precision: ") as info:
        carbonscope.estimate(gpu="H100 SXM5 80GB", params="7B", tokens="1T", precision="fp3")
    assert "--" not in str(info.value)


def _held_ledger_and_script(tmp_path, private_ledger, body):
    """A ledger that exists, held locked by a write transaction of this process (the
    caller rolls it back), and a Python process running `body` with this carbonscope."""
    import sqlite3

    with carbonscope.track(output_dir=tmp_path / "first", interval=0.02):  # creates the ledger
        pass
    carbonscope.wait_recorded()
    holder = sqlite3.connect(private_ledger, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    package_parent = os.path.dirname(os.path.dirname(carbonscope.__file__))
    env = dict(os.environ, PYTHONPATH=package_parent)
    script = "import os, signal, sys\nimport carbonscope\n" + textwrap.dedent(body)
    return holder, [sys.executable, "-c", script], env


def test_the_ledger_commit_after_stop_is_waited_for_at_exit_and_not_in_a_forked_child(tmp_path, fake_sensors,
                                                                                         private_ledger, cli):
    # stop() returns with the run's files written and the ledger's commit on a thread. The
    # ledger is held locked (another process's write transaction) until the script has
    # stopped and forked, so the commit is still waiting then, whatever the machine's speed.
    holder, argv, env = _held_ledger_and_script(tmp_path, private_ledger, f"""
        with carbonscope.track(project="late", output_dir={str(tmp_path / "runs")!r}, interval=0.02) as t:
            pass
        marker = os.path.join(t.run_dir, "recorded")
        print(t.run_id, t._core.ledger_pending, os.path.exists(marker), flush=True)
        pid = os.fork()
        if pid == 0:  # the child has no ledger thread: it neither waits for it nor hangs
            del t
            sys.exit(0)
        os.waitpid(pid, 0)
        print("forked", flush=True)
    """)
    p = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    try:
        run_id, pending, recorded = p.stdout.readline().split()
        assert (pending, recorded) == ("True", "False")
        assert p.stdout.readline().strip() == "forked"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    _, err = p.communicate(timeout=60)
    assert p.returncode == 0, err
    assert "LedgerWarning" not in err
    assert (tmp_path / "runs" / run_id / "recorded").is_file()
    listed = json.loads(subprocess.run([cli, "runs", "list", "--json", "--ledger", str(private_ledger)],
                                       check=True, capture_output=True, text=True).stdout)
    assert sorted(r["id"] for r in listed).count(run_id) == 1 and len(listed) == 2


def test_a_process_killed_before_the_ledger_commit_leaves_the_run_to_recovery_once(tmp_path, fake_sensors,
                                                                                   private_ledger, cli):
    # SIGKILL while the ledger thread waits for the ledger (held locked): the run is queued
    # in its directory, and the next tracker on that output dir records it, once.
    import signal

    holder, argv, env = _held_ledger_and_script(tmp_path, private_ledger, f"""
        with carbonscope.track(project="killed", output_dir={str(tmp_path / "runs")!r}, interval=0.02) as t:
            pass
        print(t.run_id, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    try:
        out = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert out.returncode == -signal.SIGKILL
    run_id = out.stdout.strip()
    assert (tmp_path / "runs" / run_id / "report.json").is_file()
    assert not (tmp_path / "runs" / run_id / "recorded").exists()
    with carbonscope.track(output_dir=tmp_path / "runs", interval=0.02):  # its start() recovers the runs
        pass
    carbonscope.wait_recorded()
    assert (tmp_path / "runs" / run_id / "recorded").is_file()
    listed = json.loads(subprocess.run([cli, "runs", "list", "--json", "--ledger", str(private_ledger)],
                                       check=True, capture_output=True, text=True).stdout)
    ids = [r["id"] for r in listed]
    assert ids.count(run_id) == 1 and len(ids) == 3
    assert json.loads((tmp_path / "runs" / run_id / "report.json").read_text())["run"]["complete"] is True
