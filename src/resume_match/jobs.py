"""Job profiles: bundled templates (``lexicons/jobs/*.toml``) and free-text postings.

- :func:`list_jobs` names the bundled templates, :func:`load_job` reads one (or a
  file of your own) and checks every skill id against the lexicon, reporting all
  problems at once with their location and a did-you-mean hint.
- :func:`parse_job` turns a real posting, however messy, into a
  :class:`~resume_match.models.JobProfile`: skills come from the extractor,
  required or preferred from headings and cue phrases, plus years, degree and level.

>>> "ml-engineer-mid" in list_jobs()
True
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast, get_args

from resume_match._data import data_root
from resume_match.errors import InputError, JobError, Problem, UnknownJobError, did_you_mean
from resume_match.models import (
    DegreeLevel,
    DegreeRequirement,
    JobProfile,
    Lexicon,
    ParseWarning,
    Requirement,
    SeniorityLevel,
    SkillMention,
)

__all__ = ["LEVELS", "list_jobs", "load_job", "parse_job", "title_level"]

LEVELS: tuple[str, ...] = ("intern", "entry", "mid", "senior", "staff", "principal", "lead")
"""Allowed ``level`` values of a job template (or empty)."""

_DEGREES: tuple[str, ...] = get_args(DegreeLevel)
_IMPORTANCE = ("required", "preferred")
_TOP_KEYS = (
    "id",
    "title",
    "level",
    "summary",
    "min_years",
    "max_years",
    "degree",
    "responsibilities",
    "requirement",
)
_REQ_KEYS = ("id", "label", "skill", "category", "any_of", "importance", "weight")
_DEGREE_KEYS = ("level", "fields", "related_ok", "importance", "preferred_level")
_ID_RE = re.compile(r"^[a-z0-9]+(?:[-.+#][a-z0-9+#]*)*$")


# --------------------------------------------------------------------------- #
# Templates
# --------------------------------------------------------------------------- #


def _jobs_dir() -> Any:
    return data_root() / "jobs"


def list_jobs() -> tuple[str, ...]:
    """The names of the bundled job templates, sorted.

    >>> list_jobs()[:2]
    ('ai-engineer', 'applied-ml-engineer')
    """
    folder = _jobs_dir()
    if not folder.is_dir():
        return ()
    names = (entry.name for entry in folder.iterdir() if entry.name.endswith(".toml"))
    return tuple(sorted(name.removesuffix(".toml") for name in names))


def load_job(name_or_path: str | Path, *, lexicon: Lexicon | None = None) -> JobProfile:
    """Load a bundled job template by name, or a TOML template file by path.

    Every skill id is checked against ``lexicon`` (default: the bundled one).
    A bad name raises :class:`~resume_match.errors.UnknownJobError` with a
    did-you-mean hint; a bad file raises :class:`~resume_match.errors.JobError`
    listing every problem with its entry and field.

    >>> job = load_job("ml-engineer-entry")
    >>> job.level, job.requirements[0].importance
    ('entry', 'required')
    """
    path: Path | None = None
    text: str
    looks_like_path = isinstance(name_or_path, Path) or (
        str(name_or_path).endswith(".toml") or "/" in str(name_or_path) or "\\" in str(name_or_path)
    )
    if looks_like_path:
        path = Path(name_or_path)
        if not path.is_file():
            raise UnknownJobError(
                str(name_or_path), list_jobs(), hint="no such file; check the path"
            )
        text = path.read_text(encoding="utf-8")
        source = str(path)
    else:
        name = str(name_or_path)
        known = list_jobs()
        if name not in known:
            hint = did_you_mean(name, known)
            hint = (hint + " " if hint else "") + "list_jobs() names them all"
            raise UnknownJobError(name, known, hint=hint)
        text = (_jobs_dir() / f"{name}.toml").read_text(encoding="utf-8")
        source = f"jobs/{name}.toml"
    if lexicon is None:
        from resume_match.lexicon import load_lexicon

        lexicon = load_lexicon()
    return _job_from_toml(text, source, lexicon, stem=path.stem if path else None)


def _job_from_toml(text: str, source: str, lexicon: Lexicon, *, stem: str | None) -> JobProfile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise JobError(
            [Problem(source, "", "", f"not valid TOML: {exc}", "fix the syntax at that line")]
        ) from exc
    problems: list[Problem] = []
    checker = _Checker(source, lexicon, problems)
    job = checker.job(data, stem)
    if problems or job is None:
        raise JobError(problems)
    return job


@dataclass
class _Checker:
    """Collects every problem in one template before anything is raised."""

    source: str
    lexicon: Lexicon
    problems: list[Problem]

    def add(self, entry: str, field_: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.source, entry, field_, message, hint))

    def unknown_keys(self, table: dict[str, Any], allowed: Sequence[str], entry: str) -> None:
        for key in sorted(table):
            if key not in allowed:
                hint = did_you_mean(key, allowed) or f"allowed keys: {', '.join(allowed)}"
                self.add(entry, key, "unknown key", hint)

    def text(self, table: dict[str, Any], key: str, entry: str, *, required: bool) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.add(entry, key, "missing", f'add {key} = "..."')
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.add(entry, key, "must be a non-empty string")
            return ""
        return value.strip()

    def number(self, table: dict[str, Any], key: str, entry: str) -> float | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            self.add(entry, key, f"must be a number of 0 or more, got {value!r}")
            return None
        return float(value)

    def strings(self, table: dict[str, Any], key: str, entry: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(entry, key, "must be a list of strings")
            return ()
        return tuple(v.strip() for v in value if v.strip())

    def skill(self, skill_id: object, entry: str, field_: str, *, abstract: bool) -> str | None:
        if not isinstance(skill_id, str) or not skill_id:
            self.add(entry, field_, f"must be a skill id string, got {skill_id!r}")
            return None
        found = self.lexicon.skills.get(skill_id)
        if found is None:
            hint = did_you_mean(skill_id, sorted(self.lexicon.skills))
            self.add(entry, field_, f"unknown skill id {skill_id!r}", hint)
            return None
        if abstract and not found.abstract:
            self.add(
                entry,
                field_,
                f"{skill_id!r} is not a category node",
                f'use skill = "{skill_id}" instead',
            )
            return None
        return skill_id

    def job(self, data: dict[str, Any], stem: str | None) -> JobProfile | None:
        self.unknown_keys(data, _TOP_KEYS, "")
        job_id = self.text(data, "id", "", required=True)
        if job_id and not _ID_RE.match(job_id):
            self.add("", "id", f"{job_id!r} is not a lowercase kebab-case id")
        if job_id and stem is not None and job_id != stem:
            self.add("", "id", f"{job_id!r} differs from the file name {stem!r}", "make them equal")
        title = self.text(data, "title", "", required=True)
        level = self.text(data, "level", "", required=False)
        if level and level not in LEVELS:
            hint = did_you_mean(level, LEVELS) or f"use one of: {', '.join(LEVELS)}"
            self.add("", "level", f"unknown level {level!r}", hint)
            level = ""
        min_years = self.number(data, "min_years", "")
        max_years = self.number(data, "max_years", "")
        if min_years is not None and max_years is not None and max_years < min_years:
            self.add("", "max_years", f"{max_years:g} is below min_years {min_years:g}")
        degree = self.degree(data.get("degree"))
        requirements = self.requirements(data.get("requirement"))
        if self.problems:
            return None
        return JobProfile(
            id=job_id,
            title=title,
            level=cast(SeniorityLevel, level),
            summary=self.text(data, "summary", "", required=False),
            requirements=requirements,
            min_years=min_years,
            max_years=max_years,
            degree=degree,
            responsibilities=self.strings(data, "responsibilities", ""),
            source=self.source,
        )

    def degree(self, table: object) -> DegreeRequirement | None:
        if table is None:
            return None
        if not isinstance(table, dict):
            self.add("degree", "", "must be a table: [degree]")
            return None
        self.unknown_keys(table, _DEGREE_KEYS, "degree")
        level = table.get("level")
        if level not in _DEGREES:
            hint = did_you_mean(str(level), _DEGREES) or f"use one of: {', '.join(_DEGREES)}"
            self.add("degree", "level", f"unknown degree level {level!r}", hint)
            return None
        preferred = table.get("preferred_level")
        if preferred is not None and preferred not in _DEGREES:
            hint = did_you_mean(str(preferred), _DEGREES)
            self.add("degree", "preferred_level", f"unknown degree level {preferred!r}", hint)
            preferred = None
        importance = table.get("importance", "required")
        if importance not in _IMPORTANCE:
            self.add(
                "degree", "importance", f"must be 'required' or 'preferred', got {importance!r}"
            )
            importance = "required"
        related_ok = table.get("related_ok", True)
        if not isinstance(related_ok, bool):
            self.add("degree", "related_ok", "must be true or false")
            related_ok = True
        fields = tuple(f.lower() for f in self.strings(table, "fields", "degree"))
        return DegreeRequirement(
            level=cast(DegreeLevel, level),
            fields=fields,
            related_ok=related_ok,
            importance=importance,
            preferred_level=cast(DegreeLevel | None, preferred),
        )

    def requirements(self, tables: object) -> tuple[Requirement, ...]:
        if tables is None:
            self.add("", "requirement", "no requirements", "add [[requirement]] tables")
            return ()
        if not isinstance(tables, list):
            self.add("", "requirement", "must be an array of tables: [[requirement]]")
            return ()
        out: list[Requirement] = []
        seen: set[str] = set()
        for index, table in enumerate(tables):
            entry = f"requirement[{index}]"
            if not isinstance(table, dict):
                self.add(entry, "", "must be a table")
                continue
            self.unknown_keys(table, _REQ_KEYS, entry)
            kinds = [k for k in ("skill", "category", "any_of") if k in table]
            if len(kinds) != 1:
                self.add(entry, "", "give exactly one of skill, category, any_of")
                continue
            kind = kinds[0]
            ids: list[str] = []
            if kind == "any_of":
                members = table["any_of"]
                if not isinstance(members, list) or len(members) < 2:
                    self.add(entry, "any_of", "must list two or more skill ids")
                    continue
                for position, member in enumerate(members):
                    found = self.skill(member, entry, f"any_of[{position}]", abstract=False)
                    # A category node is fine inside a group too.
                    if found is None and isinstance(member, str) and member in self.lexicon.skills:
                        found = member
                    if found:
                        ids.append(found)
            else:
                found = self.skill(table[kind], entry, kind, abstract=kind == "category")
                if found:
                    ids.append(found)
            importance = table.get("importance", "required")
            if importance not in _IMPORTANCE:
                hint = did_you_mean(str(importance), _IMPORTANCE)
                self.add(
                    entry,
                    "importance",
                    f"must be 'required' or 'preferred', got {importance!r}",
                    hint,
                )
            weight = table.get("weight", 1.0)
            if isinstance(weight, bool) or not isinstance(weight, int | float) or weight <= 0:
                self.add(entry, "weight", f"must be a number above 0, got {weight!r}")
                weight = 1.0
            explicit_id = table.get("id")
            req_id = (
                explicit_id if isinstance(explicit_id, str) and explicit_id else "-or-".join(ids)
            )
            if not ids or importance not in _IMPORTANCE:
                continue
            if req_id in seen:
                self.add(entry, "id", f"duplicate requirement {req_id!r}", "give it a distinct id")
                continue
            seen.add(req_id)
            label = table.get("label")
            if not isinstance(label, str) or not label.strip():
                label = " or ".join(self.lexicon.skills[i].name for i in ids)
            out.append(
                Requirement(
                    id=req_id,
                    label=label.strip(),
                    skills=tuple(ids),
                    importance=importance,
                    weight=float(weight),
                )
            )
        return tuple(out)


# --------------------------------------------------------------------------- #
# Free-text postings
# --------------------------------------------------------------------------- #

Block = Literal["required", "preferred", "responsibilities", "about", "benefits", "eeo", "other"]

_HEADING_WORDS = (
    "requirements|qualifications|minimum qualifications|basic qualifications|preferred "
    "qualifications|responsibilities|key responsibilities|nice to have|nice-to-have|bonus points|"
    "bonus|benefits|perks|about us|about the role|about the team|about you|what you'll do|"
    "what you will do|what you'll need|what you need|what you bring|what we offer|"
    "what we're looking for|who you are|you have|you will|must have|must-haves|the role|"
    "your role|skills|compensation|equal opportunity|preferred|desired skills|pluses"
)
_GLUED_WORDS = (
    r"Requirements|Qualifications|Minimum Qualifications|Basic Qualifications|Preferred "
    r"Qualifications|Responsibilities|Nice to have|Nice-to-have|Bonus|Benefits|Perks|About us|"
    r"Equal Opportunity|Compensation|Key Responsibilities"
)
# A heading glued to the word before it ("SQLRequirements") or after it ("BenefitsMedical").
_GLUED_HEADING = re.compile(
    rf"(?<=[A-Za-z0-9.,;:!?)])(?=(?:{_GLUED_WORDS}|About the|What you|What we|Who you|"
    r"You have|You will|Must have)(?![a-z]))"
)
_GLUED_AFTER = re.compile(
    rf"(?<![A-Za-z])({_GLUED_WORDS}|About the role|About the team|About you|What you'll do|"
    r"What you will do|What you'll need|What you bring|Who you are|What we offer):?(?=[A-Z0-9])"
)
# A heading run into its first dash item: "Requirements- 2+ years", "Nice to have - LangChain".
_HEADING_DASH = re.compile(rf"^({_HEADING_WORDS})\s*:?\s*-\s+(?=\S)", re.IGNORECASE | re.MULTILINE)
# Dash items run together: "cost tracking- Work with", "LlamaIndex- Fine-tuning".
_GLUED_DASH_ITEM = re.compile(r"(?<=[A-Za-z0-9)])- (?=[A-Z])")
# A new bullet glued to the end of the last one: "with PythonExperience with Tableau".
_GLUED_ITEM = re.compile(
    r"(?<=[A-Za-z0-9)])(?=(?:Experience|Strong|Proficiency|Proficient|Knowledge|Familiarity|"
    r"Ability|Excellent|Bachelor|Master|Degree|Build|Design|Develop|Work|Must|Nice|"
    r"Understanding|Hands-on|Solid|Deep|Demonstrated|Proven|Minimum|At least)\b)"
)
_GLUED_NUMBER = re.compile(r"(?<=[a-z])(?=\d{1,2}\s*\+?\s*(?:-\s*\d{1,2}\s*)?(?:years|yrs))")
# Only after the end of a sentence, so "Desired Skills:" is not cut before "Skills".
_INLINE_HEADING = re.compile(rf"(?<=[.!?)])[ \t]+(?=(?:{_HEADING_WORDS})\s*:)", re.IGNORECASE)
_HEADING_OPENER = re.compile(
    r"(what|who|about|your|key|minimum|basic|preferred|required|nice|bonus|benefits|perks|"
    r"responsibilities|requirements|qualifications|why|desired|must|you|ideal|the role|"
    r"skills|job|role)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])|;\s*")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", " inc.", " ltd.", " co.", " st.")
_SENTENCE_GLUE = re.compile(r"(?<=[A-Za-z]{2}[.!?])(?=[A-Z][a-z])")
_BULLET_GLYPHS = re.compile(r"[ \t]*[•●▪◦‣∙·■□►▸➢✓✔][ \t]*")
_DASHES = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015", "-"),
        **dict.fromkeys("\u2018\u2019", "'"),
        **dict.fromkeys("\u201c\u201d", '"'),
        "\t": " ",
    }
)

_CLASS_PATTERNS: tuple[tuple[Block, re.Pattern[str]], ...] = (
    ("eeo", re.compile(r"equal|eeo|diversity|inclusion|accommodat|disabilit|affirmative")),
    (
        "benefits",
        re.compile(
            r"benefit|perk|what we offer|we offer|compensation|salary|"
            r"\bpay\b|rewards|why join|why work|what's in it|in return"
        ),
    ),
    (
        "preferred",
        re.compile(
            r"prefer|nice|bonus|plus|desir|ideal|extra credit|good to have|"
            r"great if|stand out|not required"
        ),
    ),
    (
        "responsibilities",
        re.compile(
            r"responsib|what you'?ll do|what you will do|the role|"
            r"your role|day[- ]to[- ]day|duties|you will|"
            r"what you'll work on|in this role|your impact|the job"
        ),
    ),
    (
        "required",
        re.compile(
            r"require|qualif|must|need|you have|you bring|you'll bring|"
            r"looking for|who you are|about you|skills|experience|expect|"
            r"competenc|background|basic|minimum|you are"
        ),
    ),
    (
        "about",
        re.compile(
            r"about|who we are|our (company|story|mission|values|culture|team)|"
            r"company|life at|culture|mission"
        ),
    ),
)
_EEO_SENTENCE = re.compile(
    r"equal (employment )?opportunit|without regard to|sexual orientation|gender identity|"
    r"veteran status|national origin|reasonable accommodation|e-verify|affirmative action|"
    r"protected (veteran|characteristic|class)|regardless of (race|gender)",
    re.IGNORECASE,
)
_BENEFIT_SENTENCE = re.compile(
    r"401\(?k|dental|vision (insurance|coverage)|health insurance|medical,|paid time off|\bpto\b|"
    r"parental leave|salary range|base salary|base pay|pay range|compensation (package|range)|"
    r"stock options|\bequity\b|wellness|unlimited (vacation|pto)|paid holidays|\$\s?\d|"
    r"commuter|relocation (assistance|package)|learning (budget|stipend)",
    re.IGNORECASE,
)
_COMPANY_SENTENCE = re.compile(
    r"^\s*(we are|we're|we build|we help|our (mission|company|team|platform|customers)|"
    r"founded in|join us|at [A-Z]\w+,? we|[A-Z]\w+ is (a|an|the) |"
    # "Quillmark builds an AI assistant for ...": a company's one-line pitch.
    r"[A-Z]\w+ (builds|makes|helps|develops|provides|offers|creates|powers|is building) )",
)
_PREFERRED_CUE = re.compile(
    r"nice[- ]to[- ]have|\bpreferred\b|\bpreferably\b|\ba plus\b|\bplus\b|\bbonus\b|desirable|"
    r"\bideally\b|good to have|would be great|not required|\boptional\b|is helpful|"
    r"are helpful|an advantage",
    re.IGNORECASE,
)
_REQUIRED_CUE = re.compile(
    r"must[- ]have|\bmust\b|\brequired\b|\byou have\b|you'll have|you bring|\bstrong\b|"
    r"proficien|\bexpert|\bsolid\b|\bat least\b|\bminimum\b|\bdemonstrated\b|\bproven\b",
    re.IGNORECASE,
)
_GROUP_CUE = re.compile(
    r"such as|e\.g\.|\beg\b|one or more of|one of|any of|for example|for instance|\blike\b",
    re.IGNORECASE,
)
_TRAILING_CHOICE = re.compile(
    r"\s*,?\s*(?:or|and/or)\s+(?:similar|equivalent|comparable|other|another)", re.IGNORECASE
)
_OR_JOINER = re.compile(r"^\s*(?:/|\||or|,\s*or|, and/or|and/or)\s*$", re.IGNORECASE)

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
}
_NUM = r"(\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + r")"
_YEARS = r"(?:years?|yrs?)"
_YEAR_RANGE = re.compile(rf"\b{_NUM}\s*(?:-|to)\s*{_NUM}\s*\+?\s*{_YEARS}", re.IGNORECASE)
_YEAR_PLUS = re.compile(
    rf"(?:(?:at least|minimum of|a minimum of|min\.?|minimum|over|more than)\s+)?"
    rf"\b{_NUM}\s*(?:\(\d{{1,2}}\)\s*)?(\+|\s+or more|\s+plus)?\s*{_YEARS}",
    re.IGNORECASE,
)
_YEAR_CONTEXT_VETO = re.compile(
    r"years old|\bage\b|founded|in business|our history|for over \d+ years we|anniversary",
    re.IGNORECASE,
)

_DEGREE_PATTERNS: tuple[tuple[DegreeLevel, re.Pattern[str]], ...] = (
    ("phd", re.compile(r"\bph\.?\s?d\b\.?|\bdoctoral\b|\bdoctorate\b", re.IGNORECASE)),
    ("master", re.compile(r"\bmaster'?s?\b|\bm\.?sc\b|\bm\.?eng\b", re.IGNORECASE)),
    ("master", re.compile(r"\bM\.?S\.?(?=[\s/,)]|$)(?!\s*(?:Office|Excel|SQL|Word|Teams))")),
    (
        "bachelor",
        re.compile(
            r"\bbachelor'?s?\b|\bb\.?sc\b|\bb\.?eng\b|\bb\.?tech\b|"
            r"undergraduate degree|\bbs/",
            re.IGNORECASE,
        ),
    ),
    ("bachelor", re.compile(r"\bB\.?[SA]\.?(?=[\s/,)]|$)")),
    (
        "bachelor",
        re.compile(
            r"\b(?:university|college|4-year|four-year) degree\b|"
            r"\bdegree in\b",
            re.IGNORECASE,
        ),
    ),
)
_DEGREE_WORDS = re.compile(
    r"degree|bachelor|master'?s|ph\.?\s?d|doctor|\bB\.?S\b|\bM\.?S\b|\bB\.?A\b|\bBSc|\bMSc",
    re.IGNORECASE,
)
_DEGREE_RANK: dict[str, int] = {level: rank for rank, level in enumerate(_DEGREES)}
_FIELDS = (
    "computer science",
    "computer engineering",
    "software engineering",
    "statistics",
    "applied mathematics",
    "mathematics",
    "physics",
    "electrical engineering",
    "engineering",
    "data science",
    "machine learning",
    "artificial intelligence",
    "operations research",
    "economics",
    "computational linguistics",
    "linguistics",
    "information systems",
    "quantitative field",
    "robotics",
    "bioinformatics",
)
_TITLE_PREFIX = re.compile(
    r"^(?:[A-Z][\w/&+.-]*\s+){0,5}?(?:Engineer|Scientist|Developer|Researcher|Analyst|"
    r"Architect|Intern)(?:\s+(?:I{1,3}|IV)\b)?(?:\s*\([^)]{1,40}\))?"
)
_TITLE_HINT = re.compile(
    r"engineer|scientist|developer|researcher|analyst|architect|lead|manager|specialist|intern",
    re.IGNORECASE,
)
# Words are matched in any case; the roman numerals ("Engineer II") only in capitals.
_TITLE_LEVELS: tuple[tuple[re.Pattern[str], SeniorityLevel], ...] = (
    (re.compile(r"(?i:\bintern(ship)?\b)"), "intern"),
    (re.compile(r"(?i:\bprincipal\b|\bdistinguished\b)"), "principal"),
    (re.compile(r"(?i:\bstaff\b)"), "staff"),
    (re.compile(r"(?i:\blead\b|\bhead\b|\bmanager\b|\bdirector\b|\bvp\b)"), "lead"),
    (re.compile(r"(?i:\bsenior\b|\bsr\b)|\bIII\b"), "senior"),
    (
        re.compile(
            r"(?i:\bjunior\b|\bjr\b|\bentry\b|\bgraduate\b|\bnew grad\b|\bassociate\b|"
            r"\btrainee\b|\bapprentice\b)|\bI\b(?!I)"
        ),
        "entry",
    ),
    (re.compile(r"(?i:\bmid\b)|\bII\b"), "mid"),
)


@dataclass
class _Sentence:
    text: str
    start: int
    end: int
    block: Block


@dataclass
class _Want:
    skills: tuple[str, ...]
    importance: str
    weight: float
    order: int
    names: tuple[str, ...]
    seen_in: set[int] = field(default_factory=set)


def _clean_posting(text: str) -> str:
    """Undo what scrapers do: glued words, lost line breaks, inline bullets."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BULLET_GLYPHS.sub("\n• ", text)
    text = _GLUED_HEADING.sub("\n", text)
    text = _GLUED_AFTER.sub("\\1\n", text)
    text = _GLUED_ITEM.sub("\n", text)
    text = _GLUED_NUMBER.sub(" ", text)
    text = _GLUED_DASH_ITEM.sub("\n- ", text)
    text = _HEADING_DASH.sub("\\1\n- ", text)
    text = _INLINE_HEADING.sub("\n", text)
    text = _SENTENCE_GLUE.sub(" ", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line not in ("•", "")).strip()


