"""The one text normaliser, used on lexicon aliases and on the text being analysed.

Both sides go through :func:`normalize` so that an alias written the way people
type it matches the way it appears in a PDF: Unicode NFKC (ligatures, full-width
letters, non-breaking spaces), typographic dashes and quotes folded to ``-`` and
``'``/``"``, invisible characters (soft hyphen, zero-width space) dropped,
every run of whitespace collapsed to one space, and a compound hyphenated at a
line break joined again (``"infrastructure-\\nas-code"`` becomes
``"infrastructure-as-code"``: a hyphen between letters with a line break after it).

>>> normalize("Py\\u00adTorch \\u2013 scikit\\u2011learn\\n\\n  \\ufb01ne-tuning")
'PyTorch - scikit-learn fine-tuning'

:func:`normalize_with_offsets` does the same and keeps a map back to the
original text, so a mention found in the normalised text can be reported with
offsets into the text the caller passed in (a skill wrapped across a line
break still matches, and its span covers the line break).

The normaliser never changes letter case: case-sensitive aliases ("R", "Go")
depend on it. It is idempotent: ``normalize(normalize(s)) == normalize(s)``.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["OffsetMap", "normalize", "normalize_with_offsets"]

# Characters that carry no visible text; PDFs and word processors sprinkle them
# inside words ("Py\u00adTorch"), so dropping them lets such words match.
_DROP = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")

# One-to-one folds applied after NFKC. They keep the length, so offsets survive.
_FOLD = str.maketrans(
    {
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus sign
        "\ufe58": "-",  # small em dash (NFKC leaves it alone)
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",  # prime, often typed for an apostrophe
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
    }
)

_FOLD_CHARS = re.compile("[\u2010-\u2015\u2212\ufe58\u2018-\u201f\u2032\u2033]")
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
_DROP_CHARS = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def _fold(text: str) -> str:
    """Apply ``_FOLD``. ``str.translate`` walks every character through a dict and
    is slow on non-ASCII text; a resume has a few dozen dashes and quotes at most,
    so the regex replaces just those (0.03 ms instead of 0.4 ms on 4,500 characters).

    >>> _fold("state\u2011of\u2011the\u2011art \u2018models\u2019")
    "state-of-the-art 'models'"
    """
    return _FOLD_CHARS.sub(_fold_one, text)


def _fold_one(found: re.Match[str]) -> str:
    return str(_FOLD[ord(found.group())])


# Whitespace that has to change: a run of two or more, or a single character
# other than a plain space (a newline or tab becomes a space).
_SPACE_RUN = re.compile(r"\s{2,}|[^\S ]")

# Characters that end a line. A hyphen right before one, between two letters,
# is a compound split by the line wrap ("infrastructure-\nas-code"): the
# whitespace is dropped instead of becoming a space, so the compound is one
# word again. A hyphen before a plain space ("pre- and post-training") is left alone.
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _joins(text: str, start: int, end: int) -> bool:
    """Whether the whitespace ``text[start:end]`` is a line break inside a hyphenated word.

    >>> _joins("as-\\n code", 3, 5)
    True
    >>> _joins("pre- and", 4, 5)
    False
    """
    return (
        start >= 2
        and end < len(text)
        and text[start - 1] == "-"
        and text[start - 2].isalpha()
        and text[end].isalpha()
        and any(ch in _LINE_BREAKS for ch in text[start:end])
    )


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps character offsets in a normalised text back to the original text.

    The map is piecewise linear: ``anchors_norm[i]`` in the normalised text
    corresponds to ``anchors_orig[i]`` in the original, and offsets between two
    anchors move together. Use :meth:`span` to convert a ``[start, end)`` span.

    >>> norm, offsets = normalize_with_offsets("deep\\n   learning")
    >>> norm
    'deep learning'
    >>> offsets.span(5, 13)
    (8, 16)
    """

    anchors_norm: tuple[int, ...]
    anchors_orig: tuple[int, ...]
    orig_length: int
    wide_ends: dict[int, int] = field(default_factory=dict, compare=False, hash=False)
    """Original end offset of normalised characters that stand for more than one
    original character (a letter with its combining accent); empty for most texts."""

    def start(self, pos: int) -> int:
        """Original offset of the character at normalised offset ``pos``.

        >>> normalize_with_offsets("a  b")[1].start(2)
        3
        """
        i = bisect.bisect_right(self.anchors_norm, pos) - 1
        if i < 0:
            return pos
        return self.anchors_orig[i] + (pos - self.anchors_norm[i])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised span ``[start, end)``.

        The end is one past the original character that produced the span's
        last character, so a span never swallows trailing whitespace.

        >>> normalize_with_offsets(" \\ufb01ne")[1].span(0, 4)
        (1, 4)
        """
        if end <= start:
            begin = self.start(start)
            return begin, begin
        last = end - 1
        stop = self.wide_ends.get(last)
        if stop is None:
            stop = self.start(last) + 1
        return self.start(start), min(stop, self.orig_length)


def normalize(text: str) -> str:
    """Normalise ``text`` for matching: NFKC, dashes/quotes folded, spaces collapsed.

    >>> normalize("  Hugging\\u00a0Face\\u2019s  Transformers ")
    "Hugging Face's Transformers"
    """
    if text.isascii() and not _SPACE_RUN.search(text):
        # Plain ASCII with single spaces only (most aliases and words): nothing
        # to fold, collapse or join, so skip building an offset map.
        return text.strip()
    return normalize_with_offsets(text)[0]


def normalize_with_offsets(text: str) -> tuple[str, OffsetMap]:
    """Normalise ``text`` and return an :class:`OffsetMap` back to it.

    >>> norm, offsets = normalize_with_offsets("  R\\u2013squared")
    >>> norm, offsets.span(0, len(norm))
    ('R-squared', (2, 11))
    """
    if text.isascii():
        # Plain ASCII is already NFKC and has nothing to fold or drop: only
        # whitespace can change, which keeps the common case cheap.
        return _collapse(text, len(text))
    if unicodedata.is_normalized("NFKC", text) and not _DROP_CHARS.search(text):
        return _collapse(_fold(text), len(text))
    chars, sources, ends = _unicode_pass(text)
    return _collapse_mapped(_fold("".join(chars)), sources, ends, len(text))


def cut(text: str, offsets: OffsetMap, cuts: Sequence[tuple[int, int]]) -> tuple[str, OffsetMap]:
    """Delete the ranges ``cuts`` (sorted, disjoint) from the normalised ``text``.

    The returned map still leads back to the original text that ``offsets``
    describes, so a later span over the shortened text maps to the original
    characters, the deleted ones included when they fall inside it.

    >>> norm, offsets = normalize_with_offsets("pose estima- tion")
    >>> short, back = cut(norm, offsets, [(11, 13)])
    >>> short, back.span(5, len(short))
    ('pose estimation', (5, 17))
    """
    if not cuts:
        return text, offsets
    pieces: list[str] = []
    anchors: list[tuple[int, int]] = []
    wide: dict[int, int] = {}
    old = list(zip(offsets.anchors_norm, offsets.anchors_orig, strict=True))
    k = 0
    removed = 0
    last = 0
    for start, end in [*cuts, (len(text), len(text))]:
        # Anchors and wide characters of the kept stretch [last, start) move left.
        while k < len(old) and old[k][0] < start:
            if old[k][0] >= last:
                anchors.append((old[k][0] - removed, old[k][1]))
            k += 1
        for pos, stop in offsets.wide_ends.items():
            if last <= pos < start:
                wide[pos - removed] = stop
        pieces.append(text[last:start])
        if end > start:
            # The character after the cut keeps its own original offset.
            anchors.append((start - removed, offsets.start(end)))
        removed += end - start
        last = end
    return "".join(pieces), OffsetMap(
        tuple(a for a, _ in anchors), tuple(o for _, o in anchors), offsets.orig_length, wide
    )


def _unicode_pass(text: str) -> tuple[list[str], list[int], list[int]]:
    """NFKC per cluster (a base character and its combining marks), dropping invisibles.

    Returns the output characters and, for each, the original offsets of the
    cluster it came from (start and exclusive end).
    Normalising cluster by cluster (not the whole string at once) is what makes
    the offset map exact; combining marks stay with their base character.
    """
    chars: list[str] = []
    sources: list[int] = []
    ends: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        run = _ASCII_RUN.match(text, i)
        if run is not None:
            # ASCII characters are their own NFKC form and never dropped: copy a
            # run at once, all but a last one that a combining mark follows.
            k = run.end()
            if k < n and unicodedata.combining(text[k]):
                k -= 1
            if k > i:
                chars.extend(text[i:k])
                sources.extend(range(i, k))
                ends.extend(range(i + 1, k + 1))
                i = k
                continue
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = "".join(c for c in text[i:j] if c not in _DROP)
        if cluster:
            out = unicodedata.normalize("NFKC", cluster)
            chars.extend(out)
            sources.extend([i] * len(out))
            ends.extend([j] * len(out))
        i = j
    return chars, sources, ends


def _strip_bounds(text: str) -> tuple[int, int]:
    """``(first, end)`` of ``text`` without leading and trailing whitespace."""
    first = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return first, max(first, end)


def _collapse(text: str, orig_length: int) -> tuple[str, OffsetMap]:
    """Strip and collapse whitespace in ``text``, whose offsets are the original ones."""
    first, stop = _strip_bounds(text)
    pieces: list[str] = []
    anchors_norm = [0]
    anchors_orig = [first]
    out_len = 0
    last = first
    for match in _SPACE_RUN.finditer(text, first, stop):
        s, e = match.span()
        pieces.append(text[last:s])
        if _joins(text, s, e):
            out_len += s - last
        else:
            pieces.append(" ")
            out_len += s - last + 1
        last = e
        # A run of several characters became one space: offsets shift from here.
        anchors_norm.append(out_len)
        anchors_orig.append(e)
    pieces.append(text[last:stop])
    return "".join(pieces), OffsetMap(tuple(anchors_norm), tuple(anchors_orig), orig_length)


def _collapse_mapped(
    text: str, sources: list[int], ends: list[int], orig_length: int
) -> tuple[str, OffsetMap]:
    """Like :func:`_collapse`, for text whose characters came from ``sources`` offsets."""
    first, stop = _strip_bounds(text)
    pieces: list[str] = []
    out_sources: list[int] = []
    out_ends: list[int] = []
    last = first
    for match in _SPACE_RUN.finditer(text, first, stop):
        s, e = match.span()
        pieces.append(text[last:s])
        out_sources.extend(sources[last:s])
        out_ends.extend(ends[last:s])
        if not _joins(text, s, e):
            pieces.append(" ")
            out_sources.append(sources[s])
            out_ends.append(sources[s] + 1)
        last = e
    pieces.append(text[last:stop])
    out_sources.extend(sources[last:stop])
    out_ends.extend(ends[last:stop])
    anchors_norm: list[int] = []
    anchors_orig: list[int] = []
    wide: dict[int, int] = {}
    previous = -2
    for pos, src in enumerate(out_sources):
        # Anchor wherever the source does not simply advance by one character.
        if src != previous + 1:
            anchors_norm.append(pos)
            anchors_orig.append(src)
        if out_ends[pos] != src + 1:
            wide[pos] = out_ends[pos]
        previous = src
    offsets = OffsetMap(tuple(anchors_norm), tuple(anchors_orig), orig_length, wide)
    return "".join(pieces), offsets
