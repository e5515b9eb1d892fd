"""Score a resume against a job: pure scoring over the models, no spaCy, no pdfminer.

:func:`match` turns a :class:`~resume_match.models.Resume`, its skill mentions and a
:class:`~resume_match.models.JobProfile` into a :class:`~resume_match.models.MatchReport`;
:func:`rank` does it for many resumes, in parallel processes if asked.
docs/scoring.md explains every weight and credit.

>>> from resume_match.models import JobProfile, Lexicon, Requirement, Skill
>>> lex = Lexicon(skills={"python": Skill(id="python", name="Python", category="language")})
>>> job = JobProfile(id="j", title="ML Engineer",
...                  requirements=(Requirement(id="python", label="Python", skills=("python",)),))
>>> match(_demo_resume(), job, mentions=(), lexicon=lex).score
0.0
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, get_args

from resume_match.dates import total_years
from resume_match.errors import InputError
from resume_match.jobs import load_job, title_level
from resume_match.lexicon import ancestors, substitutes_for
from resume_match.models import (
    DegreeLevel,
    JobProfile,
    Lexicon,
    MatchConfig,
    MatchReport,
    ParseConfig,
    ParseWarning,
    RankEntry,
    Relation,
    Requirement,
    RequirementResult,
    Resume,
    ScoreComponent,
    SkillMention,
)

if TYPE_CHECKING:
    from resume_match.extract import SkillExtractor
    from resume_match.models import DegreeRequirement, ExperienceEntry

__all__ = ["COMPONENTS", "JobMatcher", "match", "rank"]

COMPONENTS: tuple[str, ...] = ("required", "preferred", "experience", "education", "seniority")
"""The score components, in report order; ``MatchConfig.weights`` keys must be among them."""

RankItem = str | Path | bytes | Resume
"""What :func:`rank` accepts: a PDF path, PDF bytes, or a parsed resume."""

_DEGREE_RANK = {level: rank for rank, level in enumerate(get_args(DegreeLevel))}
_DEGREE_NAME = {
    "high-school": "a high-school diploma",
    "associate": "an associate degree",
    "bachelor": "a bachelor's degree",
    "master": "a master's degree",
    "phd": "a PhD",
}
_LEVEL_RANK = {
    "intern": 0,
    "entry": 1,
    "mid": 2,
    "senior": 3,
    "staff": 4,
    "principal": 4,
    "lead": 4,
}
# How well a candidate's level fits the job's, by the distance between their ranks.
_LEVEL_FIT = (1.0, 0.6, 0.25, 0.0)
_RELATION_ORDER: dict[Relation, int] = {
    "direct": 0,
    "narrower": 1,
    "part-of": 2,
    "substitute": 3,
    "implied": 4,
    "none": 5,
}
# Fields of study close enough to an ML job's to earn most of the credit when
# the posting says "or a related field".
_RELATED_FIELDS = (
    "computer science",
    "computer engineering",
    "computing",
    "software engineering",
    "statistics",
    "mathematics",
    "math",
    "physics",
    "engineering",
    "data science",
    "machine learning",
    "artificial intelligence",
    "operations research",
    "electrical",
    "econometrics",
    "economics",
    "informatics",
    "computational",
    "linguistics",
    "information",
    "quantitative",
    "robotics",
    "applied math",
)
# Title words of technical roles: their years count towards an ML job's years of
# experience whatever the role's text names ("Software Engineer", "Data Analyst").
_TECHNICAL_TITLE = frozenset(
    {
        "engineer", "engineering", "developer", "scientist", "science", "analyst", "analytics",
        "researcher", "research", "programmer", "architect", "statistician", "ml", "ai",
        "mlops", "devops", "sre", "quant", "quantitative", "cto",
    }
)  # fmt: skip
# Categories too broad for one mention to make a role relevant on its own.
_BROAD_CATEGORIES = frozenset({"ml-field", "soft-skill", "domain"})
_TITLE_STOP = frozenset(
    (
        *("intern", "internship", "principal", "distinguished", "staff", "lead", "head"),
        *("director", "manager", "vp", "senior", "sr", "junior", "jr", "graduate", "entry"),
        *("trainee", "apprentice", "level", "i", "ii", "iii", "iv", "of", "and", "the", "a"),
        *("for", "in", "at", "mid", "associate"),
    )
)
_TITLE_EXPAND = {
    "ml": ("machine", "learning"),
    "mle": ("machine", "learning", "engineer"),
    "ai": ("artificial", "intelligence"),
    "cv": ("computer", "vision"),
    "swe": ("software", "engineer"),
    "ds": ("data", "scientist"),
    "engineering": ("engineer",),
    "science": ("scientist",),
    "research": ("researcher",),
    "developer": ("engineer",),
    "scientists": ("scientist",),
    "engineers": ("engineer",),
}


def _demo_resume() -> Resume:
    """A tiny resume for the module's doctest."""
    return Resume(text="Jane Doe", pages=1, reference_date=_dt.date(2024, 1, 1))


