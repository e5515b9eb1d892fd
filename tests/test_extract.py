"""The skill extractor on a small lexicon written here, the hard cases first."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resume_match as rm
from resume_match.errors import InputError, did_you_mean
from resume_match.extract import SkillExtractor, extract_skills
from resume_match.lexicon import load_lexicon
from resume_match.models import (
    Bullet,
    Contact,
    ExtractConfig,
    Lexicon,
    Resume,
    ResumeLine,
    Section,
    SkillMention,
)

LEXICON = """
[[skill]]
id = "python"
name = "Python"
category = "language"
aliases = ["Python 3"]

[[skill]]
id = "r"
name = "R"
category = "language"
aliases = [{ text = "R", case_sensitive = true, ambiguous = true }, "RStudio"]
context = ["tidyverse", "ggplot2", "statistical"]
veto = ["R&D", "R-squared", "R squared"]

[[skill]]
id = "c"
name = "C"
category = "language"
aliases = [{ text = "C", case_sensitive = true, ambiguous = true }]
context = ["embedded", "firmware"]
veto = ["C-suite", "Objective-C", "vitamin C"]

[[skill]]
id = "csharp"
name = "C#"
category = "language"

[[skill]]
id = "cpp"
name = "C++"
category = "language"

[[skill]]
id = "go"
name = "Go"
category = "language"
aliases = [{ text = "Go", case_sensitive = true, ambiguous = true }, "golang"]
context = ["goroutines", "microservices"]
veto = ["go-live", "go-to-market", "Go to market"]

[[skill]]
id = "julia"
name = "Julia"
category = "language"
aliases = [{ text = "Julia", case_sensitive = true, ambiguous = true }]
context = ["flux.jl", "numerical"]

[[skill]]
id = "java"
name = "Java"
category = "language"

[[skill]]
id = "javascript"
name = "JavaScript"
category = "language"

[[skill]]
id = "sql"
name = "SQL"
category = "language"

[[skill]]
id = "nosql"
name = "NoSQL"
category = "data-eng"

[[skill]]
id = "machine-learning"
name = "machine learning"
category = "ml-field"
aliases = [{ text = "ML", case_sensitive = true }]

[[skill]]
id = "dask-ml"
name = "Dask-ML"
category = "ml-library"

[[skill]]
id = "pytorch"
name = "PyTorch"
category = "dl-framework"
aliases = ["torch"]

[[skill]]
id = "pytorch-lightning"
name = "PyTorch Lightning"
category = "dl-framework"
aliases = [{ text = "Lightning", case_sensitive = true, ambiguous = true }]
context = ["trainer", "callbacks"]
veto = ["lightning talk", "lightning talks"]

[[skill]]
id = "tensorflow"
name = "TensorFlow"
category = "dl-framework"
aliases = [{ text = "TF", case_sensitive = true, ambiguous = true }]
context = ["deep learning", "keras"]

[[skill]]
id = "keras"
name = "Keras"
category = "dl-framework"
implies = [{ id = "tensorflow", weight = 0.4 }]

[[skill]]
id = "gpu"
name = "GPU"
category = "hardware"
aliases = ["GPUs"]

[[skill]]
id = "kubernetes"
name = "Kubernetes"
category = "devops"
aliases = ["k8s"]

[[skill]]
id = "ab-testing"
name = "A/B testing"
category = "technique"

[[skill]]
id = "ci-cd"
name = "CI/CD"
category = "devops"

[[skill]]
id = "scikit-learn"
name = "scikit-learn"
category = "ml-library"
aliases = ["sklearn"]

[[skill]]
id = "pandas"
name = "pandas"
category = "ml-library"

[[skill]]
id = "deep-learning"
name = "deep learning"
category = "ml-field"

[[skill]]
id = "airflow"
name = "Airflow"
category = "data-eng"
aliases = [{ text = "Airflow", ambiguous = true }, "Apache Airflow"]
context = ["dags", "dag", "pipelines", "etl"]

[[skill]]
id = "data-preprocessing"
name = "data preprocessing"
category = "technique"

[[skill]]
id = "communication"
name = "communication"
category = "soft-skill"

[[skill]]
id = "rust"
name = "Rust"
category = "language"
aliases = [{ text = "Rust", case_sensitive = true, ambiguous = true }]
context = ["cargo"]
veto = ["surface rust"]

[[skill]]
id = "spark"
name = "Apache Spark"
category = "data-eng"
aliases = ["PySpark", { text = "Spark", case_sensitive = true, ambiguous = true }]
context = ["hadoop"]

[[skill]]
id = "hive"
name = "Apache Hive"
category = "data-eng"
aliases = [{ text = "Hive", case_sensitive = true, ambiguous = true }]
context = ["metastore"]

[[skill]]
id = "ray"
name = "Ray"
category = "data-eng"
aliases = [{ text = "Ray", case_sensitive = true, ambiguous = true }]
context = ["distributed", "cluster"]

[[skill]]
id = "terraform"
name = "Terraform"
category = "devops"

[[skill]]
id = "infrastructure-as-code"
name = "infrastructure as code"
category = "devops"
aliases = ["infrastructure-as-code"]

[[skill]]
id = "tableau"
name = "Tableau"
category = "analytics"

[[skill]]
id = "dotnet"
name = ".NET"
category = "devops"
aliases = ["ASP.NET Core"]

[[skill]]
id = "fastai"
name = "fastai"
category = "dl-framework"
aliases = ["fast.ai"]

[[skill]]
id = "neptune"
name = "Neptune.ai"
category = "mlops"

[[skill]]
id = "feast"
name = "Feast"
category = "mlops"
aliases = ["feast.dev"]

[[skill]]
id = "node-js"
name = "Node.js"
category = "devops"

[[skill]]
id = "computer-vision"
name = "computer vision"
category = "ml-field"
aliases = [{ text = "CV", case_sensitive = true, ambiguous = true }]
context = ["detection", "segmentation"]

[[skill]]
id = "llm"
name = "large language models"
category = "ml-field"
aliases = [{ text = "LLM", case_sensitive = true, ambiguous = true }]
context = ["fine-tuning", "prompting"]

[[skill]]
id = "artificial-intelligence"
name = "artificial intelligence"
category = "ml-field"
aliases = [{ text = "AI", case_sensitive = true }]

[[skill]]
id = "fintech"
name = "fintech"
category = "domain"

[[skill]]
id = "robotics"
name = "robotics"
category = "domain"

