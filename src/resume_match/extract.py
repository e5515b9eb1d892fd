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
3. A match inside one of its skill's veto phrases is dropped ("R&D", "go-live"),
   and so is a field or domain word inside an organisation's name ("Halcyon
   Insurance Group", "Quipu Fintech"). A link or address hides the aliases
   inside it unless one alias spells out all of it ("fast.ai", "ASP.NET").
   A match of an ambiguous alias counts only with a context word nearby, after
   a cue ("experience in C"), next to a confirmed related tool ("from Hive to
   PySpark") or in a list of other recognised skills ("Python, R, SQL"); a
   bracketed expansion decides an acronym ("TF (Terraform)" is not TensorFlow)
   and a capitalised alias before a person's verb is a name ("Julia joined").
4. The longest span wins ("PyTorch Lightning" is not also "PyTorch").
5. Leftover words are offered to a bounded fuzzy rescue (rapidfuzz ``ratio``,
   with a swap of two neighbouring letters counted as one edit) against long,
   unambiguous aliases only.
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
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from resume_match.errors import InputError
from resume_match.lexicon import load_lexicon, skill_aliases
from resume_match.models import Alias, ExtractConfig, Lexicon, Method, Resume, SkillMention
from resume_match.text import OffsetMap, cut, normalize, normalize_with_offsets

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "COMPONENT_NAME",
    "SCORE_AMBIGUOUS",
    "SCORE_MATCH",
    "SkillComponent",
    "SkillExtractor",
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

# Categories whose names are ordinary words (fields, methods, domains) rather
# than product names; see _FuzzyIndex.words.
_WORD_CATEGORIES = frozenset({"domain", "ml-field", "technique", "model", "soft-skill"})
"""Shortest alias (in characters) the fuzzy rescue may produce: short words
have too many real-word neighbours ("panda" is one edit from "pandas")."""
FUZZY_MAX_TOKENS = 3
"""Longest candidate span (in tokens) the fuzzy rescue looks at."""

# Extra split points for our private tokenizer: list separators and brackets
# glued between words ("Python/R", "C++/C#", "AWS(SageMaker)"). URLs are kept
# whole because spaCy checks its URL pattern before it looks for infixes.
# Bullet glyphs glued to words by scrapers ("Flink.• Wrote", "Spark▪ Deployed")
# are split off wherever they stand, so the word keeps its own suffix rules.
_GLYPHS = "\u2022\u00b7\u25aa\u25ab\u25b8\u25ba\u25cf\u25a0\u27a4\u27a2\u2023\u2043"
_EXTRA_INFIXES = (
    rf"[/|,;()\[\]{{}}{_GLYPHS}]",
    # A full stop run into the next sentence after a number ("by 38%.Mentored");
    # spaCy splits it after a letter ("minutes.Presented") but not after a digit.
    r"(?<=[0-9%])\.(?=[A-Z][a-z])",
    # A capitals heading run into the first word below it ("SKILLSPython",
    # "EXPERIENCESenior"): split where five capitals meet a capitalised word.
    # Four are left alone, so product names such as "BERTScore" stay whole.
    # A degree that starts with two capitals ("EDUCATIONMSc") is split before
    # the degree, not inside it.
    r"(?<=[A-Z]{5})(?=[A-Z][a-z])(?!(?:Sc|Phys|Eng|Res|Phil|Math)\b)",
    r"(?<=[A-Z]{5})(?=[BM](?:Sc|Phys|Eng|Res|Phil|Math)\b)",
    # A hyphen between a name and a number: "Mistral-7B", "Gemma-2-9B", "Phi-3".
    # spaCy splits a hyphen only before a letter; the name alone matches. Two
    # letters at least, so "100M-1.3B" and "R-20419" stay whole.
    r"(?<=[A-Za-z]{2})-(?=[0-9])",
)

# spaCy keeps a full stop after a capital letter ("R.", "U.S.") and after a
# number with a letter ("5G."); a list that ends "Python, R." needs the "R" on its own.
# Likewise after a name that ends in a capital ("pricing in IDeaS.", "with PyG.").
_EXTRA_SUFFIXES = (
    r"(?<=\b[A-Z])\.",
    r"(?<=[0-9][A-Za-z])\.",
    r"(?<=[a-z][A-Z])\.",
    rf"[{_GLYPHS}]",
)
_EXTRA_PREFIXES = (rf"[{_GLYPHS}]",)

_PLAIN_PHRASE = re.compile(r"[A-Za-z0-9 ]+")
_WORDS_ONLY = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")

# Tokens that separate the items of a list of skills ("Python, R and SQL").
_LIST_SEPARATORS = frozenset({",", "/", "|", ";", "&", "and", "or", "+", "\u2022", "\u00b7", "-"})

# Links and addresses: never skills, even when an alias hides inside
# ("github.com/pytorch", "jane@python.org", "scikit-learn.org", "@pytorch").
# Found in the text (not token by token) so the check costs one regex pass.
# A bare domain needs a name before its dot (".NET" alone is not a link) and
# does not reach back across a slash ("C#/ASP.NET" is two tokens of a list).
# A link that is exactly one alias ("fast.ai", "Neptune.ai", "ASP.NET") is that
# skill, not an address: see ``_link_spans``.
_LINKS = re.compile(
    r"(?<!\S)\S*?(?:@|://)\S*|(?<!\S)www\.\S+"
    r"|(?<![\w.-])[\w.-]*[\w-]\.(?:com|org|net|io|dev|ai|edu|gov|co|me|app|info|uk|de)\b\S*",
    re.IGNORECASE,
)
# Punctuation around a link that belongs to the sentence, not to the link.
_LINK_OPENERS = "([{<\"'"
_LINK_CLOSERS = ".,;:!?)]}>\"'"

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
    cased: bool  # the alias is case-sensitive ("Julia", "TF")
    # Capitals ending in S, matched in any case ("GAMS", "SPSS"): "GAMs" is
    # another acronym in the plural, not this name.
    plural_guard: bool = False


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
    cased: bool = False
    text: str = ""  # the alias as written in the lexicon


# --------------------------------------------------------------------------- #
# Helpers shared with lexicon.py
# --------------------------------------------------------------------------- #


# --------------------------------------------------------------------------- #
# The extractor
# --------------------------------------------------------------------------- #


_NOTHING: tuple[tuple[Any, ...], tuple[str, ...], tuple[str, ...]] = ((), (), ())


@dataclass(frozen=True, slots=True)
class _Tokens:
    """A doc's token texts and character offsets, read in one array pass.

    Creating a spaCy ``Token`` per look-up (``doc[i].idx``, ``t.text``) was the
    largest cost of a warm extract; rules read these lists instead.
    """

    words: list[str]
    lowers: list[str]
    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, doc: Doc) -> _Tokens:
        from spacy.attrs import IDX, LOWER, ORTH

        if not len(doc):
            return cls([], [], [], [])
        table = doc.to_array([ORTH, LOWER, IDX])
        strings = doc.vocab.strings
        words = [strings[h] for h in table[:, 0].tolist()]
        lowers = [strings[h] for h in table[:, 1].tolist()]
        starts = table[:, 2].tolist()
        ends = [start + len(word) for start, word in zip(starts, words, strict=True)]
        return cls(words, lowers, starts, ends)


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
        from spacy.tokenizer import Tokenizer
        from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

        self.lexicon = load_lexicon() if lexicon is None else lexicon
        self.config = ExtractConfig() if config is None else config
        nlp = spacy.blank("en")
        base: Any = nlp.tokenizer
        defaults: Any = nlp.Defaults
        # No special cases (spaCy's English exceptions: "don't", "a.m.", "Mar.", "—"):
        # none of them matters for matching skills, and in spaCy's tokenizer one
        # special case anywhere in a text stops the chunk cache for the rest of
        # that text, so every later word takes the slow affix path on every call
        # (5 ms instead of 0.2 ms for a resume). Letter-dot forms ("Python, R.")
        # split like any other word. One new tokenizer with every change at once:
        # changing the rules of the existing one reloads its special cases each time.
        tokenizer: Any = Tokenizer(
            nlp.vocab,
            rules={},
            prefix_search=compile_prefix_regex((*defaults.prefixes, *_EXTRA_PREFIXES)).search,
            suffix_search=compile_suffix_regex((*defaults.suffixes, *_EXTRA_SUFFIXES)).search,
            infix_finditer=compile_infix_regex((*defaults.infixes, *_EXTRA_INFIXES)).finditer,
            token_match=base.token_match,
            url_match=base.url_match,
            faster_heuristics=base.faster_heuristics,
        )
        nlp.tokenizer = tokenizer
        self._nlp = nlp
        self._variant_cache: dict[str, list[list[str]]] = {}
        vocab = nlp.vocab
        self._exact = PhraseMatcher(vocab, attr="ORTH")
        self._lower = PhraseMatcher(vocab, attr="LOWER")
        # What a matched token sequence means, looked up by its token texts
        # (exact texts for the case-sensitive matcher, lowercase for the other).
        # One matcher key for everything: PhraseMatcher.add costs far more per
        # key than per pattern, and a lexicon has thousands of aliases.
        self._aliases: dict[tuple[bool, tuple[str, ...]], list[_AliasInfo]] = {}
        self._vetoes: dict[tuple[str, ...], list[str]] = {}
        self._contexts: dict[tuple[str, ...], list[str]] = {}
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
        # One look-up per lowercase match instead of three: what the phrase is an
        # alias of, which skills it vetoes, which it confirms.
        lower_keys = {key for exact, key in self._aliases if not exact}
        self._by_lower = {
            key: (
                tuple(self._aliases.get((False, key), ())),
                tuple(self._vetoes.get(key, ())),
                tuple(self._contexts.get(key, ())),
            )
            for key in sorted(lower_keys | self._vetoes.keys() | self._contexts.keys())
        }
        self._glued = {
            group: skill_id
            for group, skill_id in _GLUED_SKILLS.items()
            if skill_id in self.lexicon.skills
        }
        self._fuzzy = _FuzzyIndex(
            self.lexicon, self.config.fuzzy_cutoff, self._alias_vocabulary, self._spellings
        )
        # Skill links for the bracket rule, built the first time it needs them.
        self._relations: dict[str, set[str]] | None = None
        self._products = _vendor_products(self.lexicon, self._bare, self._spellings)
        del self._bare

    # -- building ----------------------------------------------------------- #

    def _variants(self, phrase: str) -> list[list[str]]:
        """The token sequences ``phrase`` can take in running text.

        Alone it goes through prefix and suffix rules; glued
        between separators ("C++/C#/Python") a piece is split on infixes only.
        Both forms are registered so either one matches.
        """
        norm = normalize(phrase)
        cached = self._variant_cache.get(norm)
        if cached is not None:
            return cached
        if _WORDS_ONLY.fullmatch(norm):
            # Letters and single spaces: the tokenizer would split on the spaces
            # and nothing else, so skip it.
            self._variant_cache[norm] = [norm.split(" ")]
            return self._variant_cache[norm]
        alone = [t.text for t in self._nlp.make_doc(norm)]
        if _PLAIN_PHRASE.fullmatch(norm) and alone == norm.split(" "):
            # Letters, digits and spaces that no affix rule split: the glued
            # form cannot differ. (One that did, such as "3G" -> "3", "G" by
            # spaCy's unit rule, stays whole between slashes: "3G/4G".)
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

    def _keys(self, phrase: str, exact: bool) -> list[tuple[str, ...]]:
        """The look-up keys of ``phrase``'s variants, registering new ones for matching."""
        keys = []
        for tokens in self._variants(phrase):
            key = tuple(tokens) if exact else tuple(t.lower() for t in tokens)
            patterns = self._exact_patterns if exact else self._lower_patterns
            patterns.setdefault(key, tokens)
            keys.append(key)
        return keys

    def _build_phrases(self) -> None:
        from spacy.tokens import Doc

        self._exact_patterns: dict[tuple[str, ...], list[str]] = {}
        self._lower_patterns: dict[tuple[str, ...], list[str]] = {}
        self._spellings = _spellings(self.lexicon)
        self._bare = _bare_products(self.lexicon, self._spellings)
        self._collect_phrases()
        self._bracket_products = self._collect_bracket_products()
        # The matchers compare token texts only, so a Doc built from the words
        # is enough (and keeps the variants' exact token boundaries).
        vocab = self._nlp.vocab
        for matcher, patterns in (
            (self._exact, self._exact_patterns),
            (self._lower, self._lower_patterns),
        ):
            if patterns:
                matcher.add("P", [Doc(vocab, words=words) for words in patterns.values()])
        del self._exact_patterns, self._lower_patterns

    def _collect_phrases(self) -> None:
        # Every word of every alias and name, lowercase: a capitalised word after a
        # first-name alias that is none of these reads as a surname ("Ray Nakamura"),
        # and the fuzzy rescue never reads one of them as a typo.
        vocabulary: set[str] = set()
        for skill in self.lexicon.skills.values():
            name_key = normalize(skill.name).lower()
            for alias, norm in self._spellings[skill.id]:
                is_name = norm.lower() == name_key
                info = _AliasInfo(
                    skill_id=skill.id,
                    text=norm,
                    ambiguous=alias.ambiguous,
                    method="exact" if is_name else "alias",
                    cased=alias.case_sensitive,
                    plural_guard=not alias.case_sensitive and norm.endswith("S") and norm.isupper(),
                )
                vocabulary.update(re.findall(r"[a-z0-9+#]+", norm.lower()))
                exact = alias.case_sensitive
                for key in self._keys(norm, exact):
                    infos = self._aliases.setdefault((exact, key), [])
                    if info not in infos:
                        infos.append(info)
            # Vetoes and context words cover both numbers of their last word:
            # an "LLM degree" veto also cancels "two LLM degrees".
            for phrase in _number_forms(skill.veto):
                for key in self._keys(phrase, False):
                    self._add_id(self._vetoes, key, skill.id)
            if skill.context and any(a.ambiguous for a in skill.aliases):
                for phrase in _number_forms(skill.context):
                    for key in self._keys(phrase, False):
                        self._add_id(self._contexts, key, skill.id)
        self._alias_vocabulary = frozenset(vocabulary)

    def _collect_bracket_products(self) -> dict[str, dict[tuple[str, ...], str]]:
        """Vendor id -> {lowercase tokens of a product's bare name: product id}.

        "Hugging Face Datasets" is a product of Hugging Face (``part_of``); in
        "Hugging Face (transformers, datasets, accelerate)" the vendor is written
        once and the bracket names its products by their bare names.
        """
        table: dict[str, dict[tuple[str, ...], str]] = {}
        for product_id, vendor_id, bare, _ in self._bare:
            names = table.setdefault(vendor_id, {})
            for tokens in self._variants(bare):
                names.setdefault(tuple(t.lower() for t in tokens), product_id)
        return table

    @staticmethod
    def _add_id(
        table: dict[tuple[str, ...], list[str]], key: tuple[str, ...], skill_id: str
    ) -> None:
        ids = table.setdefault(key, [])
        if skill_id not in ids:
            ids.append(skill_id)

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
        if "-" in norm:
            norm, offsets = _rejoin_hyphenated(norm, offsets, self._alias_vocabulary)
        doc = self._nlp.make_doc(norm)
        if _GLUED_WORDS.search(norm):
            _split_glued_words(doc, self._alias_vocabulary)
        toks = _Tokens.of(doc)
        # Character ranges no mention may touch: links, and for the fuzzy
        # rescue also the spans already taken and the vetoed phrases.
        found_links = _find_links(norm)
        blocked = [link.span() for link in found_links]
        candidates, vetoes, contexts = self._candidates(doc, toks, norm, blocked, found_links)
        candidates = [c for c in candidates if not _vetoed(c, vetoes.get(c.skill_id, ()))]

        def line_break(a: int, b: int) -> bool:
            # Whether the original text breaks the line between two normalised offsets.
            return "\n" in text[offsets.start(a) : offsets.start(b)]

        candidates = _org_words(doc, candidates, self.lexicon, line_break, norm)
        candidates = self._confirm(doc, toks, candidates, contexts, line_break)
        if self._bracket_products:
            candidates = _read_bracket_products(
                toks, candidates, self._bracket_products, self.lexicon
            )
        chosen = _longest_first(toks, candidates)
        if self._products:
            _read_as_products(toks, chosen, self._products, self.lexicon)
        hits = [(toks.starts[c.start], toks.ends[c.end - 1], c) for c in chosen]
        if self.config.fuzzy and self._fuzzy.ready:
            blocked += [(start, end) for start, end, _ in hits]
            for spans in vetoes.values():
                for v_start, v_end in spans:
                    last = doc[v_end - 1]
                    blocked.append((doc[v_start].idx, last.idx + len(last)))
            hits += self._fuzzy.rescue(_mask(norm, blocked), self.lexicon)
        hits = _merge_bracketed(norm, hits)
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
        self,
        doc: Doc,
        toks: _Tokens,
        norm: str,
        blocked: list[tuple[int, int]],
        found_links: list[re.Match[str]],
    ) -> tuple[list[_Candidate], _Spans, _Spans]:
        """Alias and pattern matches, plus veto and context occurrences by skill id."""
        candidates: list[_Candidate] = []
        vetoes: _Spans = {}
        contexts: _Spans = {}
        links = _link_spans(doc, found_links)
        words, lowers = toks.words, toks.lowers
        for _, start, end in self._exact(doc):
            exact_key = tuple(words[start:end])
            for info in self._aliases.get((True, exact_key), ()):
                self._add_candidate(candidates, toks, start, end, info, links)
        by_lower = self._by_lower
        for _, start, end in self._lower(doc):
            infos, vetoed_ids, confirmed_ids = by_lower.get(tuple(lowers[start:end]), _NOTHING)
            for info in infos:
                self._add_candidate(candidates, toks, start, end, info, links)
            for vetoed in vetoed_ids:
                vetoes.setdefault(vetoed, []).append((start, end))
            for confirms in confirmed_ids:
                contexts.setdefault(confirms, []).append((start, end))
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

    @staticmethod
    def _add_candidate(
        candidates: list[_Candidate],
        toks: _Tokens,
        start: int,
        end: int,
        info: _AliasInfo,
        links: list[tuple[int, int, int, int]],
    ) -> None:
        if links and _in_link(toks, start, end, links):
            return
        if info.plural_guard and end - start == 1 and _plural_acronym(toks.words[start]):
            return  # "GAMs" (additive models) is not GAMS
        candidates.append(
            _Candidate(
                start,
                end,
                info.skill_id,
                info.method,
                info.ambiguous,
                SCORE_AMBIGUOUS if info.ambiguous else SCORE_MATCH,
                info.cased,
                info.text,
            )
        )

    def _confirm(
        self,
        doc: Doc,
        toks: _Tokens,
        candidates: list[_Candidate],
        contexts: dict[str, list[tuple[int, int]]],
        line_break: Callable[[int, int], bool] | None = None,
    ) -> list[_Candidate]:
        """Decide the ambiguous candidates; the others are kept as they are.

        In order: a parenthesised expansion right after an acronym decides it
        ("TF (Terraform)" is not TensorFlow); a capitalised alias that is the
        subject of a verb people do ("Julia joined us") is a person; then one of
        the entry's context words nearby, a cue phrase before it ("experience
        in C", "port the slow parts to Julia") or, one neighbour at a time, a
        list of skills ("Python, R, SQL") or a confirmed mention of a related
        tool within a few tokens ("from Hive to PySpark") confirms it.
        """
        if not any(c.ambiguous for c in candidates):
            return candidates
        window = self.config.context_window
        # True: keep; False: rejected for good; None: not decided yet.
        state: list[bool | None] = [None if c.ambiguous else True for c in candidates]
        for i, cand in enumerate(candidates):
            if not cand.ambiguous:
                continue
            verdict = self._parenthesis(doc, toks, cand, candidates, contexts)
            if verdict is not None:
                state[i] = verdict
            elif _looks_like_person(doc, cand, self._alias_vocabulary, line_break):
                state[i] = False
            elif (
                _has_cue(doc, cand)
                or _versioned(doc, cand)
                or any(
                    (c_start, c_end) != (cand.start, cand.end)
                    and c_start < cand.end + window
                    and c_end > cand.start - window
                    for c_start, c_end in contexts.get(cand.skill_id, ())
                )
            ):
                state[i] = True
        # Lists and related tools confirm one neighbour at a time, so a chain of
        # ambiguous items hangs off the first one that is sure.
        by_end: dict[int, list[int]] = {}
        by_start: dict[int, list[int]] = {}
        for i, cand in enumerate(candidates):
            by_end.setdefault(cand.end, []).append(i)
            by_start.setdefault(cand.start, []).append(i)
        near = min(RELATED_WINDOW, window)
        # Candidates by start token, so each undecided one scans only its
        # neighbourhood for a related tool, not the whole document.
        order = sorted(range(len(candidates)), key=lambda k: candidates[k].start)
        order_starts = [candidates[k].start for k in order]
        reach = max((c.end - c.start for c in candidates), default=0) + near
        nearby: dict[int, list[int]] = {}

        def around(i: int) -> list[int]:
            if i not in nearby:
                cand = candidates[i]
                lo = bisect.bisect_left(order_starts, cand.start - reach)
                hi = bisect.bisect_left(order_starts, cand.end + near)
                nearby[i] = sorted(
                    order[k] for k in range(lo, hi) if candidates[order[k]].end > cand.start - near
                )
            return nearby[i]

        # One sense per document, for acronyms: once "RAG" is sure somewhere in the
        # text (an unambiguous "RAG pipelines", or a "RAG" confirmed above), its
        # other undecided mentions share that sense ("a RAG assistant"). Words
        # and single letters are excluded: an agritech resume prunes both models
        # and orchards, and "R" is also an initial.
        sure = {
            (c.skill_id, word)
            for c, ok in zip(candidates, state, strict=True)
            if ok
            for word in toks.words[c.start : c.end]
            if len(word) > 1 and _ACRONYM.fullmatch(word)
        }
        claims: dict[tuple[int, int], int] = {}
        for cand in candidates:
            claims[cand.start, cand.end] = claims.get((cand.start, cand.end), 0) + 1

        def same_sense(cand: _Candidate) -> bool:
            return (
                cand.end - cand.start == 1
                and (cand.skill_id, toks.words[cand.start]) in sure
                and claims[cand.start, cand.end] == 1
                and not (cand.end < len(doc) and toks.lowers[cand.end] in _GROUP_WORDS)
            )

        changed = True
        while changed:
            changed = False
            for i, cand in enumerate(candidates):
                if state[i] is not None:
                    continue
                if same_sense(cand) or any(
                    state[j] for j in _list_neighbours(toks, cand, by_end, by_start)
                ):
                    state[i] = True
                    changed = True
                    continue
                related = _RELATED_CATEGORIES.get(self.lexicon.skills[cand.skill_id].category)
                if (
                    related
                    and not _name_follows(doc, cand, by_start)
                    and any(
                        state[j]
                        and other.skill_id != cand.skill_id
                        and other.start < cand.end + near
                        and other.end > cand.start - near
                        and self.lexicon.skills[other.skill_id].category in related
                        and _same_clause(
                            doc, min(other.end, cand.end), max(other.start, cand.start)
                        )
                        for j, other in ((j, candidates[j]) for j in around(i))
                    )
                ):
                    state[i] = True
                    changed = True
        return [c for c, ok in zip(candidates, state, strict=True) if ok]

    def _parenthesis(
        self,
        doc: Doc,
        toks: _Tokens,
        cand: _Candidate,
        candidates: list[_Candidate],
        contexts: dict[str, list[tuple[int, int]]],
    ) -> bool | None:
        """What a parenthesised expansion says about an ambiguous acronym, if anything.

        ``TF (Terraform)`` and ``LLM (Master of Laws)`` spell the acronym out as
        something else: False. ``CV (computer vision)`` and ``Google Cloud
        Platform (GCP)`` spell it out as the skill: True. A list, a number or a
        related tool in the brackets ("TF (Keras)") says nothing: None.
        """
        if not _ACRONYM.fullmatch(cand.text):
            return None
        # "ACRONYM ( expansion )"
        if cand.end < len(doc) and toks.words[cand.end] == "(":
            close = _closing(toks.words, cand.end, _MAX_EXPANSION)
            if close is None:
                return None
            inner = (cand.end + 1, close)
            if not _expansion_like(doc, *inner):
                return None
            inside = [c for c in candidates if inner[0] <= c.start and c.end <= close]
            if any(c.skill_id == cand.skill_id for c in inside):
                return True
            if any(self._related(c.skill_id, cand.skill_id) for c in inside):
                return None
            if any(inner[0] <= s and e <= close for s, e in contexts.get(cand.skill_id, ())):
                return None
            return False
        # "expansion ( ACRONYM )"
        if (
            cand.start >= 2
            and doc[cand.start - 1].text == "("
            and cand.end < len(doc)
            and doc[cand.end].text == ")"
        ):
            before = cand.start - 1
            ending = [c for c in candidates if c.end == before]
            if any(c.skill_id == cand.skill_id for c in ending):
                return True
            # "Terraform (TF)": the acronym shortens the other skill. "TRL (DPO)"
            # cannot shorten TRL: the bracket names something used with it.
            if any(
                not self._related(c.skill_id, cand.skill_id)
                and _shortens(cand.text, doc[c.start : c.end].text)
                for c in ending
            ):
                return False
            if not ending and _initials(doc, before, len(cand.text)) == cand.text.lower():
                return False
        return None

    def _related(self, first: str, second: str) -> bool:
        """Whether two skills are linked by ``broader``, ``implies`` or ``part_of``."""
        if self._relations is None:
            links: dict[str, set[str]] = {}
            for skill in self.lexicon.skills.values():
                targets = {*skill.broader, *skill.part_of, *(i.id for i in skill.implies)}
                for target in targets:
                    links.setdefault(skill.id, set()).add(target)
                    links.setdefault(target, set()).add(skill.id)
            self._relations = links
        return second in self._relations.get(first, ())


