"""Lines (from a PDF) or plain text -> a structured, frozen :class:`Resume`.

>>> import resume_match as rm
>>> r = rm.parse_resume_text('''Jane Doe
... jane@example.com
...
... EXPERIENCE
... ML Engineer, Acme Corp    Jan 2021 - Present
... - Trained ranking models in PyTorch, lifting CTR by 4%
... ''')
>>> [s.kind for s in r.sections], r.bullets[0].text, r.experience[0].organization
(['contact', 'experience'], 'Trained ranking models in PyTorch, lifting CTR by 4%', 'Acme Corp')

How it reads a page: :mod:`resume_match.layout` gives lines in reading order
with their typography; this module finds headings (a vocabulary of common
headings plus typography: size, weight, capitals, small capitals, rules, colour,
and any line styled like a recognised heading), bullets (glyphs, numbering,
icon fonts, vector-drawn bullets, a glyph alone on its line), merges wrapped
lines into their bullet, groups experience lines into entries with dates, and
reads education, certifications and contact details.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from resume_match.dates import find_date_range, total_years
from resume_match.errors import CorruptPdfError, InputError, ScannedPdfError
from resume_match.layout import BULLET_GLYPHS, is_icon
from resume_match.models import (
    Bullet,
    Certification,
    Contact,
    DateRange,
    DegreeLevel,
    EducationEntry,
    ExperienceEntry,
    Line,
    LineRole,
    ParseConfig,
    ParseWarning,
    Resume,
    ResumeLine,
    Section,
    SectionKind,
)

__all__ = ["DEGREE_ORDER", "HEADINGS", "parse_resume", "parse_resume_text"]

DEGREE_ORDER: tuple[DegreeLevel, ...] = ("high-school", "associate", "bachelor", "master", "phd")

# --------------------------------------------------------------------------- #
# Heading vocabulary: normalised heading text -> section kind.
# --------------------------------------------------------------------------- #

HEADINGS: dict[str, SectionKind] = {}
for _kind, _names in {
    "summary": (
        "summary",
        "professional summary",
        "career summary",
        "executive summary",
        "profile",
        "professional profile",
        "personal profile",
        "career profile",
        "objective",
        "career objective",
        "professional objective",
        "about",
        "about me",
        "overview",
        "personal statement",
        "introduction",
        "bio",
        "highlights",
        "career highlights",
        "summary of qualifications",
        "qualifications summary",
        "my life philosophy",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "relevant experience",
        "technical experience",
        "industry experience",
        "research experience",
        "professional background",
        "career",
        "positions",
        "positions held",
        "experience and employment",
        "internships",
        "internship experience",
        "work",
        "professional history",
        "selected experience",
        "engineering experience",
        "ml experience",
        "teaching experience",
        "leadership experience",
    ),
    "education": (
        "education",
        "academic background",
        "academic qualifications",
        "educational background",
        "education and training",
        "qualifications",
        "academics",
        "academic history",
        "degrees",
        "schooling",
        "master thesis",
        "thesis",
        "education & training",
        "coursework",
        "relevant coursework",
    ),
    "skills": (
        "skills",
        "technical skills",
        "core skills",
        "key skills",
        "skills summary",
        "core competencies",
        "competencies",
        "technologies",
        "technical proficiencies",
        "tools",
        "tools and technologies",
        "tech stack",
        "technology stack",
        "expertise",
        "areas of expertise",
        "skills and tools",
        "skills & tools",
        "programming languages",
        "languages",
        "computer skills",
        "it skills",
        "strengths",
        "proficiencies",
        "skills and expertise",
        "technical expertise",
        "frameworks",
        "languages and tools",
        "soft skills",
        "hard skills",
        "skill set",
        "skillset",
    ),
    "projects": (
        "projects",
        "personal projects",
        "selected projects",
        "key projects",
        "academic projects",
        "side projects",
        "project experience",
        "open source",
        "open source contributions",
        "research projects",
        "portfolio",
        "notable projects",
        "ml projects",
        "technical projects",
    ),
    "publications": (
        "publications",
        "selected publications",
        "papers",
        "research papers",
        "conference papers",
        "journal articles",
        "patents",
        "patents and publications",
        "publications and patents",
        "talks",
        "presentations",
        "talks and publications",
    ),
    "certifications": (
        "certifications",
        "certificates",
        "certification",
        "licenses",
        "licences",
        "licenses and certifications",
        "licenses & certifications",
        "certifications and licenses",
        "professional certifications",
        "courses",
        "training",
        "online courses",
        "credentials",
    ),
    "awards": (
        "awards",
        "honors",
        "honours",
        "awards and honors",
        "honors and awards",
        "awards & honors",
        "honors & awards",
        "achievements",
        "accomplishments",
        "key achievements",
        "recognition",
        "scholarships",
        "most proud of",
        "distinctions",
        "fellowships",
        "grants",
        "awards and achievements",
    ),
    "contact": (
        "contact",
        "contact information",
        "contact details",
        "personal information",
        "personal details",
        "links",
        "profiles",
        "online profiles",
        "social",
    ),
    "other": (
        "interests",
        "hobbies",
        "volunteering",
        "volunteer experience",
        "activities",
        "extracurricular activities",
        "references",
        "referees",
        "memberships",
        "affiliations",
        "professional affiliations",
        "leadership",
        "additional information",
        "miscellaneous",
        "other",
        "languages spoken",
        "community",
        "service",
    ),
}.items():
    for _name in _names:
        HEADINGS[_name] = _kind  # type: ignore[assignment]

# "Honors Awards" (an ampersand lost in extraction) finds "honors and awards".
_HEADINGS_WITHOUT_AND: dict[str, SectionKind] = {}
for _name, _kind_of in HEADINGS.items():
    _HEADINGS_WITHOUT_AND.setdefault(_name.replace(" and ", " "), _kind_of)

# Keywords that give a kind to a heading found by its typography alone.
_KEYWORDS: tuple[tuple[str, SectionKind], ...] = (
    ("certif", "certifications"), ("licen", "certifications"), ("publication", "publications"),
    ("paper", "publications"), ("patent", "publications"), ("project", "projects"),
    ("educat", "education"), ("academ", "education"), ("degree", "education"),
    ("experience", "experience"), ("employment", "experience"), ("work history", "experience"),
    ("career", "experience"), ("skill", "skills"), ("competenc", "skills"),
    ("technolog", "skills"), ("expertise", "skills"), ("award", "awards"),
    ("honor", "awards"), ("honour", "awards"), ("achievement", "awards"),
    ("summary", "summary"), ("profile", "summary"), ("objective", "summary"),
    ("about", "summary"), ("contact", "contact"),
)  # fmt: skip

_REVIEW_KINDS = frozenset({"experience", "projects"})
_TITLE_WORDS = re.compile(
    r"\b(engineer|scientist|developer|analyst|manager|intern|researcher|lead|director|"
    r"consultant|architect|assistant|associate|specialist|head|vp|vice president|officer|"
    r"fellow|student|programmer|administrator|designer|founder|co-founder|cto|ceo|"
    r"technician|advisor|instructor|lecturer|professor|postdoc|ta|teaching assistant|"
    r"research assistant|contractor|freelancer|owner|principal|staff|mlops|member)\b",
    re.I,
)
_ORG_WORDS = re.compile(
    r"\b(inc|llc|ltd|gmbh|corp|corporation|company|co|labs?|university|college|institute|"
    r"school|technologies|technology|systems|group|bank|capital|ventures|partners|"
    r"solutions|studios?|foundation|agency|hospital|ai|analytics|software|consulting)\b\.?",
    re.I,
)
_LOCATION = re.compile(
    r"^(?:remote|hybrid|on-?site|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s*"
    r"(?:[A-Z]{2}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:,\s*[A-Z][\w ]+)?)"
    r"(?:\s*\((?:remote|hybrid)\))?$",
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w/])\+?\(?\d[\d ().-]{7,}\d(?![\w/])")
_LINKEDIN = re.compile(r"(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/(?:in|pub)/[\w%-]+/?", re.I)
_GITHUB = re.compile(r"(?:https?://)?(?:www\.)?github\.com/[\w-]+/?", re.I)
_URL = re.compile(
    r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|io|dev|ai|me|net|org|co|app|"
    r"page|site|xyz|tech|info|uk|de)(?:/[\w./%-]*)?",
    re.I,
)
_CID = re.compile(r"\(cid:\d+\)")
_NUMBERED = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-h][.)]|\(?(?:i|ii|iii|iv|v|vi|vii|viii)[.)])\s+")
_DEGREE_PATTERNS: tuple[tuple[str, DegreeLevel], ...] = (
    (r"ph\.?\s?d\.?|d\.?\s?phil|doctor(?:ate)?(?: of)?|doctoral|d\.?sc\.?", "phd"),
    (
        r"master'?s?|m\.?\s?sc\.?|m\.\s?s\.|(?-i:MS)|m\.?\s?eng\.?|m\.?\s?tech|mba|m\.\s?a\."
        r"|m\.?\s?phil|mres|ll\.?m\.?|m\.?\s?s\.?\s+in",
        "master",
    ),
    (
        r"bachelor'?s?|b\.?\s?sc\.?|b\.\s?s\.|(?-i:BS)|b\.?\s?eng\.?|b\.?\s?tech|b\.\s?e\.|"
        r"b\.\s?a\.|ba(?=\s+(?:in|of)\b)|a\.b\.|undergraduate degree",
        "bachelor",
    ),
    (r"associate'?s? (?:degree|of)|a\.\s?a\.|a\.\s?s\.|aas", "associate"),
    (r"high school|secondary school|ged|a-levels?|baccalaur\w*", "high-school"),
)
_DEGREES: tuple[tuple[re.Pattern[str], DegreeLevel], ...] = tuple(
    (re.compile(r"(?<![A-Za-z])(?:" + pattern + r")(?![A-Za-z])", re.I), level)
    for pattern, level in _DEGREE_PATTERNS
)
_INSTITUTION = re.compile(
    r"\b(univers\w*|univ\.|college|institute|school|academy|polytechnic|"
    r"ecole|école|hochschule|iit|mit|eth|epfl|ucla|ucl|nyu|cmu)\b",
    re.I,
)
_FIELD_AFTER = re.compile(r"\b(?:in|of)\s+([A-Z][\w&/ .-]{1,60}?)(?=\s*(?:[,;|(\t–—]|\s-\s|\d|$))")


# --------------------------------------------------------------------------- #
# Small text helpers
# --------------------------------------------------------------------------- #


def _norm_heading(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _CID.sub(" ", text)
    text = "".join(" " if is_icon(c) else c for c in text)
    # Letter-spaced or split small caps: "E XPERIENCE", "S K I L L S".
    if re.fullmatch(r"(?:\w\s+)+\w", text.strip()) or re.match(r"^\w\s\w{2,}", text.strip()):
        text = re.sub(r"(?<=\b\w)\s+(?=\w)", "", text.strip())
    text = text.lower().replace("&", " and ")
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def heading_kind(text: str) -> SectionKind | None:
    """The section kind of a heading's text, from the vocabulary, or None.

    >>> heading_kind("PROFESSIONAL EXPERIENCE:"), heading_kind("Licenses & Certifications")
    ('experience', 'certifications')
    """
    key = _norm_heading(text)
    if key in HEADINGS:
        return HEADINGS[key]
    return _HEADINGS_WITHOUT_AND.get(key.replace(" and ", " "))


def _keyword_kind(text: str) -> SectionKind:
    key = _norm_heading(text)
    for needle, kind in _KEYWORDS:
        if needle in key:
            return kind
    return "other"


def _clean(text: str) -> str:
    """Drop unmapped glyph codes and icon-font characters; tidy spaces (tabs kept)."""
    text = _CID.sub(" ", text)
    text = "".join(c for c in text if not is_icon(c) and c != "␣")
    text = text.replace("\u00ad", "")  # soft hyphen
    text = re.sub(r"[ \u00a0]+", " ", text)
    return re.sub(r" ?\t ?", "\t", text).strip()


_DATE_END = re.compile(
    r"^(?:present|current|now|today|ongoing|to date|[a-z]{3,9}\.?\s+\d{4}|\d{1,2}/\d{2,4}|\d{4})"
    r"(?:\s*[|,].*)?$",
    re.I,
)
_GLYPH_START = re.compile(
    r"^\s*(?P<g>\(cid:\d+\)|[" + re.escape("".join(sorted(BULLET_GLYPHS))) + r"]|[\ue000-\uf8ff]␣?)"
    r"(?P<rest>.*)$",
    re.S,
)


def _split_bullet(text: str) -> tuple[bool, str]:
    """(is a list item, the text without its glyph or number)."""
    match = _GLYPH_START.match(text)
    if match:
        glyph, rest = match.group("g"), match.group("rest")
        if glyph in "-–—*+~" and not (rest[:1].isspace() or rest[:1] == "\t"):
            return False, text  # "-5% churn", "*nix", "—" dashes that open sentences
        if glyph in "-–—" and not rest.strip()[:1].isalpha():
            return False, text
        if glyph in "-–—" and _DATE_END.match(rest.strip()):
            return False, text  # "- Present": the end of a date range wrapped onto this line
        if glyph == "·" and not rest[:1].isspace():
            return False, text
        return True, rest.strip(" \t")
    match = _NUMBERED.match(text)
    if match and len(text) > len(match.group(0)) + 2:
        return True, text[match.end() :].strip()
    return False, text


def _is_glyph_only(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and (
        stripped in BULLET_GLYPHS
        or bool(_CID.fullmatch(stripped))
        or all(is_icon(c) or c in "␣ " for c in stripped)
    )


# --------------------------------------------------------------------------- #
# Stage 1: classify lines
# --------------------------------------------------------------------------- #


@dataclass
class _Item:
    line: Line
    text: str
    role: LineRole = "text"
    kind: SectionKind | None = None  # for headings
    bullet: bool = False
    cont: list[Line] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)  # tab parts moved out of a bullet


def _body_style(lines: Sequence[Line]) -> tuple[float, str | None]:
    weights: Counter[float] = Counter()
    colours: Counter[str | None] = Counter()
    for line in lines:
        weights[round(line.size, 1)] += len(line.text)
        colours[line.color] += len(line.text)
    size = weights.most_common(1)[0][0] if weights else 10.0
    colour = colours.most_common(1)[0][0] if colours else None
    return size, colour


def _style(line: Line) -> tuple[float, bool, bool, bool, str | None]:
    letters = [c for c in line.text if c.isalpha()]
    caps = bool(letters) and all(c.isupper() for c in letters)
    return (
        round(line.size * 2) / 2,
        line.bold,
        caps or line.smallcaps,
        line.rule_below,
        line.color,
    )


def _heading_candidate(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 7 or len(text) > 60:
        return False
    if text.rstrip().endswith((".", ",", ";")) or "@" in text:
        return False
    if find_date_range(text) is not None and not heading_kind(text):
        return False
    return any(c.isalpha() for c in text)


def _cells(line: Line) -> list[Line]:
    """Split a row holding side-by-side list items ("• A<tab>• B") into one line per cell."""
    parts = line.text.split("\t")
    if len(parts) < 2 or len(parts) != len(line.cells) + 1:
        return [line]
    starts_bullet = [_split_bullet(p.strip())[0] or _is_glyph_only(p) for p in parts]
    if not any(starts_bullet[1:]) and not starts_bullet[0]:
        return [line]
    if starts_bullet[0] and not any(starts_bullet[1:]):
        # A bullet with something printed to its right: keep dates and places with
        # it (moved out later), split off anything longer.
        tail = "\t".join(parts[1:]).strip()
        if len(tail.split()) <= 6 and (find_date_range(tail) or _is_location(tail)):
            return [line]
    xs = [line.x0, *line.cells]
    out: list[Line] = []
    for i, part in enumerate(parts):
        x1 = xs[i + 1] if i + 1 < len(xs) else line.x1
        out.append(
            line.model_copy(update={"text": part.strip(), "x0": xs[i], "x1": x1, "cells": ()})
        )
    return out


def _classify(lines: Sequence[Line], plain: bool) -> list[_Item]:
    lines = [cell for line in lines for cell in _cells(line)]
    body_size, body_colour = _body_style(lines)
    items: list[_Item] = []
    pending_glyph = False
    for line in lines:
        raw = line.text.strip()
        if plain and re.fullmatch(r"[=\-_~*#]{3,}", raw):
            if items:
                items[-1].line = items[-1].line.model_copy(update={"rule_below": True})
            continue
        if _is_glyph_only(raw):
            pending_glyph = True
            continue
        if line.hidden:
            # Hidden text kept on request: plain text, never a heading or a bullet.
            items.append(_Item(line=line, text=_clean(raw) or raw))
            continue
        is_bullet, rest = _split_bullet(raw)
        if line.marker or pending_glyph:
            is_bullet, rest = True, (rest if is_bullet else raw)
        pending_glyph = False
        if plain:
            rest = re.sub(r"^#{1,6}\s+", "", rest) if not is_bullet else rest
        text = _clean(rest)
        if not text:
            continue
        items.append(
            _Item(line=line, text=text, bullet=is_bullet, role="bullet" if is_bullet else "text")
        )

    # Headings: vocabulary plus typography; then lines styled like known headings.
    found_styles: Counter[tuple[float, bool, bool, bool, str | None]] = Counter()
    for i, item in enumerate(items):
        if item.bullet or item.line.hidden or not _heading_candidate(item.text):
            continue
        kind = heading_kind(item.text)
        line = item.line
        letters = [c for c in item.text if c.isalpha()]
        caps = bool(letters) and all(c.isupper() for c in letters)
        typographic = (
            line.size >= body_size * 1.12
            or line.bold
            or caps
            or line.smallcaps
            or line.rule_below
            or (line.color is not None and line.color != body_colour and line.color != "#000000")
        )
        alone = item.text.rstrip().endswith(":") or plain
        if kind is not None and (typographic or alone or len(item.text.split()) <= 3):
            # "Experience" inside a sentence never gets here: candidates are short lines.
            nxt = items[i + 1] if i + 1 < len(items) else None
            if plain and not typographic and nxt is not None and nxt.line.top - line.top < 0:
                continue
            item.role, item.kind = "heading", kind
            found_styles[_style(line)] += 1
    if found_styles and not plain:
        # Sub-headings: vocabulary words set smaller than the usual section heading
        # ("Miscellaneous" under "Experience") stay inside their section.
        # (A smaller heading in another column, such as a sidebar's, stays a heading.)
        main = max(found_styles, key=lambda st: (found_styles[st], st[0]))
        main_x = [it.line.x0 for it in items if it.role == "heading" and _style(it.line) == main]
        for item in items:
            style = _style(item.line)
            same_column = any(abs(item.line.x0 - x) < 3.0 for x in main_x)
            if item.role == "heading" and style[0] < main[0] - 1.0 and same_column:
                item.role, item.kind = "text", None
                found_styles.pop(_style(item.line), None)
        styles = {s for s, _ in found_styles.items()}
        for item in items:
            if item.role != "text" or not _heading_candidate(item.text):
                continue
            style = _style(item.line)
            distinctive = style[0] > body_size * 1.05 or style[2] or style[3]
            if style in styles and distinctive and not _EMAIL.search(item.text):
                item.role, item.kind = "heading", _keyword_kind(item.text)
    return items


# --------------------------------------------------------------------------- #
# Stage 2: merge wrapped lines into bullets; move trailing dates out of bullets
# --------------------------------------------------------------------------- #


_TERMINAL = (".", "!", "?", ";")


def _continues(prev: _Item, line_item: _Item, plain: bool) -> bool:
    """Is ``line_item`` a wrapped continuation of the bullet ``prev``?"""
    if line_item.role != "text" or line_item.bullet:
        return False
    last = prev.cont[-1] if prev.cont else prev.line
    cur = line_item.line
    if cur.page != last.page or cur.hidden != prev.line.hidden:
        return False
    text = line_item.text
    if find_date_range(text) is not None and len(text.split()) <= 8 and not text[:1].islower():
        return False
    if cur.bold and not prev.line.bold:
        return False
    height = max(last.bottom - last.top, 1.0)
    gap = cur.top - last.bottom
    if plain:
        indented = cur.x0 > prev.line.x0
        lower = text[:1].islower()
        return (gap <= 0.5 * height and (indented or lower)) or (gap <= 2.6 * height and lower)
    if gap > 2.6 * height or gap < -0.5 * height:
        return False
    if prev.line.marker:
        hanging = abs(cur.x0 - prev.line.x0) <= 2.5
    else:
        hanging = prev.line.x0 + 1.0 < cur.x0 <= prev.line.x0 + 6 * prev.line.size
    if hanging:
        return True
    flush = abs(cur.x0 - prev.line.x0) <= 2.5
    prev_text = (prev.cont and "") or prev.text
    return (
        flush
        and gap <= 0.6 * height
        and not prev_text.rstrip().endswith(_TERMINAL)
        and (text[:1].islower())
    )


def _join(a: str, b: str) -> str:
    if re.search(r"[A-Za-z]-$", a) and b[:1].islower():
        return a[:-1] + b  # de-hyphenate "al-" + "gorithm"
    return f"{a} {b}"


def _trailing_annotation(text: str) -> tuple[str, str | None]:
    """Split off a right-aligned date or place printed on a bullet's row."""
    if "\t" not in text:
        return text, None
    head, _, tail = text.rpartition("\t")
    tail_s = tail.strip()
    if len(tail_s.split()) <= 6 and (find_date_range(tail_s) is not None or _is_location(tail_s)):
        return head, tail_s
    return text, None


