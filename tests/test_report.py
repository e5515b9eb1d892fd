"""The HTML report: self-contained, escaped, well nested, deterministic, and showing the facts."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest

from resume_match.models import (
    Bullet,
    BulletFinding,
    MatchReport,
    ParseWarning,
    RankEntry,
    Requirement,
    RequirementResult,
    Resume,
    ResumeLine,
    ScoreComponent,
    SkillMention,
)
from resume_match.report import render_match_html, render_rank_html

TEXT = "Ada <Lovelace>\nEXPERIENCE\nTrained PyTorch models & cut cost 20%\nHelped with Docker\n"
#       0             15         26                                   64


def _mention(skill: str, name: str, start: int, end: int) -> SkillMention:
    return SkillMention(
        skill_id=skill,
        name=name,
        category="dl-framework",
        text=TEXT[start:end],
        start=start,
        end=end,
        section="experience",
        page=1,
        method="exact",
        score=100.0,
    )


PYTORCH = _mention("pytorch", "PyTorch", TEXT.index("PyTorch"), TEXT.index("PyTorch") + 7)
DOCKER = _mention("docker", "Docker", TEXT.index("Docker"), TEXT.index("Docker") + 6)
B0 = TEXT.index("Trained")
B1 = TEXT.index("Helped")


def _resume(**extra: object) -> Resume:
    fields: dict[str, object] = {
        "source": "ada.txt",
        "text": TEXT,
        "pages": 1,
        "reference_date": dt.date(2025, 1, 1),
        "bullets": (
            Bullet(
                index=0,
                text=TEXT[B0 : B1 - 1],
                section="experience",
                section_index=1,
                page=1,
                start=B0,
                end=B1 - 1,
            ),
            Bullet(
                index=1,
                text="Helped with Docker",
                section="experience",
                section_index=1,
                page=1,
                start=B1,
                end=B1 + 18,
            ),
        ),
        "lines": (ResumeLine(start=15, end=25, page=1, role="heading"),),
    }
    fields.update(extra)
    return Resume.model_validate(fields)


def _report(**extra: object) -> MatchReport:
    torch_req = Requirement(id="pytorch", label="PyTorch", skills=("pytorch",))
    k8s_req = Requirement(id="kubernetes", label="Kubernetes", skills=("kubernetes",))
    fields: dict[str, object] = {
        "score": 61.25,
        "job_id": "demo-job",
        "job_title": "ML Engineer",
        "resume_source": "ada.txt",
        "breakdown": (
            ScoreComponent(
                name="required", weight_requested=80, weight_applied=80, fraction=0.5, points=40
            ),
            ScoreComponent(
                name="experience", weight_requested=20, weight_applied=20, fraction=1, points=20
            ),
        ),
        "requirements": (
            RequirementResult(
                requirement=torch_req,
                status="met",
                credit=1.0,
                matched="pytorch",
                relation="direct",
                evidence=(PYTORCH,),
                snippets=("Trained PyTorch models & cut cost 20%",),
            ),
            RequirementResult(requirement=k8s_req, status="missing", credit=0.0),
        ),
        "missing": ("Kubernetes",),
        "explanation": ("Score 61.2/100 for ML Engineer.",),
    }
    fields.update(extra)
    return MatchReport.model_validate(fields)


FINDING = BulletFinding(
    rule="weak-verb",
    severity="high",
    bullet=1,
    text="Helped with Docker",
    start=0,
    end=6,
    message="opens with a weak verb",
    suggestion="Start with what you did: 'Containerised ...'",
)


class _Nesting(HTMLParser):
    """Checks that every element closes in order (void elements aside)."""

    VOID = frozenset({"meta", "br", "rect", "img", "input", "link"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def _well_nested(page: str) -> None:
    checker = _Nesting()
    checker.feed(page)
    assert checker.errors == []
    assert checker.stack == []


def _full_page() -> str:
    return render_match_html(
        _report(), resume=_resume(), mentions=(PYTORCH, DOCKER), findings=(FINDING,)
    )


def test_page_is_self_contained() -> None:
    page = _full_page()
    # Nothing to fetch: no external scripts, styles, images, fonts or frames.
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page
    _well_nested(page)


def test_same_inputs_give_identical_html() -> None:
    assert _full_page() == _full_page()


def test_text_is_escaped() -> None:
    page = _full_page()
    assert "Ada &lt;Lovelace&gt;" in page
    assert "<Lovelace>" not in page
    assert "models &amp; cut" in page


def test_score_breakdown_chart_scales_fills_to_points() -> None:
    page = _full_page()
    assert 'id="score" data-score="61.25">61.2<small> / 100</small>' in page
    fills = re.findall(r'<rect class="fill" x="\d+" y="\d+" width="([\d.]+)"', page)
    tracks = re.findall(r'<rect class="track" x="\d+" y="\d+" width="([\d.]+)"', page)
    # required: 40 of 80 earned -> half its track; experience: 20 of 20 -> full track.
    assert float(fills[0]) == pytest.approx(float(tracks[0]) / 2, abs=0.1)
    assert float(fills[1]) == pytest.approx(float(tracks[1]), abs=0.1)
    assert float(tracks[1]) == pytest.approx(float(tracks[0]) / 4, abs=0.1)


def test_requirements_show_status_and_marked_evidence() -> None:
    page = _full_page()
    met = re.search(r'<tr data-status="met" data-requirement="pytorch">.*?</tr>', page)
    assert met is not None
    assert '<mark class="hit">PyTorch</mark> models &amp; cut cost 20%' in met.group(0)
    assert '<tr data-status="missing" data-requirement="kubernetes">' in page
    assert '<ul class="missing-list" id="missing"><li>Kubernetes</li></ul>' in page


def test_resume_text_highlights_skills_and_marks_credited_ones() -> None:
    page = _full_page()
    assert re.search(r'<mark class="skill credited" data-skill="pytorch"[^>]*>PyTorch</mark>', page)
    # Docker is found but no requirement credited it.
    assert re.search(r'<mark class="skill" data-skill="docker"[^>]*>Docker</mark>', page)
    assert '<span class="heading">EXPERIENCE</span>' in page


def test_flagged_bullet_carries_its_suggestion() -> None:
    page = _full_page()
    flagged = re.search(
        r'<span class="flagged" id="bullet-1" data-rules="weak-verb">(.*?)</span>'
        r'<span class="advice" role="note">(.*?)</span></span><br></span>',
        page,
    )
    assert flagged is not None
    assert "Helped with" in flagged.group(1) and 'data-skill="docker"' in flagged.group(1)
    assert "Start with what you did: &#x27;Containerised ...&#x27;" in flagged.group(2)
    assert 'id="bullet-0"' not in page  # bullet 0 has no finding


def test_warnings_come_first_and_are_not_repeated() -> None:
    hidden = ParseWarning(
        code="hidden-text", message="page 1 has hidden text", page=1, text="PyTorch Kubernetes"
    )
    page = render_match_html(
        _report(warnings=(hidden,)), resume=_resume(warnings=(hidden,)), mentions=(PYTORCH,)
    )
    assert page.count('data-code="hidden-text"') == 1
    assert page.index('id="warnings"') < page.index('id="score"')
    assert "<summary>What it says</summary>PyTorch Kubernetes</details>" in page


def test_overlapping_and_out_of_range_mentions_do_not_break_the_page() -> None:
    wide = _mention("ml", "ML", B0, B1 + 3)  # crosses from one bullet into the next
    inner = _mention("torch", "Torch", PYTORCH.start + 2, PYTORCH.end)  # inside PyTorch
    beyond = PYTORCH.model_copy(update={"start": len(TEXT) + 5, "end": len(TEXT) + 9})
    page = render_match_html(
        _report(), resume=_resume(), mentions=(PYTORCH, wide, inner, beyond), findings=(FINDING,)
    )
    _well_nested(page)
    assert 'data-skill="torch"' not in page


def test_report_without_resume_has_no_text_section() -> None:
    page = render_match_html(_report())
    assert 'id="resume-text"' not in page
    assert "ML Engineer" in page
    _well_nested(page)


def test_rank_page_links_reports_and_lists_errors_last() -> None:
    entries = (
        RankEntry(rank=1, source="cv/b.pdf", score=80.0, report=_report(score=80.0)),
        RankEntry(rank=2, source="cv/a.pdf", score=61.25, report=_report()),
        RankEntry(
            rank=3, source="cv/broken.pdf", error="CorruptPdfError: cv/broken.pdf: not a PDF"
        ),
    )
    page = render_rank_html(entries, job_title="ML Engineer", links={1: "001-b.html", 2: "a.html"})
    _well_nested(page)
    rows = re.findall(r'<tr data-rank="(\d)">', page)
    assert rows == ["1", "2", "3"]
    assert '<a href="001-b.html">b.pdf</a>' in page
    assert 'data-sort="80.0000"' in page
    assert "CorruptPdfError: cv/broken.pdf: not a PDF" in page
    assert '<th data-key="score" data-type="number"' in page
    assert "table.sortable" in page  # the sorting script is inline


def test_rank_page_is_deterministic_and_self_contained() -> None:
    entries = (RankEntry(rank=1, source="a.pdf", score=10.0, report=_report(score=10.0)),)
    first = render_rank_html(entries)
    assert first == render_rank_html(entries)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", first)
