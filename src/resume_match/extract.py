"""Skill extraction: find the lexicon's skills in a resume or any text.

This is the only module that imports spaCy and rapidfuzz, and it imports them
lazily (inside functions), so ``import resume_match`` stays fast.

How a text is searched:

1. The text is normalised with :func:`resume_match.text.normalize_with_offsets`
   (whitespace collapsed, so a skill wrapped across a line break still matches)
   and tokenised by a ``spacy.blank("en")`` tokenizer with a few extra split
   points (``/``, ``|``, ``,``, ``;``, brackets) so that "C++/C#/Python" is three skills.
2. Two PhraseMatchers run over the tokens: one on exact text for case-sensitive
   aliases ("R", "Go"), one on lowercase for the rest; the lowercase one also
   finds the entries' veto and context phrases. A few built-in patterns add
   forms the tokenizer glues together (``torch.nn``, ``tf.keras``, ``8xA100``);
   they run as one regular expression over the text, aligned to tokens.
3. A match inside one of its skill's veto phrases is dropped ("R&D", "go-live").
   A match of an ambiguous alias counts only with a context word nearby or when
   it stands in a list next to other recognised skills ("Python, R, SQL").
4. The longest span wins ("PyTorch Lightning" is not also "PyTorch").
5. Leftover words are offered to a bounded fuzzy rescue (rapidfuzz ``ratio``)
   against long, unambiguous aliases only.
6. Spans are mapped back to the caller's text; for a :class:`Resume` each
   mention gets its section, bullet and page, and the contact section, links and
   e-mail addresses are left out.

>>> from resume_match.models import Lexicon, Skill
>>> lexicon = Lexicon(skills={
...     "pytorch": Skill(id="pytorch", name="PyTorch", category="dl-framework"),
...     "pytorch-lightning": Skill(id="pytorch-lightning", name="PyTorch Lightning",
...                                category="dl-framework"),
... })
>>> extractor = SkillExtractor(lexicon)
>>> [(m.skill_id, m.text, m.method) for m in extractor.extract(
...     "Trained models in PyTorch Lightning and plain\\npytorch.")]
[('pytorch-lightning', 'PyTorch Lightning', 'exact'), ('pytorch', 'pytorch', 'exact')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from resume_match.errors import InputError
from resume_match.lexicon import load_lexicon, skill_aliases
from resume_match.models import ExtractConfig, Lexicon, Method, Resume, SkillMention
from resume_match.text import normalize, normalize_with_offsets

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "COMPONENT_NAME",
    "SCORE_AMBIGUOUS",
    "SCORE_MATCH",
    "SkillComponent",
    "SkillExtractor",
    "closest",
    "extract_skills",
]
# ``make_skill_component`` (the spaCy factory named in pyproject.toml's entry
# point) is resolved by the module ``__getattr__`` at the end of this file.

COMPONENT_NAME = "resume_match_skills"
"""The spaCy factory name: ``nlp.add_pipe("resume_match_skills")``."""

SCORE_MATCH = 100.0
"""Score of an exact, alias or pattern match of an unambiguous alias."""
SCORE_AMBIGUOUS = 90.0
"""Score of an ambiguous alias confirmed by a context word or a list of skills."""

FUZZY_MIN_LENGTH = 7
"""Shortest alias (in characters) the fuzzy rescue may produce: short words
have too many real-word neighbours ("panda" is one edit from "pandas")."""
FUZZY_MAX_TOKENS = 3
"""Longest candidate span (in tokens) the fuzzy rescue looks at."""

# Extra split points for our private tokenizer: list separators and brackets
# glued between words ("Python/R", "C++/C#", "AWS(SageMaker)"). URLs are kept
# whole because spaCy checks its URL pattern before it looks for infixes.
_EXTRA_INFIXES = (r"[/|,;()\[\]{}\u2022\u00b7]",)

# spaCy keeps a full stop after a capital letter ("R.", "U.S."); a list that
# ends "Python, R." needs the "R" on its own.
_EXTRA_SUFFIXES = (r"(?<=\b[A-Z])\.",)

_LETTER_DOT = re.compile(r"[^\W\d_]\.")
_PLAIN_PHRASE = re.compile(r"[A-Za-z0-9 ]+")

# Tokens that separate the items of a list of skills ("Python, R and SQL").
_LIST_SEPARATORS = frozenset({",", "/", "|", ";", "&", "and", "or", "+", "\u2022", "\u00b7", "-"})

# Links and addresses: never skills, even when an alias hides inside
# ("github.com/pytorch", "jane@python.org", "scikit-learn.org", "@pytorch").
# Found in the text (not token by token) so the check costs one regex pass.
_LINKS = re.compile(
    r"\S*(?:@|://)\S*|(?<!\S)www\.\S+"
    r"|\S*\.(?:com|org|net|io|dev|ai|edu|gov|co|me|app|info|uk|de)\b\S*",
    re.IGNORECASE,
)

# Forms the tokenizer glues into one token that no alias list can spell out in
# full: module paths and GPU counts. Group name -> skill id in _GLUED_SKILLS.
_GLUED = re.compile(
    r"(?<![\w.@/])(?:"
    r"(?P<keras>tf\.keras(?:\.\w+)*)"
    r"|(?P<tensorflow>tf\.(?!keras\b)[a-z_]\w*(?:\.\w+)*)"
    r"|(?P<pytorch>torch(?:\.[a-z_]\w*)+)"
    r"|(?P<gpu>\d{1,3}x(?:[ahlvtb]\d{2,3}[a-z]?|rtx\d{4}|mi\d{3}x?))"
    r")(?![\w])",
    re.IGNORECASE,
)
_GLUED_SKILLS = {"keras": "keras", "tensorflow": "tensorflow", "pytorch": "pytorch", "gpu": "gpu"}


@dataclass(frozen=True, slots=True)
class _AliasInfo:
    skill_id: str
    text: str
    ambiguous: bool
    method: Method


# Token spans ``(start, end)`` of veto or context phrases, by skill id.
_Spans = dict[str, list[tuple[int, int]]]


@dataclass(slots=True)
class _Candidate:
    start: int  # token offsets in the analysed doc, end exclusive
    end: int
    skill_id: str
    method: Method
    ambiguous: bool
    score: float


# --------------------------------------------------------------------------- #
# Helpers shared with lexicon.py
# --------------------------------------------------------------------------- #


def closest(word: str, choices: Iterable[str], *, score_cutoff: float = 70.0) -> str | None:
    """The choice most similar to ``word`` (rapidfuzz ``ratio``, 0-100), or None.

    Used for "did you mean" hints; ties go to the alphabetically first choice so
    messages are stable.

    >>> closest("pyhton", ["python", "java", "julia"])
    'python'
    >>> closest("zzz", ["python"]) is None
    True
    """
    from rapidfuzz import fuzz, process

    options = sorted(set(choices))
    if not options:
        return None
    found = process.extractOne(word, options, scorer=fuzz.ratio, score_cutoff=score_cutoff)
    return None if found is None else str(found[0])


# --------------------------------------------------------------------------- #
# The extractor
# --------------------------------------------------------------------------- #


class SkillExtractor:
    """A compiled extractor: builds its tokenizer and matchers once, reused per call.

    ``lexicon`` defaults to the bundled lexicon and ``config`` to
    :class:`~resume_match.models.ExtractConfig` defaults.

    >>> from resume_match.models import Alias, Lexicon, Skill
    >>> lexicon = Lexicon(skills={
    ...     "python": Skill(id="python", name="Python", category="language"),
    ...     "r": Skill(id="r", name="R", category="language", context=("tidyverse",),
    ...                aliases=(Alias(text="R", case_sensitive=True, ambiguous=True),),
    ...                veto=("R&D",)),
    ... })
    >>> extractor = SkillExtractor(lexicon)
    >>> [m.skill_id for m in extractor.extract("Languages: Python, R")]
    ['python', 'r']
    >>> [m.skill_id for m in extractor.extract("Led R&D and grew the R team")]
    []
    """

    def __init__(
        self, lexicon: Lexicon | None = None, *, config: ExtractConfig | None = None
    ) -> None:
        import spacy
        from spacy.matcher import PhraseMatcher
        from spacy.util import compile_infix_regex, compile_suffix_regex

        self.lexicon = load_lexicon() if lexicon is None else lexicon
        self.config = ExtractConfig() if config is None else config
        nlp = spacy.blank("en")
        tokenizer: Any = nlp.tokenizer
        defaults: Any = nlp.Defaults
        tokenizer.infix_finditer = compile_infix_regex(
            (*defaults.infixes, *_EXTRA_INFIXES)
        ).finditer
        tokenizer.suffix_search = compile_suffix_regex(
            (*defaults.suffixes, *_EXTRA_SUFFIXES)
        ).search
        # "R." and other letter-dot abbreviations are special cases in spaCy's
        # English rules; here they would hide "R" at the end of a list ("Python, R.").
        # Overriding the few of them is much cheaper than reloading all the rules.
        for key in [k for k in tokenizer.rules or {} if _LETTER_DOT.fullmatch(k)]:
            tokenizer.add_special_case(key, [{"ORTH": key[0]}, {"ORTH": "."}])
        self._nlp = nlp
        self._variant_cache: dict[str, list[list[str]]] = {}
        vocab = nlp.vocab
        self._exact = PhraseMatcher(vocab, attr="ORTH")
        self._lower = PhraseMatcher(vocab, attr="LOWER")
        self._aliases: dict[int, _AliasInfo] = {}
        self._vetoes: dict[int, str] = {}
        self._contexts: dict[int, str] = {}
        # Thousands of alias variants would fill the tokenizer's chunk cache
        # (it stops caching at ``max_cache_size``), and resumes would then be
        # tokenised without a cache, ~10x slower: build with caching off.
        cache_size = tokenizer.max_cache_size
        tokenizer.max_cache_size = 0
        try:
            self._build_phrases()
        finally:
            tokenizer.max_cache_size = cache_size
        self._variant_cache.clear()
        self._glued = {
            group: skill_id
            for group, skill_id in _GLUED_SKILLS.items()
            if skill_id in self.lexicon.skills
        }
        self._fuzzy = _FuzzyIndex(self.lexicon, self.config.fuzzy_cutoff)

    # -- building ----------------------------------------------------------- #

    def _variants(self, phrase: str) -> list[list[str]]:
        """The token sequences ``phrase`` can take in running text.

        Alone it goes through prefix, suffix and special-case rules; glued
        between separators ("C++/C#/Python") a piece is split on infixes only.
        Both forms are registered so either one matches.
        """
        norm = normalize(phrase)
        cached = self._variant_cache.get(norm)
        if cached is not None:
            return cached
        alone = [t.text for t in self._nlp.make_doc(norm)]
        if _PLAIN_PHRASE.fullmatch(norm):
            # Letters, digits and spaces only: no affix rule applies, so the
            # glued form cannot differ.
            self._variant_cache[norm] = [alone]
            return [alone]
        glued_doc = self._nlp.make_doc(f"x/{norm}/x")
        slashes = [t.i for t in glued_doc if t.text == "/"]
        out = [alone]
        if len(slashes) >= 2:
            glued = [t.text for t in glued_doc[slashes[0] + 1 : slashes[-1]]]
            if glued and glued != alone:
                out.append(glued)
        self._variant_cache[norm] = out
        return out

    def _add(self, matcher: Any, key: str, phrase: str) -> int:
        from spacy.tokens import Doc

        key_hash: int = self._nlp.vocab.strings.add(key)
        # The matchers compare token texts only, so a Doc built from the words
        # is enough (and keeps the variants' exact token boundaries).
        docs = [Doc(self._nlp.vocab, words=tokens) for tokens in self._variants(phrase)]
        matcher.add(key, docs)
        return key_hash

    def _build_phrases(self) -> None:
        for skill in self.lexicon.skills.values():
            name_key = normalize(skill.name).lower()
            for number, alias in enumerate(skill_aliases(skill)):
                norm = normalize(alias.text)
                is_name = norm.lower() == name_key
                info = _AliasInfo(
                    skill_id=skill.id,
                    text=norm,
                    ambiguous=alias.ambiguous,
                    method="exact" if is_name else "alias",
                )
                matcher = self._exact if alias.case_sensitive else self._lower
                key_hash = self._add(matcher, f"A|{skill.id}|{number}", norm)
                self._aliases[key_hash] = info
            if skill.veto:
                key = f"V|{skill.id}"
                key_hash = 0
                for phrase in skill.veto:
                    key_hash = self._add(self._lower, key, phrase)
                self._vetoes[key_hash] = skill.id
            if skill.context and any(a.ambiguous for a in skill.aliases):
                key = f"C|{skill.id}"
                key_hash = 0
                for phrase in _context_forms(skill.context):
                    key_hash = self._add(self._lower, key, phrase)
                self._contexts[key_hash] = skill.id

    # -- running ------------------------------------------------------------ #

    def extract(self, doc: Resume | str) -> tuple[SkillMention, ...]:
        """Find skills in a :class:`Resume` or a plain string, sorted by (start, end, skill_id).

        For a resume the offsets point into ``Resume.text`` and each mention
        carries its section, bullet and page.

        >>> from resume_match.models import Lexicon, Skill
        >>> lexicon = Lexicon(skills={"sql": Skill(id="sql", name="SQL", category="language")})
        >>> [(m.text, m.start, m.end) for m in SkillExtractor(lexicon).extract("NoSQL and SQL")]
        [('SQL', 10, 13)]
        """
        if isinstance(doc, Resume):
            return self._extract_resume(doc)
        if isinstance(doc, str):
            return tuple(self._find(doc, ()))
        raise InputError(
            f"<{type(doc).__name__}>: expected a Resume or a str; "
            "parse the file first with parse_resume()"
        )

    def spans(self, text: str) -> list[tuple[int, int, str, Method, float]]:
        """``(start, end, skill_id, method, score)`` for every mention in ``text``.

        A light form of :meth:`extract` for callers that want raw spans (the
        spaCy component uses it).

        >>> from resume_match.models import Lexicon, Skill
        >>> lexicon = Lexicon(skills={"git": Skill(id="git", name="Git", category="devops")})
        >>> SkillExtractor(lexicon).spans("Git and GitHub")
        [(0, 3, 'git', 'exact', 100.0)]
        """
        return [(m.start, m.end, m.skill_id, m.method, m.score) for m in self._find(text, ())]

    def _extract_resume(self, resume: Resume) -> tuple[SkillMention, ...]:
        excluded: list[tuple[int, int]] = list(resume.contact.spans)
        if not self.config.include_contact:
            excluded += [(s.start, s.end) for s in resume.sections if s.kind == "contact"]
            excluded += [(line.start, line.end) for line in resume.lines if line.role == "contact"]
        mentions = self._find(resume.text, _merge_ranges(excluded))
        if not mentions:
            return ()
        where = _Locator(resume)
        return tuple(where.locate(m) for m in mentions)

    def _find(self, text: str, excluded: Sequence[tuple[int, int]]) -> list[SkillMention]:
        norm, offsets = normalize_with_offsets(text)
        if not norm:
            return []
        doc = self._nlp.make_doc(norm)
        # Character ranges no mention may touch: links, and for the fuzzy
        # rescue also the spans already taken and the vetoed phrases.
        blocked = [link.span() for link in _LINKS.finditer(norm)]
        candidates, vetoes, contexts = self._candidates(doc, norm, blocked)
        candidates = [c for c in candidates if not _vetoed(c, vetoes.get(c.skill_id, ()))]
        candidates = self._confirm(doc, candidates, contexts)
        hits = [
            (doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1]), c)
            for c in _longest_first(doc, candidates)
        ]
        if self.config.fuzzy and self._fuzzy.ready:
            blocked += [(start, end) for start, end, _ in hits]
            for spans in vetoes.values():
                for v_start, v_end in spans:
                    last = doc[v_end - 1]
                    blocked.append((doc[v_start].idx, last.idx + len(last)))
            hits += self._fuzzy.rescue(_mask(norm, blocked), self.lexicon)
        mentions: list[SkillMention] = []
        for start, end, cand in hits:
            begin, stop = offsets.span(start, end)
            if excluded and _overlaps(excluded, begin, stop):
                continue
            skill = self.lexicon.skills[cand.skill_id]
            mentions.append(
                SkillMention(
                    skill_id=skill.id,
                    name=skill.name,
                    category=skill.category,
                    text=text[begin:stop],
                    start=begin,
                    end=stop,
                    method=cand.method,
                    score=cand.score,
                )
            )
        mentions.sort(key=lambda m: (m.start, m.end, m.skill_id))
        return mentions

    def _candidates(
        self, doc: Doc, norm: str, blocked: list[tuple[int, int]]
    ) -> tuple[list[_Candidate], _Spans, _Spans]:
        """Alias and pattern matches, plus veto and context occurrences by skill id."""
        candidates: list[_Candidate] = []
        vetoes: _Spans = {}
        contexts: _Spans = {}
        # Token ranges of links, so the check below is integer comparisons only.
        link_tokens = []
        for link in _LINKS.finditer(norm):
            span = doc.char_span(link.start(), link.end(), alignment_mode="expand")
            if span is not None:
                link_tokens.append((span.start, span.end))
        for key, start, end in [*self._exact(doc), *self._lower(doc)]:
            info = self._aliases.get(key)
            if info is not None:
                if link_tokens and any(start < le and ls < end for ls, le in link_tokens):
                    continue
                candidates.append(
                    _Candidate(
                        start,
                        end,
                        info.skill_id,
                        info.method,
                        info.ambiguous,
                        SCORE_AMBIGUOUS if info.ambiguous else SCORE_MATCH,
                    )
                )
                continue
            skill_id = self._vetoes.get(key)
            if skill_id is not None:
                vetoes.setdefault(skill_id, []).append((start, end))
            skill_id = self._contexts.get(key)
            if skill_id is not None:
                contexts.setdefault(skill_id, []).append((start, end))
        if self._glued:
            for found in _GLUED.finditer(norm):
                skill_id = self._glued.get(found.lastgroup or "")
                span = doc.char_span(found.start(), found.end(), alignment_mode="contract")
                if skill_id is None or span is None or len(span) == 0:
                    continue
                if any(found.start() < e and s < found.end() for s, e in blocked):
                    continue
                candidates.append(
                    _Candidate(span.start, span.end, skill_id, "pattern", False, SCORE_MATCH)
                )
        return candidates, vetoes, contexts

    def _confirm(
        self,
        doc: Doc,
        candidates: list[_Candidate],
        contexts: dict[str, list[tuple[int, int]]],
    ) -> list[_Candidate]:
        """Keep ambiguous candidates only with context nearby or inside a list of skills."""
        if not any(c.ambiguous for c in candidates):
            return candidates
        window = self.config.context_window
        confirmed = [not c.ambiguous for c in candidates]
        for i, cand in enumerate(candidates):
            if cand.ambiguous:
                for c_start, c_end in contexts.get(cand.skill_id, ()):
                    if (c_start, c_end) == (cand.start, cand.end):
                        continue
                    if c_start < cand.end + window and c_end > cand.start - window:
                        confirmed[i] = True
                        break
        # A list ("Python, R, SQL") confirms its ambiguous items one neighbour at a
        # time, so a chain of them hangs off the first unambiguous item.
        by_end: dict[int, list[int]] = {}
        by_start: dict[int, list[int]] = {}
        for i, cand in enumerate(candidates):
            by_end.setdefault(cand.end, []).append(i)
            by_start.setdefault(cand.start, []).append(i)
        changed = True
        while changed:
            changed = False
            for i, cand in enumerate(candidates):
                if confirmed[i]:
                    continue
                if any(confirmed[j] for j in _list_neighbours(doc, cand, by_end, by_start)):
                    confirmed[i] = True
                    changed = True
        return [c for c, ok in zip(candidates, confirmed, strict=True) if ok]


def _context_forms(words: Iterable[str]) -> list[str]:
    """Context phrases plus the singular or plural of one-word ones ("alert" / "alerts").

    >>> _context_forms(["alerts", "dag", "data quality"])
    ['alerts', 'alert', 'dag', 'data quality']
    """
    out: list[str] = []
    for word in words:
        forms = [word]
        if word.isalpha() and len(word) >= 4:
            forms.append(word[:-1] if word.endswith("s") else word + "s")
        out.extend(f for f in forms if f not in out)
    return out


def _list_neighbours(
    doc: Doc, cand: _Candidate, by_end: dict[int, list[int]], by_start: dict[int, list[int]]
) -> Iterable[int]:
    """Candidates separated from ``cand`` by one or two list separators only."""
    for gap in (1, 2):
        left = cand.start - gap
        if left >= 1 and all(doc[k].lower_ in _LIST_SEPARATORS for k in range(left, cand.start)):
            yield from by_end.get(left, ())
        right = cand.end + gap
        if right < len(doc) and all(
            doc[k].lower_ in _LIST_SEPARATORS for k in range(cand.end, right)
        ):
            yield from by_start.get(right, ())


def _vetoed(cand: _Candidate, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start <= cand.start and cand.end <= end for start, end in spans)


def _longest_first(doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
    """Resolve overlaps: the longest span (in characters) wins, then the earliest."""
    order = {"exact": 0, "alias": 1, "pattern": 2, "fuzzy": 3}

    def rank(c: _Candidate) -> tuple[int, int, int, str]:
        span = doc[c.start : c.end]
        return (-(span.end_char - span.start_char), c.start, order[c.method], c.skill_id)

    taken = bytearray(len(doc))
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=rank):
        if any(taken[cand.start : cand.end]):
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        chosen.append(cand)
    return chosen


def _other_word(query: str, alias: str) -> bool:
    """Whether ``query`` differs from ``alias`` by a whole affix, not a typo.

    "model training" is not a misspelling of "model pretraining", nor "data
    processing" of "data preprocessing": a word of the query sits inside the
    matching alias word with two or more letters added around it.

    >>> _other_word("data processing", "data preprocessing")
    True
    >>> _other_word("kubernets", "kubernetes")
    False
    """
    words, targets = query.split(" "), alias.split(" ")
    if len(words) != len(targets):
        return False
    return any(
        word != target and word in target and len(target) - len(word) >= 2
        for word, target in zip(words, targets, strict=True)
    )


def _mask(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with the characters in ``ranges`` replaced by spaces (same length).

    >>> _mask("use PyTorch daily", [(4, 11)])
    'use         daily'
    """
    pieces: list[str] = []
    last = 0
    for start, end in sorted(ranges):
        if end <= last:
            continue
        start = max(start, last)
        pieces.append(text[last:start])
        pieces.append(" " * (end - start))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _merge_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _overlaps(ranges: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` touches any of the sorted, disjoint ``ranges``."""
    i = bisect.bisect_right(ranges, (start, float("inf"))) - 1
    if i >= 0 and ranges[i][1] > start:
        return True
    return i + 1 < len(ranges) and ranges[i + 1][0] < end


# --------------------------------------------------------------------------- #
# Fuzzy rescue
# --------------------------------------------------------------------------- #


# A word for the fuzzy rescue: starts with a letter, may hold digits, "+", "#",
# "-" and inner dots ("node.js"); not the tail of a path or address.
_WORD = re.compile(r"(?<![\w@/.])[^\W\d_][\w+#-]*(?:\.[\w+#-]+)*")


class _FuzzyIndex:
    """Long aliases bucketed by first letter and length, for a bounded fuzzy rescue.

    A candidate span is compared only with aliases that start with the same
    letter and whose length could reach the cutoff at all (for Indel ``ratio``
    the lengths ``a`` and ``b`` must satisfy ``2*min(a, b) / (a + b) >= cutoff``).
    Every alias of at least five characters is indexed, but only unambiguous,
    case-insensitive ones of at least :data:`FUZZY_MIN_LENGTH` may be the answer:
    a span closest to an ambiguous or short alias, or close to aliases of two
    different skills, is left alone. Spans of two or three words are tried only
    when one of their words is a word of some alias ("scikit lern"), and every
    answer is cached, so a warm extractor mostly does dictionary look-ups.
    """

    def __init__(self, lexicon: Lexicon, cutoff: float) -> None:
        self.cutoff = cutoff
        self.buckets: dict[tuple[str, int], list[tuple[str, str, bool]]] = {}
        self.alias_words: set[str] = set()
        self.min_length = 0
        self.max_length = 0
        self.cache: dict[str, tuple[str, float] | None] = {}
        lengths = []
        for skill in lexicon.skills.values():
            for alias in skill_aliases(skill):
                text = normalize(alias.text).lower()
                if len(text) < 5:
                    continue
                # Case-sensitive and ambiguous aliases are indexed as rivals only:
                # "great expectations" (the novel) must not be rescued as
                # "great_expectations" (the library).
                eligible = (
                    not alias.ambiguous
                    and not alias.case_sensitive
                    and len(text) >= FUZZY_MIN_LENGTH
                )
                self.buckets.setdefault((text[0], len(text)), []).append((text, skill.id, eligible))
                if eligible:
                    lengths.append(len(text))
                    if " " in text or "-" in text:
                        # "scikit lern" must reach "scikit-learn": split on hyphens too.
                        words = re.split(r"[ -]", text)
                        self.alias_words.update(w for w in words if len(w) >= 3)
        self.ready = bool(lengths) and cutoff > 0
        if lengths:
            share = cutoff / 100.0
            # The shortest span that could still reach the cutoff against the
            # shortest eligible alias, and the longest against the longest.
            self.min_length = int(min(lengths) * share / (2 - share))
            self.max_length = int(max(lengths) * (2 - share) / share) + 1

    def best(self, query: str) -> tuple[str, float] | None:
        """The skill id and score ``query`` (lowercase) is rescued as, or None."""
        if query in self.cache:
            return self.cache[query]
        from rapidfuzz.fuzz import ratio as similarity

        n = len(query)
        share = self.cutoff / 100.0
        low = int(n * share / (2 - share))
        high = int(n * (2 - share) / share) + 1
        best_score = 0.0
        best: tuple[str, bool, str] | None = None
        rivals: set[str] = set()
        first = query[0]
        for length in range(max(low, 5), high + 1):
            for text, skill_id, eligible in self.buckets.get((first, length), ()):
                score = similarity(query, text, score_cutoff=self.cutoff)
                if not score:
                    continue
                rivals.add(skill_id)
                if score > best_score:
                    best_score, best = score, (skill_id, eligible, text)
        result: tuple[str, float] | None = None
        if (
            best is not None
            and best[1]
            and len(rivals) == 1
            and best_score < 100.0
            and not _other_word(query, best[2])
        ):
            result = (best[0], round(best_score, 1))
        if len(self.cache) > 50_000:
            # Words repeat across resumes, so the cache pays; bound it all the same.
            self.cache.clear()
        self.cache[query] = result
        return result

    def rescue(self, norm: str, lexicon: Lexicon) -> list[tuple[int, int, _Candidate]]:
        """Fuzzy hits ``(start, end, candidate)`` in ``norm``.

        Matches, vetoes and links are already blanked out of ``norm`` (see
        :func:`_mask`), so every word found here is a leftover.
        """
        from spacy.lang.en.stop_words import STOP_WORDS

        words = [(w.start(), w.end(), w.group().lower()) for w in _WORD.finditer(norm)]
        found: list[tuple[int, int, _Candidate]] = []
        low, high = self.min_length, self.max_length
        count = len(words)
        i = 0
        while i < count:
            start, _, word = words[i]
            if word in STOP_WORDS:
                i += 1
                continue
            hit = None
            # Longest span first; a span's words must be separated by single spaces.
            last = i
            while (
                last + 1 < count
                and last - i + 1 < FUZZY_MAX_TOKENS
                and words[last + 1][0] == words[last][1] + 1
                and norm[words[last][1]] == " "
            ):
                last += 1
            for stop in range(last, i - 1, -1):
                span_end, tail = words[stop][1], words[stop][2]
                if not low <= span_end - start <= high or tail in STOP_WORDS:
                    continue
                if stop > i and not any(
                    words[k][2] in self.alias_words for k in range(i, stop + 1)
                ):
                    continue
                result = self.best(norm[start:span_end].lower())
                if result is not None and result[0] in lexicon.skills:
                    cand = _Candidate(0, 0, result[0], "fuzzy", False, result[1])
                    hit = (start, span_end, cand, stop)
                    break
            if hit is not None:
                found.append(hit[:3])
                i = hit[3] + 1
            else:
                i += 1
        return found


# --------------------------------------------------------------------------- #
# Provenance for resumes
# --------------------------------------------------------------------------- #


class _Locator:
    """Finds the section, bullet and page of an offset in a resume."""

    def __init__(self, resume: Resume) -> None:
        self.sections = sorted(resume.sections, key=lambda s: s.start)
        self.section_starts = [s.start for s in self.sections]
        self.bullets = sorted(resume.bullets, key=lambda b: b.start)
        self.bullet_starts = [b.start for b in self.bullets]
        self.lines = sorted(resume.lines, key=lambda line: line.start)
        self.line_starts = [line.start for line in self.lines]

    def locate(self, mention: SkillMention) -> SkillMention:
        pos = mention.start
        section = None
        page = None
        i = bisect.bisect_right(self.section_starts, pos) - 1
        if i >= 0 and pos < self.sections[i].end:
            section = self.sections[i].kind
            page = self.sections[i].page
        bullet = None
        j = bisect.bisect_right(self.bullet_starts, pos) - 1
        if j >= 0 and pos < self.bullets[j].end:
            bullet = self.bullets[j].index
            page = self.bullets[j].page
        k = bisect.bisect_right(self.line_starts, pos) - 1
        if k >= 0 and pos < self.lines[k].end:
            page = self.lines[k].page
        return mention.model_copy(update={"section": section, "bullet": bullet, "page": page})


# --------------------------------------------------------------------------- #
# One-call form
# --------------------------------------------------------------------------- #

_EXTRACTORS: dict[tuple[int, ExtractConfig], tuple[Lexicon | None, SkillExtractor]] = {}
_MAX_EXTRACTORS = 4


def extract_skills(
    doc: Resume | str, *, lexicon: Lexicon | None = None, config: ExtractConfig | None = None
) -> tuple[SkillMention, ...]:
    """Find skills in ``doc`` with a cached :class:`SkillExtractor`.

    The extractor for a given lexicon object and config is built on first use
    and reused; pass ``lexicon`` to search with your own (see
    :func:`resume_match.load_lexicon`).

    >>> from resume_match.models import Lexicon, Skill
    >>> lexicon = Lexicon(skills={"docker": Skill(id="docker", name="Docker",
    ...                                           category="devops")})
    >>> [m.skill_id for m in extract_skills("Shipped Docker images", lexicon=lexicon)]
    ['docker']
    """
    config = ExtractConfig() if config is None else config
    key = (0 if lexicon is None else id(lexicon), config)
    cached = _EXTRACTORS.get(key)
    # The lexicon object is stored beside its extractor so its id cannot be reused.
    if cached is None or cached[0] is not lexicon:
        if len(_EXTRACTORS) >= _MAX_EXTRACTORS:
            _EXTRACTORS.pop(next(iter(_EXTRACTORS)))
        cached = (lexicon, SkillExtractor(lexicon, config=config))
        _EXTRACTORS[key] = cached
    return cached[1].extract(doc)


# --------------------------------------------------------------------------- #
# spaCy component
# --------------------------------------------------------------------------- #

MENTIONS_KEY = "resume_match_mentions"
"""``doc.user_data`` key under which the component stores the mentions as dicts."""


class SkillComponent:
    """The ``resume_match_skills`` pipeline component.

    It searches ``doc.text`` with its own :class:`SkillExtractor` (so the result
    does not depend on the host pipeline's tokenizer) and writes the mentions to
    ``doc.spans[span_key]`` (default ``"skills"``), one span per mention with the
    skill id as its label, expanded to whole tokens of the host doc. ``doc.ents``
    is left alone so the component can sit beside a trained NER. The full
    mentions (method, score) are in ``doc.user_data["resume_match_mentions"]``
    as plain dicts.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("resume_match_skills")
    >>> doc = nlp("Fine-tuned BERT with PyTorch")
    >>> [(s.text, s.label_) for s in doc.spans["skills"]]
    [('Fine-tuned', 'fine-tuning'), ('BERT', 'bert'), ('PyTorch', 'pytorch')]
    """

    def __init__(self, extractor: SkillExtractor, span_key: str = "skills") -> None:
        self.extractor = extractor
        self.span_key = span_key

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.extractor.extract(doc.text)
        spans = []
        for mention in mentions:
            span = doc.char_span(
                mention.start, mention.end, label=mention.skill_id, alignment_mode="expand"
            )
            if span is not None:
                spans.append(span)
        doc.spans[self.span_key] = spans
        doc.user_data[MENTIONS_KEY] = [m.model_dump() for m in mentions]
        return doc


def _component_factory(
    nlp: Language,
    name: str,
    lexicon_paths: list[str],
    bundled: bool,
    fuzzy: bool,
    fuzzy_cutoff: float,
    context_window: int,
    include_contact: bool,
    span_key: str,
) -> SkillComponent:
    """Build the component from its config (see :class:`SkillComponent`)."""
    del nlp, name
    lexicon = load_lexicon(*lexicon_paths, bundled=bundled)
    config = ExtractConfig(
        fuzzy=fuzzy,
        fuzzy_cutoff=fuzzy_cutoff,
        context_window=context_window,
        include_contact=include_contact,
    )
    return SkillComponent(SkillExtractor(lexicon, config=config), span_key=span_key)


def _register_component() -> Any:
    """Register the spaCy factory (once) and return the factory function."""
    from spacy.language import Language

    if not Language.has_factory(COMPONENT_NAME):
        defaults = ExtractConfig()
        Language.factory(
            COMPONENT_NAME,
            default_config={
                "lexicon_paths": [],
                "bundled": True,
                "fuzzy": defaults.fuzzy,
                "fuzzy_cutoff": defaults.fuzzy_cutoff,
                "context_window": defaults.context_window,
                "include_contact": defaults.include_contact,
                "span_key": "skills",
            },
            func=_component_factory,
        )
    return _component_factory


def __getattr__(name: str) -> Any:
    # spaCy imports every ``spacy_factories`` entry point when it builds a
    # pipeline and expects the factory to be registered by then. Resolving
    # ``make_skill_component`` lazily keeps spaCy out of ``import resume_match``
    # while still registering the factory the moment spaCy asks for it.
    if name == "make_skill_component":
        factory = _register_component()
        globals()[name] = factory
        return factory
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
