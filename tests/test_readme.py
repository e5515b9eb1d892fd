"""The README cannot drift: its code runs, and its set-up commands are the ones CI runs."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", README, flags=re.S)


def test_first_block_is_two_commands_and_ci_runs_the_second() -> None:
    lang, body = BLOCKS[0]
    commands = body.strip().splitlines()
    assert lang == "bash" and len(commands) == 2
    assert "examples/quickstart.py" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    # CI adds -q to the pip install and pytest for quieter logs; otherwise the same command.
    normalised = re.sub(r" -q\b", "", ci)
    assert commands[1] in normalised


@pytest.mark.parametrize(
    "code", [body for lang, body in BLOCKS if lang == "python"], ids=lambda c: c.split("\n")[2][:40]
)
def test_python_blocks_run(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    exec(compile(code, "README.md", "exec"), {"__name__": "readme"})


def test_no_placeholders_left() -> None:
    assert "<!--" not in README, "a placeholder comment is still in the README"
    assert os.path.exists(ROOT / "docs" / "scoring.md")