[[skill]]
id = "insurance"
name = "insurance"
category = "domain"
"""


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory: pytest.TempPathFactory) -> Lexicon:
    path = tmp_path_factory.mktemp("lexicon") / "skills.toml"
    path.write_text(LEXICON, encoding="utf-8")
    return load_lexicon(path, bundled=False)


@pytest.fixture(scope="module")
def extractor(lexicon: Lexicon) -> SkillExtractor:
    return SkillExtractor(lexicon)


def found(extractor: SkillExtractor, text: str) -> list[tuple[str, str]]:
    return [(m.skill_id, m.text) for m in extractor.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Longest span wins.
        ("Trained with PyTorch Lightning.", [("pytorch-lightning", "PyTorch Lightning")]),
        ("Scaled models with Dask-ML.", [("dask-ml", "Dask-ML")]),
        ("ML-based ranking", [("machine-learning", "ML")]),
        # Whole words only.
        ("Wrote JavaScript and Java", [("javascript", "JavaScript"), ("java", "Java")]),
        ("Designed NoSQL schemas", [("nosql", "NoSQL")]),
        # Forms the tokenizer splits or glues.
        ("C# and C++ services", [("csharp", "C#"), ("cpp", "C++")]),
        ("C++/C#/Python", [("cpp", "C++"), ("csharp", "C#"), ("python", "Python")]),
        ("Ran A/B testing; owned CI/CD.", [("ab-testing", "A/B testing"), ("ci-cd", "CI/CD")]),
        ("Wrote torch.nn.functional code", [("pytorch", "torch.nn.functional")]),
        ("Ported tf.keras models", [("keras", "tf.keras")]),
        ("Trained on 8xA100 GPUs", [("gpu", "8xA100"), ("gpu", "GPUs")]),
        # A name and its own short form in brackets: one mention.
        ("Kubernetes (k8s)", [("kubernetes", "Kubernetes (k8s)")]),
        ("Kubernetes and k8s", [("kubernetes", "Kubernetes"), ("kubernetes", "k8s")]),
        ("AWS(PyTorch)", [("pytorch", "PyTorch")]),
        # Case: plain aliases ignore it, case-sensitive ones do not.
        (
            "PYTORCH, Pytorch and pytorch",
            [("pytorch", "PYTORCH"), ("pytorch", "Pytorch"), ("pytorch", "pytorch")],
        ),
        ("ml and Ml", []),
    ],
)
def test_matching_rules(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ambiguous aliases need a context word nearby ...
        ("Built survival models in R with the tidyverse.", [("r", "R")]),
        ("Wrote firmware in C for sensors.", [("c", "C")]),
        ("Wrote Go microservices.", [("go", "Go")]),
        # ... or a list of other skills, chained one neighbour at a time.
        ("Languages: Python, R, SQL", [("python", "Python"), ("r", "R"), ("sql", "SQL")]),
        (
            "Python, R, Julia and Go.",
            [("python", "Python"), ("r", "R"), ("julia", "Julia"), ("go", "Go")],
        ),
        ("Python, R.", [("python", "Python"), ("r", "R")]),
        ("Python/R", [("python", "Python"), ("r", "R")]),
        # Without either they do not count.
        ("R, Julia, Go", []),
        ("Julia led the sales team.", []),
        ("Go to the office.", []),
        ("Gave a Lightning demo.", []),
        ("Airflow over the wing was simulated.", []),
        ("Scheduled Airflow DAGs nightly.", [("airflow", "Airflow")]),
        ("Apache Airflow", [("airflow", "Apache Airflow")]),
        # Vetoes cancel a match lying inside them, whatever the context.
        ("Led the R&D team; statistical R-squared of 0.8 and R squared.", []),
        ("Presented to the C-suite on embedded systems.", []),
        ("Ported Objective-C firmware.", []),
        ("Took vitamin C.", []),
        ("Planned the go-live and go-to-market for microservices.", []),
        (
            "Gave a lightning talk about the Lightning Trainer.",
            [("pytorch-lightning", "Lightning")],
        ),
    ],
)
def test_ambiguous_aliases(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


def test_links_and_addresses_are_not_skills(extractor: SkillExtractor) -> None:
    text = (
        "jane@python.org | github.com/pytorch | https://kubernetes.io/docs | "
        "scikit-learn.org | @pytorch"
    )
    assert found(extractor, text) == []


def test_a_skill_wrapped_across_lines_matches_with_original_offsets(
    extractor: SkillExtractor,
) -> None:
    text = "Research in deep\n   learning and\tscikit-\nlearn"
    mention, hyphenated = extractor.extract(text)
    assert mention.skill_id == "deep-learning"
    assert text[mention.start : mention.end] == "deep\n   learning" == mention.text
    assert mention.method == "exact"
    assert mention.score == 100.0
    # A compound hyphenated at a line break is joined again: an exact match.
    assert (hyphenated.skill_id, hyphenated.text) == ("scikit-learn", "scikit-\nlearn")
    assert hyphenated.method == "exact"
    assert text[hyphenated.start : hyphenated.end] == hyphenated.text


def test_mention_fields(extractor: SkillExtractor) -> None:
    (torch, sklearn) = extractor.extract("Used torch and sklearn")
    assert torch == SkillMention(
        skill_id="pytorch",
        name="PyTorch",
        category="dl-framework",
        text="torch",
        start=5,
        end=10,
        method="alias",
        score=100.0,
    )
    assert (sklearn.method, sklearn.category) == ("alias", "ml-library")


def test_fuzzy_rescue_fixes_misspellings_of_long_unambiguous_aliases(
    extractor: SkillExtractor,
) -> None:
    mentions = extractor.extract("Deployed on Kubernets, trained with Tensorflw and Javascrpt UIs")
    assert [(m.skill_id, m.text, m.method) for m in mentions] == [
        ("kubernetes", "Kubernets", "fuzzy"),
        ("tensorflow", "Tensorflw", "fuzzy"),
        ("javascript", "Javascrpt", "fuzzy"),
    ]
    assert all(90.0 <= m.score < 100.0 for m in mentions)


@pytest.mark.parametrize(
    "text",
    [
        "Fed the panda.",  # "pandas" is too short to rescue
        "Studied Airfow dynamics.",  # ambiguous aliases are never rescued
        "Javanese cuisine",  # not close enough to anything
        "Excellent communicator",  # 'communication' is not within the cutoff
        "Built data processing jobs",  # a real phrase, not a typo of "data preprocessing"
    ],
)
def test_fuzzy_rescue_leaves_other_words_alone(extractor: SkillExtractor, text: str) -> None:
    assert found(extractor, text) == []


def test_fuzzy_rescue_works_on_multi_word_aliases(extractor: SkillExtractor) -> None:
    mentions = extractor.extract("Owned data preprocesing and scikit learn models")
    assert [(m.skill_id, m.text, m.method) for m in mentions] == [
        ("data-preprocessing", "data preprocesing", "fuzzy"),
        ("scikit-learn", "scikit learn", "fuzzy"),
    ]


def test_fuzzy_rescue_can_be_switched_off(lexicon: Lexicon) -> None:
    strict = SkillExtractor(lexicon, config=ExtractConfig(fuzzy=False))
    assert found(strict, "Deployed on Kubernets") == []


def test_fuzzy_cutoff_is_a_ratio_not_a_partial_ratio(lexicon: Lexicon) -> None:
    # partial_ratio would score Java inside JavaScript at 100; plain ratio does not.
    loose = SkillExtractor(lexicon, config=ExtractConfig(fuzzy_cutoff=60.0))
    assert found(loose, "JavaScripts") == [("javascript", "JavaScripts")]


def test_context_window_is_configurable(lexicon: Lexicon) -> None:
    text = "R " + "word " * 6 + "tidyverse"
    assert found(SkillExtractor(lexicon), text) == [("r", "R")]
    narrow = SkillExtractor(lexicon, config=ExtractConfig(context_window=3))
    assert found(narrow, text) == []


def test_mentions_are_sorted_and_spans_point_into_the_text(extractor: SkillExtractor) -> None:
    text = "SQL, Python and PyTorch Lightning; Python again."
    mentions = extractor.extract(text)
    keys = [(m.start, m.end, m.skill_id) for m in mentions]
    assert keys == sorted(keys)
    assert all(text[m.start : m.end] == m.text for m in mentions)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Python",
                "R",
                ",",
                "PyTorch",
                "Lightning",
                "C#",
                "C",
                "\n",
                "go-live",
                "ML",
                "Kubernets",
                "jane@python.org",
                "deep",
                "learning",
                "the",
                "/",
                "\u2013",
                "  ",
            ]
        ),
        max_size=25,
    ).map(" ".join)
)
def test_invariants_on_generated_text(text: str) -> None:
    extractor = _shared_extractor()
    mentions = extractor.extract(text)
    previous_end = -1
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert 0.0 <= mention.score <= 100.0
        # Longest span wins, so mentions never overlap.
        assert mention.start >= previous_end
        previous_end = mention.end
    assert extractor.extract(text) == mentions


_CACHE: dict[str, SkillExtractor] = {}


def _shared_extractor() -> SkillExtractor:
    # Hypothesis tests cannot take function-scoped fixtures; build once here.
    if "x" not in _CACHE:
        import tempfile

        folder = Path(tempfile.mkdtemp())
        (folder / "skills.toml").write_text(LEXICON, encoding="utf-8")
        _CACHE["x"] = SkillExtractor(load_lexicon(folder / "skills.toml", bundled=False))
    return _CACHE["x"]


def make_resume() -> Resume:
    lines = [
        ("Jane Doe", "contact"),
        ("jane@python.org | github.com/jane | Python hacker", "contact"),
        ("EXPERIENCE", "heading"),
        ("- Trained PyTorch models on GPUs", "bullet"),
        ("- Ran A/B testing with Python", "bullet"),
        ("SKILLS", "heading"),
        ("Python, R, SQL", "text"),
    ]
    text = ""
    spans = []
    for line, role in lines:
        spans.append((len(text), len(text) + len(line), role))
        text += line + "\n"
    page_of = [1, 1, 1, 1, 2, 2, 2]
    resume_lines = tuple(
        ResumeLine(start=s, end=e, page=p, role=role)  # type: ignore[arg-type]
        for (s, e, role), p in zip(spans, page_of, strict=True)
    )
    contact_end = spans[1][1]
    exp_start, exp_end = spans[2][0], spans[4][1]
    skills_start, skills_end = spans[5][0], spans[6][1]
    bullets = tuple(
        Bullet(
            index=i,
            text=text[spans[k][0] + 2 : spans[k][1]],
            section="experience",
            section_index=1,
            page=page_of[k],
            start=spans[k][0] + 2,
            end=spans[k][1],
        )
        for i, k in enumerate((3, 4))
    )
    email = text.index("jane@python.org")
    return Resume(
        source="jane.pdf",
        text=text,
        pages=2,
        sections=(
            Section(kind="contact", heading="", page=1, start=0, end=contact_end),
            Section(kind="experience", heading="EXPERIENCE", page=1, start=exp_start, end=exp_end),
            Section(kind="skills", heading="SKILLS", page=2, start=skills_start, end=skills_end),
        ),
        bullets=bullets,
        contact=Contact(
            name="Jane Doe",
            email="jane@python.org",
            spans=((email, email + len("jane@python.org")),),
        ),
        reference_date=dt.date(2024, 6, 1),
        lines=resume_lines,
    )


def test_resume_mentions_carry_section_bullet_and_page(extractor: SkillExtractor) -> None:
    resume = make_resume()
    mentions = extractor.extract(resume)
    assert [(m.skill_id, m.section, m.bullet, m.page) for m in mentions] == [
        ("pytorch", "experience", 0, 1),
        ("gpu", "experience", 0, 1),
        ("ab-testing", "experience", 1, 2),
        ("python", "experience", 1, 2),
        ("python", "skills", None, 2),
        ("r", "skills", None, 2),
        ("sql", "skills", None, 2),
    ]
    assert all(resume.text[m.start : m.end] == m.text for m in mentions)


def test_contact_section_is_searched_only_when_asked(lexicon: Lexicon) -> None:
    resume = make_resume()
    everything = SkillExtractor(lexicon, config=ExtractConfig(include_contact=True))
    contact = [m for m in everything.extract(resume) if m.section == "contact"]
    # The contact line's "Python" counts now; the e-mail address never does.
    assert [(m.skill_id, m.text) for m in contact] == [("python", "Python")]
    assert contact[0].start == resume.text.index("Python hacker")


def test_same_inputs_give_byte_identical_json(lexicon: Lexicon) -> None:
    resume = make_resume()
    first = [m.model_dump_json() for m in SkillExtractor(lexicon).extract(resume)]
    second = [m.model_dump_json() for m in SkillExtractor(lexicon).extract(resume)]
    assert first == second


def test_empty_text_and_wrong_types(extractor: SkillExtractor) -> None:
    assert extractor.extract("") == ()
    assert extractor.extract(" \n ") == ()
    with pytest.raises(InputError) as caught:
        extractor.extract(b"PyTorch")  # type: ignore[arg-type]
    assert str(caught.value) == (
        "<bytes>: expected a Resume or a str; parse the file first with parse_resume()"
    )


def test_extract_skills_reuses_one_extractor_per_lexicon(lexicon: Lexicon) -> None:
    first = extract_skills("PyTorch and SQL", lexicon=lexicon)
    assert [m.skill_id for m in first] == ["pytorch", "sql"]
    assert extract_skills("PyTorch and SQL", lexicon=lexicon) == first
    strict = ExtractConfig(fuzzy=False)
    assert extract_skills("Kubernets", lexicon=lexicon, config=strict) == ()


def test_spans_gives_raw_tuples(extractor: SkillExtractor) -> None:
    assert extractor.spans("SQL via sklearn") == [
        (0, 3, "sql", "exact", 100.0),
        (8, 15, "scikit-learn", "alias", 100.0),
    ]


def test_did_you_mean_is_stable_and_respects_the_cutoff() -> None:
    assert did_you_mean("pytorh", ["pytorch-lightning", "pytorch"]) == "did you mean 'pytorch'?"
    assert did_you_mean("ab", ["xyz"]) == ""
    assert did_you_mean("anything", []) == ""


def test_spacy_component_sets_skill_spans(tmp_path: Path) -> None:
    import spacy

    path = tmp_path / "skills.toml"
    path.write_text(LEXICON, encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("resume_match_skills", config={"lexicon_paths": [str(path)], "bundled": False})
    doc = nlp("Fine-tuned models in PyTorch Lightning; Python, R and torch.nn.")
    assert [(s.text, s.label_) for s in doc.spans["skills"]] == [
        ("PyTorch Lightning", "pytorch-lightning"),
        ("Python", "python"),
        ("R", "r"),
        ("torch.nn", "pytorch"),
    ]
    assert doc.ents == ()
    methods = [m["method"] for m in doc.user_data["resume_match_mentions"]]
    assert methods == ["exact", "exact", "exact", "pattern"]
    # The doc still serialises with the mentions attached.
    assert doc.to_bytes()


def test_importing_the_package_does_not_import_spacy_or_rapidfuzz() -> None:
    code = (
        "import sys, resume_match\n"
        "heavy = [m for m in ('spacy', 'rapidfuzz', 'thinc') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --------------------------------------------------------------------------- #
# Compounds hyphenated at a line break
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rolled out infrastructure-\nas-code for every team.",
            [("infrastructure-as-code", "infrastructure-\nas-code")],
        ),
        (
            "Rolled out infrastructure-\r\n    as-code for every team.",
            [("infrastructure-as-code", "infrastructure-\r\n    as-code")],
        ),
        # A hyphen before a plain space is a suspended compound, not a wrap.
        ("Wrote infrastructure- and policy-as-code.", []),
    ],
)
def test_compounds_split_by_a_line_wrap_match_whole(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Text from other PDF tools: the wrap became a space, or the line break is kept.
        ("hypothesis testing, communi- cation, teamwork", "communi- cation"),
        ("Deployed on Kuber-\nnetes at scale", "Kuber-\nnetes"),
        ("Applied machine learn-\n  ing to claims", "machine learn-\n  ing"),
    ],
)
def test_words_cut_by_a_line_wrap_hyphen_are_read_whole(
    extractor: SkillExtractor, text: str, expected: str
) -> None:
    assert expected in [m.text for m in extractor.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A suspended compound: the hyphen before "and" stays, nothing is joined.
        ("Ran machine- and deep-learning jobs.", [("deep-learning", "fuzzy")]),
        # Joined, "kuberpython" is no word the lexicon spells: left as written.
        ("Kuber- Python", [("Python", "exact")]),
        # Written with a hyphen and no wrap: not joined, so only the typo rescue reads it.
        ("Ran machine learn-ing jobs.", [("machine learn-ing", "fuzzy")]),
        ("Ran machine learn-\ning jobs.", [("machine learn-\ning", "exact")]),
    ],
)
def test_hyphens_that_are_not_line_wraps_stay(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.text, m.method) for m in extractor.extract(text)] == expected


# --------------------------------------------------------------------------- #
# Aliases with dots: the link filter gives way to a whole alias
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (".NET", [("dotnet", ".NET")]),
        ("Stack: .NET, C#", [("dotnet", ".NET"), ("csharp", "C#")]),
        ("C#/.NET and Java", [("csharp", "C#"), ("dotnet", ".NET"), ("java", "Java")]),
        ("Served APIs on ASP.NET Core.", [("dotnet", "ASP.NET Core")]),
        ("Took the fast.ai course.", [("fastai", "fast.ai")]),
        ("Finished fast.ai.", [("fastai", "fast.ai")]),
        ("Tracked runs (Neptune.ai) daily", [("neptune", "Neptune.ai")]),
        (
            "Features from feast.dev; APIs in Node.js",
            [("feast", "feast.dev"), ("node-js", "Node.js")],
        ),
    ],
)
def test_an_alias_that_looks_like_a_domain_is_the_skill(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Notes at docs.fast.ai/lesson-2",
        "Write to ops@neptune.ai today",
        "See https://feast.dev/blog and www.fast.ai",
        "Mirror: cdn.neptune.ai.",
    ],
)
def test_an_alias_inside_a_longer_address_is_still_a_link(
    extractor: SkillExtractor, text: str
) -> None:
    assert found(extractor, text) == []


# --------------------------------------------------------------------------- #
# Organisation names that contain a field or domain word
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    "text",
    [
        "Moved to Verdant Fintech in 2021.",
        "Data lead, Kestrel Insurance Group (2019-2022)",
        "Orbis Robotics - controls work on welding cells",
        "Kestrel Robotics is hiring.",
        "Research engineer at Tern AI Labs, Oslo.",
        "Contracted for Bright Insurance Ltd.",
    ],
)
def test_field_words_inside_organisation_names_are_not_skills(
    extractor: SkillExtractor, text: str
) -> None:
    assert found(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Five years in fintech and insurance.",
            [("fintech", "fintech"), ("insurance", "insurance")],
        ),
        ("Fintech experience preferred.", [("fintech", "Fintech")]),
        ("Robotics and controls background.", [("robotics", "Robotics")]),
        ("Domains: Robotics, Fintech", [("robotics", "Robotics"), ("fintech", "Fintech")]),
        ("Senior Robotics Engineer, 2020-2023", [("robotics", "Robotics")]),
        ("Hired as Kestrel's first Robotics Engineer.", [("robotics", "Robotics")]),
        ("MSc Robotics, Delft", [("robotics", "Robotics")]),
        ("Selected Robotics Projects", [("robotics", "Robotics")]),
        ("Built AI tools for claims teams.", [("artificial-intelligence", "AI")]),
    ],
)
def test_field_words_outside_organisation_names_still_count(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


# --------------------------------------------------------------------------- #
# People named like tools
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    "text",
    [
        "Ray has run our distributed cluster team for years.",
        "Ray Okafor joined the cluster team in May.",
        "Julia was our numerical methods lead.",
        "Spark will take over the hadoop migration next year.",
    ],
)
def test_a_capitalised_alias_before_a_persons_verb_is_a_name(
    extractor: SkillExtractor, text: str
) -> None:
    assert [skill for skill, _ in found(extractor, text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sharded jobs over a Ray cluster.", [("ray", "Ray")]),
        (
            "Python, Julia and R are my tools.",
            [("python", "Python"), ("julia", "Julia"), ("r", "R")],
        ),
        ("Rewrote it in Julia, which was numerical work.", [("julia", "Julia")]),
    ],
)
def test_a_tool_before_a_verb_is_still_a_tool_in_a_list_or_after_a_preposition(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


# --------------------------------------------------------------------------- #
# Bracketed expansions decide an acronym
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wrote TF (Terraform) modules for staging.", [("terraform", "Terraform")]),
        ("Owned the Terraform (TF) repo.", [("terraform", "Terraform")]),
        ("Holds an LLM (Master of Laws) degree.", []),
        # Confirmed, the acronym and its expansion are one mention.
        ("Moved into CV (computer vision) in 2019.", [("computer-vision", "CV (computer vision)")]),
        ("Built in TensorFlow (TF) only.", [("tensorflow", "TensorFlow (TF)")]),
        # A related tool in brackets is no expansion: the usual rules decide.
        ("TF (Keras) models", [("tensorflow", "TF"), ("keras", "Keras")]),
        # A number is no expansion either; the context word confirms it here.
        ("Fine-tuning an LLM (7B) for support.", [("llm", "LLM")]),
    ],
)
def test_a_bracketed_expansion_decides_an_acronym(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


# --------------------------------------------------------------------------- #
# Context for tools and languages in plain sentences
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ten years of experience in C.", [("c", "C")]),
        ("We then had to port the hot loops to Julia.", [("julia", "Julia")]),
        ("Good working knowledge of Spark.", [("spark", "Spark")]),
        ("Mostly Python, lately Rust for the glue code.", [("python", "Python"), ("rust", "Rust")]),
        (
            "Moved the jobs from Hive to PySpark last year.",
            [("hive", "Hive"), ("spark", "PySpark")],
        ),
        ("Scaled the search using Ray.", [("ray", "Ray")]),
    ],
)
def test_cues_and_related_tools_confirm_ambiguous_aliases(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sent the report to Julia on Friday.",  # "to" with no cue of code before it
        "Paired with Ray on the budget.",  # "with" needs a noun cue ("experience with")
        "Scored a C in the final.",
        "Removed surface rust from the frame.",
        "A spark of curiosity about Python.",  # lowercase: the cased alias never matches
        "Python at work. Spark at home.",  # a related tool in another sentence
    ],
)
def test_plain_words_and_people_stay_unconfirmed(extractor: SkillExtractor, text: str) -> None:
    assert [m.skill_id for m in extractor.extract(text) if m.skill_id != "python"] == []


# --------------------------------------------------------------------------- #
# Fuzzy rescue of swapped letters
# --------------------------------------------------------------------------- #


def test_fuzzy_rescue_counts_a_swap_of_neighbours_as_one_edit(extractor: SkillExtractor) -> None:
    mentions = extractor.extract("Built dashboards in Tabelau and Kuberentes jobs")
    assert [(m.skill_id, m.text, m.method) for m in mentions] == [
        ("tableau", "Tabelau", "fuzzy"),
        ("kubernetes", "Kuberentes", "fuzzy"),
    ]
    assert all(90.0 <= m.score < 100.0 for m in mentions)


@pytest.mark.parametrize(
    "text",
    [
        "Built dashboards in Tabxeau.",  # a wrong letter still costs two edits
        "Scheduled Airlfow DAGs",  # ambiguous aliases are never rescued, swapped or not
        "Used Atbleau",  # the first two letters swapped: another first-letter bucket
    ],
)
def test_swap_rescue_keeps_the_guards(extractor: SkillExtractor, text: str) -> None:
    assert [m for m in extractor.extract(text) if m.method == "fuzzy"] == []


def test_plain_word_phrases_skip_the_tokenizer_without_changing_tokens() -> None:
    # The build splits phrases of plain words on spaces instead of running the
    # tokenizer; for every phrase of the bundled lexicon (and words spaCy's
    # English special cases would split, which ours leaves out) both must give
    # the same tokens.
    from resume_match.lexicon import skill_aliases
    from resume_match.text import normalize

    extractor = SkillExtractor(load_lexicon(), config=ExtractConfig(fuzzy=False))
    phrases = ["cannot", "gonna", "Cannot see", "deep learning"]
    for skill in extractor.lexicon.skills.values():
        phrases += [a.text for a in skill_aliases(skill)]
        phrases += [*skill.veto, *skill.context]
    for phrase in phrases:
        tokens = [t.text for t in extractor._nlp.make_doc(normalize(phrase))]
        assert extractor._variants(phrase)[0] == tokens, phrase


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Use LLMs to draft the weekly summaries.", "llm"),
        ("Apply NLP to the claims notes.", "nlp"),
        ("Skills\nBioinformatics, statistics", "bioinformatics"),
        ("Interests\nRobotics, sailing", "robotics"),
    ],
)
def test_sentence_or_line_initial_capital_is_not_a_company_name(text: str, skill: str) -> None:
    assert skill in {m.skill_id for m in rm.extract_skills(text)}


def test_company_name_mid_sentence_is_still_guarded() -> None:
    found = {m.skill_id for m in rm.extract_skills("We partner with Quipu Fintech on payments.")}
    assert "fintech" not in found


# --------------------------------------------------------------------------- #
# Coverage round 2: number forms of vetoes, vendor products, fuzzy number guard
# --------------------------------------------------------------------------- #

NUMBER_LEXICON = """
[[skill]]
id = "llm"
name = "large language models"
category = "ml-field"
aliases = [{ text = "LLM", case_sensitive = true, ambiguous = true }]
context = ["models", "prompting", "degree", "fine-tuning"]
veto = ["LLM degree", "LLM programs"]