def _classify_heading(line: str) -> Block | None:
    """The block a heading line opens, or None when the line is not a heading."""
    bare = line.strip().strip("#*-=:_ ").strip()
    words = bare.split()
    if not words or len(words) > 8 or len(bare) > 70:
        return None
    if line.lstrip().startswith(("•", "- ", "* ")) or line.partition(":")[2].strip():
        # A bullet, or "Heading: text" (the caller splits that one itself).
        return None
    ends_colon = line.rstrip().endswith(":")
    known = re.fullmatch(rf"(?:{_HEADING_WORDS})[!.]?", bare, re.IGNORECASE) is not None
    shouty = bare.isupper() and len(words) <= 6
    opener = (
        len(words) <= 6
        and not bare.endswith((".", ",", ";"))
        and _HEADING_OPENER.match(bare) is not None
    )
    if not (ends_colon or known or shouty or opener):
        return None
    lowered = bare.lower()
    if re.search(r"about (the|this) (role|job|position|opportunity)", lowered):
        return "responsibilities"
    for block, pattern in _CLASS_PATTERNS:
        if pattern.search(lowered):
            return block
    return "other"


def _sentences(text: str) -> list[_Sentence]:
    """Split the cleaned posting into sentences, each tagged with its block."""
    out: list[_Sentence] = []
    block: Block = "other"
    position = 0
    for line in text.split("\n"):
        start = position
        position += len(line) + 1
        if not line.strip():
            continue
        heading = _classify_heading(line)
        if line.startswith("• "):
            line, start = line[2:], start + 2
        head, colon, rest = line.partition(":")
        if heading is None and colon and rest.strip():
            inline = _classify_heading(head + ":")
            if inline is not None and len(head.split()) <= 5:
                block = inline
                offset = start + len(head) + 1
                line, start = rest, offset
                heading = None
        elif heading is not None:
            block = heading
            continue
        begin = 0
        for cut in _SENTENCE_END.finditer(line):
            before = line[max(0, cut.start() - 5) : cut.start()].lower()
            if cut.group(0).startswith(";") or not before.endswith(_ABBREVIATIONS):
                piece = line[begin : cut.start()]
                out.append(_Sentence(piece, start + begin, start + cut.start(), block))
                begin = cut.end()
        if line[begin:].strip():
            out.append(_Sentence(line[begin:], start + begin, start + len(line), block))
    return out


