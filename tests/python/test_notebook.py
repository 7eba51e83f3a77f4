"""%load_ext carbonscope in a real Jupyter kernel (Debian's ipykernel), executed by
nbconvert: a %%carbonscope cell and a %carbonscope start/status/stop run across cells."""

import json
import os
import shutil
import subprocess
import sys

import pytest


def test_magics_in_a_real_kernel(tmp_path):
    nbformat = pytest.importorskip("nbformat", reason="python3-nbformat is not installed")
    pytest.importorskip("nbconvert", reason="python3-nbconvert is not installed")
    pytest.importorskip("ipykernel", reason="python3-ipykernel is not installed")
    out = tmp_path / "runs"
    cells = [
        "%load_ext carbonscope",
        f"%%carbonscope --project nb --interval 0.05 --output-dir {out} --no-ledger --tag cell\n"
        "total = sum(i * i for i in range(200000))",
        "cell_result = _carbonscope_result\nprint(cell_result.project, cell_result.duration_s > 0, len(cell_result.phases))",
        f"%carbonscope start --project nb2 --interval 0.05 --output-dir {out} --no-ledger",
        "import time; time.sleep(0.3)\nstatus = %carbonscope status\nprint('samples', status.samples > 0)",
        "%carbonscope stop",
        "print('second', _carbonscope_result.project, _carbonscope_result is not cell_result)",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    path = tmp_path / "magic.ipynb"
    nbformat.write(nb, str(path))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p), CARBONSCOPE_FAKE_SENSORS="cpu=45W")
    r = subprocess.run([sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
                        "--ExecutePreprocessor.timeout=60", "--output", "executed.ipynb", str(path)],
                       capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    executed = json.loads((tmp_path / "executed.ipynb").read_text())
    text = ["".join(o.get("text", "")) for c in executed["cells"] for o in c.get("outputs", [])]
    joined = "\n".join(text)
    assert "carbonscope: RunResult(" in joined
    assert "nb True 0" in joined
    assert "samples True" in joined
    assert "second nb2 True" in joined
    runs = [p for p in out.iterdir() if p.is_dir()]
    assert len(runs) == 2
    cell_report = json.loads(next(p for p in runs if "cell" in (p / "report.json").read_text()).joinpath("report.json").read_text())
    assert cell_report["run"]["tags"] == ["cell"] and cell_report["run"]["complete"]
