"""Loading, merging and validating lexicon files; the relation helpers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from resume_match.errors import LexiconError, Problem
from resume_match.lexicon import (
    CATEGORIES,
    ancestors,
    descendants,
    implications,
    load_lexicon,
    skill_aliases,
    substitutes_for,
)
from resume_match.models import Alias, Lexicon, Skill

BASE = """
# A small lexicon written for these tests.
[[skill]]
id = "programming-language"
name = "programming language"
category = "language"
abstract = true

[[skill]]
id = "python"
name = "Python"
category = "language"
aliases = ["Python 3", "py3"]
broader = ["programming-language"]

[[skill]]
id = "deep-learning-framework"
name = "deep learning framework"
category = "dl-framework"
abstract = true

[[skill]]
id = "pytorch"
name = "PyTorch"
category = "dl-framework"
aliases = ["torch"]
broader = ["deep-learning-framework"]
implies = [{ id = "python", weight = 0.5 }]

[[skill]]
id = "pytorch-lightning"
name = "PyTorch Lightning"
category = "dl-framework"
aliases = [{ text = "Lightning", case_sensitive = true, ambiguous = true }]
broader = ["pytorch"]
context = ["trainer"]

[[skill]]
id = "jax"
name = "JAX"
category = "dl-framework"
broader = ["deep-learning-framework"]

[[substitutes]]
id = "dl"
members = ["pytorch", "jax"]
credit = 0.6
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(*paths: Path) -> list[str]:
    with pytest.raises(LexiconError) as caught:
        load_lexicon(*paths, bundled=False)
    return [str(problem) for problem in caught.value.problems]


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return write(tmp_path, "base.toml", BASE)


def test_loads_entries_with_their_fields(base: Path) -> None:
    lexicon = load_lexicon(base, bundled=False)
    assert list(lexicon.skills)[:2] == ["programming-language", "python"]
    pytorch = lexicon.skills["pytorch"]
    assert pytorch.name == "PyTorch"
    assert pytorch.category == "dl-framework"
    assert [a.text for a in pytorch.aliases] == ["torch"]
    assert pytorch.implies[0].id == "python"
    assert pytorch.source == str(base)
    lightning = lexicon.skills["pytorch-lightning"].aliases[0]
    assert (lightning.case_sensitive, lightning.ambiguous) == (True, True)
    assert lexicon.substitutes[0].members == ("pytorch", "jax")
    assert lexicon.sources == (str(base),)


def test_merging_adds_overrides_and_extends(base: Path, tmp_path: Path) -> None:
    mine = write(
        tmp_path,
        "mine.toml",
        """
[[skill]]
id = "polars"
name = "Polars"
category = "ml-library"
implies = [{ id = "python", weight = 0.3 }]

[[skill]]
id = "jax"
name = "Google JAX"
category = "dl-framework"

[[skill]]
id = "pytorch"
extend = true
aliases = ["PyTorch 2"]
context = ["autograd"]
""",
    )
    lexicon = load_lexicon(base, mine, bundled=False)
    assert lexicon.skills["polars"].source == str(mine)
    # An override replaces the whole entry, in place.
    assert lexicon.skills["jax"].name == "Google JAX"
    assert lexicon.skills["jax"].broader == ()
    assert list(lexicon.skills).index("jax") == 5
    # An extension only adds.
    pytorch = lexicon.skills["pytorch"]
    assert [a.text for a in pytorch.aliases] == ["torch", "PyTorch 2"]
    assert pytorch.context == ("autograd",)
    assert pytorch.broader == ("deep-learning-framework",)
    assert lexicon.sources == (str(base), str(mine))


