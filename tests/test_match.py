"""The matcher on hand-built resumes, mentions and a small lexicon: pure scoring only."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_match.errors import InputError
from resume_match.match import COMPONENTS, JobMatcher, match
from resume_match.models import (
    Bullet,
    DateRange,
    DegreeRequirement,
    EducationEntry,
    ExperienceEntry,
    Implication,
    JobProfile,
    Lexicon,
    MatchConfig,
    MatchReport,
    ParseWarning,
    Requirement,
    Resume,
    ResumeLine,
    Section,
    Skill,
    SkillMention,
    SubstituteGroup,
    YearMonth,
)

REF = dt.date(2024, 6, 1)


def _skill(skill_id: str, name: str, category: str, **extra: object) -> Skill:
    return Skill.model_validate({"id": skill_id, "name": name, "category": category, **extra})


LEXICON = Lexicon(
    skills={
        s.id: s
        for s in (
            _skill("python", "Python", "language"),
            _skill("sql", "SQL", "language"),
            _skill("deep-learning", "deep learning", "ml-field"),
            _skill(
                "deep-learning-framework", "deep learning framework", "dl-framework", abstract=True
            ),
            _skill(
                "pytorch",
                "PyTorch",
                "dl-framework",
                broader=("deep-learning-framework",),
                implies=(
                    Implication(id="python", weight=0.5),
                    Implication(id="deep-learning", weight=0.7),
                ),
            ),
            _skill(
                "tensorflow", "TensorFlow", "dl-framework", broader=("deep-learning-framework",)
            ),
            _skill("keras", "Keras", "dl-framework", broader=("deep-learning-framework",)),
            _skill("cloud-platform", "cloud platform", "cloud", abstract=True),
            _skill("aws", "AWS", "cloud", broader=("cloud-platform",)),
            _skill("gcp", "GCP", "cloud", broader=("cloud-platform",)),
            _skill("sagemaker", "SageMaker", "cloud", part_of=("aws",)),
            _skill("docker", "Docker", "devops"),
            _skill("kubernetes", "Kubernetes", "devops"),
            _skill("leadership", "leadership", "soft-skill"),
        )
    },
    substitutes=(
        SubstituteGroup(id="dl-frameworks", members=("pytorch", "tensorflow"), credit=0.6),
    ),
)

JOB = JobProfile(
    id="test-mle",
    title="Machine Learning Engineer",
    level="mid",
    requirements=(
        Requirement(id="python", label="Python", skills=("python",), weight=3),
        Requirement(id="pytorch", label="PyTorch", skills=("pytorch",), weight=2),
        Requirement(id="aws", label="AWS", skills=("aws",), weight=1.5),
        Requirement(id="kubernetes", label="Kubernetes", skills=("kubernetes",), weight=2.5),
        Requirement(id="docker", label="Docker", skills=("docker",), weight=1),
        Requirement(id="sql", label="SQL", skills=("sql",), importance="preferred"),
    ),
    min_years=3,
    degree=DegreeRequirement(level="bachelor", fields=("computer science",)),
)


class CV:
    """Builds a Resume section by section and finds mentions in it like an extractor would."""

    def __init__(self) -> None:
        self.text = "Jane Doe\n"
        self.sections: list[Section] = [
            Section(kind="contact", heading="", page=1, start=0, end=len(self.text))
        ]
        self.bullets: list[Bullet] = []
        self.experience: list[ExperienceEntry] = []
        self.education: list[EducationEntry] = []
        self.warnings: list[ParseWarning] = []
        self._spans: list[tuple[int, int, str, int | None]] = []
        self.lines: list[ResumeLine] = []

    def hidden(self, text: str, reason: str = "white") -> CV:
        """A line the parser kept although a reader cannot see it (keep_hidden=True)."""
        begin = len(self.text)
        self.text += text + "\n"
        self.lines.append(
            ResumeLine(start=begin, end=begin + len(text), page=1, role="text", hidden=reason)
        )
        self.warnings.append(ParseWarning(code="hidden-text", message=f"{reason} text", text=text))
        return self

    def section(
        self, kind: str, lines: list[str], *, entry: tuple[str, int, int | None] | None = None
    ) -> CV:
        start = len(self.text)
        self.text += kind.upper() + "\n"
        entry_index = None
        if entry is not None:
            entry_index = len(self.experience)
        bullet_ids = []
        for line in lines:
            begin = len(self.text)
            self.text += "- " + line + "\n"
            bullet = len(self.bullets)
            self.bullets.append(
                Bullet(
                    index=bullet,
                    text=line,
                    section=kind,  # type: ignore[arg-type]
                    section_index=len(self.sections),
                    entry=entry_index if kind in ("experience", "projects") else None,
                    page=1,
                    start=begin + 2,
                    end=begin + 2 + len(line),
                )
            )
            bullet_ids.append(bullet)
            self._spans.append((begin + 2, begin + 2 + len(line), kind, bullet))
        if entry is not None:
            title, first, last = entry
            dates = DateRange(
                start=YearMonth(year=first),
                end=YearMonth(year=last) if last is not None else None,
                current=last is None,
            )
            self.experience.append(
                ExperienceEntry(
                    index=len(self.experience),
                    title=title,
                    dates=dates,
                    section_index=len(self.sections),
                    page=1,
                    start=start,
                    end=len(self.text),
                    bullets=tuple(bullet_ids),
                )
            )
        self.sections.append(
            Section(kind=kind, heading=kind.upper(), page=1, start=start, end=len(self.text))  # type: ignore[arg-type]
        )
        return self

    def degree(self, level: str, field: str) -> CV:
        self.education.append(
            EducationEntry(
                degree=f"{level} in {field}", level=level, field=field, page=1, start=0, end=1
            )  # type: ignore[arg-type]
        )
        return self

    def resume(self, years: float = 4.0) -> Resume:
        return Resume(
            source="cv.txt",
            text=self.text,
            pages=1,
            sections=tuple(self.sections),
            bullets=tuple(self.bullets),
            experience=tuple(self.experience),
            education=tuple(self.education),
            years_experience=years,
            reference_date=REF,
            warnings=tuple(self.warnings),
            lines=tuple(self.lines),
        )

    def mentions(self, lexicon: Lexicon = LEXICON) -> tuple[SkillMention, ...]:
        found = []
        for skill in lexicon.skills.values():
            for hit in re.finditer(rf"\b{re.escape(skill.name)}\b", self.text):
                section, bullet = "other", None
                for start, end, kind, index in self._spans:
                    if start <= hit.start() < end:
                        section, bullet = kind, index
                for sec in self.sections:
                    if sec.start <= hit.start() < sec.end and bullet is None:
                        section = sec.kind
                found.append(
                    SkillMention(
                        skill_id=skill.id,
                        name=skill.name,
                        category=skill.category,
                        text=hit.group(0),
                        start=hit.start(),
                        end=hit.end(),
                        section=section,  # type: ignore[arg-type]
                        bullet=bullet,
                        method="exact",
                        score=100.0,
                    )
                )
        return tuple(sorted(found, key=lambda m: (m.start, m.skill_id)))


def _strong_cv() -> CV:
    return (
        CV()
        .section(
            "experience",
            [
                "Trained PyTorch models in Python for fraud detection",
                "Deployed them with Docker and Kubernetes on AWS",
            ],
            entry=("Machine Learning Engineer", 2020, None),
        )
        .section("skills", ["Python, PyTorch, SQL"])
        .degree("bachelor", "computer science")
    )


def _run(
    cv: CV, job: JobProfile = JOB, config: MatchConfig | None = None, years: float = 4.0
) -> MatchReport:
    return match(cv.resume(years), job, mentions=cv.mentions(), lexicon=LEXICON, config=config)


def _result(report: MatchReport, req_id: str):  # type: ignore[no-untyped-def]
    return next(r for r in report.requirements if r.requirement.id == req_id)


def test_a_skill_used_in_an_experience_bullet_is_met_with_its_evidence() -> None:
    report = _run(_strong_cv())
    python = _result(report, "python")
    assert python.status == "met"
    assert python.credit == 1.0
    assert python.relation == "direct"
    assert python.evidence[0].section == "experience"
    assert python.snippets[0] == "Trained PyTorch models in Python for fraud detection"


def test_a_strong_resume_scores_high_and_the_breakdown_adds_up() -> None:
    report = _run(_strong_cv())
    assert report.score > 90
    assert round(sum(c.points for c in report.breakdown), 2) == report.score
    assert round(sum(c.weight_applied for c in report.breakdown), 2) == 100.0
    assert [c.name for c in report.breakdown] == list(COMPONENTS)


def test_a_skill_only_listed_in_the_skills_section_earns_partial_credit() -> None:
    report = _run(_strong_cv())
    sql = _result(report, "sql")
    assert sql.status == "partial"
    assert sql.credit == 0.6
    assert sql.reason == (
        "only listed in the skills section, never used in an experience or project bullet"
    )


def test_a_bullet_beats_a_bare_listing() -> None:
    listed = CV().section("skills", ["Kubernetes"])
    used = CV().section("experience", ["Ran Kubernetes clusters"], entry=("Engineer", 2021, None))
    assert _run(used).score > _run(listed).score


def test_sagemaker_implies_aws_with_partial_credit() -> None:
    cv = CV().section("experience", ["Trained models on SageMaker"], entry=("MLE", 2022, None))
    aws = _result(_run(cv), "aws")
    assert aws.status == "partial"
    assert aws.relation == "part-of"
    assert aws.matched == "sagemaker"
    assert aws.reason == "implied: SageMaker => AWS"
    assert aws.credit == 0.8


def test_tensorflow_substitutes_for_pytorch() -> None:
    cv = CV().section("experience", ["Built TensorFlow models"], entry=("MLE", 2022, None))
    pytorch = _result(_run(cv), "pytorch")
    assert pytorch.status == "partial"
    assert pytorch.reason == "substitute: TensorFlow for PyTorch"
    assert pytorch.credit == 0.6


def test_pytorch_meets_a_deep_learning_framework_requirement() -> None:
    job = JOB.model_copy(
        update={
            "requirements": (
                Requirement(id="dlf", label="a DL framework", skills=("deep-learning-framework",)),
            )
        }
    )
    cv = CV().section("experience", ["Trained PyTorch models"], entry=("MLE", 2022, None))
    result = _run(cv, job).requirements[0]
    assert (result.status, result.relation, result.matched) == ("met", "narrower", "pytorch")
    assert result.reason == "PyTorch counts as deep learning framework"


def test_implies_links_give_capped_credit() -> None:
    job = JOB.model_copy(
        update={"requirements": (Requirement(id="dl", label="DL", skills=("deep-learning",)),)}
    )
    cv = CV().section("experience", ["Trained PyTorch models"], entry=("MLE", 2022, None))
    result = _run(cv, job).requirements[0]
    assert (result.relation, result.credit) == ("implied", 0.7)
    assert result.reason == "implied: PyTorch => deep learning"


def test_evidence_from_a_job_that_ended_long_ago_is_discounted() -> None:
    cv = CV().section("experience", ["Wrote SQL reports"], entry=("Analyst", 2012, 2014))
    sql = _result(_run(cv), "sql")
    assert sql.status == "partial"
    assert sql.credit == 0.8
    assert "last used in 2014 (" in sql.reason


def test_missing_required_skills_come_in_order_of_weight() -> None:
    cv = CV().section("experience", ["Wrote Python"], entry=("Dev", 2022, None))
    report = _run(cv)
    assert report.missing == ("Kubernetes", "PyTorch", "AWS", "Docker")
    assert report.explanation[1] == (
        "Missing required skills, most important first: Kubernetes, PyTorch, AWS, Docker."
    )


def test_a_related_skill_not_credited_is_a_near_miss() -> None:
    cv = CV().section("experience", ["Built Keras models"], entry=("MLE", 2022, None))
    report = _run(cv)
    assert _result(report, "pytorch").status == "missing"
    assert report.near_misses == (
        "PyTorch: related skills found but not credited: Keras (both deep learning framework)",
    )
    assert "Near miss: PyTorch: related skills found" in report.explanation[-4]


def test_a_low_fuzzy_mention_is_a_near_miss_not_credit() -> None:
    cv = CV().section("experience", ["Deployed with Kubernets"], entry=("MLE", 2022, None))
    start = cv.text.index("Kubernets")
    fuzzy = SkillMention(
        skill_id="kubernetes",
        name="Kubernetes",
        category="devops",
        text="Kubernets",
        start=start,
        end=start + 9,
        section="experience",
        bullet=0,
        method="fuzzy",
        score=91.0,
    )
    report = match(cv.resume(), JOB, mentions=[fuzzy], lexicon=LEXICON)
    assert _result(report, "kubernetes").status == "missing"
    assert report.near_misses == (
        "Kubernetes: 'Kubernets' looks like Kubernetes (fuzzy score 91), not counted",
    )
    confident = fuzzy.model_copy(update={"score": 97.0})
    report = match(cv.resume(), JOB, mentions=[confident], lexicon=LEXICON)
    assert _result(report, "kubernetes").status == "met"


def test_repeating_a_skill_adds_nothing() -> None:
    once = _strong_cv()
    stuffed = _strong_cv().section("skills", ["Kubernetes Kubernetes Kubernetes, Python Python"])
    plain = _strong_cv().section("skills", ["Kubernetes"])
    assert _run(stuffed).score == _run(plain).score
    assert _run(once).score >= _run(plain).score - 0.01


def test_hidden_text_never_counts() -> None:
    cv = CV().section("experience", ["Wrote Python"], entry=("Dev", 2022, None))
    cv.hidden("Kubernetes Docker AWS PyTorch")
    visible = CV().section("experience", ["Wrote Python"], entry=("Dev", 2022, None))
    report = _run(cv)
    assert report.score == _run(visible).score
    assert report.warnings[0].code == "hidden-skills-ignored"
    assert report.warnings[0].message.endswith("AWS, Docker, Kubernetes, PyTorch")
    counted = _run(cv, config=MatchConfig(include_hidden=True))
    assert counted.score > report.score


def test_weights_of_unused_components_are_shared_out_and_reported() -> None:
    job = JOB.model_copy(update={"degree": None, "min_years": None})
    report = _run(_strong_cv(), job)
    applied = {c.name: c.weight_applied for c in report.breakdown}
    requested = {c.name: c.weight_requested for c in report.breakdown}
    assert requested == {
        "required": 55,
        "preferred": 15,
        "experience": 15,
        "education": 10,
        "seniority": 5,
    }
    assert applied["experience"] == applied["education"] == 0.0
    assert applied == {
        "required": 73.33,
        "preferred": 20.0,
        "experience": 0.0,
        "education": 0.0,
        "seniority": 6.67,
    }


def test_custom_weights_apply_and_a_perfect_match_is_exactly_100() -> None:
    config = MatchConfig(weights={"required": 1, "preferred": 1, "seniority": 1})
    job = JOB.model_copy(update={"level": "", "title": "Machine Learning Engineer"})
    cv = _strong_cv().section("projects", ["Queried SQL"])
    report = _run(cv, job, config)
    assert [c.weight_applied for c in report.breakdown] == [33.34, 33.33, 0.0, 0.0, 33.33]
    assert report.score == 100.0


def test_unknown_weight_names_are_refused() -> None:
    with pytest.raises(InputError, match="unknown component 'skills'; use some of: required"):
        JobMatcher(JOB, lexicon=LEXICON, config=MatchConfig(weights={"skills": 1}))


def test_experience_years_scale_the_experience_part() -> None:
    few = _run(_strong_cv(), years=1.5)
    many = _run(_strong_cv(), years=6)
    part = {c.name: c for c in few.breakdown}["experience"]
    assert part.fraction == 0.5
    assert part.detail == "1.5 years found; the job asks for 3+"
    assert many.score > few.score


def test_education_level_and_field() -> None:
    def education(cv: CV) -> float:
        return {c.name: c for c in _run(cv).breakdown}["education"].fraction

    assert education(CV().degree("bachelor", "computer science")) == 1.0
    assert education(CV().degree("master", "physics")) == 0.85
    assert education(CV().degree("bachelor", "history")) == 0.5
    assert education(CV().degree("associate", "computer science")) == 0.5
    assert education(CV()) == 0.0


def test_seniority_uses_the_latest_title_and_level() -> None:
    senior = CV().section(
        "experience", ["x"], entry=("Senior Machine Learning Engineer", 2019, None)
    )
    same = CV().section("experience", ["x"], entry=("ML Engineer", 2019, None))
    other = CV().section("experience", ["x"], entry=("Sales Associate", 2019, None))

    def seniority(cv: CV) -> float:
        return {c.name: c for c in _run(cv).breakdown}["seniority"].fraction

    assert seniority(same) == 1.0
    assert seniority(senior) == 0.8
    assert seniority(other) == 0.3  # "Associate" reads as entry level; an unrelated title


def test_the_report_is_deterministic_and_round_trips_through_json() -> None:
    first = _run(_strong_cv()).model_dump_json()
    second = _run(_strong_cv()).model_dump_json()
    assert first == second
    assert MatchReport.model_validate_json(first).model_dump_json() == first
    assert json.loads(first)["job_id"] == "test-mle"


def test_match_refuses_something_that_is_not_a_resume() -> None:
    with pytest.raises(InputError, match="match\\(\\) needs a parsed Resume, got str"):
        match("a resume", JOB, mentions=(), lexicon=LEXICON)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- #
# Properties
# --------------------------------------------------------------------------- #

SKILL_NAMES = sorted(s.name for s in LEXICON.skills.values() if not s.abstract)
SECTIONS = ["experience", "projects", "skills", "summary", "education", "other"]

bullet_lines = st.lists(
    st.tuples(
        st.sampled_from(SECTIONS), st.lists(st.sampled_from(SKILL_NAMES), min_size=1, max_size=4)
    ),
    max_size=6,
)


def _cv_from(lines: list[tuple[str, list[str]]]) -> CV:
    cv = CV()
    for index, (kind, names) in enumerate(lines):
        entry = ("Engineer", 2010 + index, None) if kind == "experience" else None
        cv.section(kind, ["Used " + ", ".join(names)], entry=entry)
    return cv


@settings(max_examples=60, deadline=None)
@given(bullet_lines, st.floats(0, 30))
def test_score_stays_within_0_and_100(lines: list[tuple[str, list[str]]], years: float) -> None:
    report = _run(_cv_from(lines), years=years)
    assert 0.0 <= report.score <= 100.0
    assert round(sum(c.points for c in report.breakdown), 2) == report.score


@settings(max_examples=60, deadline=None)
@given(
    bullet_lines,
    st.sampled_from(["Python", "PyTorch", "AWS", "Kubernetes", "Docker"]),
    st.sampled_from(SECTIONS),
)
def test_adding_a_required_skill_never_lowers_the_score(
    lines: list[tuple[str, list[str]]], name: str, kind: str
) -> None:
    before = _run(_cv_from(lines)).score
    cv = _cv_from(lines)
    cv.section(kind, ["Used " + name])
    assert _run(cv).score >= before


@settings(max_examples=60, deadline=None)
@given(bullet_lines, st.integers(0, 5))
def test_repeated_or_hidden_text_never_raises_the_score(
    lines: list[tuple[str, list[str]]], which: int
) -> None:
    base = _cv_from(lines)
    before = _run(base).score
    repeated = _cv_from(lines + lines)
    assert _run(repeated).score <= before + 1e-9
    hidden = _cv_from(lines)
    stuffing = " ".join(SKILL_NAMES[which:])
    hidden.hidden(stuffing, reason="tiny")
    assert _run(hidden).score <= before + 1e-9


@settings(max_examples=30, deadline=None)
@given(bullet_lines)
def test_reports_round_trip_through_json(lines: list[tuple[str, list[str]]]) -> None:
    report = _run(_cv_from(lines))
    assert MatchReport.model_validate_json(report.model_dump_json()) == report


# --------------------------------------------------------------------------- #
# Relevant experience and unbacked skill lists
# --------------------------------------------------------------------------- #


def _career_changer(bullets: list[str], title: str = "Store Manager") -> CV:
    """Six years in an unrelated role (2016-2022), then two as an ML engineer (2022-)."""
    return (
        CV()
        .section("experience", bullets, entry=(title, 2016, 2022))
        .section(
            "experience",
            ["Trained PyTorch models in Python and shipped them with Docker"],
            entry=("Machine Learning Engineer", 2022, None),
        )
        .degree("bachelor", "computer science")
    )


def test_only_relevant_roles_count_towards_years_of_experience() -> None:
    cv = _career_changer(["Ran a team of twelve and the weekly rota"])
    report = _run(cv, years=8.4)
    part = {c.name: c for c in report.breakdown}["experience"]
    assert part.detail == "2.5 years of relevant experience (8.4 in all); the job asks for 3+"
    assert part.fraction == pytest.approx(2.5 / 3, abs=1e-4)
    every_year = _run(cv, years=8.4, config=MatchConfig(relevant_years_only=False))
    assert {c.name: c for c in every_year.breakdown}["experience"].fraction == 1.0
    assert every_year.score > report.score


def test_a_role_that_does_the_jobs_work_counts_whatever_its_title() -> None:
    tools = _career_changer(["Automated the stock reports with Python and SQL"])
    part = {c.name: c for c in _run(tools, years=8.4).breakdown}["experience"]
    assert part.fraction == 1.0 and part.detail == "8.4 years found; the job asks for 3+"
    # A technical title is enough on its own.
    titled = _career_changer(["Ran the weekly rota"], title="Data Analyst")
    assert {c.name: c for c in _run(titled, years=8.4).breakdown}["experience"].fraction == 1.0


def test_one_broad_field_does_not_make_a_role_relevant() -> None:
    lexicon = Lexicon(
        skills={
            **LEXICON.skills,
            "ai": _skill("ai", "AI", "ml-field"),
        }
    )
    job = JOB.model_copy(
        update={
            "requirements": (*JOB.requirements, Requirement(id="ai", label="AI", skills=("ai",)))
        }
    )
    cv = _career_changer(["Helped with AI projects"])
    report = match(cv.resume(8.4), job, mentions=cv.mentions(lexicon), lexicon=lexicon)
    part = {c.name: c for c in report.breakdown}["experience"]
    assert part.fraction == pytest.approx(2.5 / 3, abs=1e-4)


def _stuffed(role_title: str, role_line: str) -> CV:
    return (
        CV()
        .section("experience", [role_line], entry=(role_title, 2019, None))
        .section("skills", ["Python, PyTorch, AWS, Kubernetes, Docker, SQL"])
    )


def test_a_skills_list_nothing_backs_counts_for_less() -> None:
    stuffed = _run(_stuffed("Retail Associate", "Served customers and kept the stock room tidy"))
    backed = _run(_stuffed("Software Engineer", "Kept the nightly jobs green"))
    for req_id in ("python", "pytorch", "aws", "kubernetes", "docker"):
        low, high = _result(stuffed, req_id), _result(backed, req_id)
        assert low.credit == pytest.approx(0.3) and high.credit == pytest.approx(0.6)
        assert low.reason.endswith("no relevant role or project backs the list")
        assert "backs" not in high.reason
    assert stuffed.score < backed.score
    # A project that uses one of the job's tools backs the list too.
    project = _stuffed("Retail Associate", "Served customers").section(
        "projects", ["Built a demand forecast in Python"]
    )
    assert _result(_run(project), "pytorch").credit == pytest.approx(0.6)
    # And the discount is a setting.
    plain = _run(
        _stuffed("Retail Associate", "Served customers"), config=MatchConfig(unbacked_factor=1.0)
    )
    assert _result(plain, "pytorch").credit == pytest.approx(0.6)