_LINK_HINT = re.compile(r"@|://|\.[A-Za-z]")


def _find_links(norm: str) -> list[re.Match[str]]:
    """What ``_LINKS`` finds in ``norm``, searching only the tokens that could hold one.

    Every link lies inside one whitespace-free token holding "@", "://" or a dot
    before a letter; scanning the whole text with ``_LINKS`` took a tenth of an
    extraction, most tokens being plain words.

    >>> [m.group() for m in _find_links("Mail jo@x.org or see github.com/jo. Done.")]
    ['jo@x.org', 'github.com/jo.']
    """
    found: list[re.Match[str]] = []
    last_end = -1
    for hint in _LINK_HINT.finditer(norm):
        if hint.start() < last_end:
            continue  # this token was searched already
        start, end = hint.start(), hint.end()
        while start > 0 and not norm[start - 1].isspace():
            start -= 1
        while end < len(norm) and not norm[end].isspace():
            end += 1
        found.extend(_LINKS.finditer(norm, start, end))
        last_end = end
    return found


def _link_spans(doc: Doc, found: list[re.Match[str]]) -> list[tuple[int, int, int, int]]:
    """The links ``_LINKS`` found, as ``(first token, end token, core start, core end)``.

    The core is the link without the sentence punctuation around it, in
    characters; the tokens are those the link touches.
    """
    out = []
    for link in found:
        span = doc.char_span(link.start(), link.end(), alignment_mode="expand")
        if span is None:
            continue
        text = link.group()
        core = text.lstrip(_LINK_OPENERS)
        core_start = link.start() + len(text) - len(core)
        core_end = core_start + len(core.rstrip(_LINK_CLOSERS))
        out.append((span.start, span.end, core_start, core_end))
    return out


