"""Same inputs, byte-identical JSON: across processes, whatever Python's hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _json(seed: str, *args: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run(
        [sys.executable, "-m", "resume_match", *args, "--format", "json", "--as-of", "2025-06-30"],
        capture_output=True,
        env=env,
        check=True,
        timeout=300,
    )
    return out.stdout


def test_match_json_is_identical_across_hash_seeds() -> None:
    args = (
        "match",
        str(EXAMPLES / "two_column_designer.pdf"),
        "--job",
        str(EXAMPLES / "job_posting.txt"),
    )
    first = _json("1", *args)
    assert first.startswith(b"{") and first == _json("2", *args)


def test_rank_json_is_identical_across_hash_seeds_and_workers() -> None:
    pdfs = sorted(str(p) for p in EXAMPLES.glob("*.pdf"))
    one = _json(
        "3", "rank", *pdfs, "--job", "ml-engineer-senior", "--workers", "1", "--no-progress"
    )
    two = _json(
        "4", "rank", *pdfs, "--job", "ml-engineer-senior", "--workers", "2", "--no-progress"
    )
    assert one == two