def _sentence_importance(sentence: _Sentence) -> str | None:
    """``required``, ``preferred`` or None (boilerplate: no requirement may come from it)."""
    if sentence.block in ("about", "benefits", "eeo"):
        return None
    text = sentence.text
    if _EEO_SENTENCE.search(text) or _BENEFIT_SENTENCE.search(text):
        return None
    if sentence.block == "other" and _COMPANY_SENTENCE.search(text):
        return None
    return "preferred" if sentence.block == "preferred" else "required"


def _clause(sentence: _Sentence, mention: SkillMention) -> str:
    """The words a cue must be in to apply to a mention: its parentheses, else the rest."""
    body = sentence.text
    local = mention.start - sentence.start
    opened = body.rfind("(", 0, local)
    if opened >= 0 and body.rfind(")", opened, local) < 0:
        closed = body.find(")", local)
        return body[opened : closed if closed >= 0 else len(body)]
    return re.sub(r"\([^)]*\)", " ", body)


def _importance(default: str, clause: str, *, promote: bool) -> str:
    if _PREFERRED_CUE.search(clause):
        return "preferred"
    if promote and _REQUIRED_CUE.search(clause):
        return "required"
    return default


def _number(word: str) -> float:
    lowered = word.lower()
    return float(_NUMBER_WORDS[lowered]) if lowered in _NUMBER_WORDS else float(word)