def _in_link(toks: _Tokens, start: int, end: int, links: list[tuple[int, int, int, int]]) -> bool:
    """Whether tokens ``[start, end)`` lie in a link they do not spell out in full.

    An alias that covers the whole link ("fast.ai", "ASP.NET Core") is the skill;
    one inside a longer address ("docs.fast.ai/course", "jane@python.org") is not.
    """
    first, last = toks.starts[start], toks.ends[end - 1]
    for tok_start, tok_end, core_start, core_end in links:
        if start < tok_end and tok_start < end and not (first <= core_start and core_end <= last):
            return True
    return False


def _number_forms(phrases: Iterable[str]) -> list[str]:
    """Phrases plus the singular or plural of their last word ("LLM degree" / "LLM degrees").

    Used for context words and vetoes alike, so a rule written in one number
    also covers the other. Only a plain alphabetic last word of four letters or
    more is changed: short words and symbols ("R&D", "go-live") stay as written.

    >>> _number_forms(["alerts", "dag", "LLM degree", "class", "R&D"])
    ['alerts', 'alert', 'dag', 'LLM degree', 'LLM degrees', 'class', 'classes', 'R&D']
    """
    out: list[str] = []
    for phrase in phrases:
        forms = [phrase]
        head, _, last = phrase.rpartition(" ")
        if last.isalpha() and len(last) >= 4:
            prefix = f"{head} " if head else ""
            forms += [prefix + other for other in _other_numbers(last)]
        out.extend(f for f in forms if f not in out)
    return out


