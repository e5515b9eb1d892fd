"""Frozen pydantic models: the only things the stages hand to one another.

Every model is immutable (``frozen=True``), rejects unknown fields
(``extra="forbid"``) and holds tuples, not lists, so a stage can never change
what another produced. All of them round-trip through JSON:

>>> from resume_match.models import YearMonth
>>> YearMonth(year=2021, month=3).model_dump_json()
'{"year":2021,"month":3}'

Character offsets (``start`` / ``end``) are always positions in the text that
was analysed (``Resume.text`` for a parsed resume), ``end`` exclusive.
Pages are numbered from 1.
"""

from __future__ import annotations

import datetime as _dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Alias",
    "Bullet",
    "BulletConfig",
    "BulletFinding",
    "BulletReview",
    "Certification",
    "Contact",
    "DateRange",
    "DegreeLevel",
    "DegreeRequirement",
    "EducationEntry",
    "ExperienceEntry",
    "ExtractConfig",
    "Implication",
    "JobProfile",
    "Lexicon",
    "Line",
    "LineRole",
    "MatchConfig",
    "MatchReport",
    "Method",
    "PageInfo",
    "ParseConfig",
    "ParseWarning",
    "PdfText",
    "RankEntry",
    "Requirement",
    "RequirementResult",
    "Resume",
    "ResumeLine",
    "ScoreComponent",
    "SectionKind",
    "Section",
    "Skill",
    "SkillMention",
    "SubstituteGroup",
    "YearMonth",
]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- #
# Shared vocabularies
# --------------------------------------------------------------------------- #

SectionKind = Literal[
    "summary",
    "experience",
    "education",
    "skills",
    "projects",
    "publications",
    "certifications",
    "awards",
    "contact",
    "other",
]

DegreeLevel = Literal["high-school", "associate", "bachelor", "master", "phd"]
"""Degree levels in increasing order; see ``DEGREE_ORDER`` in :mod:`resume_match.parse`."""

Method = Literal["exact", "alias", "pattern", "fuzzy"]


class ParseWarning(_Model):
    """Something the reader should know about a result: never silent.

    ``code`` is stable (``hidden-text``, ``scanned-page``, ``little-text``,
    ``garbled-text``, ``repaired-pdf``, ``no-sections``, ...); ``message`` is for
    people; ``text`` holds the affected text where there is one (for example
    what was hidden).
    """

    code: str
    message: str
    page: int | None = None
    text: str = ""


# --------------------------------------------------------------------------- #
# pdf stage: PDF -> lines with layout
# --------------------------------------------------------------------------- #


class ParseConfig(_Model):
    """Limits and switches for :func:`resume_match.parse_resume`.

    >>> ParseConfig(max_pages=5).max_pages
    5
    """

    max_bytes: int = Field(default=20_000_000, gt=0)
    """Refuse files larger than this (a resume is rarely over 2 MB)."""
    max_pages: int = Field(default=30, gt=0)
    """Refuse PDFs with more pages than this."""
    max_seconds: float = Field(default=30.0, gt=0)
    """Give up on a PDF that takes longer than this to read."""
    keep_hidden: bool = False
    """Keep hidden text (white, tiny, off-page, invisible) in ``Resume.text``."""
    reference_date: _dt.date | None = None
    """The date "Present" means and years of experience are counted to (default: today)."""


class PageInfo(_Model):
    number: int
    width: float
    height: float
    chars: int = 0
    """Visible characters on the page."""
    images: int = 0
    """Image objects on the page (a page with images and no text is a scan)."""


class Line(_Model):
    """One line of text on a page, with its typography.

    Coordinates are in PDF points with the origin at the top-left of the page
    (``top`` grows downwards), as in pdfplumber.
    """

    text: str
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False
    italic: bool = False
    color: str | None = None
    """Fill colour as ``#rrggbb`` (None when the PDF does not say)."""
    font: str = ""
    hidden: str | None = None
    """Why the line is hidden (``white``, ``tiny``, ``off-page``, ``invisible``) or None."""
    marker: bool = False
    """A bullet drawn as vector graphics sits just left of this line."""


class PdfText(_Model):
    """What :mod:`resume_match.pdf` reads from a PDF: pages, lines, warnings."""

    source: str
    pages: tuple[PageInfo, ...]
    lines: tuple[Line, ...]
    warnings: tuple[ParseWarning, ...] = ()