def _years(text: str) -> tuple[float, float | None] | None:
    """The minimum (and maximum) years a sentence asks for; alternatives take the smallest."""
    if _YEAR_CONTEXT_VETO.search(text):
        return None
    found: list[tuple[float, float | None]] = []
    for match in _YEAR_RANGE.finditer(text):
        low, high = _number(match.group(1)), _number(match.group(2))
        if 0 < low <= high <= 30:
            found.append((low, high))
    stripped = _YEAR_RANGE.sub(" ", text)
    for match in _YEAR_PLUS.finditer(stripped):
        value = _number(match.group(1))
        tail = stripped[match.end() : match.end() + 40].lower()
        # "5 years" alone is a duration elsewhere too; ask for "+", "at least" or "experience".
        qualified = match.group(2) or match.group(0).lower().startswith(
            ("at least", "minimum", "a minimum", "min", "over", "more than")
        )
        if 0 < value <= 30 and (qualified or "experience" in tail or "industry" in tail):
            found.append((value, None))
    if not found:
        return None
    return min(found, key=lambda pair: pair[0])


def _degree(sentences: Sequence[tuple[_Sentence, str | None]]) -> DegreeRequirement | None:
    required: list[DegreeLevel] = []
    preferred: list[DegreeLevel] = []
    fields: list[str] = []
    or_experience = False
    for sentence, importance in sentences:
        if importance is None:
            continue
        text = sentence.text
        lowered = text.lower()
        hits: list[tuple[DegreeLevel, int]] = []
        for level, pattern in _DEGREE_PATTERNS:
            hits.extend((level, m.end()) for m in pattern.finditer(text))
        if not hits:
            continue
        if not _is_degree_sentence(text):
            continue
        for level, end in hits:
            after = lowered[end : end + 45]
            if importance == "preferred" or re.search(r"preferred|a plus|nice|bonus|ideal", after):
                preferred.append(level)
            else:
                required.append(level)
        for name in _FIELDS:
            if name in lowered and not any(name in f for f in fields):
                fields.append(name)
        if re.search(r"or equivalent (practical |work |industry )?experience", lowered):
            or_experience = True
    if not required and not preferred:
        return None
    if required:
        level = min(required, key=_DEGREE_RANK.__getitem__)
        higher = [p for p in preferred if _DEGREE_RANK[p] > _DEGREE_RANK[level]]
        best: DegreeLevel | None = None
        for candidate in higher:
            if best is None or _DEGREE_RANK[candidate] > _DEGREE_RANK[best]:
                best = candidate
        importance = "preferred" if or_experience else "required"
        return DegreeRequirement(
            level=level, fields=tuple(fields), importance=importance, preferred_level=best
        )
    level = min(preferred, key=_DEGREE_RANK.__getitem__)
    return DegreeRequirement(level=level, fields=tuple(fields), importance="preferred")