def _other_numbers(word: str) -> list[str]:
    """The other grammatical number of an English word, by spelling alone.

    >>> [_other_numbers(w) for w in ("degree", "degrees", "policy", "policies", "analysis")]
    [['degrees'], ['degree'], ['policies'], ['policy'], []]
    """
    lower = word.lower()
    if lower.endswith("ies"):
        return [word[:-3] + "y"]
    if lower.endswith(("ss", "us", "is")):
        # "class" -> "classes"; "status", "analysis" have no plain plural/singular to add.
        return [word + "es"] if lower.endswith("ss") else []
    if lower.endswith(("ches", "shes", "xes", "sses")):
        # "matches" -> "match", but "caches" -> "cache": offer both.
        return [word[:-2], word[:-1]]
    if lower.endswith("s"):
        return [word[:-1]]
    if lower.endswith(("ch", "sh", "x")):
        return [word + "es"]
    if lower.endswith("y") and lower[-2:-1] not in ("a", "e", "i", "o", "u"):
        return [word[:-1] + "ies"]
    return [word + "s"]


def _list_neighbours(
    toks: _Tokens, cand: _Candidate, by_end: dict[int, list[int]], by_start: dict[int, list[int]]
) -> Iterable[int]:
    """Candidates separated from ``cand`` by one or two list separators only.

    A short bracketed aside after an item does not end the list: in "Scala (3
    yrs), Go (1 yr)" Scala and Go are neighbours.
    """
    words, lowers = toks.words, toks.lowers
    start, end = cand.start, cand.end
    if end < len(words) and words[end] == "(":
        close = _closing(words, end, _ASIDE)
        if close is not None:
            end = close + 1
    for gap in (1, 2):
        left = start - gap
        if left >= 1 and all(lowers[k] in _LIST_SEPARATORS for k in range(left, start)):
            yield from by_end.get(left, ())
            if words[left - 1] == ")":
                opening = _opening(words, left - 1, _ASIDE)
                if opening is not None:
                    yield from by_end.get(opening, ())
        right = end + gap
        if right < len(words) and all(lowers[k] in _LIST_SEPARATORS for k in range(end, right)):
            yield from by_start.get(right, ())


# A lowercase word run into a capitalised one, as scraped pages join a link
# list to the next title ("Similar jobsMachine Learning Engineer"). A capital
# before the lowercase run is left alone: "VisionTech" and "PharmaTrials" are
# company names, not a field and a word.
# A lowercase word glued to the next title ("jobsMachine"), or the last word of
# a line glued to the capitals heading after it ("visualisationEDUCATION",
# "WiresharkCERTS").
_GLUED_WORDS = re.compile(r"(?<![A-Za-z])[a-z]{3,}[A-Z][a-z]{2,}|[a-z]{3}[A-Z]{5}")
_GLUED_TOKEN = re.compile(r"([a-z]{3,})([A-Z][a-z]{2,})|([A-Za-z][a-z]{2,})([A-Z]{5,})")


def _split_glued_words(doc: Doc, known: AbstractSet[str]) -> None:
    """Split tokens such as "jobsMachine" or "visualisationEDUCATION" in two, in
    place; a name the lexicon spells that way ("fastText", "openSMILE") stays whole."""
    with doc.retokenize() as retokenizer:
        for token in doc:
            found = _GLUED_TOKEN.fullmatch(token.text)
            if found and token.lower_ not in known:
                parts = [part for part in found.groups() if part]
                retokenizer.split(token, parts, heads=[(token, 0), (token, 0)])


# A word cut by a line-wrap hyphen: "estima- tion" (the wrap became a space) or
# "estima-tion" (the wrap was dropped by normalisation). The scan starts at the
# hyphen (a literal, so the search is fast) and reads the two halves from there.
_WRAP_HYPHEN = re.compile(r"-( ?)([a-z]{2,})(?![A-Za-z-])")


def _rejoin_hyphenated(
    norm: str, offsets: OffsetMap, known: AbstractSet[str]
) -> tuple[str, OffsetMap]:
    """Join words that a line wrap cut with a hyphen, when the whole word is one
    the lexicon spells ("communi- cation", "segmen-\\ntation"); the offset map
    still leads to the original text, hyphen and break included.

    A real compound ("real-time", "pre- and post-training") is left alone: the
    hyphen is dropped only before a space or where a line break was removed, and
    only when the joined word is in ``known``.
    """
    cuts: list[tuple[int, int]] = []
    for found in _WRAP_HYPHEN.finditer(norm):
        hyphen = begin = found.start()
        while begin > 0 and norm[begin - 1] in _LETTERS:
            begin -= 1
        if hyphen - begin < 2 or (begin > 0 and norm[begin - 1] == "-"):
            continue
        if (norm[begin:hyphen] + found.group(2)).lower() not in known:
            continue
        if not found.group(1) and offsets.start(hyphen + 1) == offsets.start(hyphen) + 1:
            continue  # written with a hyphen, not wrapped
        cuts.append((hyphen, found.start(2)))
    return cut(norm, offsets, cuts)


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


# Longest bracketed aside (in tokens) skipped between the items of a list.
_ASIDE = 6


def _opening(words: Sequence[str], close_at: int, limit: int) -> int | None:
    """Index of the ``(`` opening the ``)`` at ``close_at`` within ``limit`` tokens."""
    return _bracket_end(words, close_at, limit, -1)


# --------------------------------------------------------------------------- #
# Deciding ambiguous mentions: the word patterns around them
# --------------------------------------------------------------------------- #

# An acronym alias: two or more capitals (digits allowed after the first), with
# an optional plural "s" ("TF", "LLM", "GCP", "LLMs").
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*s?")
# Longest bracketed expansion (in tokens) read after an acronym.
_MAX_EXPANSION = 8
# Words that rate a skill rather than spell it out: "JAX (basic)", "SQL (advanced)".
_LEVEL_WORDS = frozenset(
    {
        "basic", "basics", "beginner", "novice", "elementary", "intermediate", "advanced",
        "expert", "proficient", "fluent", "native", "conversational", "familiar",
        "familiarity", "learning", "exposure", "some", "hobby", "yrs", "years", "year",
        "months",
    }
)  # fmt: skip
# Separators that make bracketed text a list of things, not one expansion.
_INNER_LIST = frozenset({",", ";", "/", "|", "\u2022", "\u00b7"})

RELATED_WINDOW = 5
"""Tokens either side in which a confirmed mention of a related tool confirms an
ambiguous tool or language alias ("from Hive to PySpark", "Python, lately Rust")."""

# Which categories vouch for an ambiguous alias of a category (the key). Only
# tools and languages: a field or domain nearby says nothing about "CV" meaning
# computer vision rather than a curriculum vitae.
_RELATED_CATEGORIES: dict[str, frozenset[str]] = {
    # Statistics tools and libraries beside a language: "the SPSS to R migration",
    # "GeoLift in R", "lme4 and R".
    "language": frozenset({"language", "data-eng", "analytics", "ml-library"}),
    "data-eng": frozenset({"data-eng", "language", "cloud"}),
    "cloud": frozenset({"cloud", "data-eng", "devops"}),
    "devops": frozenset({"devops", "cloud", "mlops"}),
    "mlops": frozenset({"mlops", "devops", "serving"}),
    "serving": frozenset({"serving", "mlops"}),
    "ml-library": frozenset({"ml-library", "dl-framework"}),
    "dl-framework": frozenset({"dl-framework", "ml-library", "nlp-tool", "cv-tool"}),
    "nlp-tool": frozenset({"nlp-tool", "dl-framework"}),
    "cv-tool": frozenset({"cv-tool", "dl-framework"}),
    "vector-db": frozenset({"vector-db"}),
    "analytics": frozenset({"analytics"}),
    "dev-tool": frozenset({"dev-tool"}),
}

# Verbs whose subject is usually a person: "Ray has spent seven years",
# "Julia joined us". A capitalised ambiguous alias right before one is a name.
_PERSON_VERBS = frozenset(
    {
        "has", "had", "is", "was", "will", "would", "joined", "joins", "led", "leads",
        "said", "says", "told", "asked", "wrote", "helped", "manages", "managed",
        "mentored", "spent", "works", "worked", "moved", "left", "became", "took",
        "retired", "graduated", "founded", "hired", "reports", "reported",
    }
)  # fmt: skip

# Prepositions that put a tool after a skill cue ("experience in C",
# "knowledge of Spark", "port the slow parts to Julia").
_CUE_PREPOSITIONS = frozenset({"in", "with", "of", "to", "into", "using", "via", "on"})
# Nouns and adjectives that announce a skill; they may take any of the prepositions.
_NOUN_CUES = frozenset(
    {
        "experience", "experienced", "knowledge", "familiarity", "familiar", "proficiency",
        "proficient", "expertise", "expert", "fluent", "fluency", "skilled", "skills",
        "background", "comfortable", "hands-on", "competence", "competent",
    }
)  # fmt: skip
# Verbs of writing or moving code; "with" after them is too often a person
# ("built it with Julia"), so they take only "in", "to", "into", "using", "via".
_VERB_CUES = frozenset(
    {
        "write", "writes", "writing", "wrote", "written", "code", "coded", "coding",
        "port", "ported", "porting", "migrate", "migrated", "migrating", "migration",
        "rewrite", "rewrote", "rewritten", "rewriting", "implement", "implemented",
        "implementing", "program", "programmed", "programming", "develop", "developed",
        "developing", "build", "built", "building", "move", "moved", "switched",
        "translated", "transitioned", "prototyped", "scripted",
    }
)  # fmt: skip
_VERB_PREPOSITIONS = frozenset({"in", "to", "into", "using", "via"})
# How far before the preposition a cue may stand ("port the slow parts to").
_CUE_REACH = 4


