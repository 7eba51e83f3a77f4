"""One version: CMake's project(VERSION) reaches the CLI's --version and Python's
__version__ through the C++ core (src/core/version.cc), not through literals."""

import pathlib
import re
import subprocess

import carbonscope


def test_cli_python_and_cmake_agree(cli):
    cmake = (pathlib.Path(__file__).resolve().parents[2] / "CMakeLists.txt").read_text()
    declared = re.search(r"project\(carbonscope VERSION ([0-9.]+)", cmake).group(1)
    assert carbonscope.__version__ == declared
    out = subprocess.run([cli, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    assert out == f"carbonscope {declared}"
