"""The parser on the shared corpus of real resume PDFs and malformed PDFs.

Skipped, with the reason, where ../shared/corpus is not beside the repository.
The comparison rule is the corpus README's, implemented in benchmarks/eval_parser.py.
"""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path
from types import ModuleType

import pytest

import resume_match as rm

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS}"),
]


def _evaluator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "eval_parser", ROOT / "benchmarks" / "eval_parser.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _included() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return [
        folder
        for folder in sorted((CORPUS / "resumes").iterdir())
        if (folder / "expected.json").exists()
        and json.loads((folder / "expected.json").read_text())["status"] != "excluded"
    ]


def test_bullet_and_section_recall_meet_the_targets() -> None:
    ev = _evaluator()
    results = [ev.evaluate_resume(folder, verbose=False) for folder in _included()]
    bullets = sum(r["bullets"] for r in results)
    found = sum(r["found"] for r in results)
    sections = sum(r["sections"] for r in results)
    sections_found = sum(r["sections_found"] for r in results)
    assert found / bullets >= 0.97
    assert sections_found / sections >= 0.97
    for r in results:
        if r["two_column"]:
            assert r["found"] == r["bullets"] and r["extra_switches"] == 0, r["name"]


@pytest.mark.parametrize(
    "pdf",
    sorted((CORPUS / "badpdf").glob("*.pdf")) if CORPUS.is_dir() else [],
    ids=lambda p: p.name,
)
def test_malformed_pdfs_give_typed_errors_or_warnings(pdf: Path) -> None:
    started = time.monotonic()
    try:
        resume = rm.parse_resume(pdf)
    except rm.ResumeMatchError as exc:
        assert str(exc).startswith(str(pdf))
    else:
        assert resume.warnings, "a malformed PDF must not come back without a warning"
    assert time.monotonic() - started < 10


def test_encrypted_corpus_file_opens_with_its_password() -> None:
    pdf = CORPUS / "badpdf" / "encrypted__pdfminersix__rc4-40.pdf"
    with pytest.raises(rm.EncryptedPdfError):
        rm.parse_resume(pdf)
    resume = rm.parse_resume(pdf, password="foo")
    assert "encrypted" in [w.code for w in resume.warnings]