def test_every_problem_is_reported_at_once_word_for_word(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.toml",
        """
[[skill]]
id = "pyhton"
name = "Python"
category = "language"

[[skill]]
id = "pandas"
name = "pandas"
category = "ml-libary"
aliases = ["", "DataFrames"]
broader = ["python"]
implies = [{ id = "numpy", weight = 1.5 }]
colour = "blue"

[[skill]]
id = "Polars Lib"
name = "Polars"
category = "ml-library"

[[skill]]
name = "nameless"
category = "ml-library"

[[skill]]
id = "pyhton"
name = "Python again"
category = "language"

[[skill]]
id = "dataframes"
name = "DataFrames"
category = "ml-library"
broader = ["pyhton"]
""",
    )
    f = str(path)
    assert problems_of(path) == [
        f"{f}, entry 'pandas', field 'colour': unknown field 'colour'; "
        "allowed fields: id, name, category, aliases, abstract, broader, implies, part_of, "
        "context, veto, positive, negative, extend",
        f"{f}, entry 'pandas', field 'category': unknown category 'ml-libary'; "
        "did you mean 'ml-library'?",
        f"{f}, entry 'pandas', field 'aliases': alias 1 is empty; remove it or write the spelling",
        f"{f}, entry 'pandas', field 'implies': item 1 weight 1.5 is outside 0 to 1; "
        "use a share, e.g. 0.5",
        f"{f}, entry 'Polars Lib', field 'id': invalid id 'Polars Lib'; "
        "ids are lowercase words joined by '-', e.g. 'polars-lib'",
        f"{f}, entry '#4', field 'id': missing required field; add id = \"...\"",
        f"{f}, entry 'pyhton', field 'id': duplicate id 'pyhton'; it is also defined in {f}; "
        "keep one entry, or set extend = true on this one to add to the other",
    ]


def test_cross_reference_problems_are_located_and_hinted(base: Path, tmp_path: Path) -> None:
    mine = write(
        tmp_path,
        "mine.toml",
        """
[[skill]]
id = "keras"
name = "Keras"
category = "dl-framework"
aliases = ["torch"]
broader = ["deep-learning-framwork"]
implies = [{ id = "tensorflow", weight = 0.5 }]
part_of = ["keras"]

[[skill]]
id = "flax"
extend = true
aliases = ["Flax NNX"]

[[skill]]
id = "jax"
extend = true
name = "JAX!"

[[substitutes]]
id = "frameworks"
members = ["pytorch", "kreas"]
credit = 0.5
""",
    )
    m = str(mine)
    assert problems_of(base, mine) == [
        f"{m}, entry 'flax', field 'id': cannot extend unknown skill id 'flax'; "
        "drop extend = true to add it as a new entry",
        f"{m}, entry 'jax', field 'name': unknown field 'name' in an extend entry; "
        "an extend entry only adds to aliases, broader, implies, part_of, context, veto, "
        "positive, negative; drop extend = true to replace the whole entry",
        f"{m}, entry 'keras', field 'broader': unknown skill id 'deep-learning-framwork'; "
        "did you mean 'deep-learning-framework'?",
        f"{m}, entry 'keras', field 'part_of': 'keras' refers to itself; remove it from the list",
        f"{m}, entry 'keras', field 'implies': unknown skill id 'tensorflow'; "
        "add an entry with that id, or remove it from the list",
        f"{m}, entry 'frameworks', field 'members': unknown skill id 'kreas'; "
        "did you mean 'keras'?",
        f"{m}, entry 'keras', field 'aliases': alias 'torch' is also claimed by 'pytorch' "
        f"({base}); keep it on one entry; mark it ambiguous with context and veto rules on "
        "the entry that keeps it",
    ]


def test_alias_clash_between_case_sensitive_and_insensitive_spellings(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "clash.toml",
        """
[[skill]]
id = "go"
name = "Go"
category = "language"
aliases = [{ text = "Go", case_sensitive = true, ambiguous = true }]

[[skill]]
id = "go-game"
name = "Go (game)"
category = "domain"
aliases = ["go"]

[[skill]]
id = "spark"
name = "Apache Spark"
category = "data-eng"
aliases = [{ text = "Spark", case_sensitive = true }]

[[skill]]
id = "spark-ar"
name = "Spark AR"
category = "domain"
aliases = [{ text = "SPARK", case_sensitive = true }]
""",
    )
    (problem,) = problems_of(path)
    assert problem == (
        f"{path}, entry 'go-game', field 'aliases': alias 'go' is also claimed by 'go' "
        f"({path}); keep it on one entry; mark it ambiguous with context and veto rules "
        "on the entry that keeps it"
    )


def test_toml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.toml", '[[skill]]\nid = "python"\nname = Python\n')
    assert problems_of(path) == [
        f"{path}: TOML syntax error at line 3, column 8: Invalid value; "
        "fix the syntax there; see lexicons/README.md for the format"
    ]


