"""Plain-text resumes: headings, bullets, entries, contact, education, errors."""

from __future__ import annotations

import datetime as dt
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resume_match as rm
from resume_match.models import ParseConfig, SectionKind
from resume_match.parse import HEADINGS, heading_kind

REF = ParseConfig(reference_date=dt.date(2025, 6, 30))

SAMPLE = """\
Tomás Ruiz
Madrid, Spain | tomas.ruiz@example.es | +34 612 345 678
github.com/tomasruiz | tomasruiz.dev

PROFESSIONAL SUMMARY
Applied scientist with six years of experience building forecasting and ranking
systems for retail and logistics companies across Europe.

WORK HISTORY
Applied Scientist | Lumo Logistics | Madrid, Spain | 03/2021 - Present
- Built a demand forecasting service in Python covering 12k stores
  and 40 regional warehouses
- Reduced forecast error by 18% with gradient boosting
Data Analyst at Corvo Retail, Barcelona, Spain   Sep 2018 – Feb 2021
* Automated weekly reporting with SQL and Airflow

EDUCATION
MSc in Statistics, Universidad Complutense de Madrid, 2018
BSc in Mathematics, Universidad de Sevilla, 2016

LICENSES & CERTIFICATIONS
AWS Certified Machine Learning - Specialty (2022)
"""


def test_sample_structure() -> None:
    r = rm.parse_resume_text(SAMPLE, config=REF)
    assert [(s.kind, s.heading) for s in r.sections] == [
        ("contact", ""),
        ("summary", "PROFESSIONAL SUMMARY"),
        ("experience", "WORK HISTORY"),
        ("education", "EDUCATION"),
        ("certifications", "LICENSES & CERTIFICATIONS"),
    ]
    assert [b.text for b in r.bullets] == [
        "Built a demand forecasting service in Python covering 12k stores "
        "and 40 regional warehouses",
        "Reduced forecast error by 18% with gradient boosting",
        "Automated weekly reporting with SQL and Airflow",
    ]
    one, two = r.experience
    assert (one.title, one.organization, one.location) == (
        "Applied Scientist",
        "Lumo Logistics",
        "Madrid, Spain",
    )
    assert (two.title, two.organization) == ("Data Analyst", "Corvo Retail")
    assert one.bullets == (0, 1) and two.bullets == (2,)
    # Sep 2018 - Jun 2025, inclusive, no gap: 6.8 years.
    assert r.years_experience == 6.8
    assert [(e.level, e.field) for e in r.education] == [
        ("master", "Statistics"),
        ("bachelor", "Mathematics"),
    ]
    assert r.education[0].institution == "Universidad Complutense de Madrid"
    (cert,) = r.certifications
    assert cert.name == "AWS Certified Machine Learning - Specialty" and cert.year == 2022
    c = r.contact
    assert (c.name, c.email, c.github, c.website, c.location) == (
        "Tomás Ruiz",
        "tomas.ruiz@example.es",
        "github.com/tomasruiz",
        "tomasruiz.dev",
        "Madrid, Spain",
    )
    assert c.phone == "+34 612 345 678"


def test_text_is_deterministic_and_round_trips() -> None:
    a = rm.parse_resume_text(SAMPLE, config=REF)
    b = rm.parse_resume_text(SAMPLE, config=REF)
    assert a.model_dump_json() == b.model_dump_json()
    assert rm.Resume.model_validate_json(a.model_dump_json()) == a


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Experience", "experience"),
        ("Work History", "experience"),
        ("Professional Experience", "experience"),
        ("EMPLOYMENT", "experience"),
        ("Education", "education"),
        ("Academic Background", "education"),
        ("Skills", "skills"),
        ("Technical Skills", "skills"),
        ("Core Competencies", "skills"),
        ("Projects", "projects"),
        ("Selected Projects", "projects"),
        ("Publications", "publications"),
        ("Certifications", "certifications"),
        ("Licenses", "certifications"),
        ("Awards", "awards"),
        ("Honors & Awards", "awards"),
        ("Summary", "summary"),
        ("Profile", "summary"),
        ("Objective", "summary"),
        ("Contact", "contact"),
        ("Interests", "other"),
        ("S K I L L S", "skills"),
        ("E XPERIENCE", "experience"),
        ("Skills:", "skills"),
    ],
)
def test_heading_vocabulary(heading: str, kind: str) -> None:
    assert heading_kind(heading) == kind
    r = rm.parse_resume_text(f"Ada Lovelace\n\n{heading}\n- Did something with Python\n")
    assert r.sections[-1].kind == kind


def test_vocabulary_kinds_are_valid() -> None:
    assert set(HEADINGS.values()) <= set(get_args(SectionKind))


def test_sentence_with_heading_word_is_not_a_heading() -> None:
    r = rm.parse_resume_text(
        "SKILLS\nPython\n\nExperience with large-scale training of transformer models.\n"
    )
    assert [s.kind for s in r.sections] == ["skills"]


def test_markdown_and_underlined_headings() -> None:
    r = rm.parse_resume_text("# Projects\n- A\n\nAwards\n======\n- Best paper\n")
    assert [s.kind for s in r.sections] == ["projects", "awards"]
    assert [b.section for b in r.bullets] == ["projects", "awards"]


def test_numbered_items_and_dash_numbers() -> None:
    r = rm.parse_resume_text(
        "PUBLICATIONS\n1. Robust ranking, 2023\n2) Sparse retrieval, 2024\n"
        "EXPERIENCE\n-5% churn after the relaunch\n"
    )
    assert [b.text for b in r.bullets] == ["Robust ranking, 2023", "Sparse retrieval, 2024"]


def test_empty_and_wrong_type() -> None:
    with pytest.raises(rm.InputError) as err:
        rm.parse_resume_text("  \n\t ")
    assert str(err.value) == "<text>: the resume text is empty; pass the text of a resume"
    with pytest.raises(rm.InputError, match="expected the resume text as str, got bytes"):
        rm.parse_resume_text(b"abc")  # type: ignore[arg-type]


def test_no_headings_warns() -> None:
    r = rm.parse_resume_text("just some words about a person who likes data " * 10)
    assert "no-sections" in [w.code for w in r.warnings]


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_any_text_parses_with_consistent_offsets(text: str) -> None:
    if not text.strip():
        return
    r = rm.parse_resume_text(text, config=REF)
    for b in r.bullets:
        assert r.text[b.start : b.end] == b.text
    for s in r.sections:
        assert 0 <= s.start <= s.end <= len(r.text)
    for line in r.lines:
        assert 0 <= line.start <= line.end <= len(r.text)


def test_date_range_wrapped_onto_the_next_header_line() -> None:
    text = (
        "EXPERIENCE\n"
        "Research Assistant, Vision Lab | Berlin, Germany | Oct 2017 -\n"
        "- Feb 2020\n"
        "- Published two papers on depth estimation\n"
    )
    r = rm.parse_resume_text(text, config=REF)
    (entry,) = r.experience
    assert entry.dates is not None and entry.dates.text == "Oct 2017 - Feb 2020"
    assert [b.text for b in r.bullets] == ["Published two papers on depth estimation"]
    assert r.years_experience == 2.4