def _is_degree_sentence(text: str) -> bool:
    return _DEGREE_WORDS.search(text) is not None


def _title_of(text: str) -> str:
    for line in text.split("\n")[:3]:
        bare = line.strip().strip("#*: ")
        if bare and len(bare.split()) <= 10 and _TITLE_HINT.search(bare):
            bare = re.split(r"\s+[-|@]\s+|\s+at\s+|,\s", bare)[0]
            return bare.strip()
        # A title run into the text after it: keep it up to the role noun.
        lead = _TITLE_PREFIX.match(bare)
        if lead is not None:
            return lead.group(0).strip()
    return ""


def title_level(title: str) -> SeniorityLevel | None:
    """The level a job title names ("Senior ...", "... II", "Staff ..."), or None.

    >>> title_level("Senior Data Scientist"), title_level("ML Engineer II"), title_level("MLE")
    ('senior', 'mid', None)
    """
    for pattern, level in _TITLE_LEVELS:
        if pattern.search(title):
            return level
    return None


def _level_of(title: str, min_years: float | None) -> SeniorityLevel:
    named = title_level(title)
    if named is not None:
        return named
    if min_years is None:
        return ""
    if min_years < 2:
        return "entry"
    return "mid" if min_years < 5 else "senior"


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:40].strip("-")