# --------------------------------------------------------------------------- #
# The compiled matcher
# --------------------------------------------------------------------------- #


class _LexiconIndex:
    """The lexicon's relations, worked out once per lexicon and shared by every matcher."""

    _cache: ClassVar[dict[int, tuple[Lexicon, _LexiconIndex]]] = {}
    _MAX_CACHED: ClassVar[int] = 4

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._ancestors: dict[str, frozenset[str]] = {}
        self._links: dict[str, tuple[frozenset[str], dict[str, float]]] = {}
        self._substitutes: dict[str, dict[str, float]] = {}
        self.relations: dict[tuple[float, float], dict[tuple[str, str], tuple[float, Relation]]]
        self.relations = {}
        # Per set of requirements (and credits): does a resume skill count towards any?
        self.job_skills: dict[tuple[object, ...], dict[str, bool]] = {}

    @classmethod
    def of(cls, lexicon: Lexicon) -> _LexiconIndex:
        # Keyed by identity; the lexicon is kept beside its index so the id stays its own.
        found = cls._cache.get(id(lexicon))
        if found is not None and found[0] is lexicon:
            return found[1]
        if len(cls._cache) >= cls._MAX_CACHED:
            cls._cache.pop(next(iter(cls._cache)))
        index = cls(lexicon)
        cls._cache[id(lexicon)] = (lexicon, index)
        return index

    def ancestors(self, skill_id: str) -> frozenset[str]:
        found = self._ancestors.get(skill_id)
        if found is None:
            found = self._ancestors[skill_id] = ancestors(self.lexicon, skill_id)
        return found

    def links(self, have: str) -> tuple[frozenset[str], dict[str, float]]:
        """What ``have`` (or anything it is a kind of) is part of, and implies with weights.

        An implied skill also implies its own broader skills at the same weight.
        """
        found = self._links.get(have)
        if found is not None:
            return found
        part_of: set[str] = set()
        implied: dict[str, float] = {}
        for source in (have, *sorted(self.ancestors(have))):
            skill = self.lexicon.skills.get(source)
            if skill is None:
                continue
            part_of.update(skill.part_of)
            for link in skill.implies:
                for target in (link.id, *self.ancestors(link.id)):
                    implied[target] = max(implied.get(target, 0.0), link.weight)
        found = self._links[have] = (frozenset(part_of), implied)
        return found

    def substitutes(self, asked: str) -> dict[str, float]:
        found = self._substitutes.get(asked)
        if found is None:
            found = self._substitutes[asked] = substitutes_for(self.lexicon, asked)
        return found


@dataclass(frozen=True)
class _Evidence:
    """The best evidence for one resume skill: how strong, and why not full strength."""

    strength: float
    reason: str
    mentions: tuple[SkillMention, ...]


@dataclass(frozen=True)
class _Credit:
    credit: float
    relation: Relation
    asked: str
    matched: str
    evidence: _Evidence


