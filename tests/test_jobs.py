"""Job templates (load, validate) and free-text postings (parse_job)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from resume_match.errors import InputError, JobError, UnknownJobError
from resume_match.jobs import LEVELS, _clean_posting, list_jobs, load_job, parse_job
from resume_match.models import Lexicon, Skill, SkillMention

NAMES = {
    "python": "Python",
    "sql": "SQL",
    "pytorch": "PyTorch",
    "tensorflow": "TensorFlow",
    "kubernetes": "Kubernetes",
    "docker": "Docker",
    "aws": "AWS",
    "gcp": "GCP",
    "spark": "Spark",
    "machine-learning": "machine learning",
    "cloud-platform": "cloud platforms",
    "communication": "communication",
    "airflow": "Airflow",
}
CATEGORY = {"communication": "soft-skill", "cloud-platform": "cloud"}

SMALL_LEXICON = Lexicon(
    skills={
        skill_id: Skill(
            id=skill_id,
            name=name,
            category=CATEGORY.get(skill_id, "language"),
            abstract=skill_id == "cloud-platform",
        )
        for skill_id, name in NAMES.items()
    }
)


def fake_skills(text: str) -> Sequence[SkillMention]:
    """A stand-in extractor: whole-word, case-insensitive names of NAMES."""
    found = []
    for skill_id, name in NAMES.items():
        for hit in re.finditer(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", text, re.I):
            found.append(
                SkillMention(
                    skill_id=skill_id,
                    name=name,
                    category=CATEGORY.get(skill_id, "language"),
                    text=hit.group(0),
                    start=hit.start(),
                    end=hit.end(),
                    method="exact",
                    score=100,
                )
            )
    return sorted(found, key=lambda m: m.start)


# --------------------------------------------------------------------------- #
# Templates
# --------------------------------------------------------------------------- #

EXPECTED_TEMPLATES = {
    "ml-engineer-entry",
    "ml-engineer-mid",
    "ml-engineer-senior",
    "applied-ml-engineer",
    "ml-platform-engineer",
    "mlops-engineer",
    "nlp-engineer",
    "computer-vision-engineer",
    "deep-learning-engineer",
    "research-engineer",
    "data-scientist",
    "ai-engineer",
}


def test_at_least_the_agreed_templates_are_bundled() -> None:
    names = list_jobs()
    assert set(names) >= EXPECTED_TEMPLATES
    assert list(names) == sorted(names)


@pytest.mark.parametrize("name", list_jobs())
def test_every_bundled_template_loads_against_the_bundled_lexicon(name: str) -> None:
    job = load_job(name)
    assert job.id == name
    assert job.level in LEVELS
    assert job.title and job.summary and job.responsibilities
    kinds = {r.importance for r in job.requirements}
    assert kinds == {"required", "preferred"}
    assert job.degree is not None
    assert job.min_years is not None


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_template_file_loads_with_labels_and_ids(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
id = "mine"
title = "Data Engineer"
level = "senior"
summary = "Builds pipelines."
min_years = 4

[degree]
level = "bachelor"
fields = ["Computer Science"]

[[requirement]]
skill = "python"
weight = 2

[[requirement]]
any_of = ["aws", "gcp"]

[[requirement]]
category = "cloud-platform"
importance = "preferred"
""",
    )
    job = load_job(path, lexicon=SMALL_LEXICON)
    assert [(r.id, r.label, r.importance, r.weight) for r in job.requirements] == [
        ("python", "Python", "required", 2.0),
        ("aws-or-gcp", "AWS or GCP", "required", 1.0),
        ("cloud-platform", "cloud platforms", "preferred", 1.0),
    ]
    assert job.degree is not None and job.degree.fields == ("computer science",)
    assert job.source == str(path)