[[skill]]
id = "monitoring"
name = "model monitoring"
category = "technique"
aliases = [{ text = "monitoring", ambiguous = true }]
context = ["model", "drift"]
veto = ["patient monitoring"]

[[skill]]
id = "logistics"
name = "logistics"
category = "domain"

[[skill]]
id = "vendor"
name = "Acme Hub"
category = "nlp-tool"

[[skill]]
id = "method"
name = "sparse tuning"
category = "technique"
aliases = [{ text = "SPT", case_sensitive = true }]

[[skill]]
id = "acme-spt"
name = "Acme SPT"
category = "nlp-tool"
aliases = ["Acme Hub SPT"]
part_of = ["vendor"]

[[skill]]
id = "acme-kit"
name = "Acme Hub Kit"
category = "nlp-tool"
aliases = [{ text = "Kit", case_sensitive = true }]
part_of = ["vendor"]

[[skill]]
id = "lora"
name = "LoRA"
category = "technique"
"""


def _compiled(factory: pytest.TempPathFactory, name: str, toml: str) -> SkillExtractor:
    """An extractor over a small lexicon written for one group of tests."""
    path = factory.mktemp(name) / "skills.toml"
    path.write_text(toml, encoding="utf-8")
    return SkillExtractor(load_lexicon(path, bundled=False))


@pytest.fixture(scope="module")
def number_extractor(tmp_path_factory: pytest.TempPathFactory) -> SkillExtractor:
    return _compiled(tmp_path_factory, "numbers", NUMBER_LEXICON)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        # The veto is written in the singular and still cancels the plural ...
        ("Two attorneys with LLM degrees reviewed the contract.", "llm"),
        # ... and one written in the plural cancels the singular.
        ("She runs the LLM program office and teaches prompting.", "llm"),
        ("Staffed patient monitoring for drift in vital signs.", "monitoring"),
    ],
)
def test_a_veto_covers_both_numbers_of_its_last_word(
    number_extractor: SkillExtractor, text: str, skill: str
) -> None:
    assert skill not in {m.skill_id for m in number_extractor.extract(text)}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        # Outside the veto phrase the same alias still counts, in either number.
        ("Fine-tuning an LLM for support tickets.", "llm"),
        ("Set up monitoring of model drift.", "monitoring"),
    ],
)
def test_a_number_form_veto_leaves_other_uses_alone(
    number_extractor: SkillExtractor, text: str, skill: str
) -> None:
    assert skill in {m.skill_id for m in number_extractor.extract(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Beside the vendor's other products, the bare word names the product ...
        ("Libraries: Kit, SPT", [("acme-kit", "Kit"), ("acme-spt", "SPT")]),
        ("Acme Hub (SPT, Kit)", [("vendor", "Acme Hub"), ("acme-spt", "SPT"), ("acme-kit", "Kit")]),
        # ... elsewhere it is the method.
        ("Adapted the model with LoRA via SPT.", [("lora", "LoRA"), ("method", "SPT")]),
        ("Methods: LoRA, SPT", [("lora", "LoRA"), ("method", "SPT")]),
    ],
)
def test_a_bare_product_name_is_read_by_its_list_neighbours(
    number_extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(number_extractor, text) == expected


def test_fuzzy_rescue_does_not_turn_a_word_into_its_other_number(
    number_extractor: SkillExtractor,
) -> None:
    # "logistic" is another word, not a typo of the domain "logistics" ...
    assert found(number_extractor, "Beat the logistic baseline.") == []
    # ... while a real misspelling of it is still rescued.
    assert found(number_extractor, "Ten years in logisitcs.") == [("logistics", "logisitcs")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Built the LLM evaluation harness for the support bot.", {"llm-evaluation"}),
        ("Owned model monitoring and alerting for the fraud models.", {"model-monitoring"}),
        ("Programming: R (tidyverse, ggplot2)", {"r", "tidyverse-packages", "ggplot2"}),
        (
            "Hugging Face ecosystem (Transformers, PEFT, TRL)",
            {"hugging-face-transformers", "hf-peft"},
        ),
        ("LoRA and QLoRA via PEFT for the 7B model.", {"peft"}),
        ("Shipped production ML systems for search.", {"machine-learning"}),
    ],
)
def test_bundled_aliases_sit_on_the_entry_they_name(text: str, expected: set[str]) -> None:
    found_ids = {m.skill_id for m in rm.extract_skills(text)}
    assert expected <= found_ids
    assert not {"r", "mlops", "observability", "model-evaluation", "llm", "transformer"} & (
        found_ids - expected
    )


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Clear communication with educators and parents.", "communication"),
        ("Keep costs down on GCP with preemptible GPUs.", "gcp"),
        ("Rewrote the hot loop in Julia for performance.", "julia"),
        ("Built Looker dashboards for the sales team.", "looker"),
        ("Nightly regression runs on LSF.", "lsf"),
        ("Batch scoring with Ray on 40 workers.", "ray"),
    ],
)
def test_everyday_context_words_confirm_ambiguous_tools(text: str, skill: str) -> None:
    assert skill in {m.skill_id for m in rm.extract_skills(text)}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Met Julia at the conference; she runs the code review.", "julia"),
        ("Reported to Ray Chen, VP of Analytics.", "ray"),
        ("Completed GCP training and ran two GCP inspections for the trial.", "gcp"),
        ("Sorted out the logistics of the office move.", "logistics"),
        ("Current CTC: 18 LPA; expected CTC: 24 LPA.", "ctc"),
        ("Styled the H3 headings on the landing page.", "h3"),
    ],
)
def test_new_context_words_do_not_weaken_the_guards(text: str, skill: str) -> None:
    assert skill not in {m.skill_id for m in rm.extract_skills(text)}


@pytest.mark.parametrize(
    "text",
    ["Streams in Flink.\u2022 Wrote the jobs", "Kubernetes\u25aa Deployed it", "\u27a4Docker"],
)
def test_bullet_glyphs_glued_to_words_by_scrapers(text: str) -> None:
    found = {m.skill_id for m in rm.extract_skills(text)}
    assert found & {"flink", "kubernetes", "docker"}


def test_text_with_spacy_special_cases_is_read_like_any_other(extractor: SkillExtractor) -> None:
    # The extractor's tokenizer has no English special cases (one of them in a
    # text would turn spaCy's chunk cache off for the rest of it): abbreviations,
    # contractions, dashes and line breaks are split by the affix rules alone.
    text = "Mar. 2021 \u2014 Present\nDon't stop: Python, R. and e.g. SQL; can't stop."
    found = [(m.skill_id, m.text) for m in extractor.extract(text)]
    assert found == [("python", "Python"), ("r", "R"), ("sql", "SQL")]
    assert extractor._nlp.tokenizer.rules == {}


FUZZY_GUARD_LEXICON = """
[[skill]]
id = "nwp"
name = "numerical weather prediction"
category = "technique"
aliases = ["NWP models"]