def _merge(items: list[_Item], plain: bool) -> list[_Item]:
    out: list[_Item] = []
    for item in items:
        prev = out[-1] if out else None
        if prev is not None and prev.bullet and _continues(prev, item, plain):
            body, note = _trailing_annotation(item.text)
            if note:
                prev.extra.append(note)
            prev.text = _join(prev.text, body.replace("\t", " "))
            prev.cont.append(item.line)
            continue
        if item.bullet:
            body, note = _trailing_annotation(item.text)
            item.text = body.replace("\t", " ")
            if note:
                item.extra.append(note)
        out.append(item)
    return out


# --------------------------------------------------------------------------- #
# Stage 3: assemble text, sections, bullets, entries
# --------------------------------------------------------------------------- #


@dataclass
class _Block:
    item: _Item
    start: int
    end: int
    section: int


def _is_location(part: str) -> bool:
    """ "Seattle, WA", "Berlin, Germany", "Remote"; not "ML Engineer, Acme Labs"."""
    return (
        bool(_LOCATION.match(part))
        and not _TITLE_WORDS.search(part)
        and not _ORG_WORDS.search(part)
        and len(part.split()) <= 5
    )


def _split_parts(text: str) -> list[str]:
    parts = re.split(r"\t|\s+[|•·–—]\s+|\s{3,}|\s+-\s+|\s+@\s+|\s+at\s+", text)
    return [p.strip(" ,;") for p in parts if p and p.strip(" ,;")]


