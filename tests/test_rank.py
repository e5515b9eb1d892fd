"""rank(): many resumes, best first, stable ties, progress, one bad file never sinks a batch."""

from __future__ import annotations

import datetime as dt
import importlib
import io
import re
from collections.abc import Sequence

import pytest

from resume_match.errors import CorruptPdfError, InputError
from resume_match.match import rank
from resume_match.models import (
    JobProfile,
    Lexicon,
    Requirement,
    Resume,
    Skill,
    SkillMention,
)

LEXICON = Lexicon(
    skills={
        "python": Skill(id="python", name="Python", category="language"),
        "sql": Skill(id="sql", name="SQL", category="language"),
    }
)
JOB = JobProfile(
    id="t",
    title="Data Engineer",
    requirements=(
        Requirement(id="python", label="Python", skills=("python",), weight=2),
        Requirement(id="sql", label="SQL", skills=("sql",)),
    ),
)


def _resume(source: str, text: str) -> Resume:
    return Resume(source=source, text=text, pages=1, reference_date=dt.date(2024, 1, 1))


def _mentions(doc: Resume | str, **_: object) -> tuple[SkillMention, ...]:
    text = doc.text if isinstance(doc, Resume) else doc
    found = []
    for skill in LEXICON.skills.values():
        for hit in re.finditer(re.escape(skill.name), text):
            found.append(
                SkillMention(
                    skill_id=skill.id,
                    name=skill.name,
                    category=skill.category,
                    text=hit.group(0),
                    start=hit.start(),
                    end=hit.end(),
                    section="experience",
                    method="exact",
                    score=100,
                )
            )
    return tuple(found)


class _Fake:
    """Stands in for a SkillExtractor: finds the small lexicon's names."""

    def extract(self, doc: Resume) -> tuple[SkillMention, ...]:
        return _mentions(doc)


def _parse(item: object, **_: object) -> Resume:
    raise CorruptPdfError("<bytes>", "not a PDF (no %PDF header); check the file")


@pytest.fixture
def pure(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run rank() in this process on the small lexicon, without spaCy or pdfminer."""
    # import_module: the package re-exports functions with the same names as the modules.
    module = importlib.import_module
    monkeypatch.setattr(module("resume_match.match"), "_default_lexicon", lambda: LEXICON)
    monkeypatch.setattr(
        module("resume_match.match"), "_extractor_for", lambda setup: (LEXICON, _Fake())
    )
    monkeypatch.setattr(module("resume_match.parse"), "parse_resume", _parse)


@pytest.mark.usefixtures("pure")
def test_best_first_with_stable_ties_and_errors_last() -> None:
    items: list[Resume | bytes] = [
        _resume("c.txt", "Python"),
        b"garbage",
        _resume("a.txt", "Python and SQL"),
        _resume("b.txt", "Python"),
        _resume("", "nothing"),
    ]
    entries = rank(items, JOB)
    assert [(e.rank, e.source) for e in entries] == [
        (1, "a.txt"),
        (2, "b.txt"),
        (3, "c.txt"),
        (4, "<resume 4>"),
        (5, "<bytes 1>"),
    ]
    assert entries[0].score == 91.67  # all skills; no job title to compare
    assert entries[1].score == entries[2].score
    assert entries[-1].score is None and entries[-1].report is None
    assert (
        entries[-1].error == "CorruptPdfError: <bytes>: not a PDF (no %PDF header); check the file"
    )


@pytest.mark.usefixtures("pure")
def test_progress_is_reported_for_every_resume() -> None:
    seen: list[tuple[int, int]] = []
    rank(
        [_resume(f"{i}.txt", "SQL") for i in range(3)],
        JOB,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_workers_must_be_positive() -> None:
    with pytest.raises(InputError, match="workers must be 1 or more, got 0"):
        rank([], JOB, workers=0)


def _pdf(lines: Sequence[str]) -> bytes:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter, invariant=1)
    y = 740.0
    for line in lines:
        bold = line.isupper()
        pdf.setFont("Helvetica-Bold" if bold else "Helvetica", 12 if bold else 10)
        pdf.drawString(60, y, line)
        y -= 16
    pdf.save()
    return buffer.getvalue()


def test_pdfs_in_two_processes_give_the_same_ranking_as_one() -> None:
    strong = _pdf(
        [
            "Ada Park",
            "EXPERIENCE",
            "Machine Learning Engineer, Acme    2019 - Present",
            "- Deployed PyTorch models with Docker and Kubernetes on AWS",
            "- Built feature engineering pipelines in Python and SQL with Airflow",
            "EDUCATION",
            "B.S. Computer Science, 2019",
        ]
    )
    weak = _pdf(["Bo Lind", "EXPERIENCE", "Cashier, Shop    2020 - Present", "- Served customers"])
    items: list[bytes | str] = [weak, b"%PDF-1.4 broken", strong, "/no/such/file.pdf"]
    serial = rank(items, "ml-engineer-mid", workers=1)
    parallel = rank(items, "ml-engineer-mid", workers=2)
    assert [e.model_dump_json() for e in serial] == [e.model_dump_json() for e in parallel]
    assert [e.source for e in serial] == [
        "<bytes 2>",
        "<bytes 0>",
        "<bytes 1>",
        "/no/such/file.pdf",
    ]
    assert serial[0].score is not None and serial[1].score is not None
    assert serial[0].score > serial[1].score + 30
    assert serial[2].error is not None and serial[2].error.startswith("CorruptPdfError")
    assert serial[3].error is not None


def test_a_custom_lexicon_parse_config_and_password_reach_every_worker(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import resume_match as rm

    path = tmp_path / "house.toml"
    path.write_text(
        '[[skill]]\nid = "quarkflow"\nname = "QuarkFlow"\ncategory = "mlops"\n',
        encoding="utf-8",
    )
    lexicon = rm.load_lexicon(path)
    job = JobProfile(
        id="house",
        title="Platform Engineer",
        requirements=(Requirement(id="quarkflow", label="QuarkFlow", skills=("quarkflow",)),),
    )
    lines = ["Cy Moss", "EXPERIENCE", "- Ran our QuarkFlow pipelines on Kubernetes"]
    from pdfgen import Doc

    locked = Doc(encrypt="s3cret")
    for i, line in enumerate(lines):
        locked.text(50, 40 + 20 * i, line, size=13 if line.isupper() else 10)
    items = [_pdf(lines), locked.bytes()]
    config = rm.ParseConfig(reference_date=dt.date(2024, 6, 1))
    for workers in (1, 2):
        entries = rank(
            items, job, workers=workers, lexicon=lexicon, parse_config=config, password="s3cret"
        )
        assert [e.error for e in entries] == [None, None]
        for entry in entries:
            assert entry.report is not None
            assert [r.status for r in entry.report.requirements] == ["met"]
    # The bundled lexicon does not know the house tool, and the password is needed.
    plain = rank(items, job)
    assert plain[0].report is not None and plain[0].report.requirements[0].status == "missing"
    assert plain[1].error is not None and plain[1].error.startswith("EncryptedPdfError")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"lexicon": "house.toml"}, "lexicon= takes a Lexicon, got str; load one with"),
        ({"parse_config": {"max_pages": 2}}, "parse_config= takes a ParseConfig, got dict"),
        ({"password": b"s3cret"}, "password= takes a string, got bytes"),
    ],
)
def test_wrong_option_types_are_input_errors(options: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        rank([], JOB, **options)  # type: ignore[arg-type]