[[skill]]
id = "support-ai"
name = "customer support AI"
category = "technique"
aliases = ["customer support automation"]
"""


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> SkillExtractor:
    return _compiled(tmp_path_factory, "guards", FUZZY_GUARD_LEXICON)


@pytest.mark.parametrize(
    "text",
    [
        "Go-live of new models next week",  # one letter off inside the acronym "NWP"
        "We staff customer support around the clock",  # "customer support AI" less a word
    ],
)
def test_the_fuzzy_rescue_reads_no_typo_into_an_acronym_or_a_missing_word(
    guarded: SkillExtractor, text: str
) -> None:
    assert list(guarded.extract(text)) == []


def test_the_fuzzy_rescue_still_reads_a_typo_beside_the_acronym(guarded: SkillExtractor) -> None:
    found = guarded.extract("Blended NWP modles with station data")
    assert [(m.skill_id, m.text, m.method) for m in found] == [("nwp", "NWP modles", "fuzzy")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A first-name alias followed by a surname is a person ...
        (
            "Hyperparameter sweeps ran on Ray; credit to Ray Nakamura on the risk team.",
            [("hyperparameter-tuning", "Hyperparameter sweeps"), ("ray", "Ray")],
        ),
        ("Thanks to Julia Novak for the review of our Python code.", [("python", "Python")]),
        # ... but not when the next word is a skill or part of an alias.
        ("Skills: Julia Python SQL", [("julia", "Julia"), ("python", "Python"), ("sql", "SQL")]),
        (
            "Served models with Ray Serve on Kubernetes.",
            [("ray-serve", "Ray Serve"), ("kubernetes", "Kubernetes")],
        ),
    ],
)
def test_a_first_name_alias_before_a_surname_is_a_person(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.skill_id, m.text) for m in rm.extract_skills(text)] == expected


def test_field_words_in_a_club_or_society_name_are_not_skills() -> None:
    found = rm.extract_skills("Treasurer, UTD AI Club; member of the Robotics Society.")
    assert [m.skill_id for m in found] == []
    assert [m.skill_id for m in rm.extract_skills("Built AI tools for the club")] == [
        "artificial-intelligence"
    ]


def test_a_name_and_its_short_form_in_brackets_are_one_mention() -> None:
    text = "Skills: Site Reliability Engineering (SRE), Kubernetes (K8s) and PyTorch (or JAX)"
    found = [(m.skill_id, m.text) for m in rm.extract_skills(text)]
    assert found == [
        ("sre", "Site Reliability Engineering (SRE)"),
        ("kubernetes", "Kubernetes (K8s)"),
        ("pytorch", "PyTorch"),
        ("jax", "JAX"),
    ]


def test_a_field_label_after_a_skill_is_no_company_name() -> None:
    # "Company:" labels the next field; "Halcyon Insurance Group" ends an organisation.
    labelled = rm.extract_skills("Role: ML Engineer - Automated Valuation Company: Hearthmark")
    assert "automated-valuation-model" in {m.skill_id for m in labelled}
    named = rm.extract_skills("Data scientist at Halcyon Insurance Group since 2021")
    assert "insurance" not in {m.skill_id for m in named}


def test_a_capitalised_word_on_the_next_line_is_no_surname() -> None:
    text = "Forecasting with ARIMA and Prophet\nUndergraduate Research Assistant, Vision Lab"
    assert "prophet" in {m.skill_id for m in rm.extract_skills(text)}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .@/:wx\n\t\u00a0-_co.mi", max_size=60))
def test_the_link_scan_finds_what_the_link_pattern_finds(text: str) -> None:
    from resume_match.extract import _LINKS, _find_links

    assert [m.span() for m in _find_links(text)] == [m.span() for m in _LINKS.finditer(text)]


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        # A sentence run into the next after a number, as PDF text layers do.
        ("misrouted tickets fell by 38%.Mentored two junior engineers", "mentoring"),
        ("cut p95 latency to 40 ms in 2023.Deployed it on Kubernetes", "kubernetes"),
        # A capitals heading run into the first line under it.
        ("SKILLSPython · R · SQL", "python"),
        ("EXPERIENCESenior engineer, Docker and Terraform", "docker"),
        # The last word of a line glued to the capitals heading after it.
        ("Git | Linux | data visualisationEDUCATIONMPhys Physics", "data-visualization"),
        ("Tools: Terraform, WiresharkCERTS OSCP", "wireshark"),
        # A heading glued to a degree that starts with two capitals.
        ("technical leadership EDUCATIONMSc Statistics, Lisbon", "statistics"),
    ],
)
def test_text_run_together_by_pdf_extraction_is_split(text: str, skill: str) -> None:
    assert skill in {m.skill_id for m in rm.extract_skills(text)}


def test_run_together_splits_leave_product_names_and_numbers_whole() -> None:
    # Four capitals before a capitalised word are a product name, not a heading.
    tokens = [t.text for t in _shared_extractor()._nlp.tokenizer("BERTScore v3.5 ONNXRuntime")]
    assert tokens == ["BERTScore", "v3.5", "ONNXRuntime"]
    # A heading is split before a degree, never inside it; short lowercase runs stay.
    tokens = [t.text for t in _shared_extractor()._nlp.tokenizer("EDUCATIONMSc EDUCATIONPhD iOS")]
    assert tokens == ["EDUCATION", "MSc", "EDUCATION", "PhD", "iOS"]


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("so that training and online features stop disagreeing", "feature-store"),
        ("the path from a notebook to a model in production.", "model-deployment"),
        # Two words are not a split compound unless only the space differs ("Papermill").
        ("condition monitoring for paper mills and mines", "nbconvert"),
    ],
)
def test_fuzzy_rescue_does_not_read_other_words_as_typos(text: str, skill: str) -> None:
    assert skill not in {m.skill_id for m in rm.extract_skills(text)}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Built an online feature stroe on Redis.", "feature-store"),
        ("Improved sponsored search rankings last year.", "ads-ranking"),
    ],
)
def test_fuzzy_rescue_still_reads_typos_and_number_changes(text: str, skill: str) -> None:
    assert skill in {m.skill_id for m in rm.extract_skills(text)}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Approved by the model risk committee and live since 2022.", "model-risk-management"),
        ("Worked closely with Finance and the external auditors.", "finance"),
        ("Partnered with Finance on the forecast.", "finance"),
    ],
)
def test_bodies_and_departments_named_after_a_field_are_not_skills(text: str, skill: str) -> None:
    assert skill not in {m.skill_id for m in rm.extract_skills(text)}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Three years of model risk work under SR 11-7.", "model-risk-management"),
        ("Worked with Finance and Insurance clients.", "finance"),
        ("Five years in Finance.", "finance"),
    ],
)
def test_fields_beside_the_body_and_department_rules_still_count(text: str, skill: str) -> None:
    assert skill in {m.skill_id for m in rm.extract_skills(text)}


def test_an_acronym_in_the_plural_is_not_a_name_ending_in_s(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    toml = '[[skill]]\nid = "gams"\nname = "GAMS"\ncategory = "ml-library"\n'
    gams = _compiled(tmp_path_factory, "gams", toml)
    assert found(gams, "Fitted GAMs in R.") == []
    assert found(gams, "Solved the model in GAMS and gams.") == [("gams", "GAMS"), ("gams", "gams")]


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        # Correctly spelled words we know are never typos of something else.
        ("Grew market share in two regions within a year.", "marketo"),
        ("Tuned the gating network of a mixture-of-experts model.", "gatling"),
        (
            "Trained ResNet-50 and EfficientNet-B3 backbones for lesion classification.",
            "backbone-js",
        ),
    ],
)
def test_fuzzy_rescue_leaves_correctly_spelled_known_words_alone(text: str, skill: str) -> None:
    assert skill not in {m.skill_id for m in rm.extract_skills(text)}


def test_fuzzy_rescue_reads_a_glued_compound_as_its_alias() -> None:
    found = {
        m.skill_id for m in rm.extract_skills("Interests: deeplearning and multiagent systems")
    }
    assert {"deep-learning", "multi-agent-systems"} <= found


@pytest.mark.parametrize(
    "text",
    [
        "Joined the Commercial Data Science team in 2021.",
        "Moved to the Network Analytics group last spring.",
        "Our Surveillance Analytics team runs the weekly reports.",
    ],
)
def test_a_team_named_in_title_case_is_not_a_skill(text: str) -> None:
    fields = {"data-science", "telecommunications", "disease-surveillance", "analytics"}
    assert not {m.skill_id for m in rm.extract_skills(text)} & fields


@pytest.mark.parametrize(
    "text",
    [
        "Our data science team grew from 3 to 9 people.",
        "Data Science Team Lead, Acme Corp (2020-2023)",
        "Director of Data Science",
    ],
)
def test_a_field_beside_a_team_word_still_counts_when_not_a_name(text: str) -> None:
    assert "data-science" in {m.skill_id for m in rm.extract_skills(text)}


@pytest.mark.parametrize(
    "text",
    ["Led the SPSS to R migration for the analytics group.", "Moved the Excel reports to R."],
)
def test_a_statistics_tool_beside_an_ambiguous_language_confirms_it(text: str) -> None:
    assert "r" in {m.skill_id for m in rm.extract_skills(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # spaCy splits "3G" into "3", "G" alone but keeps it whole between slashes.
        ("Radio networks: 3G/4G, LTE", {"3g", "lte"}),
        # A number-letter word before a full stop: "5G." is "5G" and ".".
        ("Planned the roll-out of 5G.", {"5g"}),
    ],
)
def test_number_letter_names_match_glued_and_before_a_full_stop(
    text: str, expected: set[str]
) -> None:
    assert expected <= {m.skill_id for m in rm.extract_skills(text)}


def test_a_one_word_field_before_team_is_not_read_as_a_team_name() -> None:
    assert "agile" in {m.skill_id for m in rm.extract_skills("Ran sprints as an Agile team.")}


_FILLER = "We shipped it to every region over the following two quarters without fuss. "


def test_an_acronym_sure_elsewhere_keeps_its_sense_in_the_same_document() -> None:
    alone = "Later: a RAG assistant over invoices and contracts."
    assert "rag" not in {m.skill_id for m in rm.extract_skills(alone)}
    text = "Built RAG pipelines on LangChain. " + _FILLER + alone
    rag = [m for m in rm.extract_skills(text) if m.skill_id == "rag"]
    assert [m.text for m in rag] == ["RAG pipelines", "RAG"]
    assert rag[1].start == text.index("RAG assistant")


@pytest.mark.parametrize(
    "later",
    [
        "Our NLP team has six people.",  # a group of people named after the field
        "the Valencia NLP meetup",
    ],
)
def test_the_document_sense_does_not_reach_names_of_groups(later: str) -> None:
    text = "Skills: NLP, spaCy, Hugging Face transformers. " + _FILLER + later
    nlp = [m for m in rm.extract_skills(text) if m.skill_id == "nlp"]
    assert [m.start for m in nlp] == [text.index("NLP")]


def test_the_document_sense_skips_single_letters() -> None:
    text = "Languages: Python, R, SQL. " + _FILLER + "Co-authored with D. Lima R. in 2021."
    r = [m for m in rm.extract_skills(text) if m.skill_id == "r"]
    assert [m.start for m in r] == [text.index("R,")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Stack: Hugging Face (transformers, datasets, accelerate), vLLM",
            {"hugging-face-transformers", "hf-datasets", "hf-accelerate"},
        ),
        ("Data pipeline on AWS (S3, Batch); dashboards in Grafana", {"s3", "aws-batch"}),
        ("Azure services (Functions and Blob Storage)", {"azure-functions", "azure-blob-storage"}),
    ],
)
def test_a_vendors_bracket_names_its_products_by_their_bare_names(
    text: str, expected: set[str]
) -> None:
    found = {m.skill_id for m in rm.extract_skills(text)}
    assert expected <= found
    assert "transformer" not in found  # the library, not the architecture


def test_a_tool_of_its_own_in_a_vendors_bracket_keeps_its_id() -> None:
    found = {m.skill_id for m in rm.extract_skills("Analytics on Azure (Synapse, Databricks).")}
    assert "databricks" in found and "azure-databricks" not in found


def test_bare_product_words_outside_the_vendors_bracket_are_plain_words() -> None:
    found = {m.skill_id for m in rm.extract_skills("We ran a batch of datasets to accelerate it.")}
    assert not found & {"aws-batch", "hf-datasets", "hf-accelerate"}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Ray, PyTorch, Lightning, JAX (basic), CUDA", "jax"),
        ("Fine-tuned it with PEFT and TRL (DPO); tracked runs in MLflow", "dpo"),
    ],
)
def test_a_bracket_that_rates_or_names_a_neighbour_is_not_an_expansion(
    text: str, skill: str
) -> None:
    assert skill in {m.skill_id for m in rm.extract_skills(text)}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Fine-tuned Mistral-7B on support tickets.", "mistral"),
        ("Tried Gemma-2-9B for the summaries.", "gemma"),
        ("Moved the nightly jobs to Spark 3.5 last year.", "spark"),
        ("Services are written in Go 1.22.", "go"),
    ],
)
def test_a_release_number_or_model_size_confirms_a_name(text: str, skill: str) -> None:
    assert skill in {m.skill_id for m in rm.extract_skills(text)}


def test_a_number_alone_does_not_make_a_word_software() -> None:
    found = {m.skill_id for m in rm.extract_skills("The 2 spark plugs lasted 3 years.")}
    assert "spark" not in found


def test_a_past_tense_is_not_read_as_a_misspelt_noun() -> None:
    found = {m.skill_id for m in rm.extract_skills("Breaking stories get recommended in minutes.")}
    assert "recommender-systems" not in found
    # A real misspelling of the noun is still rescued.
    assert "recommender-systems" in {
        m.skill_id for m in rm.extract_skills("Built a recomender system for news.")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Languages: Python (8 yrs), SQL (8 yrs), Scala (3 yrs), Go (1 yr)",
        "Go (1 yr), Python (8 yrs)",
    ],
)
def test_a_bracketed_aside_does_not_end_a_list(text: str) -> None:
    assert "go" in {m.skill_id for m in rm.extract_skills(text)}


def test_an_aside_is_no_list_on_its_own() -> None:
    assert "go" not in {m.skill_id for m in rm.extract_skills("We go (as a team) to the office.")}


def test_a_word_glued_to_the_next_title_is_split() -> None:
    text = "Similar jobsMachine Learning Engineer - Kredo Bank"
    found = [m for m in rm.extract_skills(text) if m.skill_id == "machine-learning"]
    assert [(m.text, m.start) for m in found] == [("Machine Learning", text.index("Machine"))]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Software Engineer, VisionTech, 2017-2020", "computer-vision"),
        ("Biostatistician, PharmaTrials Inc.", "life-sciences"),
    ],
)
def test_camel_case_company_names_stay_whole(text: str, absent: str) -> None:
    assert absent not in {m.skill_id for m in rm.extract_skills(text)}


def test_a_name_the_lexicon_spells_in_camel_case_stays_whole() -> None:
    found = [
        m for m in rm.extract_skills("Trained fastText embeddings.") if m.skill_id == "fasttext"
    ]
    assert [m.text for m in found] == ["fastText"]


def test_a_full_stop_after_a_name_ending_in_a_capital_is_not_part_of_it() -> None:
    assert "pytorch-geometric" in {m.skill_id for m in rm.extract_skills("Graph models in PyG.")}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("HALDEN PHARMA A/S Position description", "pharma"),
        ("Lead CV Engineer - Portowa Robotics Sp. z o.o. 03/2021", "robotics"),
    ],
)
def test_a_field_word_before_a_legal_form_is_part_of_a_company_name(text: str, absent: str) -> None:
    assert absent not in {m.skill_id for m in rm.extract_skills(text)}


def test_a_field_word_before_other_capitals_still_counts() -> None:
    assert "pharma" in {m.skill_id for m in rm.extract_skills("Experience in Pharma SE Asia")}


@pytest.mark.parametrize(
    ("query", "alias", "typo"),
    [
        ("tensor flow", "tensorflow", True),  # split: the same letters
        ("deeplearning", "deep learning", True),  # glued
        ("paper mills", "papermill", False),  # two words and another number
        ("early-warning score", "early warning scores", True),  # hyphen for space
        ("security and compliance", "security compliance", False),
    ],
)
def test_phrases_of_other_lengths_are_typos_only_when_split_or_glued(
    query: str, alias: str, typo: bool
) -> None:
    from resume_match.extract import _typo_shaped

    assert _typo_shaped(query, alias) is typo