def _groups(
    sentence: _Sentence, found: Sequence[SkillMention], text: str
) -> list[list[SkillMention]]:
    """Split a sentence's mentions into any-of groups ("PyTorch or TensorFlow")."""
    groups: list[list[SkillMention]] = []
    chained: list[bool] = []
    cue = _GROUP_CUE.search(sentence.text)
    cue_at = sentence.start + cue.start() if cue else None
    cue_group: list[SkillMention] = []
    for mention in found:
        if cue_at is not None and mention.start > cue_at:
            stop = re.search(r"[);]", text[cue_at : mention.start])
            if stop is None:
                cue_group.append(mention)
                continue
        gap = text[groups[-1][-1].end : mention.start] if groups else ""
        if groups and _OR_JOINER.match(gap):
            groups[-1].append(mention)
            chained[-1] = True
        elif groups and re.fullmatch(r"\s*[,(]\s*", gap):
            # "A, B or C" is one choice, "A, B and C" are three; the same inside parentheses.
            groups[-1].append(mention)

        else:
            groups.append([mention])
            chained.append(False)
    for position, group in enumerate(groups):
        # "Jenkins, GitHub Actions or similar": the list is a set of examples, one choice.
        after = text[group[-1].end : group[-1].end + 30]
        if len(group) > 1 and _TRAILING_CHOICE.match(after):
            chained[position] = True
    split: list[list[SkillMention]] = []
    for group, is_choice in zip(groups, chained, strict=True):
        split.extend([group] if is_choice else [[m] for m in group])
    groups = split
    if cue_group:
        # A category right before "such as" belongs to the group it introduces.
        if groups and groups[-1][-1].end <= (cue_at or 0) and len(groups[-1]) == 1:
            gap = text[groups[-1][-1].end : cue_at]
            if len(gap) <= 3 or gap.strip() in ("(", ", ", ","):
                cue_group.insert(0, groups.pop()[0])
        groups.append(cue_group)
    return groups