class JobMatcher:
    """A job compiled against a lexicon, reused for many resumes (what :func:`rank` uses).

    :func:`match` is one call over this class; build it once to score many resumes
    against the same job.

    >>> from resume_match.models import JobProfile, Lexicon, Requirement, Skill
    >>> lex = Lexicon(skills={"sql": Skill(id="sql", name="SQL", category="language")})
    >>> job = JobProfile(id="j", title="Analyst",
    ...                  requirements=(Requirement(id="sql", label="SQL", skills=("sql",)),))
    >>> JobMatcher(job, lexicon=lex).match(_demo_resume(), ()).requirements[0].status
    'missing'
    """

    def __init__(
        self, job: JobProfile, *, lexicon: Lexicon, config: MatchConfig | None = None
    ) -> None:
        self.job = job
        self.lexicon = lexicon
        self.config = config or MatchConfig()
        unknown = sorted(set(self.config.weights) - set(COMPONENTS))
        if unknown:
            raise InputError(
                f"MatchConfig.weights: unknown component {unknown[0]!r}; "
                f"use some of: {', '.join(COMPONENTS)}"
            )
        if any(w < 0 for w in self.config.weights.values()):
            raise InputError("MatchConfig.weights: weights must be zero or more")
        self._index = _LexiconIndex.of(lexicon)
        # Relations depend on the lexicon and two credits only: share them between matchers.
        credits = (self.config.part_of_credit, self.config.implied_cap)
        self._relations = self._index.relations.setdefault(credits, {})
        asked = tuple(r.skills for r in job.requirements)
        if len(self._index.job_skills) > 256:
            # A service matching against many postings: keep the memory bounded.
            self._index.job_skills.clear()
        self._job_skills = self._index.job_skills.setdefault((*credits, asked), {})

    # -- lexicon relations ------------------------------------------------- #

    def _name(self, skill_id: str) -> str:
        skill = self.lexicon.skills.get(skill_id)
        return skill.name if skill is not None else skill_id

    def ancestors(self, skill_id: str) -> frozenset[str]:
        """Every id reachable through ``broader`` links (not the skill itself)."""
        return self._index.ancestors(skill_id)

    def relation(self, have: str, asked: str) -> tuple[float, Relation]:
        """The credit a resume skill ``have`` earns towards the skill ``asked`` and why."""
        key = (have, asked)
        cached = self._relations.get(key)
        if cached is not None:
            return cached
        result = self._relation(have, asked)
        self._relations[key] = result
        return result

    def _relation(self, have: str, asked: str) -> tuple[float, Relation]:
        if have == asked:
            return 1.0, "direct"
        index = self._index
        if asked in index.ancestors(have):
            return 1.0, "narrower"
        best: tuple[float, Relation] = (0.0, "none")
        cfg = self.config
        part_of, implied = index.links(have)
        if asked in part_of and cfg.part_of_credit > best[0]:
            best = (cfg.part_of_credit, "part-of")
        credit = min(implied.get(asked, 0.0), cfg.implied_cap)
        if credit > best[0]:
            best = (credit, "implied")
        credit = index.substitutes(asked).get(have, 0.0)
        if credit > best[0]:
            best = (credit, "substitute")
        return best

    # -- what backs the resume --------------------------------------------- #

    def _job_skill(self, have: str) -> bool:
        """Whether a resume skill earns any credit towards one of the job's requirements."""
        known = self._job_skills.get(have)
        if known is None:
            known = self._job_skills[have] = any(
                self.relation(have, asked)[0] > 0.0
                for requirement in self.job.requirements
                for asked in requirement.skills
            )
        return known

    def _shows_job_skills(self, mentions: Sequence[SkillMention]) -> bool:
        """A role's mentions show the job's work: a tool or technique it asks for, or two
        of its skills. One broad field alone ("helped with AI projects") does not."""
        ids = {m.skill_id for m in mentions}
        if len(ids) >= 2:
            return True
        return any(
            (skill := self.lexicon.skills.get(i)) is not None
            and skill.category not in _BROAD_CATEGORIES
            for i in ids
        )

    def _backing(
        self, resume: Resume, mentions: Sequence[SkillMention]
    ) -> tuple[tuple[ExperienceEntry, ...], bool]:
        """The relevant roles, and whether anything beyond a list backs the resume's skills.

        A role is relevant when its title is technical or its own text shows the job's
        work (see :meth:`_shows_job_skills`). The skills list is backed
        when a role is relevant or a project, experience or publication line names a
        job skill. Hidden text backs nothing.
        """
        cfg = self.config
        other = cfg.section_strength.get("other", 0.85)
        hidden = [] if cfg.include_hidden else _hidden_spans(resume)
        used = [
            m
            for m in mentions
            if m.section != "contact" and not _in_hidden(m, hidden) and self._job_skill(m.skill_id)
        ]
        relevant = tuple(
            entry
            for entry in resume.experience
            if entry.section == "experience"
            and (
                not _TECHNICAL_TITLE.isdisjoint(re.findall(r"[a-z]+", entry.title.lower()))
                or self._shows_job_skills([m for m in used if entry.start <= m.start < entry.end])
            )
        )
        backed = bool(relevant) or any(
            cfg.section_strength.get(m.section or "other", other) >= 1.0 for m in used
        )
        return relevant, backed

    # -- evidence ---------------------------------------------------------- #

    def _evidence(
        self, resume: Resume, mentions: Sequence[SkillMention], backed: bool = True
    ) -> tuple[dict[str, _Evidence], list[SkillMention], list[SkillMention]]:
        """Group usable mentions by skill; return the fuzzy and hidden ones left out."""
        cfg = self.config
        strengths = cfg.section_strength
        other = strengths.get("other", 0.85)
        hidden = [] if cfg.include_hidden else _hidden_spans(resume)
        per_skill: dict[str, list[tuple[float, str, SkillMention]]] = {}
        fuzzy_out: list[SkillMention] = []
        hidden_out: list[SkillMention] = []
        for mention in mentions:
            section = mention.section or "other"
            if section == "contact":
                continue
            if _in_hidden(mention, hidden):
                hidden_out.append(mention)
                continue
            if mention.method == "fuzzy" and mention.score < cfg.fuzzy_min_score:
                fuzzy_out.append(mention)
                continue
            strength = strengths.get(section, other)
            reasons = []
            if section == "skills":
                reasons.append(
                    "only listed in the skills section, never used in an experience or "
                    "project bullet"
                )
            elif section == "summary":
                reasons.append("only claimed in the summary, not shown in an experience bullet")
            elif strength < 1.0:
                reasons.append(f"only mentioned in the {section} section")
            if not backed and section in ("skills", "summary"):
                strength *= cfg.unbacked_factor
                reasons.append("no relevant role or project backs the list")
            entry = _entry_of(resume, mention)
            if entry is not None and entry.dates is not None and not entry.dates.current:
                end = entry.dates.end
                if end is not None:
                    ago = _years_between(end.year, end.month, resume.reference_date)
                    if ago > cfg.stale_after_years:
                        strength *= cfg.stale_factor
                        reasons.append(f"last used in {end.year} ({ago:.0f} years ago)")
            per_skill.setdefault(mention.skill_id, []).append(
                (strength, "; ".join(reasons), mention)
            )
        evidence: dict[str, _Evidence] = {}
        for skill_id, found in per_skill.items():
            # Strongest first, then reading order: the first one is the evidence that counts.
            found.sort(key=lambda item: (-item[0], item[2].start, item[2].end))
            seen: set[tuple[int, int]] = set()
            kept: list[SkillMention] = []
            for _, _, mention in found:
                if (mention.start, mention.end) not in seen:
                    seen.add((mention.start, mention.end))
                    kept.append(mention)
            top_strength, top_reason, _ = found[0]
            evidence[skill_id] = _Evidence(
                round(top_strength, 6), top_reason, tuple(kept[: cfg.max_evidence])
            )
        return evidence, fuzzy_out, hidden_out

    def _best(self, requirement: Requirement, evidence: dict[str, _Evidence]) -> _Credit | None:
        best: _Credit | None = None
        best_key: tuple[float, int, str, str] | None = None
        for have in sorted(evidence):
            found = evidence[have]
            for asked in requirement.skills:
                credit, relation = self.relation(have, asked)
                if credit <= 0.0:
                    continue
                total = round(credit * found.strength, 6)
                key = (-total, _RELATION_ORDER[relation], have, asked)
                if best_key is None or key < best_key:
                    best_key = key
                    best = _Credit(total, relation, asked, have, found)
        return best

    def _requirement_result(
        self, requirement: Requirement, evidence: dict[str, _Evidence], resume: Resume
    ) -> RequirementResult:
        best = self._best(requirement, evidence)
        if best is None:
            return RequirementResult(requirement=requirement, status="missing", credit=0.0)
        reasons = []
        have, asked = self._name(best.matched), self._name(best.asked)
        if best.relation == "narrower":
            reasons.append(f"{have} counts as {asked}")
        elif best.relation in ("part-of", "implied"):
            reasons.append(f"implied: {have} => {asked}")
        elif best.relation == "substitute":
            reasons.append(f"substitute: {have} for {asked}")
        if best.evidence.reason:
            reasons.append(best.evidence.reason)
        credit = min(1.0, round(best.credit, 4))
        status = "met" if credit >= self.config.met_threshold else "partial"
        mentions = best.evidence.mentions
        return RequirementResult(
            requirement=requirement,
            status=status,
            credit=credit,
            matched=best.matched,
            relation=best.relation,
            evidence=mentions,
            snippets=tuple(_snippet(resume, m) for m in mentions),
            reason="; ".join(reasons),
        )

    def _near_misses(
        self,
        results: Sequence[RequirementResult],
        evidence: dict[str, _Evidence],
        fuzzy_out: Sequence[SkillMention],
    ) -> list[str]:
        lines: list[str] = []
        have_sorted = sorted(evidence)
        lineage = {have: self.ancestors(have) for have in have_sorted}
        for result in results:
            if result.status == "met":
                continue
            label = result.requirement.label
            asked = result.requirement.skills
            for mention in fuzzy_out:
                if mention.skill_id in asked or any(
                    self.relation(mention.skill_id, a)[0] > 0 for a in asked
                ):
                    lines.append(
                        f"{label}: {mention.text!r} looks like {mention.name} (fuzzy score "
                        f"{mention.score:.0f}), not counted"
                    )
            siblings = []
            asked_lineage = set().union(*(self.ancestors(a) for a in asked))
            for have in have_sorted:
                if have in asked or have == result.matched:
                    continue
                shared = lineage[have] & asked_lineage
                if not shared or any(self.relation(have, a)[0] > 0 for a in asked):
                    continue
                siblings.append(f"{self._name(have)} (both {self._name(min(shared))})")
            if siblings:
                lines.append(
                    f"{label}: related skills found but not credited: {', '.join(siblings[:3])}"
                )
        # The same fuzzy mention can come up under two requirements: say it once.
        return list(dict.fromkeys(lines))

    # -- components ---------------------------------------------------------- #

    def _skills_fraction(self, results: Sequence[RequirementResult]) -> tuple[float, str]:
        total = sum(r.requirement.weight for r in results)
        earned = sum(r.requirement.weight * r.credit for r in results)
        met = sum(1 for r in results if r.status == "met")
        partial = sum(1 for r in results if r.status == "partial")
        detail = f"{met} of {len(results)} met, {partial} partly"
        return (earned / total if total else 0.0), detail

    def _years(self, resume: Resume, relevant: Sequence[ExperienceEntry]) -> float:
        """Years of experience the job counts: relevant roles only, unless configured off."""
        if not self.config.relevant_years_only:
            return resume.years_experience
        dated = [e.dates for e in relevant if e.dates is not None]
        return min(resume.years_experience, total_years(dated, resume.reference_date))

    def _experience_fraction(self, resume: Resume, years: float) -> tuple[float, str]:
        job = self.job
        wanted = job.min_years or 0.0
        span = (
            f"{_num(wanted)}+" if job.max_years is None else f"{_num(wanted)}-{_num(job.max_years)}"
        )
        if years < resume.years_experience:
            total = _num(resume.years_experience)
            found = f"{_num(years)} years of relevant experience ({total} in all)"
        else:
            found = f"{_num(years)} years found"
        detail = f"{found}; the job asks for {span}"
        return min(1.0, years / wanted), detail

    def _education_fraction(self, resume: Resume, degree: DegreeRequirement) -> tuple[float, str]:
        if not resume.education:
            fraction = 0.5 if degree.importance == "preferred" else 0.0
            return fraction, f"no degree found; the job asks for {_DEGREE_NAME[degree.level]}"
        wanted = _DEGREE_RANK[degree.level]
        best = (-1.0, "")
        for entry in resume.education:
            level = _DEGREE_RANK[entry.level] if entry.level is not None else -1
            if level >= wanted:
                fraction = 1.0
            elif level == wanted - 1:
                fraction = 0.5
            else:
                fraction = 0.0
            described = (entry.degree or (entry.level or "degree")).strip()
            field = f"{entry.field} {entry.degree}".lower()
            note = f"{described}"
            if degree.fields and fraction > 0:
                if any(f in field for f in degree.fields):
                    pass
                elif degree.related_ok and any(f in field for f in _RELATED_FIELDS):
                    fraction *= 0.85
                    note += " (a related field)"
                else:
                    fraction *= 0.5
                    note += " (field not among those asked for)"
            preferred = degree.preferred_level
            if preferred is not None and fraction > 0 and level < _DEGREE_RANK[preferred]:
                fraction *= 0.9
            if degree.importance == "preferred":
                fraction = 0.5 + 0.5 * fraction
            if fraction > best[0]:
                best = (fraction, note)
        asked = _DEGREE_NAME[degree.level]
        if degree.fields:
            asked += " in " + " / ".join(degree.fields[:3])
        return best[0], f"{best[1]}; the job asks for {asked}"

    def _seniority_fraction(self, resume: Resume, years: float) -> tuple[float, str]:
        job = self.job
        titles = _recent_titles(resume)
        level = _resume_level(titles, years)
        wanted = _title_tokens(job.title)
        title_fit = 0.0
        best_title = ""
        for title in titles[:2]:
            have = _title_tokens(title)
            fit = len(wanted & have) / len(wanted) if wanted else 0.0
            if fit > title_fit:
                title_fit, best_title = fit, title
        title_note = f"closest title {best_title!r}" if best_title else "no similar title"
        if not job.level:
            return title_fit, title_note
        distance = abs(_LEVEL_RANK[level] - _LEVEL_RANK[job.level])
        level_fit = _LEVEL_FIT[min(distance, len(_LEVEL_FIT) - 1)]
        detail = f"looks {level}, the job is {job.level}; {title_note}"
        return 0.5 * level_fit + 0.5 * title_fit, detail

    # -- the report ---------------------------------------------------------- #

    def match(self, resume: Resume, mentions: Sequence[SkillMention]) -> MatchReport:
        """Score one resume whose skill mentions are already extracted."""
        job, cfg = self.job, self.config
        relevant, backed = self._backing(resume, mentions)
        years = self._years(resume, relevant)
        evidence, fuzzy_out, hidden_out = self._evidence(resume, mentions, backed)
        results = tuple(self._requirement_result(r, evidence, resume) for r in job.requirements)
        required = [r for r in results if r.requirement.importance == "required"]
        preferred = [r for r in results if r.requirement.importance == "preferred"]

        parts: dict[str, tuple[float, str] | None] = {
            "required": self._skills_fraction(required) if required else None,
            "preferred": self._skills_fraction(preferred) if preferred else None,
            "experience": self._experience_fraction(resume, years) if job.min_years else None,
            "education": (
                self._education_fraction(resume, job.degree) if job.degree is not None else None
            ),
            "seniority": self._seniority_fraction(resume, years),
        }
        breakdown = _breakdown(parts, cfg.weights)
        score_cents = sum(round(c.points * 100) for c in breakdown)
        score = score_cents / 100

        missing = tuple(
            r.requirement.label
            for r in sorted(required, key=lambda r: (-r.requirement.weight, r.requirement.id))
            if r.status == "missing"
        )
        near = tuple(self._near_misses(results, evidence, fuzzy_out))
        warnings: list[ParseWarning] = []
        if hidden_out:
            names = sorted({m.name for m in hidden_out})
            warnings.append(
                ParseWarning(
                    code="hidden-skills-ignored",
                    message="skills found only in hidden text were not counted: "
                    + ", ".join(names),
                )
            )
        if not mentions:
            warnings.append(
                ParseWarning(
                    code="no-skills",
                    message="no skills were found in the resume; is the text readable?",
                )
            )
        explanation = _explain(job, score, results, required, missing, near, breakdown)
        return MatchReport(
            score=score,
            job_id=job.id,
            job_title=job.title,
            resume_source=resume.source,
            breakdown=breakdown,
            requirements=results,
            missing=missing,
            near_misses=near,
            explanation=explanation,
            # The matcher's own warnings, then the resume's (hidden text, scanned
            # pages), so a report from rank() alone still says what the parser saw.
            warnings=(*warnings, *resume.warnings),
        )