def test_problems_from_several_files_are_reported_together(tmp_path: Path) -> None:
    broken = write(tmp_path, "a.toml", "[[skill]\n")
    wrong = write(tmp_path, "b.toml", '[skills]\nid = "x"\n')
    missing = tmp_path / "missing.toml"
    found = problems_of(broken, wrong, missing)
    assert len(found) == 3
    assert found[0].startswith(f"{broken}: TOML syntax error at line 1")
    assert found[1] == (
        f"{wrong}, field 'skills': unknown top-level key 'skills'; did you mean 'skill'?"
    )
    assert (
        found[2] == f"{missing}: cannot read the file (No such file or directory); check the path"
    )


def test_broader_cycles_are_reported_once(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "cycle.toml",
        """
[[skill]]
id = "a"
name = "A thing"
category = "technique"
broader = ["b"]

[[skill]]
id = "b"
name = "B thing"
category = "technique"
broader = ["a"]
""",
    )
    assert problems_of(path) == [
        f"{path}, entry 'a', field 'broader': broader links form a cycle: a -> b -> a; "
        "remove one of these links"
    ]


def test_the_error_lists_problems_under_one_heading(tmp_path: Path) -> None:
    path = write(tmp_path, "two.toml", '[[skill]]\nid = "x"\n')
    with pytest.raises(LexiconError) as caught:
        load_lexicon(path, bundled=False)
    assert str(caught.value) == (
        "2 problems in lexicon data:\n"
        f"  - {path}, entry 'x', field 'name': missing required field; add name = \"...\"\n"
        f"  - {path}, entry 'x', field 'category': missing required field; "
        'add category = "..."'
    )
    assert isinstance(caught.value, ValueError)
    assert all(isinstance(p, Problem) for p in caught.value.problems)


def test_bundled_lexicon_loads_once_and_is_the_same_object() -> None:
    first = load_lexicon()
    assert load_lexicon() is first
    assert first.skills, "the bundled lexicon is empty"
    assert all(s.source.startswith("lexicons/skills/") for s in first.skills.values())
    assert {s.category for s in first.skills.values()} <= set(CATEGORIES)


def test_bundled_lexicon_merges_a_user_file(tmp_path: Path) -> None:
    mine = write(
        tmp_path,
        "mine.toml",
        '[[skill]]\nid = "my-inhouse-tool"\nname = "Flumox"\ncategory = "mlops"\n',
    )
    lexicon = load_lexicon(mine)
    assert "my-inhouse-tool" in lexicon.skills
    assert len(lexicon.skills) == len(load_lexicon().skills) + 1


def test_import_reads_no_lexicon_file() -> None:
    import subprocess

    code = (
        "import sys, resume_match.lexicon as lx\n"
        "assert lx._bundled_lexicon.cache_info().currsize == 0\n"
        "assert 'spacy' not in sys.modules and 'rapidfuzz' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_skill_aliases_adds_the_name_unless_an_alias_spells_it() -> None:
    plain = Skill(id="sql", name="SQL", category="language", aliases=(Alias(text="T-SQL"),))
    assert [a.text for a in skill_aliases(plain)] == ["SQL", "T-SQL"]
    r = Skill(
        id="r",
        name="R",
        category="language",
        aliases=(Alias(text="R", case_sensitive=True, ambiguous=True), Alias(text="RStudio")),
    )
    assert [(a.text, a.case_sensitive) for a in skill_aliases(r)] == [
        ("R", True),
        ("RStudio", False),
    ]
    twice = Skill(id="x", name="XGBoost", category="ml-library", aliases=(Alias(text="xgboost"),))
    assert [a.text for a in skill_aliases(twice)] == ["xgboost"]


def test_relation_helpers(base: Path) -> None:
    lexicon = load_lexicon(base, bundled=False)
    assert ancestors(lexicon, "pytorch-lightning") == {"pytorch", "deep-learning-framework"}
    assert ancestors(lexicon, "nope") == frozenset()
    assert descendants(lexicon, "deep-learning-framework") == {
        "pytorch",
        "pytorch-lightning",
        "jax",
    }
    assert implications(lexicon, "pytorch") == {"python": 0.5}
    assert implications(lexicon, "nope") == {}
    assert substitutes_for(lexicon, "jax") == {"pytorch": 0.6}
    assert substitutes_for(lexicon, "python") == {}


def test_empty_lexicon_without_bundled_data() -> None:
    assert load_lexicon(bundled=False) == Lexicon(skills={})