# Tokens that end a clause: a related tool on the other side is about something else.
_CLAUSE_BREAKS = frozenset({".", "!", "?", ";", ":", "|", "\u2022", "\u00b7", "*"})


def _same_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether no clause break (or a dash between spaces) lies in tokens ``[start, end)``."""
    for k in range(start, end):
        text = doc[k].text
        if text in _CLAUSE_BREAKS:
            return False
        if text == "-" and k > 0 and doc[k - 1].whitespace_:
            return False
    return True


def _name_follows(doc: Doc, cand: _Candidate, by_start: dict[int, list[int]]) -> bool:
    """Whether a capitalised word that is no skill follows: "Ubuntu Rides" is a name."""
    k = cand.end
    if k >= len(doc) or k in by_start:
        return False
    token = doc[k]
    return token.is_alpha and token.text[0].isupper() and not token.is_upper


def _closing(words: Sequence[str], open_at: int, limit: int) -> int | None:
    """Index of the ``)`` closing the ``(`` at ``open_at`` within ``limit`` tokens."""
    return _bracket_end(words, open_at, limit, 1)


def _bracket_end(words: Sequence[str], at: int, limit: int, step: int) -> int | None:
    """The other bracket of the one at ``at``, walking ``step`` (1 or -1); no nesting."""
    want, stop = (")", "(") if step > 0 else ("(", ")")
    end = min(len(words), at + limit + 2) if step > 0 else max(-1, at - limit - 2)
    for k in range(at + step, end, step):
        text = words[k]
        if text == want:
            return k
        if text == stop:
            return None
    return None


def _expansion_like(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` read as one spelled-out name (words, no list)."""
    if end <= start:
        return False
    words = 0
    for token in doc[start:end]:
        if (
            token.text in _INNER_LIST
            or token.lower_ in _LEVEL_WORDS
            or token.like_num
            or any(ch.isdigit() for ch in token.text)
        ):
            return False
        if token.is_alpha and len(token) >= 2:
            words += 1
    return words > 0


def _shortens(short: str, long: str) -> bool:
    """Whether ``short`` can abbreviate ``long``: its letters appear in order, the
    first one starting a word (the test of Schwartz and Hearst's abbreviation finder).

    >>> _shortens("TF", "Terraform"), _shortens("GCP", "Good Clinical Practice")
    (True, True)
    >>> _shortens("DPO", "TRL")
    False
    """
    letters = [ch for ch in short.lower() if ch.isalnum()]
    text = long.lower()
    if not letters or not text or text[0] != letters[0]:
        return False
    at = 1
    for ch in letters[1:]:
        at = text.find(ch, at)
        if at < 0:
            return False
        at += 1
    return True


def _initials(doc: Doc, end: int, count: int) -> str:
    """The lowercase first letters of the ``count`` words before token ``end``.

    Short joining words ("of", "and") are skipped, as acronyms skip them.
    """
    letters: list[str] = []
    k = end - 1
    while k >= 0 and len(letters) < count:
        token = doc[k]
        if not token.is_alpha:
            break
        if token.lower_ not in {"of", "and", "for", "the", "&"}:
            letters.append(token.lower_[0])
        k -= 1
    return "".join(reversed(letters))


_DETERMINERS = frozenset({"the", "a", "an", "our", "their", "its", "this", "that", "my", "your"})


def _looks_like_person(
    doc: Doc,
    cand: _Candidate,
    vocabulary: frozenset[str],
    line_break: Callable[[int, int], bool] | None = None,
) -> bool:
    """A capitalised ambiguous alias that is a person's first name.

    "Ray has spent seven years", "Julia Novak joined us": the subject of a
    person's verb, whatever context words follow; "credit to Ray Nakamura":
    followed by a surname, a capitalised word that is no word of any alias
    (``vocabulary``; "Julia Python SQL" is a list). Otherwise not after a list
    separator or a tool preposition ("Python, Julia and R", "in Julia"), where
    the alias is the thing used.
    """
    text = cand.text
    if not (cand.cased and len(text) >= 3 and text.isalpha() and text.istitle()):
        return False
    following = cand.end
    same_line = (
        following >= len(doc)
        or line_break is None
        or not line_break(doc[following - 1].idx, doc[following].idx)
    )
    if following < len(doc) and same_line and doc[following].is_title and doc[following].is_alpha:
        after_article = cand.start > 0 and doc[cand.start - 1].lower_ in _DETERMINERS
        # "the Lightning Trainer" names a thing; "credit to Ray Nakamura" a person.
        if (
            not after_article
            and doc[following].lower_ not in vocabulary
            and len(doc[following]) >= 3
        ):
            return True
        following += 1  # a surname
    if following >= len(doc) or doc[following].lower_ not in _PERSON_VERBS:
        return False
    if cand.start > 0:
        before = doc[cand.start - 1].lower_
        if before in _LIST_SEPARATORS or before in _CUE_PREPOSITIONS:
            return False
    return True


def _has_cue(doc: Doc, cand: _Candidate) -> bool:
    """Whether a case-sensitive alias follows a skill cue and a preposition.

    "experience in C", "knowledge of Spark.", "port the slow parts to Julia":
    the cue word stands at most ``_CUE_REACH`` tokens before the preposition,
    in the same clause.
    """
    if not cand.cased or cand.start == 0:
        return False
    preposition = doc[cand.start - 1].lower_
    if preposition not in _CUE_PREPOSITIONS:
        return False
    if preposition in {"using", "via"}:
        return True
    for k in range(cand.start - 2, max(-1, cand.start - 2 - _CUE_REACH), -1):
        token = doc[k]
        if token.is_punct:
            break
        word = token.lower_
        if word in _NOUN_CUES:
            return True
        if word in _VERB_CUES and preposition in _VERB_PREPOSITIONS:
            return True
    return False


# A release or a model size after a name, with a space or a hyphen: "Spark 3.5",
# "R 4.3", "Go v1.22", "Mistral 7B", "Mixtral-8x7B". A bare number is not one:
# "MLX 500" and "part MLX-2" are model numbers of hardware.
_VERSION = re.compile(r"v?\d+(?:\.\d+)+|v\d+|\d+(?:\.\d+)?[BMK]|\d+x\d+B")


def _versioned(doc: Doc, cand: _Candidate) -> bool:
    """Whether a release number or a model size follows the alias: only software has one."""
    k = cand.end
    if k < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_:
        k += 1
    return k < len(doc) and _VERSION.fullmatch(doc[k].text) is not None


# --------------------------------------------------------------------------- #
# Organisation names
# --------------------------------------------------------------------------- #

# Words that end an organisation's name ("Halcyon Insurance Group", "Lipi AI Labs").
_ORG_SUFFIXES = frozenset(
    {
        "inc", "incorporated", "llc", "llp", "ltd", "limited", "plc", "gmbh", "ag", "bv",
        "corp", "corporation", "co", "company", "group", "labs", "lab", "technologies",
        "solutions", "holdings", "ventures", "partners", "institute", "foundation",
        "studios", "consulting", "capital", "bank",
        # Clubs and events: "UTD AI Club", "the NLP Society", "MLOps Summit".
        "club", "society", "association", "conference", "summit", "symposium", "meetup",
    }
)  # fmt: skip
# Legal forms written as more than one token, or too short to be safe as a word
# in any case: "Halden Pharma A/S", "Portowa Robotics Sp. z o.o.", "Nordic Retail AB".
_LEGAL_FORM = re.compile(
    r"(?:A/S|ApS|ASA|AS|AB|Oyj?|Sp\. z o\.o\.|S\.A\.|SA|S\.p\.A\.|SpA|S\.r\.l\.|Srl|"
    r"N\.V\.|NV|SAS|SARL|Pty|Pvt|Pte|KG|Kft|s\.r\.o\.|d\.o\.o\.|Ltda|S\.L\.)(?![A-Za-z])"
)
# Capitalised words that start job titles, degrees and headings, not
# organisation names ("Senior Robotics Engineer", "MSc Statistics").
_TITLE_WORDS = frozenset(
    {
        "senior", "sr", "junior", "jr", "lead", "staff", "principal", "chief", "head",
        "applied", "associate", "assistant", "distinguished", "director", "manager",
        "vp", "intern", "graduate", "research", "visiting", "adjunct", "professor",
        "bsc", "msc", "ba", "ma", "bs", "ms", "beng", "meng", "mphil", "phd", "dphil",
        "mba", "mres", "degree", "diploma", "certificate", "major", "minor", "course",
    }
)  # fmt: skip
# Role nouns: "Robotics Engineer" is a job title, the field in it counts.
_ROLE_WORDS = frozenset(
    {
        "engineer", "engineers", "engineering", "scientist", "scientists", "science",
        "researcher", "research", "developer", "developers", "analyst", "analysts",
        "architect", "specialist", "consultant", "intern", "lead", "manager", "team",
        "teams", "practice", "platform", "products", "product",
    }
)  # fmt: skip
# Bodies named after what they oversee, in any case: "the model risk
# committee", "AI Ethics Council", "the MLOps guild" are not skills.
_BODY_SUFFIXES = frozenset(
    {
        "committee", "committees", "subcommittee", "council", "councils",
        "guild", "guilds", "taskforce",
    }
)  # fmt: skip
# A team named in title case after its field is the team's name, not the skill:
# "our Commercial Data Science team", "the Network Analytics group". (A lowercase
# "data science team" says what the team does, and counts.)
_TEAM_WORDS = frozenset(
    {
        "team", "teams", "group", "groups", "squad", "department", "unit", "division",
        "org", "tribe", "chapter", "pod",
    }
)  # fmt: skip
# Words after a field's acronym that make it the name of a group of people:
# "our NLP team", "the Valencia NLP meetup".
_GROUP_WORDS = _TEAM_WORDS | _BODY_SUFFIXES | _ORG_SUFFIXES
# "Data Science Team Lead" is a job title: the field in it counts.
_TEAM_ROLES = frozenset({"lead", "leader", "leads", "manager", "head", "director"})
# Words before a department named by its field: "worked with Finance", "alongside Risk".
_DEPARTMENT_CUES = frozenset({"with", "alongside"})
# Categories whose everyday words make up company names ("Mudra Fintech").
_ORG_PRONE = frozenset({"domain", "ml-field"})
# Tokens after which a word starts a sentence, a line or a list item.
_OPENERS = frozenset({".", "!", "?", ":", ";", "-", "|", "\u2022", "\u00b7", "*", "(", ")"})


def _org_words(
    doc: Doc,
    candidates: list[_Candidate],
    lexicon: Lexicon,
    line_break: Callable[[int, int], bool] | None = None,
    norm: str | None = None,
) -> list[_Candidate]:
    """Drop domain and field words that are part of an organisation's name.

    "Halcyon Insurance Group" and "Lipi AI Labs" end in an organisation suffix;
    in "Quipu Fintech" or "Portowa Robotics" a capitalised word that is no
    skill, title or everyday small word stands right before a capitalised
    one-word field. A role noun after it ("Robotics Engineer", "Agritech ML
    Engineer") keeps the mention, and so do acronyms ("Use LLMs to ..."), a
    title-case heading that starts a sentence ("Selected Robotics Projects") and
    a field on a line of its own ("Skills" above "Bioinformatics"). A body
    named after what it oversees ("the model risk committee"), a team named in
    title case ("the Network Analytics team") and a department after "with"
    ("worked with Finance on pricing") go too.
    ``line_break(a, b)`` says whether the original text breaks the line between
    two normalised offsets. Longer field names in
    title case ("Practical Deep Learning") are course and paper titles far
    more often than companies, so only the suffix rule applies to them.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    # The document's text (Doc.text would rebuild it from every token).
    text = norm if norm is not None else doc.text
    covered = bytearray(len(doc))
    for cand in candidates:
        covered[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
    kept: list[_Candidate] = []
    for cand in candidates:
        first = doc[cand.start]
        after = doc[cand.end] if cand.end < len(doc) else None
        category = lexicon.skills[cand.skill_id].category
        if after is not None and category in _WORD_CATEGORIES and after.lower_ in _BODY_SUFFIXES:
            continue  # "the model risk committee"
        if (
            after is not None
            and category in _WORD_CATEGORIES
            and after.lower_ in _TEAM_WORDS
            and all(t.is_title for t in doc[cand.start : cand.end])
            and not (cand.end + 1 < len(doc) and doc[cand.end + 1].lower_ in _TEAM_ROLES)
            and (
                cand.end - cand.start > 1  # "Data Science team"
                or (  # "Commercial Analytics team"; not "an Agile team"
                    cand.start > 1
                    and doc[cand.start - 1].is_title
                    and doc[cand.start - 1].lower_ not in STOP_WORDS
                    and doc[cand.start - 2].text not in _OPENERS
                )
            )
        ):
            continue  # "Commercial Data Science team": a team's name
        if category not in _ORG_PRONE or not first.text[:1].isupper():
            kept.append(cand)
            continue
        if (
            category == "domain"
            and cand.end - cand.start == 1
            and first.is_title
            and cand.start > 0
            and doc[cand.start - 1].lower_ in _DEPARTMENT_CUES
            and (
                after is None
                or after.text in {".", ";", ")"}
                or (after.lower_ in STOP_WORDS and after.lower_ not in {"and", "or"})
                # "with Finance and the auditors", not "with Finance and Retail"
                or (
                    after.lower_ in {"and", "or"}
                    and cand.end + 1 < len(doc)
                    and not covered[cand.end + 1]
                )
            )
        ):
            continue  # a department: "worked closely with Finance on ..."
        label = cand.end + 1 < len(doc) and doc[cand.end + 1].text == ":"
        if (
            after is not None
            and (
                (after.text[:1].isupper() and after.lower_.rstrip(".") in _ORG_SUFFIXES)
                or _LEGAL_FORM.match(text, after.idx) is not None
            )
            and not label  # "Company: Acme" is a field label, not the end of a name
        ):
            continue
        acronym = first.text.isupper() or (first.text[:-1].isupper() and first.text[-1] == "s")
        if acronym or cand.start == 0 or cand.end - cand.start > 1:
            kept.append(cand)  # acronyms ("AI") and long names: the suffix rule only
            continue
        # The first word after the skills that follow ("Agritech ML Engineer").
        k = cand.end
        while k < len(doc) and covered[k]:
            k += 1
        if k < len(doc) and doc[k].lower_ in _ROLE_WORDS:
            kept.append(cand)
            continue
        name = doc[cand.start - 1]
        if (
            covered[cand.start - 1]
            or not (name.is_alpha and name.text[0].isupper() and not name.is_upper)
            or name.lower_ in STOP_WORDS
            or name.lower_ in _TITLE_WORDS
        ):
            kept.append(cand)
            continue
        opens = cand.start - 1 == 0 or (
            doc[cand.start - 2].text in _OPENERS or doc[cand.start - 2].is_upper
        )
        if opens and after is not None and after.is_alpha and after.is_title:
            kept.append(cand)  # a title-case heading: "Selected Robotics Projects"
            continue
        if line_break is not None and line_break(name.idx + len(name), first.idx):
            kept.append(cand)  # the field starts its own line: "Skills" / "Bioinformatics"
            continue
    return kept


# Categories of skill whose bare name a vendor's library may also carry
# ("PEFT" the method and Hugging Face's PEFT library; "Transformers" the
# architecture and the library). Languages and fields are left alone: "SQL"
# beside Cloud SQL is still SQL.
_PRODUCT_READ_CATEGORIES = frozenset({"technique", "model"})


_Spellings = dict[str, tuple[tuple[Alias, str], ...]]


def _spellings(lexicon: Lexicon) -> _Spellings:
    """Skill id -> every alias of the skill (its name included) with its normalised text.

    Worked out once per extractor: the phrase tables, the product tables and the
    fuzzy index all read it.
    """
    return {
        skill.id: tuple((alias, normalize(alias.text)) for alias in skill_aliases(skill))
        for skill in lexicon.skills.values()
    }


def _bare_products(lexicon: Lexicon, spellings: _Spellings) -> list[tuple[str, str, str, bool]]:
    """``(product id, vendor id, bare name, ambiguous vendor alias)`` per "<vendor> <bare>".

    A product that belongs to a vendor (``part_of``) and is spelt with one of
    the vendor's aliases in front ("Hugging Face Datasets", "AWS Batch") may be
    written by the rest of the name where the vendor is clear from around it.

    >>> from resume_match.models import Alias, Skill
    >>> skills = [Skill(id="aws", name="AWS", category="cloud"),
    ...           Skill(id="aws-batch", name="AWS Batch", category="cloud", part_of=("aws",))]
    >>> lex = Lexicon(skills={s.id: s for s in skills})
    >>> _bare_products(lex, _spellings(lex))
    [('aws-batch', 'aws', 'batch', False)]
    """
    out: list[tuple[str, str, str, bool]] = []
    for product in lexicon.skills.values():
        for vendor_id in product.part_of:
            if vendor_id not in lexicon.skills:
                continue
            prefixes = [
                (norm.lower() + " ", alias.ambiguous) for alias, norm in spellings[vendor_id]
            ]
            for _, norm in spellings[product.id]:
                spelt = norm.lower()
                for prefix, ambiguous in prefixes:
                    if spelt.startswith(prefix) and len(spelt) > len(prefix):
                        out.append((product.id, vendor_id, spelt[len(prefix) :], ambiguous))
    return out


def _vendor_products(
    lexicon: Lexicon, bare: list[tuple[str, str, str, bool]], spellings: _Spellings
) -> dict[tuple[str, str], tuple[str, str]]:
    """``(skill id, lowercase alias) -> (product id, vendor id)`` for bare product names.

    A product spelt "<vendor> <word>" ("Hugging Face PEFT"), where <word> alone
    is an alias of a method or model ("PEFT"), may be written as the bare word
    when it stands among the vendor's other products. This table lists those words.

    >>> from resume_match.models import Alias, Skill
    >>> skills = [Skill(id="hf", name="Hugging Face", category="nlp-tool"),
    ...           Skill(id="peft", name="PEFT", category="technique"),
    ...           Skill(id="hf-peft", name="HF PEFT", category="nlp-tool", part_of=("hf",),
    ...                 aliases=(Alias(text="Hugging Face PEFT"),))]
    >>> lex = Lexicon(skills={s.id: s for s in skills})
    >>> spelt = _spellings(lex)
    >>> _vendor_products(lex, _bare_products(lex, spelt), spelt)
    {('peft', 'peft'): ('hf-peft', 'hf')}
    """
    owners: dict[str, str] = {}
    for skill_id, aliases in spellings.items():
        for _, norm in aliases:
            owners.setdefault(norm.lower(), skill_id)
    table: dict[tuple[str, str], tuple[str, str]] = {}
    for product_id, vendor_id, name, ambiguous in bare:
        other = owners.get(name)
        if (
            not ambiguous
            and other is not None
            and other not in (product_id, vendor_id)
            and lexicon.skills[other].category in _PRODUCT_READ_CATEGORIES
        ):
            table.setdefault((other, name), (product_id, vendor_id))
    return table


def _read_as_products(
    toks: _Tokens,
    chosen: list[_Candidate],
    products: dict[tuple[str, str], tuple[str, str]],
    lexicon: Lexicon,
) -> None:
    """Re-read a bare product name listed among its vendor's products, in place.

    "Hugging Face ecosystem (Transformers, PEFT, TRL)" names three libraries,
    while "LoRA via PEFT" names the method. A listed neighbour that is the
    vendor or one of its products decides; one neighbour at a time, so a chain
    of bare names hangs off the first sure one.
    """
    by_end: dict[int, list[int]] = {}
    by_start: dict[int, list[int]] = {}
    for i, cand in enumerate(chosen):
        by_end.setdefault(cand.end, []).append(i)
        by_start.setdefault(cand.start, []).append(i)
    changed = True
    while changed:
        changed = False
        for cand in chosen:
            reading = products.get((cand.skill_id, normalize(cand.text).lower()))
            if reading is None:
                continue
            product_id, vendor_id = reading
            for j in _list_neighbours(toks, cand, by_end, by_start):
                other = chosen[j].skill_id
                if other == vendor_id or vendor_id in lexicon.skills[other].part_of:
                    cand.skill_id = product_id
                    changed = True
                    break


# Tokens that separate the items of a vendor's bracketed product list.
_ITEM_SEPARATORS = frozenset({",", ";", "/", "|", "and", "&", "\u2022", "\u00b7"})
# How far a vendor's bracket may run, in tokens, and how many plain words may
# stand between the vendor and the bracket ("AWS services (", "Hugging Face ecosystem (").
_PRODUCT_BRACKET_REACH = 40
_PRODUCT_BRACKET_LEAD = 2


def _read_bracket_products(
    toks: _Tokens,
    candidates: list[_Candidate],
    table: dict[str, dict[tuple[str, ...], str]],
    lexicon: Lexicon,
) -> list[_Candidate]:
    """Read the bare product names in a bracket after their vendor as the products.

    "AWS (S3, Batch)" lists AWS Batch and "Hugging Face (transformers,
    datasets)" the Datasets library. An item that is not one of the vendor's
    products keeps whatever it matched; a product read here replaces a method or
    model its words also name ("transformers" the architecture), but not a tool
    of its own ("Azure (Synapse, Databricks)" is still Databricks).
    """
    words, lowers = toks.words, toks.lowers
    read: list[tuple[int, int, str]] = []
    for cand in candidates:
        products = table.get(cand.skill_id)
        if products is None:
            continue
        k = cand.end
        while (
            k < len(words)
            and k - cand.end < _PRODUCT_BRACKET_LEAD
            and words[k].isalpha()
            and words[k].islower()
        ):
            k += 1
        if k >= len(words) or words[k] != "(":
            continue
        start = k + 1
        for i in range(k + 1, min(len(words), k + 1 + _PRODUCT_BRACKET_REACH)):
            if words[i] == "(":
                break
            if words[i] != ")" and lowers[i] not in _ITEM_SEPARATORS:
                continue
            product_id = products.get(tuple(lowers[start:i]))
            if product_id is not None and not any(
                (c.start, c.end) == (start, i)
                and c.skill_id != product_id
                and lexicon.skills[c.skill_id].category not in _PRODUCT_READ_CATEGORIES
                for c in candidates
            ):
                read.append((start, i, product_id))
            if words[i] == ")":
                break
            start = i + 1
    if not read:
        return candidates
    kept = [
        c
        for c in candidates
        if not any(s <= c.start and c.end <= e and (c.start, c.end, c.skill_id) != (s, e, p)
                   for s, e, p in read)
    ]  # fmt: skip
    have = {(c.start, c.end, c.skill_id) for c in kept}
    return kept + [
        _Candidate(s, e, p, "pattern", False, SCORE_MATCH)
        for s, e, p in read
        if (s, e, p) not in have
    ]


_OPEN_BRACKET = re.compile(r"\s?\(\s?")
_CLOSE_BRACKET = re.compile(r"^\s?\)")


def _merge_bracketed(
    norm: str, hits: list[tuple[int, int, _Candidate]]
) -> list[tuple[int, int, _Candidate]]:
    """One mention for a name and its own short form in brackets right after it.

    "Site Reliability Engineering (SRE)" names the skill once, not twice: the
    bracketed mention of the same skill joins the one before it, brackets and all.

    >>> sre = _Candidate(0, 0, "sre", "alias", False, 90.0)
    >>> text = "Site Reliability Engineering (SRE) team"
    >>> [(s, e) for s, e, _ in _merge_bracketed(text, [(0, 28, sre), (30, 33, sre)])]
    [(0, 34)]
    """
    ordered = sorted(hits, key=lambda h: (h[0], h[1]))
    out: list[tuple[int, int, _Candidate]] = []
    for hit in ordered:
        if out:
            start, end, cand = out[-1]
            close = _CLOSE_BRACKET.match(norm[hit[1] :])
            if (
                hit[2].skill_id == cand.skill_id
                and close is not None
                and _OPEN_BRACKET.fullmatch(norm[end : hit[0]]) is not None
            ):
                out[-1] = (start, hit[1] + close.end(), cand)
                continue
        out.append(hit)
    return out


def _vetoed(cand: _Candidate, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start <= cand.start and cand.end <= end for start, end in spans)


def _longest_first(toks: _Tokens, candidates: list[_Candidate]) -> list[_Candidate]:
    """Resolve overlaps: the longest span (in characters) wins, then the earliest."""
    order = {"exact": 0, "alias": 1, "pattern": 2, "fuzzy": 3}
    starts, ends = toks.starts, toks.ends

    def rank(c: _Candidate) -> tuple[int, int, int, str]:
        return (starts[c.start] - ends[c.end - 1], c.start, order[c.method], c.skill_id)

    taken = bytearray(len(starts))
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=rank):
        if any(taken[cand.start : cand.end]):
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        chosen.append(cand)
    return chosen


def _other_number(query: str, alias: str) -> bool:
    """Whether one-word ``query`` is one-word ``alias`` in the other number.

    "logistic" is not a misspelling of "logistics", nor "marketplace" of
    "marketplaces": a single word in the other number is often another word
    (and where it is the same one, an exact alias should name it).

    >>> _other_number("logistic", "logistics"), _other_number("kubernets", "kubernetes")
    (True, False)
    """
    if " " in query or " " in alias:
        # "Cox models" for "Cox model": in a phrase the last word is its head
        # noun, and its plural is the same skill; rescue it.
        return False
    return alias in _other_numbers(query) or query in _other_numbers(alias)


def _other_word(query: str, alias: str) -> bool:
    """Whether ``query`` differs from ``alias`` by a whole affix, not a typo.

    "model training" is not a misspelling of "model pretraining", nor "data
    processing" of "data preprocessing": a word of the query sits inside the
    matching alias word with two or more letters added around it.

    >>> _other_word("data processing", "data preprocessing")
    True
    >>> _other_word("kubernets", "kubernetes")
    False
    >>> _other_word("customer support", "customer support ai")
    True
    """
    words, targets = query.split(" "), alias.split(" ")
    if len(words) != len(targets):
        # A whole word more or less ("customer support" / "customer support AI") is
        # another phrase, not a typo.
        short, long = sorted((words, targets), key=len)
        return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))
    return any(
        word != target and word in target and len(target) - len(word) >= 2
        for word, target in zip(words, targets, strict=True)
    )


def _plural_acronym(word: str) -> bool:
    """Whether ``word`` is an acronym in the plural: capitals and a small "s".

    >>> _plural_acronym("GAMs"), _plural_acronym("GAMS"), _plural_acronym("Faiss")
    (True, False, False)
    """
    return len(word) >= 3 and word[-1] == "s" and word[:-1].isupper()


def _other_ending(word: str, target: str) -> bool:
    """Whether ``word`` is the past tense of ``target``'s stem: another word, not a typo.

    "recommended" is not "recommender" misspelt. The other way round a noun
    may name the thing an alias names as a verb ("backtester" for "backtested").

    >>> _other_ending("recommended", "recommender"), _other_ending("backtester", "backtested")
    (True, False)
    """
    stem = word[:-2]
    return (
        word.endswith("ed")
        and not target.endswith("ed")
        and len(stem) >= 4
        and target.startswith(stem)
    )


def _glued(text: str) -> str:
    return text.replace(" ", "").replace("-", "")


def _typo_shaped(query: str, alias: str, known: AbstractSet[str] = frozenset()) -> bool:
    """Whether ``query`` differs from ``alias`` the way a misspelling does.

    A typo touches one word, and a short word by one edit only: "online
    features stop" is not "online feature store" ("stop" is another word, two
    edits from "store"), nor "data lake house" "data warehouse". The changed word
    must not be a word we know correctly spelled, in either number (``known``:
    every word of every alias and context word): "system" is not a misspelling
    of "systemd", nor "backbones" of "BackboneJS". A word in the other
    number is not a typo and is allowed ("Cox models" for "Cox model", "ads
    ranking" for "ad ranking"). Phrases with another number of words must be
    the same letters split or glued differently ("tensor flow", "deeplearning").

    >>> _typo_shaped("scikit lern", "scikit learn"), _typo_shaped("features stop", "feature store")
    (True, False)
    >>> _typo_shaped("kubernets", "kubernetes"), _typo_shaped("ads ranking", "ad ranking")
    (True, True)
    >>> _typo_shaped("system", "systemd", known={"recommender", "system"})
    False
    """
    from rapidfuzz.distance import OSA

    words, targets = query.split(" "), alias.split(" ")
    if len(words) != len(targets):
        spaced, alias_spaced = query.replace("-", " "), alias.replace("-", " ")
        if spaced.count(" ") == alias_spaced.count(" "):
            # "early-warning score" for "early warning scores": word by word.
            return _typo_shaped(spaced, alias_spaced, known)
        # Split or glued ("tensor flow", "deeplearning"): only the spaces and
        # hyphens may differ, or "paper mills" would be a typo of "Papermill".
        return _glued(query) == _glued(alias)
    typos = 0
    for word, target in zip(words, targets, strict=True):
        if word == target:
            continue
        if word in _other_numbers(target) or target in _other_numbers(word):
            continue  # "ads ranking" for "ad ranking"; one-word aliases: see _other_number
        if word.replace("-", "") == target.replace("-", ""):
            continue  # "deeplearning" for "deep-learning": the same word, glued
        if _other_ending(word, target):
            return False  # "recommended" is not a misspelling of "recommender"
        typos += 1
        edits = OSA.distance(word, target)
        if typos > 1 or edits > (1 if len(target) <= 6 else 2):
            return False
        if word in known or any(other in known for other in _other_numbers(word)):
            return False
    return True


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


def _similarity(query: str, alias: str, cutoff: float) -> float:
    """Indel similarity (rapidfuzz ``ratio``, 0-100) where a swap of two neighbours costs one edit.

    ``ratio`` counts a missing letter as one edit but two swapped letters
    ("Tablaeu") as two, so a seven-letter swap scores 85.7 and misses a 90
    cutoff that a seven-letter deletion passes. Here each swap the optimal
    string alignment uses saves one edit, so a swap costs what a missing letter
    costs; a wrong letter still costs two. Returns 0.0 below ``cutoff``.

    >>> round(_similarity("tablaeu", "tableau", 90.0), 1)
    92.9
    >>> _similarity("tablxau", "tableau", 90.0)
    0.0
    """
    from rapidfuzz.distance import OSA, Indel, Levenshtein
    from rapidfuzz.fuzz import ratio

    score = float(ratio(query, alias, score_cutoff=cutoff))
    if score:
        return score
    # Each swap saves at most one of two edits, so a pair scoring below
    # 100 - 2 * (100 - cutoff) cannot reach the cutoff: skip the slower metrics.
    if ratio(query, alias, score_cutoff=max(0.0, 2 * cutoff - 100)) == 0:
        return 0.0
    swaps = Levenshtein.distance(query, alias) - OSA.distance(query, alias)
    if swaps <= 0:
        return 0.0
    total = len(query) + len(alias)
    score = 100.0 * (1 - (Indel.distance(query, alias) - swaps) / total)
    return score if score >= cutoff else 0.0


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

    def __init__(
        self,
        lexicon: Lexicon,
        cutoff: float,
        vocabulary: AbstractSet[str] = frozenset(),
        spellings: _Spellings | None = None,
    ) -> None:
        self.cutoff = cutoff
        self.buckets: dict[tuple[str, int], list[tuple[str, str, bool]]] = {}
        self.alias_words: set[str] = set()
        # Every word of every alias (``vocabulary``) and context word, correctly
        # spelled: never read as a typo of something else.
        self.known_words: set[str] = {w for w in vocabulary if len(w) >= 3}
        self.known_words.update(
            w
            for skill in lexicon.skills.values()
            for phrase in skill.context
            for w in re.findall(r"[a-z0-9+#]+", phrase.lower())
            if len(w) >= 3
        )
        self.min_length = 0
        self.max_length = 0
        self.cache: dict[str, tuple[str, float] | None] = {}
        # Acronym words of an alias ("nwp" in "NWP models"): a typo is never read
        # inside one, so the query must hold each of them as written.
        self.acronyms: dict[str, tuple[str, ...]] = {}
        # Entries named by common English words, where a word in the other
        # number is another word ("logistic" / "logistics"), not a typo.
        self.words = {s.id for s in lexicon.skills.values() if s.category in _WORD_CATEGORIES}
        lengths = []
        if spellings is None:
            spellings = _spellings(lexicon)
        for skill_id, aliases in spellings.items():
            for alias, norm in aliases:
                text = norm.lower()
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
                self.buckets.setdefault((text[0], len(text)), []).append((text, skill_id, eligible))
                acronyms = tuple(
                    w.lower() for w in alias.text.split() if w.isupper() and 2 <= len(w) <= 5
                )
                if acronyms:
                    self.acronyms[text] = acronyms
                if eligible:
                    lengths.append(len(text))
                    if " " in text or "-" in text:
                        # "scikit lern" must reach "scikit-learn": split on hyphens too.
                        words = re.split(r"[ -]", text)
                        self.alias_words.update(w for w in words if len(w) >= 3)
        # Per first letter, the aliases sorted by length, so one query slices out the
        # lengths that could reach the cutoff and scores them in a single C call.
        self.by_letter: dict[str, tuple[list[int], list[str], list[tuple[str, bool]]]] = {}
        for (letter, _length), entries in sorted(self.buckets.items()):
            lens, texts, info = self.by_letter.setdefault(letter, ([], [], []))
            for text, skill_id, eligible in entries:
                lens.append(len(text))
                texts.append(text)
                info.append((skill_id, eligible))
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
        n = len(query)
        share = self.cutoff / 100.0
        low = int(n * share / (2 - share))
        high = int(n * (2 - share) / share) + 1
        best_score = 0.0
        best: tuple[str, bool, str] | None = None
        rivals: set[str] = set()
        letter = self.by_letter.get(query[0])
        if letter is not None:
            from rapidfuzz import fuzz, process

            lens, texts, info = letter
            lo = bisect.bisect_left(lens, max(low, 5))
            hi = bisect.bisect_right(lens, high)
            # ratio below 2*cutoff - 100 cannot reach the cutoff even with swaps
            # forgiven (see _similarity): C does that first cut for every alias.
            floor = max(0.0, 2 * self.cutoff - 100)
            for text, _score, index in process.extract(
                query, texts[lo:hi], scorer=fuzz.ratio, score_cutoff=floor, limit=None
            ):
                score = _similarity(query, text, self.cutoff)
                if not score:
                    continue
                skill_id, eligible = info[lo + index]
                rivals.add(skill_id)
                if score > best_score or (score == best_score and best and text < best[2]):
                    best_score, best = score, (skill_id, eligible, text)
        result: tuple[str, float] | None = None
        if (
            best is not None
            and best[1]
            and len(rivals) == 1
            and best_score < 100.0
            and not _other_word(query, best[2])
            and _typo_shaped(query, best[2], self.known_words)
            and all(word in query.split(" ") for word in self.acronyms.get(best[2], ()))
            and not (best[0] in self.words and _other_number(query, best[2]))
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

        lower = norm.lower()
        if len(lower) != len(norm):
            # Lowercasing changed the length (a rare letter such as "İ"): keep the
            # offsets of ``norm`` and lowercase span by span instead.
            lower = ""
        spans = [w.span() for w in _WORD.finditer(norm)]
        starts = [a for a, _ in spans]
        ends = [b for _, b in spans]
        words = [lower[a:b] if lower else norm[a:b].lower() for a, b in spans]
        found: list[tuple[int, int, _Candidate]] = []
        low, high = self.min_length, self.max_length
        count = len(words)
        stop_word = [w in STOP_WORDS for w in words]
        # alias_before[k]: how many of the first k words are words of some alias,
        # so "does this span hold one" is a subtraction, not a scan.
        alias_before = [0]
        for w in words:
            alias_before.append(alias_before[-1] + (w in self.alias_words))
        # joined[k]: word k + 1 follows word k after a single space (one span).
        joined = [starts[k + 1] == ends[k] + 1 and norm[ends[k]] == " " for k in range(count - 1)]
        cache, best, skills = self.cache, self.best, lexicon.skills
        i = 0
        while i < count:
            if stop_word[i]:
                i += 1
                continue
            start = starts[i]
            hit = None
            # Longest span first.
            last = i
            while last + 1 < count and last - i + 1 < FUZZY_MAX_TOKENS and joined[last]:
                last += 1
            if alias_before[last + 1] == alias_before[i]:
                last = i  # no alias word in reach: only the word itself can be a typo
            for stop in range(last, i - 1, -1):
                span_end = ends[stop]
                if not low <= span_end - start <= high or stop_word[stop]:
                    continue
                if stop > i and alias_before[stop + 1] == alias_before[i]:
                    continue
                if stop == i:
                    query = words[i]
                else:
                    query = lower[start:span_end] if lower else norm[start:span_end].lower()
                result = cache[query] if query in cache else best(query)
                if result is not None and result[0] in skills:
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
    return _cached_extractor(lexicon, config).extract(doc)


def _cached_extractor(
    lexicon: Lexicon | None = None, config: ExtractConfig | None = None
) -> SkillExtractor:
    """The extractor :func:`extract_skills` keeps for this lexicon object and config."""
    config = ExtractConfig() if config is None else config
    key = (0 if lexicon is None else id(lexicon), config)
    cached = _EXTRACTORS.get(key)
    # The lexicon object is stored beside its extractor so its id cannot be reused.
    if cached is None or cached[0] is not lexicon:
        if len(_EXTRACTORS) >= _MAX_EXTRACTORS:
            _EXTRACTORS.pop(next(iter(_EXTRACTORS)))
        cached = (lexicon, SkillExtractor(lexicon, config=config))
        _EXTRACTORS[key] = cached
    return cached[1]


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