def parse_job(
    text: str,
    *,
    title: str | None = None,
    skills: Callable[[str], Sequence[SkillMention]] | None = None,
) -> JobProfile:
    """Build a JobProfile from the text of a job posting.

    Skills come from :func:`resume_match.extract_skills`, or from ``skills``: any
    function from text to mentions (to use your own lexicon); required or
    preferred from headings and cue phrases; company blurbs, benefits and
    equal-opportunity text never become requirements.
    A posting with no recognisable requirement gets a ``no-requirements`` warning.

    >>> job = parse_job("Senior ML Engineer\\nRequirements:\\n- 5+ years of Python\\n"
    ...                 "Nice to have: Kubernetes")
    >>> job.level, job.min_years
    ('senior', 5.0)
    >>> [(r.id, r.importance) for r in job.requirements]
    [('python', 'required'), ('machine-learning', 'required'), ('kubernetes', 'preferred')]
    """
    if not isinstance(text, str) or not text.strip():
        raise InputError("<posting>: the job posting is empty; pass the text of a job posting")
    cleaned = _clean_posting(text)
    if skills is None:
        from resume_match.extract import extract_skills

        mentions = tuple(extract_skills(cleaned))
    else:
        mentions = tuple(skills(cleaned))
    sentences = _sentences(cleaned)
    judged = [(s, _sentence_importance(s)) for s in sentences]
    # Intro text counts as required only when the posting has no requirements section.
    # The title line is the exception: "NLP Engineer" asks for NLP.
    has_required = any(s.block == "required" for s in sentences)
    found_title = _title_of(cleaned)
    title_end = len(found_title) if found_title and cleaned.startswith(found_title) else 0
    for position, (sentence, importance) in enumerate(judged):
        intro = sentence.block == "other" and sentence.end > title_end
        if importance == "required" and intro and has_required:
            judged[position] = (sentence, "preferred")

    wants: dict[tuple[str, ...], _Want] = {}
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    cursor = 0
    for index, (sentence, importance) in enumerate(judged):
        found = []
        while cursor < len(ordered) and ordered[cursor].start < sentence.end:
            if ordered[cursor].start >= sentence.start:
                found.append(ordered[cursor])
            cursor += 1
        if importance is None or not found:
            continue
        if _is_degree_sentence(sentence.text):
            # "BS in Statistics": the field of study is not a skill requirement.
            found = [m for m in found if m.text.lower() not in _FIELDS]
        base = 2.0 if sentence.block == "required" else 1.0
        for group in _groups(sentence, found, cleaned):
            promote = sentence.block != "preferred"
            kinds = {_importance(importance, _clause(sentence, m), promote=promote) for m in group}
            importance_here = "required" if "required" in kinds else "preferred"
            ids = tuple(dict.fromkeys(m.skill_id for m in group))
            names = tuple(dict.fromkeys(m.name for m in group))
            weight = base * (0.5 if all(m.category == "soft-skill" for m in group) else 1.0)
            want = wants.get(ids)
            if want is None:
                wants[ids] = _Want(ids, importance_here, weight, len(wants), names, {index})
                continue
            if importance_here == "required":
                want.importance = "required"
            if index not in want.seen_in:
                # Asked for again elsewhere: it matters more, up to a point.
                want.seen_in.add(index)
                weight = max(want.weight, weight) + 0.5
            want.weight = min(3.0, max(want.weight, weight))

    # A skill asked for alone makes a group containing it redundant.
    singles = {ids[0] for ids in wants if len(ids) == 1}
    requirements: list[Requirement] = []
    used: set[str] = set()
    for want in sorted(
        wants.values(), key=lambda w: (w.importance != "required", -w.weight, w.order)
    ):
        if len(want.skills) > 1 and any(s in singles for s in want.skills):
            continue
        req_id = "-or-".join(want.skills)
        if req_id in used:
            continue
        used.add(req_id)
        requirements.append(
            Requirement(
                id=req_id,
                label=" or ".join(want.names),
                skills=want.skills,
                importance="required" if want.importance == "required" else "preferred",
                weight=want.weight,
            )
        )

    min_years: float | None = None
    max_years: float | None = None
    for sentence, importance in judged:
        if importance != "required":
            continue
        years = _years(sentence.text)
        if years is not None and (min_years is None or years[0] > min_years):
            min_years, max_years = years
    if min_years is None:
        for sentence, importance in judged:
            years = _years(sentence.text) if importance == "preferred" else None
            if years is not None:
                min_years, max_years = years
                break

    job_title = (title or found_title or "Job posting").strip()
    responsibilities = tuple(
        s.text.strip() for s, imp in judged if s.block == "responsibilities" and imp is not None
    )[:20]
    summary = next(
        (s.text.strip() for s, imp in judged if s.block == "other" and imp and len(s.text) > 40),
        "",
    )
    warnings = []
    if not requirements:
        warnings.append(
            ParseWarning(
                code="no-requirements",
                message="no recognisable skill requirement in the posting; check that it is "
                "a job description and that its skills are in the lexicon",
            )
        )
    digest = hashlib.sha256(cleaned.encode("utf-8")).hexdigest()[:8]
    return JobProfile(
        id=f"posting-{_slug(job_title) or 'job'}-{digest}",
        title=job_title,
        level=_level_of(job_title, min_years),
        summary=summary[:300],
        requirements=tuple(requirements),
        min_years=min_years,
        max_years=max_years,
        degree=_degree(judged),
        responsibilities=responsibilities,
        source="<posting>",
        warnings=tuple(warnings),
    )