def _entry_fields(headers: list[str]) -> tuple[str, str, str, DateRange | None]:
    # Search the header lines as one text: a range may wrap ("Mar 2020" / "- Present").
    text = "\n".join(headers)
    text = re.sub(r"([-–—])[ \t]*\n[ \t]*[-–—][ \t]*", r"\1 ", text)  # "2017 -" / "- 2020"
    dates = find_date_range(text)
    if dates is not None:
        text = text.replace(dates.text, "\t", 1)
        dates = dates.model_copy(update={"text": re.sub(r"\s+", " ", dates.text)})
    parts = [p for line in text.split("\n") for p in _split_parts(line)]
    # "Corvo Retail, Barcelona, Spain": peel a trailing place off a part.
    peeled: list[str] = []
    for part in parts:
        pieces = [p.strip() for p in part.split(",")]
        for k in range(1, len(pieces)):
            suffix = ", ".join(pieces[k:])
            if _is_location(suffix) and not _is_location(", ".join(pieces[:k])):
                peeled.extend([", ".join(pieces[:k]), suffix])
                break
        else:
            peeled.append(part)
    parts = peeled
    location = ""
    rest: list[str] = []
    for part in parts:
        if not location and _is_location(part):
            location = part
        elif part:
            rest.append(part)
    expanded: list[str] = []
    for part in rest:
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        if len(pieces) > 1 and any(_TITLE_WORDS.search(p) for p in pieces):
            expanded.extend(pieces)
        else:
            expanded.append(part)
    title = next((p for p in expanded if _TITLE_WORDS.search(p)), "")
    org = next((p for p in expanded if p != title and _ORG_WORDS.search(p)), "")
    if not org:
        org = next((p for p in expanded if p != title), "")
    if not title:
        title = next((p for p in expanded if p not in (org,)), "")
    return title, org, location, dates