# --------------------------------------------------------------------------- #
# Helpers
# --------------------------------------------------------------------------- #


def _num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _years_between(year: int, month: int | None, when: _dt.date) -> float:
    return (when.year - year) + (when.month - (month or 12)) / 12


def _hidden_spans(resume: Resume) -> list[tuple[int, int]]:
    """Where hidden text sits in ``Resume.text`` (present only if the parser kept it)."""
    return [(line.start, line.end) for line in resume.lines if line.hidden]


def _in_hidden(mention: SkillMention, hidden: Sequence[tuple[int, int]]) -> bool:
    """Whether the mention lies in text the parser reported as hidden."""
    return any(s <= mention.start and mention.end <= e for s, e in hidden)


def _entry_of(resume: Resume, mention: SkillMention) -> ExperienceEntry | None:
    if mention.bullet is not None and 0 <= mention.bullet < len(resume.bullets):
        index = resume.bullets[mention.bullet].entry
        if index is not None and 0 <= index < len(resume.experience):
            return resume.experience[index]
    for entry in resume.experience:
        if entry.start <= mention.start < entry.end:
            return entry
    return None


def _snippet(resume: Resume, mention: SkillMention, width: int = 160) -> str:
    text = resume.text
    if mention.bullet is not None and 0 <= mention.bullet < len(resume.bullets):
        line = resume.bullets[mention.bullet].text
    elif 0 <= mention.start < len(text) and text[mention.start : mention.end] == mention.text:
        begin = text.rfind("\n", 0, mention.start) + 1
        end = text.find("\n", mention.end)
        line = text[begin : end if end >= 0 else len(text)]
    else:
        line = mention.text
    line = " ".join(line.split())
    return line if len(line) <= width else line[: width - 3].rstrip() + "..."