def test_every_problem_in_a_template_is_reported_at_once_with_its_place(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
id = "mine"
titel = "Oops"
level = "seniour"
min_years = 5
max_years = 2

[degree]
level = "masters"

[[requirement]]
skill = "pyhton"

[[requirement]]
category = "python"

[[requirement]]
skill = "sql"
any_of = ["aws", "gcp"]

[[requirement]]
skill = "docker"
weight = 0
importance = "must"
""",
    )
    with pytest.raises(JobError) as caught:
        load_job(path, lexicon=SMALL_LEXICON)
    messages = [str(p).replace(str(path), "FILE") for p in caught.value.problems]
    assert messages == [
        "FILE, field 'titel': unknown key; did you mean 'title'?",
        "FILE, field 'title': missing; add title = \"...\"",
        "FILE, field 'level': unknown level 'seniour'; did you mean 'senior'?",
        "FILE, field 'max_years': 2 is below min_years 5",
        "FILE, entry 'degree', field 'level': unknown degree level 'masters'; "
        "did you mean 'master'?",
        "FILE, entry 'requirement[0]', field 'skill': unknown skill id 'pyhton'; "
        "did you mean 'python'?",
        "FILE, entry 'requirement[1]', field 'category': 'python' is not a category node; "
        'use skill = "python" instead',
        "FILE, entry 'requirement[2]': give exactly one of skill, category, any_of",
        "FILE, entry 'requirement[3]', field 'importance': must be 'required' or 'preferred', "
        "got 'must'",
        "FILE, entry 'requirement[3]', field 'weight': must be a number above 0, got 0",
    ]
    assert str(caught.value).startswith("10 problems in job data:\n  - ")


def test_broken_toml_is_a_job_error_naming_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, 'id = "x"\ntitle = \n')
    with pytest.raises(JobError, match=r"not valid TOML: .*line 2.*; fix the syntax at that line"):
        load_job(path, lexicon=SMALL_LEXICON)


def test_an_unknown_template_name_suggests_the_closest() -> None:
    with pytest.raises(UnknownJobError) as caught:
        load_job("ml-enginer-mid", lexicon=SMALL_LEXICON)
    assert str(caught.value) == (
        "unknown job template 'ml-enginer-mid'; did you mean 'ml-engineer-mid'? "
        "list_jobs() names them all"
    )
    assert isinstance(caught.value, LookupError)


def test_a_missing_template_file_is_an_unknown_job(tmp_path: Path) -> None:
    with pytest.raises(UnknownJobError, match="no such file; check the path"):
        load_job(tmp_path / "nope.toml", lexicon=SMALL_LEXICON)


# --------------------------------------------------------------------------- #
# Free-text postings
# --------------------------------------------------------------------------- #

MESSY = "\n".join(
    [
        "Senior Machine Learning Engineer - Acme Corp",
        "About us: We are a leader in AI, running machine learning on AWS at scale. "
        "Founded in 2009.",
        "What you'll do:• Build pipelines with Airflow • Ship models to production",
        "Requirements: 5+ years of experience building ML systems.Strong Python and "
        "SQL.Experience with PyTorch or TensorFlow.",
        "BS/MS in Computer Science or a related field; PhD preferred.",
        "Experience with cloud platforms such as AWS or GCP.",
        "Excellent communication skills.Nice to have: Kubernetes, Spark. Docker is a plus.",
        "Benefits: 401(k) matching, free Docker training, and a SQL learning stipend.",
        "Acme is an equal opportunity employer. We do not discriminate based on race, "
        "gender identity or veteran status; our GCP team welcomes everyone.",
        "",
    ]
)


@pytest.fixture(scope="module")
def messy_job():  # type: ignore[no-untyped-def]
    return parse_job(MESSY, skills=fake_skills)


def test_scraper_glue_is_undone() -> None:
    cleaned = _clean_posting("Great team.Requirements5+ years of Python• SQL • Spark")
    assert cleaned == "Great team.\nRequirements\n5+ years of Python\n• SQL\n• Spark"
    assert _clean_posting("pipelinesQualifications: BS") == "pipelines\nQualifications: BS"


def test_required_and_preferred_come_from_headings_and_cues(messy_job) -> None:  # type: ignore[no-untyped-def]
    kinds = {r.id: r.importance for r in messy_job.requirements}
    assert kinds["python"] == kinds["sql"] == "required"
    assert kinds["pytorch-or-tensorflow"] == "required"
    assert kinds["kubernetes"] == kinds["spark"] == kinds["docker"] == "preferred"
    assert kinds["airflow"] == "required"  # named in what the job does


def test_any_of_groups_from_or_and_such_as(messy_job) -> None:  # type: ignore[no-untyped-def]
    groups = {r.id: r.skills for r in messy_job.requirements}
    assert groups["pytorch-or-tensorflow"] == ("pytorch", "tensorflow")
    assert groups["cloud-platform-or-aws-or-gcp"] == ("cloud-platform", "aws", "gcp")


def test_boilerplate_never_becomes_a_requirement(messy_job) -> None:  # type: ignore[no-untyped-def]
    ids = {r.id for r in messy_job.requirements}
    # AWS appears in the company blurb, GCP in the EEO text, Docker and SQL in benefits:
    # only the mentions in requirement text count.
    assert "aws" not in ids and "gcp" not in ids


def test_soft_skills_weigh_less(messy_job) -> None:  # type: ignore[no-untyped-def]
    weights = {r.id: r.weight for r in messy_job.requirements}
    assert weights["communication"] < weights["python"]


def test_years_degree_and_level(messy_job) -> None:  # type: ignore[no-untyped-def]
    assert messy_job.title == "Senior Machine Learning Engineer"
    assert messy_job.level == "senior"
    assert (messy_job.min_years, messy_job.max_years) == (5.0, None)
    degree = messy_job.degree
    assert degree is not None
    assert (degree.level, degree.preferred_level, degree.importance) == (
        "bachelor",
        "phd",
        "required",
    )
    assert degree.fields == ("computer science",)
    assert messy_job.warnings == ()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("3+ years of Python", (3.0, None)),
        ("3-7 years of experience with Python", (3.0, 7.0)),
        ("At least five years of industry experience", (5.0, None)),
        ("Minimum of 2 years working with SQL", (2.0, None)),
        ("BS with 5+ years, or MS with 3+ years of experience", (3.0, None)),
        ("Python for 4 years", (None, None)),
    ],
)
def test_years_of_experience_phrases(
    sentence: str, expected: tuple[float | None, float | None]
) -> None:
    job = parse_job("Data Engineer\nRequirements:\n" + sentence, skills=fake_skills)
    assert (job.min_years, job.max_years) == expected


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Staff ML Engineer", "staff"),
        ("Junior Data Scientist", "entry"),
        ("Machine Learning Engineer II", "mid"),
        ("ML Engineering Intern", "intern"),
        ("Principal Scientist", "principal"),
        ("Machine Learning Engineer", "mid"),
    ],
)
def test_level_from_the_title(title: str, level: str) -> None:
    job = parse_job("Requirements:\n3+ years of Python", title=title, skills=fake_skills)
    assert job.level == level


def test_a_phd_required_and_equivalent_experience_wording() -> None:
    phd = parse_job(
        "Research Engineer\nQualifications:\nPhD in Physics or Statistics", skills=fake_skills
    )
    assert phd.degree is not None
    assert (phd.degree.level, phd.degree.fields) == ("phd", ("statistics", "physics"))
    google = parse_job(
        "Software Engineer\nMinimum qualifications:\nBachelor's degree or equivalent practical "
        "experience. 2 years of experience with Python.",
        skills=fake_skills,
    )
    assert google.degree is not None
    assert (google.degree.level, google.degree.importance) == ("bachelor", "preferred")
    assert google.min_years == 2.0


def test_a_posting_with_no_requirement_gets_a_warning() -> None:
    job = parse_job("We are hiring! Great snacks and a friendly team.", skills=fake_skills)
    assert job.requirements == ()
    assert [w.code for w in job.warnings] == ["no-requirements"]


def test_an_empty_posting_is_an_input_error() -> None:
    with pytest.raises(InputError, match="the job posting is empty"):
        parse_job("  \n ", skills=fake_skills)


def test_parse_job_is_deterministic() -> None:
    first = parse_job(MESSY, skills=fake_skills).model_dump_json()
    assert first == parse_job(MESSY, skills=fake_skills).model_dump_json()


# --------------------------------------------------------------------------- #
# End to end, with the real extractor and lexicon
# --------------------------------------------------------------------------- #

POSTING = "\n".join(
    [
        "Machine Learning Engineer II",
        "About us: We build payments software on AWS for 2M shops.",
        "What you'll do",
        "• Ship fraud models to production • Own Airflow pipelines",
        "What you'll bring",
        "• 3-6 years of experience with Python and SQL",
        "• Experience with PyTorch or TensorFlow",
        "• Docker and Kubernetes on a cloud platform (GCP preferred)",
        "Nice to have: Spark, MLflow.Benefits: 401(k), free Scala classes.",
        "We are an equal opportunity employer; we welcome Java developers regardless of race.",
    ]
)


def test_a_posting_end_to_end_with_the_real_extractor() -> None:
    import resume_match as rm

    job = parse_job(POSTING)
    kinds = {r.id: r.importance for r in job.requirements}
    assert kinds["python"] == kinds["sql"] == kinds["kubernetes"] == "required"
    assert kinds["pytorch-or-tensorflow"] == "required"
    assert kinds["gcp"] == kinds["spark"] == kinds["mlflow"] == "preferred"
    assert kinds["airflow"] == "required"
    assert not {"aws", "scala", "java"} & set(kinds)
    assert (job.level, job.min_years, job.max_years) == ("mid", 3.0, 6.0)

    good = rm.parse_resume_text(
        "Ana Ruiz\n\nEXPERIENCE\nML Engineer, Payco    Jan 2020 - Present\n"
        "- Trained PyTorch fraud models in Python and SQL, shipped with Docker on Kubernetes\n"
        "- Ran Airflow pipelines on GCP\n"
    )
    poor = rm.parse_resume_text(
        "Bo Li\n\nEXPERIENCE\nBarista, Cafe    2019 - Present\n- Made coffee\n"
    )
    first = rm.match(good, job)
    assert first.score > rm.match(poor, job).score + 40
    assert first.model_dump_json() == rm.match(good, job).model_dump_json()


def test_a_posting_scraped_into_one_line_is_taken_apart() -> None:
    text = (
        "Data Scientist II Acme Health We're on a mission to fix healthcare."
        "ResponsibilitiesBuild models in PythonRequirementsMS in Statistics or related "
        "field3+ years experience with SQLExperience with Spark is a plus"
        "BenefitsMedical, dental, 401k and free Docker courses."
    )
    job = parse_job(text, skills=fake_skills)
    assert (job.title, job.level, job.min_years) == ("Data Scientist II", "mid", 3.0)
    assert job.degree is not None
    assert (job.degree.level, job.degree.fields) == ("master", ("statistics",))
    kinds = {r.id: r.importance for r in job.requirements}
    assert kinds == {"python": "required", "sql": "required", "spark": "preferred"}


def test_dash_items_and_headings_run_together_are_taken_apart() -> None:
    cleaned = _clean_posting(
        "Acme builds search for shops.About the roleYou'll own ranking.\n"
        "Requirements- 2+ years of Python- Strong SQL\n"
        "Nice to have- Spark or Kafka- Docker (or similar)"
    )
    assert cleaned.split("\n") == [
        "Acme builds search for shops.",
        "About the role",
        "You'll own ranking.",
        "Requirements",
        "- 2+ years of Python",
        "- Strong SQL",
        "Nice to have",
        "- Spark or Kafka",
        "- Docker (or similar)",
    ]
    # Hyphenated words and a dash with a space on both sides are left alone.
    assert _clean_posting("state-of-the-art models - and more") == (
        "state-of-the-art models - and more"
    )


def test_a_run_together_nice_to_have_list_stays_preferred() -> None:
    text = (
        "ML Engineer\nAcme builds Kubernetes tooling for banks.About the roleYou'll build "
        "services in Python.\nRequirements- 2+ years of Python- Strong SQL\n"
        "Nice to have- Spark- Docker"
    )
    kinds = {r.id: r.importance for r in parse_job(text, skills=fake_skills).requirements}
    # The company's one-line pitch ("Acme builds ...") asks for nothing.
    assert "kubernetes" not in kinds
    assert kinds == {
        "python": "required",
        "sql": "required",
        "spark": "preferred",
        "docker": "preferred",
    }
