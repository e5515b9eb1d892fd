"""Every example sentence in the bundled lexicon, run through the extractor.

The cases are collected from the bundled TOML files when the tests are
collected, so the suite grows as entries are added. A skill must be found in
each of its ``positive`` sentences and must not be found in any ``negative`` one.
"""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from resume_match._data import data_root
from resume_match.extract import SkillExtractor
from resume_match.lexicon import load_lexicon


def _bundled_entries() -> list[tuple[str, dict[str, Any]]]:
    folder = data_root() / "skills"
    entries: list[tuple[str, dict[str, Any]]] = []
    if not folder.is_dir():
        return entries
    for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if not item.name.endswith(".toml"):
            continue
        try:
            document = tomllib.loads(item.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError:
            continue  # test_lexicon.py reports syntax errors; nothing to collect here
        for table in document.get("skill", []):
            if isinstance(table, dict) and isinstance(table.get("id"), str):
                entries.append((item.name, table))
    return entries


def _examples() -> list[Any]:
    cases = []
    for file_name, table in _bundled_entries():
        for kind in ("positive", "negative"):
            for number, sentence in enumerate(table.get(kind, []), start=1):
                cases.append(
                    pytest.param(
                        table["id"],
                        kind,
                        sentence,
                        id=f"{file_name}:{table['id']}:{kind}{number}",
                    )
                )
    return cases


EXAMPLES = _examples()


@pytest.fixture(scope="module")
def extractor() -> SkillExtractor:
    return SkillExtractor(load_lexicon())


def test_the_bundled_lexicon_has_examples() -> None:
    assert len(EXAMPLES) > 0


@pytest.mark.parametrize(("skill_id", "kind", "sentence"), EXAMPLES)
def test_example_sentence(
    extractor: SkillExtractor, skill_id: str, kind: str, sentence: str
) -> None:
    mentions = extractor.extract(sentence)
    found = [(m.skill_id, m.text, m.method) for m in mentions]
    if kind == "positive":
        assert skill_id in {m.skill_id for m in mentions}, f"not found; found {found}"
    else:
        assert skill_id not in {m.skill_id for m in mentions}, f"found in {found}"


def test_entries_with_ambiguous_aliases_carry_both_kinds_of_example() -> None:
    missing = []
    for file_name, table in _bundled_entries():
        aliases = table.get("aliases", [])
        ambiguous = any(isinstance(a, dict) and a.get("ambiguous") for a in aliases)
        if ambiguous and not (table.get("positive") and table.get("negative")):
            missing.append(f"{file_name}:{table['id']}")
    assert missing == []