def _recent_titles(resume: Resume) -> list[str]:
    """Job titles, most recent first (current jobs, then by end date, then as listed)."""

    def key(item: tuple[int, ExperienceEntry]) -> tuple[int, int, int, int]:
        index, entry = item
        dates = entry.dates
        if dates is None:
            return (1, 0, 0, index)
        if dates.current:
            return (0, 0, 0, index)
        end = dates.end or dates.start
        if end is None:
            return (1, 0, 0, index)
        return (0, -end.year, -(end.month or 12), index)

    ordered = sorted(enumerate(resume.experience), key=key)
    return [entry.title for _, entry in ordered if entry.title.strip()]


def _resume_level(titles: Sequence[str], years: float) -> str:
    # The most recent title says the most; years decide when it names no level.
    if titles:
        named = title_level(titles[0])
        if named is not None:
            return named
    if years < 2:
        return "entry"
    if years < 5:
        return "mid"
    if years < 9:
        return "senior"
    return "staff"


def _title_tokens(title: str) -> frozenset[str]:
    tokens: set[str] = set()
    for word in re.findall(r"[a-z]+", title.lower()):
        if word in _TITLE_STOP:
            continue
        tokens.update(_TITLE_EXPAND.get(word, (word,)))
    return frozenset(tokens)


