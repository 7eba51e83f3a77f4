"""C++ Status errors arrive as typed Python exceptions with the C++ message, naming
the keyword argument (not the CLI flag)."""

import pytest

import carbonscope


def test_hierarchy():
    for name in ("InvalidArgument", "NotFound", "Ambiguous", "Unavailable", "PermissionDenied", "DataError",
                 "IoError", "FailedPrecondition", "InternalError", "BudgetExceeded"):
        assert issubclass(getattr(carbonscope, name), carbonscope.CarbonscopeError)
    assert issubclass(carbonscope.InvalidArgument, ValueError)
    assert issubclass(carbonscope.NotFound, LookupError)
    assert issubclass(carbonscope.FailedPrecondition, RuntimeError)
    assert carbonscope.NotFound.__module__ == "carbonscope"


def test_unknown_region_is_not_found_with_suggestions():
    with pytest.raises(carbonscope.NotFound, match=r"^region: unknown region 'Atlantis'; did you mean"):
        carbonscope.track(region="Atlantis")


def test_bad_values_name_the_keyword():
    with pytest.raises(carbonscope.InvalidArgument, match=r"^interval 0.001s: the shortest interval is 10ms"):
        carbonscope.track(interval=0.001)
    with pytest.raises(carbonscope.InvalidArgument, match=r"^pue: 5 is outside 1.0 to 3.0"):
        carbonscope.track(pue=5)
    with pytest.raises(carbonscope.InvalidArgument, match=r"^intensity"):
        carbonscope.track(intensity="lots")
    with pytest.raises(carbonscope.InvalidArgument, match="year: 1066 is not a year"):
        carbonscope.track(year=1066)


def test_estimate_errors():
    with pytest.raises(carbonscope.InvalidArgument, match=r'nothing to estimate: give hardware \(gpu="A100 SXM4 80GB"'):
        carbonscope.estimate()
    with pytest.raises(carbonscope.InvalidArgument, match=r"no duration: give hours=12, duration=3d4h or device_hours=1000"):
        carbonscope.estimate(power=400)
    with pytest.raises(carbonscope.NotFound, match=r"^gpu: "):
        carbonscope.estimate(gpu="Voodoo 9000", hours=1)
    with pytest.raises(carbonscope.Ambiguous, match=r"^gpu: "):
        carbonscope.estimate(gpu="A100", hours=1)


def test_misuse_is_failed_precondition(tmp_path):
    t = carbonscope.track(output_dir=None, interval=0.05)
    with pytest.raises(carbonscope.FailedPrecondition, match="tracker not started"):
        t.stop()
    t.start()
    with pytest.raises(carbonscope.FailedPrecondition, match="end_phase without begin_phase"):
        t.end_phase()
    with pytest.raises(carbonscope.FailedPrecondition, match="already started"):
        t.start()
    t.stop()
    with pytest.raises(carbonscope.FailedPrecondition, match="already stopped"):
        t.stop()


def test_bad_data_dir_is_a_typed_error(tmp_path):
    # A fresh interpreter: the tables load once per process.
    import os
    import subprocess
    import sys

    (tmp_path / "grid_intensity.csv").write_text("not,a,valid\ntable\n")

    code = ("import carbonscope\n"
            "try:\n    carbonscope.track(output_dir=None)\n"
            "except carbonscope.CarbonscopeError as e:\n    print(type(e).__name__)\n")
    package_parent = os.path.dirname(os.path.dirname(carbonscope.__file__))
    env = dict(os.environ, CARBONSCOPE_DATA_DIR=str(tmp_path), PYTHONPATH=package_parent)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "DataError"
