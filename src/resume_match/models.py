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
    "Section",
    "SectionKind",
    "Skill",
    "SkillMention",
    "SubstituteGroup",
    "YearMonth",
]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


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
    smallcaps: bool = False
    """Set in small capitals (a small-caps font, or capitals in two sizes)."""
    marker: bool = False
    """A bullet drawn as vector graphics sits just left of this line."""
    rule_below: bool = False
    """A horizontal rule is drawn just under this line (a heading cue)."""
    cells: tuple[float, ...] = ()
    """x0 of each tab-separated part of ``text`` after the first (wide gaps on the row)."""


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
    hidden: str | None = None
    """Why a reader cannot see this line (only with ``ParseConfig(keep_hidden=True)``)."""
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


Relation = Literal["direct", "narrower", "part-of", "implied", "substitute", "none"]
"""How the credited resume skill relates to the skill a requirement asks for."""

SeniorityLevel = Literal["", "intern", "entry", "mid", "senior", "staff", "principal", "lead"]
"""Job levels; ``""`` means not stated. ``staff``, ``principal`` and ``lead`` rank together."""


class Requirement(_Model):
    """One thing a job asks for: a skill, a category node, or an any-of group.

    >>> Requirement(id="python", label="Python", skills=("python",), weight=3).importance
    'required'
    """

    id: str
    """Stable id within the job (the skill id for a one-skill requirement)."""
    label: str
    skills: tuple[str, ...] = Field(min_length=1)
    """Skill ids; any one of them meets the requirement (an abstract id: any narrower skill)."""
    importance: Importance = "required"
    weight: float = Field(default=1.0, gt=0.0)


class DegreeRequirement(_Model):
    """The degree a job asks for; ``preferred_level`` is a higher one it would like."""

    level: DegreeLevel
    fields: tuple[str, ...] = ()
    """Lowercase fields of study ("computer science"); empty means any field."""
    related_ok: bool = True
    """A related quantitative field also counts (earns most of the credit)."""
    importance: Importance = "required"
    preferred_level: DegreeLevel | None = None


class JobProfile(_Model):
    """A job to match resumes against: a bundled template or a parsed posting."""

    id: str
    title: str
    level: SeniorityLevel = ""
    summary: str = ""
    requirements: tuple[Requirement, ...] = ()
    min_years: float | None = None
    max_years: float | None = None
    degree: DegreeRequirement | None = None
    responsibilities: tuple[str, ...] = ()
    source: str = ""
    warnings: tuple[ParseWarning, ...] = ()


class MatchConfig(_Model):
    """Weights and credits the matcher uses; docs/scoring.md explains each one.

    >>> MatchConfig(weights={"required": 80, "preferred": 20}).weights
    {'required': 80.0, 'preferred': 20.0}
    """

    weights: dict[str, float] = Field(
        default_factory=lambda: {
            "required": 55.0,
            "preferred": 15.0,
            "experience": 15.0,
            "education": 10.0,
            "seniority": 5.0,
        }
    )
    """Points per component (``required``, ``preferred``, ``experience``, ``education``,
    ``seniority``); a missing name means 0. They are scaled to sum to 100, and the weight of
    a component the job does not use is shared among the others."""
    include_hidden: bool = False
    """Credit skills found in hidden text (off by default: hidden text is keyword stuffing)."""
    section_strength: dict[str, float] = Field(
        default_factory=lambda: {
            "experience": 1.0,
            "projects": 1.0,
            "publications": 1.0,
            "education": 0.85,
            "summary": 0.8,
            "certifications": 0.8,
            "awards": 0.8,
            "other": 0.85,
            "skills": 0.6,
        }
    )
    """How much a mention in each section is worth; a section not listed is worth
    ``other``, a mention with no section ``other`` too, and ``contact`` never counts."""
    part_of_credit: float = Field(default=0.8, ge=0.0, le=1.0)
    """Credit for a product of the platform asked for (SageMaker for AWS)."""
    implied_cap: float = Field(default=0.8, ge=0.0, le=1.0)
    """Upper bound on credit through a lexicon ``implies`` link."""
    stale_after_years: float = Field(default=5.0, gt=0.0)
    """Evidence only in jobs that ended longer ago than this is discounted."""
    stale_factor: float = Field(default=0.8, ge=0.0, le=1.0)
    fuzzy_min_score: float = Field(default=95.0, ge=0.0, le=100.0)
    """Fuzzy mentions scoring below this are near misses, not credit."""
    met_threshold: float = Field(default=0.95, ge=0.0, le=1.0)
    """Credit at or above this is ``met``; above zero and below it, ``partial``."""
    max_evidence: int = Field(default=5, ge=1)
    """Mentions kept as evidence per requirement (the strongest first)."""
    relevant_years_only: bool = True
    """Count years of experience from relevant roles only: a technical title (engineer,
    scientist, analyst, developer, researcher, ...) or a role whose own text names a skill
    the job asks for. Years in retail or IT support do not meet "3+ years in ML"."""
    unbacked_factor: float = Field(default=0.5, ge=0.0, le=1.0)
    """Multiplies the strength of skills-section and summary mentions when nothing backs
    the list: no relevant role, and no job skill named in a project, experience or
    publication line (a long keyword list on an unrelated career)."""