def _breakdown(
    parts: dict[str, tuple[float, str] | None], weights: dict[str, float]
) -> tuple[ScoreComponent, ...]:
    """Share 100 points among the components that apply, in hundredths, exactly."""
    requested = {name: float(weights.get(name, 0.0)) for name in COMPONENTS}
    active = [n for n in COMPONENTS if parts[n] is not None and requested[n] > 0]
    total = sum(requested[n] for n in active)
    cents: dict[str, int] = dict.fromkeys(COMPONENTS, 0)
    if total > 0:
        # Largest remainder, so the applied weights add up to exactly 100.00.
        raw = {n: requested[n] / total * 10_000 for n in active}
        cents.update({n: int(raw[n]) for n in active})
        short = 10_000 - sum(cents.values())
        by_remainder = sorted(active, key=lambda n: (-(raw[n] - int(raw[n])), COMPONENTS.index(n)))
        for name in by_remainder[:short]:
            cents[name] += 1
    components = []
    for name in COMPONENTS:
        part = parts[name]
        fraction, detail = (0.0, "not used by this job") if part is None else part
        fraction = round(max(0.0, min(1.0, fraction)), 4)
        points = round(cents[name] * fraction)
        components.append(
            ScoreComponent(
                name=name,
                weight_requested=requested[name],
                weight_applied=cents[name] / 100,
                fraction=fraction,
                points=points / 100,
                detail=detail,
            )
        )
    return tuple(components)


