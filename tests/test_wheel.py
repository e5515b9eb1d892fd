"""The built wheel carries the bundled lexicon and job templates, and they load from it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    try:
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
        )
    except subprocess.CalledProcessError as exc:  # pragma: no cover - shown on failure
        pytest.fail(f"building the wheel failed:\n{exc.stderr}")
    (path,) = out.glob("resume_match-*.whl")
    return path


def test_wheel_contains_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "resume_match/py.typed" in names
    skills = [
        n for n in names if n.startswith("resume_match/lexicons/skills/") and n.endswith(".toml")
    ]
    jobs = [n for n in names if n.startswith("resume_match/lexicons/jobs/") and n.endswith(".toml")]
    assert len(skills) >= 15 and len(jobs) >= 12


def test_bundled_data_loads_from_the_wheel(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path)
    code = (
        "import resume_match, resume_match._data as d;"
        f"assert str(d.data_root()).startswith({str(tmp_path)!r}), d.data_root();"
        "lx = resume_match.load_lexicon(); job = resume_match.load_job('ml-engineer-mid');"
        "print(len(lx.skills), job.id)"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    count, job = out.stdout.split()
    assert int(count) >= 400 and job == "ml-engineer-mid"