class ScoreComponent(_Model):
    """One part of the score: ``points == weight_applied * fraction`` rounded to 0.01."""

    name: str
    weight_requested: float
    weight_applied: float
    fraction: float = Field(ge=0.0, le=1.0)
    points: float
    detail: str = ""


class RequirementResult(_Model):
    """How a resume meets one requirement, with its evidence and the reason for partial credit."""

    requirement: Requirement
    status: Status
    credit: float = Field(ge=0.0, le=1.0)
    matched: str | None = None
    """The resume skill id that earned the credit."""
    relation: Relation = "none"
    evidence: tuple[SkillMention, ...] = ()
    snippets: tuple[str, ...] = ()
    """The line around each evidence mention, same order as ``evidence``."""
    reason: str = ""


class MatchReport(_Model):
    """The result of :func:`resume_match.match`: a score, its breakdown and the reasons."""

    score: float = Field(ge=0.0, le=100.0)
    job_id: str
    job_title: str = ""
    resume_source: str = ""
    breakdown: tuple[ScoreComponent, ...] = ()
    requirements: tuple[RequirementResult, ...] = ()
    missing: tuple[str, ...] = ()
    near_misses: tuple[str, ...] = ()
    explanation: tuple[str, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
    """The matcher's warnings (``hidden-skills-ignored``, ``no-skills``), then the resume's own."""


class RankEntry(_Model):
    """One resume in a :func:`resume_match.rank` result: a report, or the error for that file."""

    rank: int
    """1 for the best; entries with an error come last."""
    source: str
    score: float | None = None
    report: MatchReport | None = None
    error: str | None = None


# --------------------------------------------------------------------------- #
# bullets stage (owned by bullets.py)
# --------------------------------------------------------------------------- #


class BulletConfig(_Model):
    """Options for :func:`resume_match.check_bullets`.

    >>> BulletConfig(disabled=("too-long",), max_words=40).max_words
    40
    """

    disabled: tuple[str, ...] = ()
    """Rule ids to skip (see ``resume_match.BULLET_RULES`` for the ids)."""
    min_words: int = Field(default=5, ge=1)
    """``too-short`` fires below this many words."""
    max_words: int = Field(default=35, ge=1)
    """``too-long`` fires above this many words."""


class BulletFinding(_Model):
    """One rule that fired on one bullet, with the span that triggered it and a fix.

    >>> f = BulletFinding(rule="weak-verb", severity="high", bullet=0, text="Helped build X",
    ...                   start=0, end=6, message="m", suggestion="s")
    >>> f.text[f.start:f.end]
    'Helped'
    """

    rule: str
    severity: Literal["high", "medium", "low"]
    bullet: int
    """Index into ``Resume.bullets``, or the position in the sequence of strings checked."""
    text: str
    """The bullet's full text; ``start``/``end`` index into it."""
    page: int | None = None
    section: SectionKind | None = None
    entry: int | None = None
    start: int = 0
    """Span in the bullet's text that triggered the rule."""
    end: int = 0
    message: str
    suggestion: str


class BulletReview(_Model):
    """Findings for a set of bullets plus the writing figures, kept apart from any match score.

    >>> BulletReview(reviewed=4, with_metric=1, metric_share=0.25).metric_share
    0.25
    """

    findings: tuple[BulletFinding, ...] = ()
    reviewed: int = 0
    """Bullets the rules looked at (experience and project bullets of a resume)."""
    with_metric: int = 0
    """Reviewed bullets that state a measurable result."""
    metric_share: float = Field(default=0.0, ge=0.0, le=1.0)
    """``with_metric / reviewed`` (0.0 when nothing was reviewed)."""
    counts: dict[str, int] = Field(default_factory=dict)
    """Findings per rule id, for every rule that ran (zeros included), sorted by id."""
