"""Every script in examples/ runs, as CI runs it; the example data files load and behave.

Scripts run in a copy of examples/ so that build_examples.py (which rewrites the
PDFs beside it) cannot touch the repository; its PDFs must come out byte for
byte the same as the committed ones.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import resume_match as rm
from resume_match.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SCRIPTS = sorted(p.name for p in EXAMPLES.glob("*.py"))


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "examples"
    shutil.copytree(EXAMPLES, target)
    return target


def _run(folder: Path, script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(folder / script), *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_there_are_examples() -> None:
    assert {"quickstart.py", "batch_rank.py", "build_examples.py"} <= set(SCRIPTS)


@pytest.mark.parametrize("script", SCRIPTS)
def test_example_script_runs(copy: Path, script: str) -> None:
    done = _run(copy, script)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), f"{script} printed nothing"
    assert "Traceback" not in done.stderr


def test_build_examples_reproduces_the_committed_pdfs(copy: Path) -> None:
    for pdf in copy.glob("*.pdf"):
        pdf.unlink()
    assert _run(copy, "build_examples.py").returncode == 0
    for source in sorted((EXAMPLES / "sources").glob("*.txt")):
        built = copy / f"{source.stem}.pdf"
        assert built.read_bytes() == (EXAMPLES / built.name).read_bytes(), built.name


def test_batch_rank_writes_linked_reports(copy: Path) -> None:
    done = _run(copy, "batch_rank.py", str(copy / "out"))
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line[:3].strip().rstrip(".").isdigit()]
    assert len(lines) == len(list(EXAMPLES.glob("*.pdf")))
    assert "strong_ml_engineer.pdf" in lines[0]  # the strong resume ranks first
    assert "keyword_stuffing.pdf" in lines[-1]  # hidden keywords do not lift it
    index = (copy / "out" / "index.html").read_text(encoding="utf-8")
    assert 'href="001-strong_ml_engineer.html"' in index
    assert "hidden-text" in index


def test_job_posting_keeps_boilerplate_out() -> None:
    job = rm.parse_job((EXAMPLES / "job_posting.txt").read_text(encoding="utf-8"))
    assert job.level == "senior" and job.min_years == 5
    ids = {r.id: r.importance for r in job.requirements}
    assert {"python", "sql", "docker", "kubernetes"} <= {
        i for i, k in ids.items() if k == "required"
    }
    labels = " ".join(r.label.lower() for r in job.requirements)
    for word in ("401(k)", "dental", "equity", "e-verify", "veteran"):
        assert word not in labels


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_recruiter_lexicon_checks_clean_and_extends_the_bundled_one() -> None:
    path = EXAMPLES / "recruiter_lexicon.toml"
    code, out, _ = _cli("lexicon", "check", str(path))
    assert code == 0, out
    assert out.startswith(f"{path}: ok, 3 entries (2 new, 1 extended, 0 replaced)")
    lexicon = rm.load_lexicon(path)
    assert "conductor-workflows" in lexicon.skills
    assert "conductor-workflows" not in rm.load_lexicon().skills
    found = rm.extract_skills("Built anti-fraud models on RiskHub", lexicon=lexicon)
    assert {m.skill_id for m in found} == {"fraud-detection", "riskhub"}


def test_recruiter_job_needs_and_uses_the_recruiter_lexicon() -> None:
    job = str(EXAMPLES / "recruiter-job.toml")
    lexicon = str(EXAMPLES / "recruiter_lexicon.toml")
    code, out, _ = _cli("lexicon", "check", job, "--lexicon", lexicon)
    assert code == 0, out
    code, _, err = _cli("match", str(EXAMPLES / "strong_ml_engineer.pdf"), "--job", job)
    assert code == 2
    assert "unknown skill id 'riskhub'" in err and err.count("\n") == 1
    code, out, err = _cli(
        "match",
        str(EXAMPLES / "strong_ml_engineer.pdf"),
        "--job",
        job,
        "--lexicon",
        lexicon,
        "--format",
        "json",
    )
    assert code == 0, err
    report = rm.MatchReport.model_validate_json(out)
    assert "riskhub" in {r.requirement.id for r in report.requirements}