def _explain(
    job: JobProfile,
    score: float,
    results: Sequence[RequirementResult],
    required: Sequence[RequirementResult],
    missing: Sequence[str],
    near: Sequence[str],
    breakdown: Sequence[ScoreComponent],
) -> tuple[str, ...]:
    met = sum(1 for r in required if r.status == "met")
    partial = sum(1 for r in required if r.status == "partial")
    lines = [
        f"Score {score:.1f}/100 for {job.title}: {met} of {len(required)} required skills met"
        + (f", {partial} partly." if partial else ".")
    ]
    if missing:
        lines.append("Missing required skills, most important first: " + ", ".join(missing) + ".")
    for result in results:
        if result.status == "partial":
            kind = result.requirement.importance
            lines.append(
                f"{result.requirement.label} ({kind}): partial credit "
                f"{result.credit:.0%}: {result.reason}."
            )
    lines.extend(f"Near miss: {line}." for line in near)
    for component in breakdown:
        if component.name in ("experience", "education", "seniority") and component.weight_applied:
            lines.append(f"{component.name.capitalize()}: {component.detail}.")
    return tuple(lines)


# --------------------------------------------------------------------------- #
# Public functions
# --------------------------------------------------------------------------- #


def _resolve_job(job: JobProfile | str) -> JobProfile:
    if isinstance(job, JobProfile):
        return job
    return load_job(job)


def _default_lexicon() -> Lexicon:
    from resume_match.lexicon import load_lexicon

    lexicon: Lexicon = load_lexicon()
    return lexicon


def match(
    resume: Resume,
    job: JobProfile | str,
    *,
    mentions: Sequence[SkillMention] | None = None,
    lexicon: Lexicon | None = None,
    config: MatchConfig | None = None,
) -> MatchReport:
    """Score how well ``resume`` covers ``job`` (a JobProfile or a template name).

    ``mentions`` default to :func:`resume_match.extract_skills` on the resume and
    ``lexicon`` to the bundled one. The same inputs always give the same JSON.

    >>> from resume_match.models import JobProfile, Lexicon, Requirement, Skill, SkillMention
    >>> lex = Lexicon(skills={"python": Skill(id="python", name="Python", category="language")})
    >>> need = Requirement(id="python", label="Python", skills=("python",))
    >>> job = JobProfile(id="j", title="Data Scientist", requirements=(need,))
    >>> seen = SkillMention(skill_id="python", name="Python", category="language", text="Python",
    ...                     start=0, end=6, section="experience", method="exact", score=100)
    >>> report = match(_demo_resume(), job, mentions=[seen], lexicon=lex)
    >>> report.requirements[0].status, report.breakdown[0].points
    ('met', 91.67)
    """
    profile = _resolve_job(job)
    if not isinstance(resume, Resume):
        raise InputError(
            f"match() needs a parsed Resume, got {type(resume).__name__}; "
            "call resume_match.parse_resume() first"
        )
    if mentions is None:
        from resume_match.extract import extract_skills

        mentions = tuple(extract_skills(resume))
    matcher = JobMatcher(profile, lexicon=lexicon or _default_lexicon(), config=config)
    return matcher.match(resume, mentions)


def _source_of(item: object, index: int) -> str:
    if isinstance(item, str | Path):
        return str(item)
    if isinstance(item, Resume):
        return item.source or f"<resume {index}>"
    return f"<bytes {index}>"


_Scored = tuple[int, str, MatchReport | None, str | None]


@dataclass(frozen=True)
class _RankSetup:
    """What every resume of a rank() batch is read and scored with (sent to workers)."""

    config: MatchConfig | None
    lexicon: Lexicon | None
    parse_config: ParseConfig | None
    password: str | None
    token: int
    """Names the caller's lexicon across a fork: workers find its extractor in _SHARED."""


# The extractor of a custom lexicon, built once in the calling process before the
# workers fork (a pickled lexicon arriving in a worker is a new object, so the
# extractor cache of extract_skills would miss and build one per chunk).
_SHARED: dict[int, tuple[Lexicon, SkillExtractor]] = {}


def _extractor_for(setup: _RankSetup) -> tuple[Lexicon, SkillExtractor]:
    from resume_match.extract import SkillExtractor, _cached_extractor

    if setup.lexicon is None:
        return _default_lexicon(), _cached_extractor()
    shared = _SHARED.get(setup.token)
    if shared is None:
        shared = _SHARED[setup.token] = (setup.lexicon, SkillExtractor(setup.lexicon))
    return shared