def _is_entry_header(item: _Item) -> bool:
    text = item.text
    if text.rstrip().endswith(":"):
        return False
    words = len(text.split())
    if find_date_range(text) is not None and words <= 16:
        return True
    return (item.line.bold or words <= 9) and not text.rstrip().endswith(_TERMINAL)


@dataclass
class _EntryDraft:
    section: int
    page: int
    start: int
    end: int
    headers: list[str] = field(default_factory=list)
    bullets: list[int] = field(default_factory=list)
    body: bool = False
    notes: list[str] = field(default_factory=list)


def _contact(text: str, header_end: int, lines: list[tuple[int, int, _Item]]) -> Contact:
    found: dict[str, str] = {}
    spans: list[tuple[int, int]] = []

    def take(key: str, pattern: re.Pattern[str], region: str, offset: int) -> None:
        match = pattern.search(region)
        if match and key not in found:
            found[key] = match.group(0).strip()
            spans.append((offset + match.start(), offset + match.end()))

    header = text[:header_end]
    for key, pattern in (
        ("email", _EMAIL),
        ("linkedin", _LINKEDIN),
        ("github", _GITHUB),
    ):
        take(key, pattern, header, 0)
        take(key, pattern, text, 0)
    phone_region = _EMAIL.sub(lambda m: " " * len(m.group(0)), header)
    phone = _PHONE.search(phone_region)
    if (
        phone
        and sum(c.isdigit() for c in phone.group(0)) >= 7
        and not find_date_range(phone.group(0))
    ):
        found["phone"] = phone.group(0).strip()
        spans.append((phone.start(), phone.end()))
    masked = _EMAIL.sub(lambda m: " " * len(m.group(0)), header)
    for match in _URL.finditer(masked):
        value = match.group(0)
        if "linkedin" in value.lower() or "github" in value.lower():
            continue
        found["website"] = value
        spans.append((match.start(), match.end()))
        break

    # The name: the first short line of the header that reads like a name; failing
    # that (a sidebar read before the main column), the largest such line on page 1.
    def name_in(item: _Item) -> str | None:
        candidate = item.text.split("\t")[0].strip()
        candidate = re.split(r"\s[|•·–—,]\s", candidate)[0].strip()
        words = candidate.split()
        if (
            1 < len(words) <= 5
            and item.role != "heading"
            and not item.bullet
            and not any(ch.isdigit() or ch in "@/" for ch in candidate)
            and heading_kind(candidate) is None
            and all(w[:1].isupper() for w in words if w[:1].isalpha())
            and not _TITLE_WORDS.search(candidate)
            and not _is_location(candidate)
        ):
            return candidate
        return None

    header_lines = [(start, item) for start, _end, item in lines if start < header_end]
    sizes = sorted(item.line.size for _s, _e, item in lines)
    body = sizes[len(sizes) // 2] if sizes else 10.0
    big_first = sorted(
        (
            (start, item)
            for start, _end, item in lines
            if item.line.page == 1 and item.line.size >= 1.4 * body
        ),
        key=lambda pair: -pair[1].line.size,
    )
    for start, item in [*header_lines, *big_first]:
        name = name_in(item)
        if name is not None:
            found["name"] = name
            spans.append((start, start + len(name)))
            break
    for start, _end, item in lines:
        if start >= header_end:
            break
        for part in _split_parts(item.text):
            if _is_location(part) and part.lower() not in ("remote", "hybrid"):
                found["location"] = part
                spans.append(
                    (start + item.text.find(part), start + item.text.find(part) + len(part))
                )
                break
        if "location" in found:
            break
    return Contact(**found, spans=tuple(sorted(set(spans))))


def _education(blocks: list[_Block]) -> list[EducationEntry]:
    entries: list[dict[str, object]] = []
    for block in blocks:
        text = block.item.text
        level: DegreeLevel | None = None
        degree_match = None
        for pattern, lvl in _DEGREES:
            degree_match = pattern.search(text)
            if degree_match:
                level = lvl
                break
        inst = _INSTITUTION.search(text)
        dates = find_date_range(text)
        current = entries[-1] if entries else None
        starts_new = current is None or (
            (level is not None and current.get("level") is not None)
            or (
                inst is not None
                and current.get("institution")
                and level is None
                and current.get("level") is not None
                and current.get("dates") is not None
            )
        )
        if level is None and inst is None and dates is None and current is not None:
            current["end"] = block.end
            continue
        if level is None and inst is None and current is None:
            continue
        if starts_new:
            current = {"start": block.start, "end": block.end, "page": block.item.line.page}
            entries.append(current)
        assert current is not None
        current["end"] = block.end
        if level is not None and current.get("level") is None:
            current["level"] = level
            degree_text = text
            if dates is not None:
                degree_text = degree_text.replace(dates.text, " ")
            parts = [p for p in _split_parts(degree_text) if not _INSTITUTION.search(p)]
            current["degree"] = next(
                (p for p in parts if any(pat.search(p) for pat, _ in _DEGREES)), text
            ).strip()
            field_match = _FIELD_AFTER.search(str(current["degree"]))
            if field_match:
                current["field"] = field_match.group(1).strip(" ,.")
            elif "," in str(current["degree"]):
                current["field"] = str(current["degree"]).split(",", 1)[1].strip()
        if inst is not None and not current.get("institution"):
            inst_text = text if dates is None else text.replace(dates.text, " ")
            pieces = [p.strip() for p in re.split(r"[,\t|;]|\s[-–—]\s", inst_text)]
            parts = [p for p in pieces if _INSTITUTION.search(p)]
            chosen = parts[0] if parts else inst_text
            if degree_match is not None and chosen.lower().startswith(
                degree_match.group(0).lower()
            ):
                chosen = chosen[len(degree_match.group(0)) :]  # "BS University of X"
            current["institution"] = chosen.strip(" ,")
        if dates is not None and current.get("dates") is None:
            current["dates"] = dates
    out: list[EducationEntry] = []
    for entry in entries:
        out.append(
            EducationEntry(
                degree=str(entry.get("degree", "")),
                level=entry.get("level"),
                field=str(entry.get("field", "")),
                institution=str(entry.get("institution", "")),
                dates=entry.get("dates"),
                page=int(entry["page"]),  # type: ignore[call-overload]
                start=int(entry["start"]),  # type: ignore[call-overload]
                end=int(entry["end"]),  # type: ignore[call-overload]
            )
        )
    return out


def _assemble(
    items: list[_Item], pages: int, source: str, today: dt.date, warnings: list[ParseWarning]
) -> Resume:
    # Implicit sections before the first heading: the header (contact) and, when
    # a paragraph follows it, an unlabelled summary.
    chunks: list[str] = []
    offset = 0
    sections: list[dict[str, object]] = []
    blocks: list[_Block] = []
    rlines: list[ResumeLine] = []

    def open_section(kind: SectionKind, heading: str, page: int, start: int) -> None:
        if sections:
            sections[-1]["end"] = max(int(sections[-1]["start"]), start - 1)  # type: ignore[call-overload]
        sections.append(
            {"kind": kind, "heading": heading, "page": page, "start": start, "end": start}
        )

    for item in items:
        line = item.line
        if item.role == "heading":
            if chunks:
                chunks.append("\n")
                offset += 1
            open_section(item.kind or "other", item.text, line.page, offset)
            text = item.text
        else:
            if not sections:
                open_section("contact", "", line.page, offset)
            elif (
                sections[-1]["kind"] == "contact"
                and sections[-1]["heading"] == ""
                and not item.bullet
                and len(item.text.split()) >= 14
                and not _EMAIL.search(item.text)
            ):
                chunks.append("\n")
                offset += 1
                open_section("summary", "", line.page, offset)
            text = item.text
            if item.bullet:
                chunks.append("• ")
                offset += 2
        start = offset
        chunks.append(text)
        offset += len(text)
        role: LineRole = item.role
        if item.bullet:
            role = "bullet"
        elif sections and sections[-1]["kind"] == "contact":
            role = "contact"
        all_lines = [line, *item.cont]
        same_page = [ln for ln in all_lines if ln.page == line.page]
        rlines.append(
            ResumeLine(
                start=start,
                end=offset,
                page=line.page,
                role=role,
                hidden=line.hidden,
                x0=min(ln.x0 for ln in same_page),
                top=min(ln.top for ln in same_page),
                x1=max(ln.x1 for ln in same_page),
                bottom=max(ln.bottom for ln in same_page),
            )
        )
        blocks.append(_Block(item=item, start=start, end=offset, section=len(sections) - 1))
        chunks.append("\n")
        offset += 1
    text = "".join(chunks).rstrip("\n")
    if sections:
        sections[-1]["end"] = len(text)
    section_models = [
        Section(
            kind=s["kind"],
            heading=str(s["heading"]),
            page=int(s["page"]),  # type: ignore[call-overload]
            start=int(s["start"]),  # type: ignore[call-overload]
            end=max(int(s["start"]), int(s["end"])),  # type: ignore[call-overload]
        )
        for s in sections
    ]

    # Bullets and experience entries.
    bullets: list[Bullet] = []
    drafts: list[_EntryDraft] = []
    current: _EntryDraft | None = None
    for block in blocks:
        sec = section_models[block.section] if section_models else None
        kind = sec.kind if sec is not None else "other"
        item = block.item
        if item.role == "heading":
            current = None
            continue
        in_entries = kind in _REVIEW_KINDS
        if item.bullet:
            entry_index: int | None = None
            if in_entries:
                if current is None:
                    current = _EntryDraft(block.section, item.line.page, block.start, block.end)
                    drafts.append(current)
                current.bullets.append(len(bullets))
                current.body = True
                current.end = block.end
                current.notes.extend(item.extra)
                entry_index = len(drafts) - 1
            bullets.append(
                Bullet(
                    index=len(bullets),
                    text=item.text,
                    section=kind,
                    section_index=block.section,
                    entry=entry_index,
                    page=item.line.page,
                    start=block.start,
                    end=block.end,
                )
            )
            continue
        if not in_entries:
            continue
        has_date = find_date_range(item.text) is not None
        if _is_entry_header(item):
            new = (
                current is None
                or current.body
                or (
                    has_date
                    and any(find_date_range(h) for h in current.headers)
                    and not re.search(r"(?:[-–—]|\bto)\s*$", current.headers[-1])
                )
                or len(current.headers) >= 4
            )
            if new:
                current = _EntryDraft(block.section, item.line.page, block.start, block.end)
                drafts.append(current)
            assert current is not None
            current.headers.append(item.text)
            current.end = block.end
        elif current is not None:
            current.body = True
            current.end = block.end
    experience: list[ExperienceEntry] = []
    for i, draft in enumerate(drafts):
        title, org, location, dates = _entry_fields(draft.headers + draft.notes)
        if dates is None:
            for note in draft.notes:
                dates = find_date_range(note)
                if dates:
                    break
        experience.append(
            ExperienceEntry(
                index=i,
                title=title,
                organization=org,
                location=location,
                dates=dates,
                section=section_models[draft.section].kind,
                section_index=draft.section,
                page=draft.page,
                start=draft.start,
                end=draft.end,
                bullets=tuple(draft.bullets),
            )
        )

    education = _education(
        [
            b
            for b in blocks
            if section_models
            and section_models[b.section].kind == "education"
            and b.item.role != "heading"
        ]
    )
    certifications = [
        Certification(
            name=_strip_date(b.item.text),
            year=(d.start.year if (d := find_date_range(b.item.text)) and d.start else None),
            page=b.item.line.page,
            start=b.start,
            end=b.end,
        )
        for b in blocks
        if section_models
        and section_models[b.section].kind == "certifications"
        and b.item.role != "heading"
    ]
    header_end = next(
        (s.start for s in section_models if s.kind != "contact" or s.heading), len(text)
    )
    contact_lines = [(b.start, b.end, b.item) for b in blocks]
    contact = _contact(text, header_end, contact_lines)
    years = total_years(
        [e.dates for e in experience if e.dates is not None and e.section == "experience"], today
    )
    if not any(s.heading for s in section_models):
        warnings.append(
            ParseWarning(
                code="no-sections",
                message="no section headings were recognised; the text is one section",
            )
        )
    return Resume(
        source=source,
        text=text,
        pages=pages,
        sections=tuple(section_models),
        bullets=tuple(bullets),
        experience=tuple(experience),
        education=tuple(education),
        certifications=tuple(certifications),
        contact=contact,
        years_experience=years,
        reference_date=today,
        lines=tuple(rlines),
        warnings=tuple(warnings),
    )


def _strip_date(text: str) -> str:
    found = find_date_range(text)
    if found is None:
        return text.strip()
    return re.sub(r"\s{2,}", " ", text.replace(found.text, " ")).strip(" ,;|-–—()\t")


# --------------------------------------------------------------------------- #
# Quality warnings
# --------------------------------------------------------------------------- #


def _quality(text: str, raw_text: str, warnings: list[ParseWarning]) -> None:
    letters = sum(c.isalpha() for c in text)
    if letters < 200:
        warnings.append(
            ParseWarning(
                code="little-text",
                message=f"only {letters} letters of text were found; the result may be "
                "incomplete (is part of the resume an image?)",
            )
        )
    cids = len(_CID.findall(raw_text))
    bad = raw_text.count("\ufffd") + cids
    tokens = max(len(raw_text.split()), 1)
    odd = sum(1 for c in text if not (c.isprintable() or c in "\n\t"))
    if bad > 0.05 * tokens or odd > 0.02 * max(len(text), 1):
        warnings.append(
            ParseWarning(
                code="garbled-text",
                message="part of the text could not be decoded (fonts without a Unicode "
                "map); some words may be missing or wrong",
                text=str(bad),
            )
        )


# --------------------------------------------------------------------------- #
# Public functions
# --------------------------------------------------------------------------- #


def parse_resume_text(
    text: str, *, config: ParseConfig | None = None, source: str = "<text>"
) -> Resume:
    """Parse a resume given as plain text (one line per line, blank lines allowed).

    >>> parse_resume_text("SKILLS\\nPython, SQL").sections[0].kind
    'skills'
    """
    config = config or ParseConfig()
    if not isinstance(text, str):
        raise InputError(
            f"{source}: expected the resume text as str, got {type(text).__name__}"
            "; for a PDF use parse_resume()"
        )
    if not text.strip():
        raise InputError(f"{source}: the resume text is empty; pass the text of a resume")
    lines: list[Line] = []
    top = 0.0
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not raw.strip():
            top += 12.0
            continue
        expanded = raw.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip(" "))
        body = re.sub(r"\s{3,}", "\t", raw.strip())
        lines.append(
            Line(
                text=body, page=1, x0=indent * 5.0, top=top, x1=500.0, bottom=top + 10.0, size=10.0
            )
        )
        top += 12.0
    warnings: list[ParseWarning] = []
    items = _merge(_classify(lines, plain=True), plain=True)
    today = config.reference_date or dt.date.today()
    resume = _assemble(items, 1, source, today, warnings)
    quality: list[ParseWarning] = []
    _quality(resume.text, text, quality)
    if quality:
        resume = resume.model_copy(update={"warnings": resume.warnings + tuple(quality)})
    return resume


