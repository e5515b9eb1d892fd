"""End to end on the example PDFs: parse, extract, match, review."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import resume_match as rm

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CONFIG = rm.ParseConfig(reference_date=dt.date(2025, 6, 30))


def _score(name: str, job: str = "ml-engineer-mid", **parse: object) -> rm.MatchReport:
    config = CONFIG.model_copy(update=parse)
    return rm.match(rm.parse_resume(EXAMPLES / f"{name}.pdf", config=config), job)


def test_fit_orders_the_examples() -> None:
    strong = _score("strong_ml_engineer").score
    changer = _score("career_changer_analyst").score
    stuffed = _score("keyword_stuffing").score
    assert strong > changer and strong > stuffed
    assert strong >= 65 and changer <= 45


def test_hidden_stuffing_never_scores_even_when_kept() -> None:
    plain = _score("keyword_stuffing")
    kept = _score("keyword_stuffing", keep_hidden=True)
    assert kept.score == plain.score
    assert "hidden-skills-ignored" in [w.code for w in kept.warnings]
    resume = rm.parse_resume(EXAMPLES / "keyword_stuffing.pdf", config=CONFIG)
    assert "Kubernetes" not in resume.text
    (warning,) = [w for w in resume.warnings if w.code == "hidden-text"]
    assert "Kubernetes" in warning.text


def test_reports_are_byte_identical() -> None:
    a = _score("two_column_designer", "computer-vision-engineer").model_dump_json()
    b = _score("two_column_designer", "computer-vision-engineer").model_dump_json()
    assert a == b


def test_two_column_example_keeps_columns_apart() -> None:
    resume = rm.parse_resume(EXAMPLES / "two_column_designer.pdf", config=CONFIG)
    assert [s.kind for s in resume.sections if s.heading] == [
        "experience",
        "projects",
        "skills",
        "education",
        "skills",
    ]
    assert all(b.section in ("experience", "projects") for b in resume.bullets)
    assert resume.experience[0].dates is not None and resume.experience[0].dates.current
    mentions = rm.extract_skills(resume)
    found = {m.skill_id for m in mentions if m.section == "skills"}
    assert {"python", "pytorch", "opencv", "cuda", "docker"} <= found


def test_bullet_review_separates_strong_and_weak_writing() -> None:
    strong = rm.review_bullets(rm.parse_resume(EXAMPLES / "strong_ml_engineer.pdf"))
    weak = rm.review_bullets(rm.parse_resume(EXAMPLES / "career_changer_analyst.pdf"))
    assert strong.metric_share > 0.7 > weak.metric_share
    assert weak.counts["weak-verb"] >= 3


def test_report_carries_the_resumes_warnings() -> None:
    (entry,) = rm.rank([EXAMPLES / "keyword_stuffing.pdf"], "ml-engineer-mid")
    assert entry.report is not None
    assert "hidden-text" in [w.code for w in entry.report.warnings]