def _score_chunk(
    chunk: Sequence[tuple[int, RankItem]],
    job: JobProfile,
    setup: _RankSetup,
    on_result: Callable[[_Scored], object] | None = None,
) -> list[_Scored]:
    """Score a slice of the batch; runs in a worker process or in this one."""
    from resume_match.parse import parse_resume

    matcher: JobMatcher | None = None
    extractor: SkillExtractor | None = None
    out: list[_Scored] = []
    for index, item in chunk:
        source = _source_of(item, index)
        try:
            if matcher is None or extractor is None:
                lexicon, extractor = _extractor_for(setup)
                matcher = JobMatcher(job, lexicon=lexicon, config=setup.config)
            resume = (
                item
                if isinstance(item, Resume)
                else parse_resume(item, password=setup.password, config=setup.parse_config)
            )
            report = matcher.match(resume, tuple(extractor.extract(resume)))
            out.append((index, source, report, None))
        except Exception as exc:
            # Deliberately broad: one bad file must give an error entry, never sink the batch.
            message = str(exc) or "no message"
            out.append((index, source, None, f"{type(exc).__name__}: {message}"))
        if on_result is not None:
            on_result(out[-1])
    return out


def _cost(item: RankItem) -> int:
    """A rough cost of scoring one item: PDF parsing dominates and grows with file size."""
    if isinstance(item, Resume):
        return len(item.text)
    if isinstance(item, bytes):
        return len(item)
    try:
        return os.path.getsize(item)
    except OSError:
        return 0


def _chunks(items: Sequence[RankItem], size: int) -> Iterator[list[tuple[int, RankItem]]]:
    """Chunks of ``(position, item)``, the most expensive first.

    Handing out the big files first keeps a slow one from running alone at the
    end while the other process idles (longest-processing-time-first). Output
    order does not depend on it: results are sorted by score and position.
    """
    order = sorted(range(len(items)), key=lambda i: (-_cost(items[i]), i))
    for begin in range(0, len(order), size):
        yield [(i, items[i]) for i in order[begin : begin + size]]


def rank(
    items: Iterable[RankItem],
    job: JobProfile | str,
    *,
    workers: int = 1,
    config: MatchConfig | None = None,
    progress: Callable[[int, int], object] | None = None,
    lexicon: Lexicon | None = None,
    parse_config: ParseConfig | None = None,
    password: str | None = None,
) -> tuple[RankEntry, ...]:
    """Score many resumes (paths, PDF bytes or Resume objects) against one job, best first.

    Ties keep a stable order (by source, then input position). A file that fails
    gets an entry with ``error`` set and no score, after the scored ones; the batch
    goes on. ``workers > 1`` scores in that many processes; ``progress(done, total)``
    is called in this process as results arrive. ``lexicon`` (see
    :func:`resume_match.load_lexicon`) is used to find skills and to match them;
    ``parse_config`` and ``password`` go to :func:`resume_match.parse_resume` for
    every PDF.

    >>> import resume_match as rm
    >>> cv = rm.parse_resume_text("Ann Lee\\n\\nEXPERIENCE\\n- Trained PyTorch models in Python\\n")
    >>> [(e.rank, e.source, e.error is None) for e in rank([cv, b"?"], "ml-engineer-entry")]
    [(1, '<text>', True), (2, '<bytes 1>', False)]
    """
    if workers < 1:
        raise InputError(f"rank(): workers must be 1 or more, got {workers}")
    if lexicon is not None and not isinstance(lexicon, Lexicon):
        raise InputError(
            f"rank(): lexicon= takes a Lexicon, got {type(lexicon).__name__}; "
            "load one with resume_match.load_lexicon(path)"
        )
    if parse_config is not None and not isinstance(parse_config, ParseConfig):
        raise InputError(
            f"rank(): parse_config= takes a ParseConfig, got {type(parse_config).__name__}"
        )
    if password is not None and not isinstance(password, str):
        raise InputError(f"rank(): password= takes a string, got {type(password).__name__}")
    batch = list(items)
    profile = _resolve_job(job)
    total = len(batch)
    results: list[_Scored] = []
    setup = _RankSetup(config, lexicon, parse_config, password, id(lexicon))

    def collect(part: list[_Scored]) -> None:
        results.extend(part)
        if progress is not None:
            progress(len(results), total)

    if workers == 1 or total <= 1:
        # One matcher for the whole batch; progress after every resume.
        _score_chunk(list(enumerate(batch)), profile, setup, lambda one: collect([one]))
    else:
        # Small chunks keep both processes busy and progress moving; each chunk
        # builds its matcher once.
        size = max(1, min(32, total // (workers * 8)))
        chunks = list(_chunks(batch, size))
        # Build the lexicon and the extractor here once: forked workers inherit them
        # instead of each building its own (a spawned worker builds one per process).
        _extractor_for(setup)
        try:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = [pool.submit(_score_chunk, c, profile, setup) for c in chunks]
                for future in futures:
                    collect(future.result())
        finally:
            _SHARED.pop(setup.token, None)

    scored = sorted(
        (r for r in results if r[2] is not None),
        key=lambda r: (-(r[2].score if r[2] is not None else 0.0), r[1], r[0]),
    )
    failed = sorted((r for r in results if r[2] is None), key=lambda r: r[0])
    entries = []
    for position, (_, source, report, error) in enumerate([*scored, *failed], start=1):
        entries.append(
            RankEntry(
                rank=position,
                source=source,
                score=report.score if report is not None else None,
                report=report,
                error=error,
            )
        )
    return tuple(entries)