def parse_resume(
    source: str | os.PathLike[str] | bytes | bytearray | memoryview | object,
    *,
    password: str | None = None,
    config: ParseConfig | None = None,
) -> Resume:
    """Parse a resume PDF (a path, bytes, or a binary file object) into a :class:`Resume`.

    Raises a :class:`~resume_match.errors.PdfError` subclass naming the file and
    the cause for encrypted, corrupt, image-only (scanned), oversized or
    too-slow PDFs. Hidden text (white, tiny, off-page, invisible) is left out of
    ``Resume.text`` and reported as a ``hidden-text`` warning unless
    ``ParseConfig(keep_hidden=True)``.

    >>> import resume_match as rm
    >>> rm.parse_resume(b"not a pdf")
    Traceback (most recent call last):
    ...
    resume_match.errors.CorruptPdfError: <bytes>: not a PDF (no %PDF header); pass the ...
    """
    from resume_match.layout import page_lines  # pure; kept local to mirror pdf below
    from resume_match.pdf import read_pdf  # the only pdfminer import, loaded on first use

    config = config or ParseConfig()
    raw = read_pdf(source, password=password or "", config=config)  # type: ignore[arg-type]
    name = raw.source
    if not raw.pages:
        raise CorruptPdfError(name, "the PDF has no pages")
    warnings: list[ParseWarning] = list(raw.warnings)
    lines: list[Line] = []
    visible_chars = 0
    raw_parts: list[str] = []
    for page in raw.pages:
        page_visible, hidden = page_lines(page, keep_hidden=config.keep_hidden)
        lines.extend(page_visible)
        count = sum(len(ln.text) for ln in page_visible if ln.hidden is None)
        visible_chars += count
        raw_parts.extend(ln.text for ln in page_visible)
        if hidden:
            reasons = sorted({ln.hidden or "" for ln in hidden})
            words = " ".join(ln.text for ln in hidden)
            kept = "kept in the text as asked" if config.keep_hidden else "left out of the text"
            warnings.append(
                ParseWarning(
                    code="hidden-text",
                    message=f"page {page.number} has text a reader cannot see "
                    f"({', '.join(reasons)}): {len(words.split())} words, {kept}",
                    page=page.number,
                    text=words[:2000],
                )
            )
        if count == 0 and page.images:
            warnings.append(
                ParseWarning(
                    code="scanned-page",
                    message=f"page {page.number} is an image with no text layer; "
                    "its content is missing (OCR is needed)",
                    page=page.number,
                )
            )
    if visible_chars == 0:
        if any(p.images for p in raw.pages):
            raise ScannedPdfError(
                name,
                "no page has a text layer (a scanned or image-only PDF); run OCR first, "
                "or ask for a PDF exported from the original document",
            )
        if any(p.chars for p in raw.pages):
            raise ScannedPdfError(
                name,
                "the PDF has no visible text (all of it is hidden); it cannot be read as a resume",
            )
        raise ScannedPdfError(
            name,
            "the PDF has no text layer (empty pages, or text drawn as shapes); OCR is needed",
        )
    items = _merge(_classify(lines, plain=False), plain=False)
    today = config.reference_date or dt.date.today()
    resume = _assemble(items, len(raw.pages), name, today, warnings)
    quality: list[ParseWarning] = []
    _quality(resume.text, "\n".join(raw_parts), quality)
    if quality:
        resume = resume.model_copy(update={"warnings": resume.warnings + tuple(quality)})
    return resume