# --------------------------------------------------------------------------- #
# parse stage: lines or text -> Resume
# --------------------------------------------------------------------------- #

LineRole = Literal["heading", "bullet", "entry", "text", "contact"]


class ResumeLine(_Model):
    """Where one line of ``Resume.text`` came from: the page and its position."""

    start: int
    end: int
    page: int
    role: LineRole
    x0: float = 0.0
    top: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0


class Section(_Model):
    kind: SectionKind
    heading: str
    """The heading as printed ('' for text before the first heading)."""
    page: int
    start: int
    end: int


class YearMonth(_Model):
    year: int
    month: int | None = None
    """1-12, or None when only the year is given."""


class DateRange(_Model):
    start: YearMonth | None = None
    end: YearMonth | None = None
    current: bool = False
    """The range is open ("Present", "Current", "to date", "now")."""
    text: str = ""
    """The dates as printed."""


class Bullet(_Model):
    """One bullet (or numbered item), wrapped lines merged: ``text == Resume.text[start:end]``."""

    index: int
    text: str
    section: SectionKind
    section_index: int
    """Index into ``Resume.sections``."""
    entry: int | None = None
    """Index into ``Resume.experience`` when the bullet belongs to an entry."""
    page: int
    start: int
    end: int


class ExperienceEntry(_Model):
    """One job (or project) with its dates; ``bullets`` index ``Resume.bullets``."""

    index: int
    title: str = ""
    organization: str = ""
    location: str = ""
    dates: DateRange | None = None
    section: SectionKind = "experience"
    section_index: int
    page: int
    start: int
    end: int
    bullets: tuple[int, ...] = ()


class EducationEntry(_Model):
    degree: str = ""
    """The degree as printed ("M.Sc. in Computer Science")."""
    level: DegreeLevel | None = None
    field: str = ""
    institution: str = ""
    dates: DateRange | None = None
    page: int
    start: int
    end: int


class Certification(_Model):
    name: str
    year: int | None = None
    page: int
    start: int
    end: int


class Contact(_Model):
    """Contact details; ``spans`` locate each in ``Resume.text`` so they can be redacted."""

    name: str = ""
    email: str = ""
    phone: str = ""
    linkedin: str = ""
    github: str = ""
    website: str = ""
    location: str = ""
    spans: tuple[tuple[int, int], ...] = ()


