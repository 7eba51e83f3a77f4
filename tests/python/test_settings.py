"""Default location and PUE: flag > CARBONSCOPE_* > carbonscope.toml (cwd or a parent)
> $XDG_CONFIG_HOME/carbonscope/config.toml > .codecarbon.config; the same resolution for
`carbonscope config show`, `run` and Python's track()."""

import json
import subprocess

import pytest

import carbonscope


def show(cli, cwd, *args, env=None):
    import os

    r = subprocess.run([cli, "config", "show", "--json", *args], cwd=cwd, capture_output=True, text=True,
                       env=dict(os.environ, **(env or {})), timeout=30)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = tmp_path / "proj"
    (root / "src" / "deep").mkdir(parents=True)
    (root / "carbonscope.toml").write_text('country = "FR"\npue = 1.25\n')
    monkeypatch.chdir(root / "src" / "deep")
    return root


def test_precedence(cli, project, tmp_path, monkeypatch):
    user = tmp_path / "xdg" / "carbonscope"
    user.mkdir(parents=True)
    (user / "config.toml").write_text('cloud = "aws:eu-west-3"\npue = 1.5\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    cwd = project / "src" / "deep"
    j = show(cli, cwd)
    assert j["settings"]["country"]["source"] == str(project / "carbonscope.toml")  # the nearest parent's file
    assert j["settings"]["cloud"] is None  # the project names a place: the user file's cloud is not mixed in
    assert j["settings"]["pue"]["value"] == "1.25"
    assert j["location"]["label"].startswith("France")
    j = show(cli, cwd, env={"CARBONSCOPE_REGION": "DE", "CARBONSCOPE_PUE": "1.1"})
    assert j["settings"]["region"] == {"value": "DE", "source": "CARBONSCOPE_REGION"}
    assert j["location"]["label"].startswith("Germany") and j["location"]["pue"] == pytest.approx(1.1)
    j = show(cli, cwd, "--region", "SE")  # a flag beats them all
    assert j["location"]["label"].startswith("Sweden") and j["used"] == ["pue 1.25 from " + str(project / "carbonscope.toml")]
    (project / "carbonscope.toml").unlink()
    j = show(cli, cwd)
    assert j["settings"]["cloud"]["value"] == "aws:eu-west-3" and j["location"]["pue"] == pytest.approx(1.5)


def test_codecarbon_config_when_no_carbonscope_file(cli, tmp_path):
    (tmp_path / ".codecarbon.config").write_text("[codecarbon]\ncountry_iso_code = CAN\nregion = quebec\npue = 1.4\n")
    j = show(cli, tmp_path)
    assert j["location"]["label"].startswith("Quebec")
    assert any("CodeCarbon" in n for n in j["notes"])
    (tmp_path / "carbonscope.toml").write_text('country = "FR"\n')
    j = show(cli, tmp_path)
    assert j["location"]["label"].startswith("France") and j["notes"] == []


def test_bad_file_names_file_and_key(cli, tmp_path):
    (tmp_path / "carbonscope.toml").write_text('contry = "FR"\n')
    r = subprocess.run([cli, "config", "show"], cwd=tmp_path, capture_output=True, text=True, timeout=30)
    assert r.returncode != 0 and "contry" in r.stderr and "carbonscope.toml" in r.stderr


def test_track_and_run_use_the_settings(cli, project, tmp_path):
    with carbonscope.track(output_dir=str(tmp_path / "runs"), ledger=False, interval=0.05) as t:
        pass
    assert t.result.region.startswith("France") and t.result.pue == pytest.approx(1.25)
    assert any("from " + str(project / "carbonscope.toml") in n for n in t.result.notes)
    r = subprocess.run([cli, "run", "--quiet", "--output-dir", str(tmp_path / "cli"), "--no-ledger", "--", "true"],
                       capture_output=True, text=True, timeout=30)
    assert r.returncode == 0, r.stderr
    report = json.loads(next((tmp_path / "cli").glob("*/report.json")).read_text())
    assert report["run"]["region"].startswith("France") and report["pue"]["central"] == pytest.approx(1.25)
    assert carbonscope._core.settings()["country"] == ("FR", str(project / "carbonscope.toml"))


def test_invalid_utf8_path_is_written_not_thrown(cli, tmp_path):
    # A directory whose name is not UTF-8 holds the settings file: `config show --json`
    # writes its path with U+FFFD instead of aborting on nlohmann's type_error.316.
    import os

    root = os.path.join(os.fsencode(tmp_path), b"caf\xe9")
    os.mkdir(root)
    with open(os.path.join(root, b"carbonscope.toml"), "w") as f:
        f.write('country = "FR"\n')
    r = subprocess.run([cli, "config", "show", "--json"], cwd=root, capture_output=True, timeout=30)
    assert r.returncode == 0, r.stderr
    j = json.loads(r.stdout.decode("utf-8"))
    assert j["files"][0].endswith("caf\ufffd/carbonscope.toml")
    assert j["location"]["label"].startswith("France")
