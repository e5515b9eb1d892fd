"""The text normaliser: what it folds, that it is idempotent, and its offset map."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_match.text import cut, normalize, normalize_with_offsets

# Text that looks like a resume pasted from a PDF: letters, digits, punctuation,
# odd whitespace, ligatures, typographic dashes and quotes, invisible characters
# and combining accents.
resume_chars = st.sampled_from(
    [
        *"abcdeRCPy+#./-,&()@ \n\t",
        *["\u00a0", "\u2013", "\u2014", "\u2019", "\u201c", "\ufb01", "\u00ad", "\u200b"],
        *["e\u0301", "\u00e9", "\uff30", "\u00a8", "\u2002", "\r\n"],
    ]
)
resume_text = st.lists(resume_chars, max_size=40).map("".join)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("machine\nlearning", "machine learning"),
        ("  Python \t\t SQL  ", "Python SQL"),
        ("scikit\u2011learn \u2013 fast", "scikit-learn - fast"),
        ("Hugging Face\u2019s \u201cTransformers\u201d", 'Hugging Face\'s "Transformers"'),
        ("\ufb01ne-tuning", "fine-tuning"),
        ("Py\u00adTorch and Ten\u200bsorFlow", "PyTorch and TensorFlow"),
        ("\uff30\uff59\uff34\uff4f\uff52\uff43\uff48", "PyTorch"),
        ("e\u0301te\u0301", "\u00e9t\u00e9"),
        ("R", "R"),
        ("", ""),
        (" \n ", ""),
    ],
)
def test_normalize_folds_what_pdfs_and_word_processors_produce(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_keeps_case_because_some_aliases_are_case_sensitive() -> None:
    assert normalize("Go and GO and go") == "Go and GO and go"


@given(resume_text)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(resume_text)
def test_normalized_text_has_no_runs_of_whitespace(text: str) -> None:
    norm = normalize(text)
    assert "  " not in norm
    assert norm == norm.strip()
    assert not any(ch.isspace() and ch != " " for ch in norm)


@given(resume_text)
def test_every_word_maps_back_to_text_that_normalises_to_it(text: str) -> None:
    norm, offsets = normalize_with_offsets(text)
    position = 0
    for word in norm.split(" "):
        start, end = offsets.span(position, position + len(word))
        assert 0 <= start <= end <= len(text)
        assert normalize(text[start:end]) == word
        position += len(word) + 1


def test_offsets_cover_a_skill_wrapped_across_lines() -> None:
    text = "Skills: deep\n    learning, SQL"
    norm, offsets = normalize_with_offsets(text)
    start = norm.index("deep learning")
    begin, end = offsets.span(start, start + len("deep learning"))
    assert text[begin:end] == "deep\n    learning"
    sql = norm.index("SQL")
    assert offsets.span(sql, sql + 3) == (text.index("SQL"), len(text))


def test_offsets_through_ligatures_and_accents() -> None:
    text = "\ufb01ne-tuned BERT on caf\u0065\u0301 reviews"
    norm, offsets = normalize_with_offsets(text)
    assert norm == "fine-tuned BERT on caf\u00e9 reviews"
    word = norm.index("caf\u00e9")
    begin, end = offsets.span(word, word + 4)
    assert text[begin:end] == "cafe\u0301"
    begin, end = offsets.span(0, 4)
    assert text[begin:end] == "\ufb01ne"


def test_empty_span_maps_to_an_empty_span() -> None:
    _, offsets = normalize_with_offsets("a  b")
    assert offsets.span(2, 2) == (3, 3)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("infrastructure-\nas-code", "infrastructure-as-code"),
        ("policy-\r\n    as-code", "policy-as-code"),
        ("scikit\u2011\nlearn", "scikit-learn"),  # a non-breaking hyphen folds first
        ("caf\u00e9-\nbar", "caf\u00e9-bar"),
        # Not a wrapped compound: a digit on one side, a space instead of a
        # line break, or a dash standing alone.
        ("Python-\n3", "Python- 3"),
        ("pre- and post-training", "pre- and post-training"),
        ("ML -\nops", "ML - ops"),
        ("ML-\n- ops", "ML- - ops"),
    ],
)
def test_a_compound_hyphenated_at_a_line_break_is_joined(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    "text",
    ["Use infrastructure-\n  as-code daily", "Use infrastr\u00fccture-\n  as-code daily"],
)
def test_offsets_of_a_joined_compound_cover_the_line_break(text: str) -> None:
    norm, offsets = normalize_with_offsets(text)
    start = norm.index("infrastr")
    end = start + len(norm.split(" ")[1])
    begin, stop = offsets.span(start, end)
    assert text[begin:stop] == text[text.index("infrastr") : text.index(" daily")]
    after = norm.index("daily")
    assert offsets.span(after, after + 5) == (text.index("daily"), len(text))


@given(resume_text)
def test_the_plain_ascii_shortcut_agrees_with_the_full_normaliser(text: str) -> None:
    assert normalize(text) == normalize_with_offsets(text)[0]


def _clusters_one_by_one(text: str) -> tuple[list[str], list[int], list[int]]:
    """The definition the fast path must keep: NFKC per base character and its marks."""
    import unicodedata

    from resume_match.text import _DROP

    chars: list[str] = []
    sources: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        out = unicodedata.normalize("NFKC", "".join(c for c in text[i:j] if c not in _DROP))
        chars.extend(out)
        sources.extend([i] * len(out))
        ends.extend([j] * len(out))
        i = j
    return chars, sources, ends


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab -\n.e\u0301\u0300\u00ad\u200b\ufb01\u00bd\u00e9\u2013\u2460\uff21"))
def test_ascii_runs_are_copied_exactly_as_cluster_by_cluster_nfkc(text: str) -> None:
    from resume_match.text import _unicode_pass

    assert _unicode_pass(text) == _clusters_one_by_one(text)


@given(resume_text, st.lists(st.tuples(st.integers(0, 60), st.integers(1, 3)), max_size=4))
def test_cut_keeps_every_remaining_character_mapped_to_its_original(
    text: str, picks: list[tuple[int, int]]
) -> None:
    norm, offsets = normalize_with_offsets(text)
    cuts: list[tuple[int, int]] = []
    for start, length in sorted(picks):
        start = min(start, len(norm))
        if cuts and start < cuts[-1][1]:
            continue
        cuts.append((start, min(start + length, len(norm))))
    short, back = cut(norm, offsets, cuts)
    kept = [i for i in range(len(norm)) if not any(s <= i < e for s, e in cuts)]
    assert short == "".join(norm[i] for i in kept)
    for new, old in enumerate(kept):
        assert back.start(new) == offsets.start(old)
        assert back.span(new, new + 1) == offsets.span(old, old + 1)


def test_a_cut_inside_a_span_widens_it_over_the_deleted_characters() -> None:
    text = "pose  estima-\ntion here"
    norm, offsets = normalize_with_offsets(text)
    assert norm == "pose estima-tion here"
    short, back = cut(norm, offsets, [(norm.index("-"), norm.index("-") + 1)])
    assert short == "pose estimation here"
    start, end = back.span(5, 15)
    assert text[start:end] == "estima-\ntion"