class Resume(_Model):
    """A parsed resume: visible text in reading order and the structure found in it."""

    source: str = ""
    text: str
    pages: int
    sections: tuple[Section, ...] = ()
    bullets: tuple[Bullet, ...] = ()
    experience: tuple[ExperienceEntry, ...] = ()
    education: tuple[EducationEntry, ...] = ()
    certifications: tuple[Certification, ...] = ()
    contact: Contact = Contact()
    years_experience: float = 0.0
    """Total years covered by the experience entries' dates, overlaps merged."""
    reference_date: _dt.date
    """The date "Present" was taken to mean."""
    lines: tuple[ResumeLine, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()


# --------------------------------------------------------------------------- #
# lexicon stage
# --------------------------------------------------------------------------- #


class Alias(_Model):
    text: str
    case_sensitive: bool = False
    ambiguous: bool = False
    """Counts only with one of the skill's ``context`` words nearby (or in a skills list)."""


class Implication(_Model):
    id: str
    weight: float = Field(ge=0.0, le=1.0)


class Skill(_Model):
    id: str
    name: str
    category: str
    aliases: tuple[Alias, ...] = ()
    """Other spellings; the name itself is always matched too."""
    abstract: bool = False
    """A category node ("deep learning framework") that job templates can ask for."""
    broader: tuple[str, ...] = ()
    implies: tuple[Implication, ...] = ()
    part_of: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    veto: tuple[str, ...] = ()
    positive: tuple[str, ...] = ()
    """Example sentences in which the skill must be found (run by the tests)."""
    negative: tuple[str, ...] = ()
    """Example sentences in which it must not be found."""
    source: str = ""
    """The file the entry came from."""


class SubstituteGroup(_Model):
    id: str
    members: tuple[str, ...]
    credit: float = Field(ge=0.0, le=1.0)
    """Share of a requirement's credit one member earns for another."""


class Lexicon(_Model):
    skills: dict[str, Skill]
    substitutes: tuple[SubstituteGroup, ...] = ()
    sources: tuple[str, ...] = ()


# --------------------------------------------------------------------------- #
# extract stage
# --------------------------------------------------------------------------- #


class ExtractConfig(_Model):
    fuzzy: bool = True
    """Rescue misspellings of long, unambiguous aliases with rapidfuzz."""
    fuzzy_cutoff: float = Field(default=90.0, ge=0.0, le=100.0)
    """Minimum rapidfuzz ``ratio`` (0-100) for a fuzzy mention."""
    context_window: int = Field(default=12, ge=1)
    """Tokens either side searched for an ambiguous alias's context words."""
    include_contact: bool = False
    """Search the contact section too (URLs and e-mail addresses never count)."""


class SkillMention(_Model):
    skill_id: str
    name: str
    category: str
    text: str
    """The surface form as it appears in the analysed text."""
    start: int
    end: int
    section: SectionKind | None = None
    bullet: int | None = None
    """Index into ``Resume.bullets`` when the mention is inside a bullet."""
    page: int | None = None
    method: Method
    score: float = Field(ge=0.0, le=100.0)


# --------------------------------------------------------------------------- #
# jobs and match stages (owned by jobs.py / match.py)
# --------------------------------------------------------------------------- #

Importance = Literal["required", "preferred"]
Status = Literal["met", "partial", "missing"]


class Requirement(_Model):
    id: str
    """Stable id within the job (the skill id for a one-skill requirement)."""
    label: str
    skills: tuple[str, ...]
    """Skill ids; any one of them meets the requirement (an abstract id: any narrower skill)."""
    importance: Importance = "required"
    weight: float = Field(default=1.0, gt=0.0)


class DegreeRequirement(_Model):
    level: DegreeLevel
    fields: tuple[str, ...] = ()
    importance: Importance = "required"


class JobProfile(_Model):
    id: str
    title: str
    level: str = ""
    summary: str = ""
    requirements: tuple[Requirement, ...] = ()
    min_years: float | None = None
    max_years: float | None = None
    degree: DegreeRequirement | None = None
    responsibilities: tuple[str, ...] = ()
    source: str = ""
    warnings: tuple[ParseWarning, ...] = ()


class MatchConfig(_Model):
    weights: dict[str, float] = Field(
        default_factory=lambda: {
            "required": 55.0,
            "preferred": 15.0,
            "experience": 15.0,
            "education": 10.0,
            "seniority": 5.0,
        }
    )
    include_hidden: bool = False


class ScoreComponent(_Model):
    name: str
    weight_requested: float
    weight_applied: float
    fraction: float = Field(ge=0.0, le=1.0)
    points: float
    detail: str = ""


class RequirementResult(_Model):
    requirement: Requirement
    status: Status
    credit: float = Field(ge=0.0, le=1.0)
    evidence: tuple[SkillMention, ...] = ()
    reason: str = ""


class MatchReport(_Model):
    score: float = Field(ge=0.0, le=100.0)
    job_id: str
    resume_source: str = ""
    breakdown: tuple[ScoreComponent, ...] = ()
    requirements: tuple[RequirementResult, ...] = ()
    missing: tuple[str, ...] = ()
    near_misses: tuple[str, ...] = ()
    explanation: tuple[str, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()


class RankEntry(_Model):
    rank: int
    source: str
    score: float | None = None
    report: MatchReport | None = None
    error: str | None = None


# --------------------------------------------------------------------------- #
# bullets stage (owned by bullets.py)
# --------------------------------------------------------------------------- #


class BulletConfig(_Model):
    disabled: tuple[str, ...] = ()
    """Rule ids to skip."""


class BulletFinding(_Model):
    rule: str
    severity: Literal["high", "medium", "low"]
    bullet: int
    """Index into ``Resume.bullets`` (-1 for a bare string)."""
    text: str
    page: int | None = None
    section: SectionKind | None = None
    entry: int | None = None
    start: int = 0
    """Span in the bullet's text that triggered the rule."""
    end: int = 0
    message: str
    suggestion: str


class BulletReview(_Model):
    findings: tuple[BulletFinding, ...] = ()
    reviewed: int = 0
    with_metric: int = 0
    metric_share: float = 0.0
    counts: dict[str, int] = Field(default_factory=dict)
