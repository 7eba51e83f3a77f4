"""pytest setup: test the package built in build/python (or CARBONSCOPE_BUILD_DIR/python),
not whatever an older install left on sys.path; `cli` is the built carbonscope binary."""

import os
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD = pathlib.Path(os.environ.get("CARBONSCOPE_BUILD_DIR", ROOT / "build"))
sys.path.insert(0, str(BUILD / "python"))


@pytest.fixture(autouse=True)
def private_ledger(tmp_path_factory, monkeypatch):
    """Every test records into its own ledger, never the user's."""
    path = tmp_path_factory.mktemp("ledger") / "ledger.db"
    monkeypatch.setenv("CARBONSCOPE_LEDGER", str(path))
    return path


@pytest.fixture(autouse=True)
def no_user_settings(tmp_path_factory, monkeypatch):
    """The user's carbonscope settings (CARBONSCOPE_COUNTRY, ~/.config/carbonscope) do not
    reach the tests: each gets an empty XDG_CONFIG_HOME and none of the variables."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    for name in ("CARBONSCOPE_COUNTRY", "CARBONSCOPE_REGION", "CARBONSCOPE_CLOUD", "CARBONSCOPE_PUE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def cli():
    path = BUILD / "carbonscope"
    if not path.exists():
        pytest.skip(f"{path} not built")
    return str(path)


@pytest.fixture
def fake_sensors(monkeypatch):
    """Constant-power fake sensors (cpu=45W): energy = 45 W x time, exactly."""
    monkeypatch.setenv("CARBONSCOPE_FAKE_SENSORS", "cpu=45W")
