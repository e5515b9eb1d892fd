"""Bullet review: small pure rules that say why a resume bullet reads weak.

The standard is the one career guides teach for ML engineers: a strong bullet
says what was achieved, how it was measured, and with what. Each rule is a pure
function with a stable id (see :data:`BULLET_RULES` and :data:`RULE_SEVERITY`);
callers switch rules off with ``BulletConfig(disabled=(...))``.

>>> import resume_match as rm
>>> [f.rule for f in rm.check_bullets(["Worked on model development"], mentions=())]
['no-metric', 'no-outcome', 'no-tool', 'too-short', 'weak-verb']
>>> strong = "Cut p99 latency from 480 ms to 95 ms by moving the ranker to TensorRT"
>>> rm.check_bullets([strong], config=rm.BulletConfig(disabled=("no-tool",)))
()

No spaCy and no I/O here: the word lists below are data, and the only other
stage this module calls is the skill extractor, lazily, when ``no-tool`` needs
mentions and the caller did not pass them.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Literal, NamedTuple

from pydantic import TypeAdapter

from resume_match.errors import InputError, did_you_mean
from resume_match.models import (
    Bullet,
    BulletConfig,
    BulletFinding,
    BulletReview,
    Resume,
    SectionKind,
    SkillMention,
)

__all__ = [
    "BULLET_RULES",
    "RULE_SEVERITY",
    "BulletContext",
    "Hit",
    "MetricSpan",
    "Rule",
    "Word",
    "check_bullets",
    "find_metrics",
    "review_bullets",
]

Severity = Literal["high", "medium", "low"]


def _set(words: str) -> frozenset[str]:
    """A word list written as whitespace-separated text (easier to read and extend)."""
    return frozenset(words.split())


# --------------------------------------------------------------------------- #
# Word lists (data). Lowercase unless said otherwise.
# --------------------------------------------------------------------------- #

# Glyphs people and PDF fonts put in front of bullets; "(cid:127)" is what
# pdfminer prints for a bullet drawn with an unmapped font glyph.
_GLYPHS = "•◦▪▫■□●○◆◇►▸▹▶➢➤➣➔→⇒✓✔✗✘☐☑★☆·‣\u2043∙⦿⦾*+-\u2013—~>"
_LEAD_RE = re.compile(
    r"^(?:\s|\(cid:\d+\)|[" + re.escape(_GLYPHS) + r"]"
    r"|\(?\d{1,2}[.)](?=\s)|\(?[a-hA-H][.)](?=\s)|\([ivx]{1,4}\)|\(\d{1,2}\)|\([a-h]\))+"
)

# Openers that put the writer at a distance from the work (the list,
# plus the variants that show up in real resumes). Matched at the opener.
_WEAK_OPENERS: tuple[tuple[str, str], ...] = tuple(
    (pattern, label)
    for pattern, label in (
        (
            r"(?:was |were |am |is )?(?:\w+ly )?work(?:ed|ing|s)?(?: \w+ly)? "
            r"(?:on|with|in|at|as|alongside|closely)\b",
            "worked on",
        ),
        (r"(?:was |were |am |is )?responsible for\b", "responsible for"),
        (r"help(?:ed|ing|s)?\b", "helped"),
        (r"assist(?:ed|ing|s)?\b", "assisted"),
        (r"(?:was |were |am |is )?involved (?:in|with)\b", "involved in"),
        (r"participat(?:ed|ing|es|e) in\b", "participated in"),
        (r"(?:was |were )?tasked with\b", "tasked with"),
        (
            r"(?:main |key |primary )?(?:duties|tasks|responsibilities|role)"
            r"(?: included| include| includes| involved| involve| were| was|:)",
            "duties included",
        ),
        (r"(?:was |were )?(?:a |an )?(?:part|member) of\b", "was part of"),
        (r"contribut(?:ed|ing|es|e) to\b", "contributed to"),
        (r"took part in\b", "took part in"),
        (
            r"gain(?:ed|ing) (?:[\w-]+ )?(?:experience|exposure|knowledge|familiarity)\b",
            "gained experience",
        ),
        (r"learn(?:ed|t|ing)\b", "learned"),
        (r"(?:exposure|exposed) to\b", "exposure to"),
        (r"(?:had|have|got) (?:the )?(?:opportunity|chance) to\b", "had the opportunity"),
        (r"handl(?:ed|ing)\b", "handled"),
        (r"support(?:ed|ing)\b", "supported"),
        (r"(?:was |were )?in charge of\b", "in charge of"),
        (r"attend(?:ed|ing)\b", "attended"),
        (r"shadow(?:ed|ing)\b", "shadowed"),
        (r"familiari[sz](?:ed|ing)\b", "familiarised"),
        (r"dealt with\b", "dealt with"),
        (r"did\b", "did"),
        (r"my (?:main |key |primary )?(?:task|role|job|duty|responsibility)\b", "my role"),
        (r"(?:i |we )?(?:was|were|am|is|are)\b", "was"),
    )
)
_WEAK_RE = re.compile("|".join(f"(?P<w{i}>{p})" for i, (p, _) in enumerate(_WEAK_OPENERS)))

# Action verbs in their base form. Past forms ending in -ed are recognised by
# shape, so this list matters for present tense (the tense rule), for -s and
# -ing forms, and for the suggestions. Includes the ML verbs resumes use.
_VERB_BASES = _set(
    """
    accelerate achieve acquire adapt add address adopt advise advocate align analyse analyze
    annotate apply architect assemble assess audit author automate balance benchmark boost
    bootstrap bring build calibrate capture champion clean close coach code collaborate
    collect compile compress compute conceive conduct configure consolidate construct
    consult containerize containerise convert coordinate craft create curate cut debug decrease
    define deliver demonstrate deploy derive design detect develop devise diagnose direct
    discover distil distill document double drive earn eliminate embed enable engineer enhance
    establish estimate evaluate examine execute expand expedite experiment explain explore
    extend extract facilitate fine-tune fix forecast formulate found generate grow guide halve
    harden head help hire identify implement improve increase index influence initiate
    innovate inspect instrument integrate interview introduce invent investigate iterate label
    launch lead lift lower maintain manage map maximize maximise measure mentor merge migrate
    minimize minimise mine mitigate modernize modernise monitor negotiate onboard operate
    optimize optimise orchestrate organize organise outperform overhaul own pair parallelize
    parallelise partner persuade pilot pioneer plan port predict prepare present pretrain
    prevent prioritize prioritise process produce productionize productionise profile program
    propose prototype provision publish quantify quantize quantise raise rank re-architect
    rebuild recommend reconcile recover recruit redesign reduce refactor refine release
    remove render replace report reproduce research resolve restructure retrain revamp review
    rewrite run save scale schedule scope score scrape secure segment select serve set ship
    shorten simplify simulate solve spearhead speed standardize standardise steer streamline
    strengthen structure study supervise surface survey synthesize synthesise teach test
    track train transform translate triage trim triple tune unify upgrade use validate vectorize
    visualize visualise win write
    """
)

# Irregular past forms (base -> past). Bases whose past equals the base
# ("cut", "set", ...) are listed in _SAME_PAST: their tense cannot be told.
_IRREGULAR_PAST = MappingProxyType(
    {
        "begin": "began",
        "bring": "brought",
        "build": "built",
        "buy": "bought",
        "catch": "caught",
        "choose": "chose",
        "deal": "dealt",
        "do": "did",
        "draw": "drew",
        "drive": "drove",
        "feed": "fed",
        "find": "found",
        "fight": "fought",
        "get": "got",
        "give": "gave",
        "go": "went",
        "grow": "grew",
        "have": "had",
        "hold": "held",
        "keep": "kept",
        "know": "knew",
        "lead": "led",
        "make": "made",
        "meet": "met",
        "oversee": "oversaw",
        "overcome": "overcame",
        "pay": "paid",
        "rebuild": "rebuilt",
        "rewrite": "rewrote",
        "run": "ran",
        "see": "saw",
        "sell": "sold",
        "send": "sent",
        "shrink": "shrank",
        "speak": "spoke",
        "speed": "sped",
        "spend": "spent",
        "stand": "stood",
        "take": "took",
        "teach": "taught",
        "undertake": "undertook",
        "uphold": "upheld",
        "win": "won",
        "write": "wrote",
        "co-write": "co-wrote",
        "rerun": "reran",
    }
)
_PAST_TO_BASE = MappingProxyType({v: k for k, v in _IRREGULAR_PAST.items()})
_SAME_PAST = _set(
    "cut set put hit let read spread split shut cast broadcast forecast reset quit beat "
    "cost input output offset upset bet"
)
# Short bases whose -ed form doubles the last consonant.
_DOUBLING = _set(
    "ship plan drop stop scrap commit control refer admit submit transfer map tag log "
    "chat pin prep slim trim step rig"
)
# Words ending in -ed that are not verbs (or not action verbs at the start).
_NOT_VERBS_ED = _set(
    "red bed need speed seed feed shed hundred based detailed skilled experienced "
    "dedicated advanced talented motivated interested excited qualified seasoned "
    "accomplished certified licensed sacred naked wicked embed proceed exceed succeed"
)
# First parts of hyphenated verbs ("fine-tuned", "co-authored", "re-architected").
_VERB_PREFIXES = _set(
    "re co pre fine open hand auto cross de over under up down multi self back "
    "double triple a/b hot soft"
)
# Words ending in -ing that are nouns at the start of a bullet.
_NOT_VERBS_ING = _set(
    "engineering marketing programming computing accounting banking consulting funding "
    "pricing spring string thing something nothing everything king ring morning evening "
    "during bring sing wing ceiling clothing"
)
# Adverbs that may stand before the opening verb ("Successfully led ...").
_ADVERBS = _set(
    "also additionally then further subsequently initially later currently recently "
    "successfully effectively actively independently collaboratively proactively "
    "consistently significantly efficiently quickly directly personally jointly primarily "
    "heavily closely continuously single-handedly regularly rapidly jointly iteratively "
    "routinely simultaneously"
)
# Words that open a lead-in clause ("As the sole ML engineer, deployed ...").
_LEAD_IN = _set(
    "as in at during over within after following across for with under through while "
    "since when before upon"
)
_PRONOUNS = frozenset({"i", "we"})

# Past participles that do not end in -ed (for the passive-voice rule).
_IRREGULAR_PARTICIPLES = _set(
    "built written led run made taken given done chosen seen known shown grown driven "
    "drawn held kept sent spent set put found bought brought taught thought sold told "
    "won begun broken frozen spoken hidden overseen rewritten rebuilt undertaken cut "
    "paid met dealt sped shrunk"
)
# -ed words that follow "was"/"is" as adjectives, or that weak-verb already owns.
_ADJECTIVE_ED = _set(
    "involved tasked interested excited based located experienced skilled qualified "
    "dedicated focused committed motivated supposed concerned pleased proud"
)
_AUXILIARIES = _set("am is are was were be been being get gets got gotten")


class _Folded:
    """A case-insensitive pattern of lowercase words, run on the lowercased text.

    Python's ``re`` is three to four times slower on a long alternation with
    ``IGNORECASE`` than without; lowercasing the text once gives the same spans
    whenever lowercasing keeps its length (all but a few letters such as "İ",
    for which the case-insensitive pattern runs instead).

    >>> _Folded(r"\\bteam[- ]player\\b").search("A TEAM-PLAYER who ships")
    (2, 13)
    """

    __slots__ = ("_exact", "_pattern")

    def __init__(self, pattern: str) -> None:
        if re.search(r"[A-Z]", re.sub(r"\\.", "", pattern)):
            raise ValueError("a folded pattern is written in lower case")
        self._pattern = pattern
        self._exact = re.compile(pattern)

    def search(self, text: str, pos: int = 0) -> tuple[int, int] | None:
        """The span of the first match at or after ``pos``, or None."""
        low = text.lower()
        if len(low) == len(text):
            m = self._exact.search(low, pos)
        else:
            # Rare; ``re`` caches the compiled pattern after the first time.
            m = re.compile(self._pattern, re.IGNORECASE).search(text, pos)
        return None if m is None else m.span()


# Buzzwords that claim a quality instead of showing it.
_FILLER_RE = _Folded(
    r"\b(?:results?[- ](?:driven|oriented|focused)|detail[- ]oriented|team[- ]player"
    r"|synerg(?:y|ies|istic|ize|ise)|go[- ]getter|self[- ]starter|hard[- ]?working"
    r"|passionate|highly motivated|self[- ]motivated|think(?:s|ing)? outside the box"
    r"|outside[- ]the[- ]box|thought leader(?:ship)?|best[- ]in[- ]class|best[- ]of[- ]breed"
    r"|world[- ]class|cutting[- ]edge|bleeding[- ]edge|proven track record|track record"
    r"|rock ?star|ninja|guru|wizard|game[- ]changer|move the needle|value[- ]add"
    r"|paradigm shift|fast[- ]paced environment|strong work ethic|go[- ]to person"
    r"|excellent communication skills|seamless(?:ly)?|impactful|visionary)\b",
)

_FIRST_PERSON_RE = re.compile(
    r"(?<![\w/])(?:I(?:'m|'ve|'d|\u2019m|\u2019ve)?(?![\w/.])|[Mm](?:e|y|ine|yself)\b|[Ww]e(?:'re|'ve)?\b"
    r"|[Oo]urs?(?:elves)?\b|us\b)"
)
# Words before a Roman "I" that make it a numeral ("Type I error", "Phase I").
_ROMAN_CONTEXT = _set(
    "type phase part level tier series class stage grade chapter war title article "
    "schedule basel step"
)

# Label lines inside an entry that are lists, not achievements ("Tools used: C++").
_LABEL_LINE_RE = re.compile(
    r"^(?:tools?(?: used)?|tech(?:nologies|nology)?(?: used)?(?: stack)?|stack|environment"
    r"|skills(?: used)?|languages|frameworks|key skills|built with|keywords)\s*:",
    re.IGNORECASE,
)

# Words that make a bullet technical (for no-tool).
_TECH_RE = _Folded(
    r"\b(?:models?|algorithms?|pipelines?|classifiers?|regressions?|neural|datasets?"
    r"|training|trained|inference|deploy(?:ed|ing|ment)?|apis?|(?:micro)?services?"
    r"|features?|embeddings?|ml|ai|llms?|nlp|etl|databases?|quer(?:y|ies)|dashboards?"
    r"|clusters?|latency|code|scripts?|backend|infrastructure|forecast(?:s|ing)?"
    r"|recommend(?:er|ers|ation|ations)|ranking|search|retrieval|chatbots?|bots?|agents?"
    r"|predictive|predictions?|classification|segmentation|detection|detectors?"
    r"|recogni[sz](?:er|ers|ion)|transformers?|deep learning|machine learning|analytics"
    r"|warehouse|data lake|schema|simulation|optimi[sz](?:ation|ed|ing)|experiments?"
    r"|statistical|apps?|automat(?:ed|ion|ing)|computer vision|fine[- ]tun(?:ed|ing)"
    r"|prompts?|tokeni[sz]ers?|gpus?|kernels?|a/b tests?)\b",
)
# Skill categories that name a tool, language or method (not a field or a soft skill).
_NOT_TOOL_CATEGORIES = frozenset({"ml-field", "soft-skill", "domain", "certification"})

# --------------------------------------------------------------------------- #
# Numbers: what counts as a measurable result and what does not
# --------------------------------------------------------------------------- #

_WORD_NUMBERS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    "|forty|fifty|hundred|dozen"
)
_NUM = r"(?:\d[\d,]*(?:\.\d+)?|\.\d+)"
# A number with an optional magnitude ("40k", "1.2M", "3B") and "+" ("500+").
_QTY = rf"(?:{_NUM}\s?(?:k|K|M|MM|B|bn|million|billion|thousand)?\+?)"

# Units that measure a result (time, speed, rate, power, memory of a model).
_MEASURE_UNITS = _set(
    """
    ms msec millisecond milliseconds s sec secs second seconds min mins minute minutes h hr
    hrs hour hours day days week weeks month months quarter quarters year years
    qps rps tps fps rpm hz khz mhz ghz w mw kw watts it/s
    times nines
    """
)
# Data volume units: scale, not an outcome.
_DATA_UNITS = _set("b kb mb gb tb pb eb kib mib gib tib pib bytes")
# Nouns whose count gives the scale of the work: people reached or managed,
# traffic and data items. Counts of things made (models, dashboards, papers,
# features, pipelines) are deliberately absent: see the grey cases in docs.
_SCALE_NOUNS = _set(
    """
    user users customer customers client clients subscriber subscribers member members visitor
    visitors patient patients student students learner learners employee employees people
    person persons stakeholder stakeholders manager managers executive executives analyst
    analysts engineer engineers scientist scientists developer developers researcher
    researchers annotator annotators labeler labelers labeller labellers intern interns
    agent agents seller sellers merchant merchants driver drivers rider riders advertiser
    advertisers partner partners account accounts household households reader readers viewer
    viewers listener listeners player players doctor doctors clinician clinicians nurse nurses
    physician physicians attendee attendees participant participants team teams
    request requests query queries call calls transaction transactions event events record
    records row rows document documents doc docs page pages image images photo photos video
    videos frame frames sample samples example examples token tokens label labels annotation
    annotations message messages email emails ticket tickets session sessions visit visits
    view views impression impressions click clicks order orders purchase purchases download
    downloads install installs star stars citation citations sku skus item items listing
    listings product products store stores branch branches location locations site sites
    market markets country countries city cities region regions hospital hospitals language
    languages device devices sensor sensors camera cameras vehicle vehicles observation
    observations datapoints claim claims loan loans application applications policy policies
    invoice invoices contract contracts case cases prediction predictions inference
    inferences response responses interaction interactions lines accent accents turbine
    turbines x-rays scan scans utterance utterances hours-of-audio
    """
)
_CURRENCIES = frozenset({"USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "INR", "SGD", "US$"})
_STOP_WORDS = _set(
    "that which who whom for to and or from on in at by with of the a an as into per than "
    "before after while"
)
_PEOPLE_SCALE = _set(
    "engineers scientists developers researchers annotators labelers labellers interns "
    "analysts managers team teams people persons members reports"
)
_METRIC_WORDS = (
    r"accuracy|precision|recall|f1|f1-score|f-score|f1 score|auc|roc-auc|roc auc|auroc|pr-auc"
    r"|auprc|map|ndcg|mrr|hit rate|iou|miou|dice|bleu|rouge(?:-[l12])?|meteor|chrf|wer|cer|der"
    r"|perplexity|ppl|rmse|mae|mape|smape|mse|r2|r²|r-squared|kappa|gini|lift|latency"
    r"|throughput|uptime|availability|ctr|cvr|conversion(?: rate)?|retention|churn|nps|csat"
    r"|arr|gmv|revenue|roi|sla|error rate|exact match|pass@\d+|[a-z]+@\d+|top-\d+ accuracy"
    r"|p\d\d latency|score"
)
_METRIC_VALUE_RE = re.compile(
    rf"\b(?:{_METRIC_WORDS})(?:\s+(?:score|rate|of|at|to|=|:|was|reached|hit|from|around"
    rf"|about|~|≈|improved|increased|rose))*\s*[:=]?\s*(?P<n>{_NUM})(?!\s*(?:[a-zA-Z]))"
    rf"|(?P<m>{_NUM})\s*(?:[\w-]+\s)?(?:{_METRIC_WORDS})\b",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(
    rf"(?P<n>{_NUM})\s?(?:%|percent\b|per cent\b|percentage[- ]points?\b|pp\b|pts?\b"
    rf"|points?\b|bps\b|basis points\b)",
    re.IGNORECASE,
)
_MONEY_RE = re.compile(
    rf"(?:[$€£¥₹]|\b(?:usd|eur|gbp|us\$)\s?)\s?(?P<n>{_NUM})"
    rf"|(?P<m>{_NUM})\s?(?:k|m|mm|bn|b|million|billion|thousand)?\s?"
    rf"(?:usd|eur|gbp|dollars|euros|pounds)\b",
    re.IGNORECASE,
)
_HARDWARE = (
    r"(?:nvidia\s+|nvidia\s+tesla\s+)?(?:[a-z]{1,2}\d{2,4}\b|gpus?\b|tpus?\b|rtx\b|tesla\b"
    r"|cpus?\b|vcpus?\b|cores?\b|nodes?\b|\d)"
)
_MULTIPLIER_RE = re.compile(
    rf"(?P<n>{_NUM})\s?[x\u00d7](?![\w])(?!\s*{_HARDWARE})"
    rf"|\b(?:\d+|{_WORD_NUMBERS})[- ]?fold\b"
    r"|\b(?:doubl|tripl|quadrupl|halv)(?:ed|ing|es)\b|\bcut in half\b|\bby half\b"
    r"|\borders? of magnitude\b"
    rf"|\b(?:\d+(?:\.\d+)?|{_WORD_NUMBERS}) times (?:faster|more|less|fewer|higher|lower"
    r"|better|smaller|larger|cheaper|quicker)\b",
    re.IGNORECASE,
)
_FRACTION_RE = re.compile(
    rf"\bby (?:a|one)[- ](?:half|third|quarter|fifth|tenth)\b|\b(?:two|three)[- ]thirds\b"
    rf"|\b(?:\d+|{_WORD_NUMBERS}) (?:in|out of) (?:\d+|{_WORD_NUMBERS})\b(?! of)"
    r"|\b(?<![\d/])\d(?:\.\d+)?\s?/\s?(?:5|10|100)\b(?!\s?/)"
    r"|\b(?:three|four|five|six) nines\b",
    re.IGNORECASE,
)
_RANK_RE = re.compile(
    rf"\btop[- ](?:\d+|{_WORD_NUMBERS})\b(?!\s*(?:accuracy|error|-?\d|%))"
    r"|\b\d+(?:st|nd|rd|th)\s+(?:place|prize|percentile|of|out of|among|overall|position)\b"
    r"|\b(?:first|second|third)[- ](?:place|prize)\b|\branked\s+(?:#?\d+|first|second|third|top)"
    r"|(?<![\w&])#\d+\b|\b(?:gold|silver|bronze) medal|\bfinished\s+(?:\d+(?:st|nd|rd|th)|first"
    r"|second|third)|\bpercentile\b",
    re.IGNORECASE,
)
_FREQ = (
    r"(?:hourly|daily|weekly|fortnightly|monthly|quarterly|yearly|annually|annual|real[- ]time"
    r"|seconds|minutes|hours|days|weeks|months|quarters|years"
    r"|(?:once|twice) (?:an?|per|every) (?:hour|day|week|month|quarter|year|sprint))"
)
_CHANGE_RE = re.compile(
    rf"\bfrom\s+(?:~|about\s+)?[-+]?[$€£]?(?P<a>{_QTY})\s?[%a-zA-Z/]*\s*(?:[a-zA-Z/-]+\s+)?"
    rf"(?:to|→|->|=>|down to|up to)\s+[-+~]?[$€£]?(?P<b>{_QTY})"
    rf"|(?P<c>{_QTY})\s?[%a-zA-Z]*\s*(?:→|->|=>|⟶)\s*[$€£]?(?P<d>{_QTY})"
    rf"|\b(?:down|up) from\s+[$€£]?(?P<e>{_QTY})"
    rf"|\bfrom\s+(?:an?\s+|the\s+)?{_FREQ}\b.{{0,40}}?\b(?:to|into)\s+(?:an?\s+|the\s+)?{_FREQ}\b"
    rf"|\b(?:once|twice|thrice|\d+ times) (?:an?|per|each|every) (?:hour|day|week|month|quarter"
    rf"|year|sprint)\b|\bevery \d+ (?:seconds|minutes|hours|days)\b",
    re.IGNORECASE,
)
_BY_RE = re.compile(
    rf"\bby\s+(?:~|about\s+|over\s+|nearly\s+|almost\s+|roughly\s+|more than\s+"
    rf"|up to\s+)?[-+]?[$€£]?(?P<n>{_QTY})",
    re.IGNORECASE,
)
_TO_RE = re.compile(
    rf"\bto\s+(?:~|about\s+|under\s+|below\s+|over\s+|just\s+)?[$€£]?(?P<n>{_QTY})", re.IGNORECASE
)
# A count right after a verb that states an outcome ("caught 3 regressions",
# "prevented an estimated 2,000 chargebacks"): the count is the result.
_OUTCOME_COUNT_RE = re.compile(
    rf"\b(?:caught|catching|prevent(?:ed|ing)|sav(?:ed|ing)|won|block(?:ed|ing)|resolv(?:ed|ing)"
    rf"|recover(?:ed|ing)|eliminat(?:ed|ing)|avoid(?:ed|ing)|flagg(?:ed|ing)|detect(?:ed|ing)"
    rf"|remov(?:ed|ing)|free(?:d|ing))\s+(?:an?\s+estimated\s+|over\s+|more than\s+|nearly\s+"
    rf"|about\s+|~)?[$€£]?(?P<n>{_QTY})",
    re.IGNORECASE,
)
_CHANGE_VERB_RE = re.compile(
    r"\b(?:reduc|improv|increas|decreas|cut|lower|rais|boost|lift|grew|grow|shr[ai]nk|trim"
    r"|shorten|accelerat|sped|speed|drop|gain|sav|bring|brought|move|moving|chang|rose|fell"
    r"|scal)",
    re.IGNORECASE,
)
# A count followed (within two words) by a unit or a scale noun.
_COUNT_RE = re.compile(
    rf"(?<![\w.,/])(?P<n>{_NUM}|{_WORD_NUMBERS}|a dozen|dozens|hundreds|thousands|millions"
    rf"|billions|tens of thousands)(?P<mag>\s?(?:k|K|M|MM|B|bn|million|billion|thousand)\b)?"
    r"(?P<attached>[a-zA-Zµ/]+)?\+?(?P<rest>(?:[\s-]+(?:of\s+)?[\w/@'\u2019.-]+){1,3})?",
    re.IGNORECASE,
)
# The words one of these detectors needs to match at all (lower case, as
# substrings: "threefold" holds "fold"). Keep in step with the patterns above;
# tests compare gated and ungated results.
_WORD_TRIGGERS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "multiplier": (
            "fold", "doubl", "tripl", "quadrupl", "halv", "half", "magnitude", "times"
        ),
        "fraction": ("half", "third", "quarter", "fifth", "tenth", "nines"),
        "rank": ("top", "place", "prize", "ranked", "medal", "finished", "percentile"),
        "change": ("from", "once", "twice", "thrice"),
        "count": ("dozen", "hundred", "thousand", "million", "billion"),
    }
)  # fmt: skip
# A number word where a word starts ("one in four", "twelve annotators", "tenfold"):
# what the count and fraction detectors need when the text has no digit.
_NUMBER_WORD_START = re.compile(rf"(?<!\w)(?:{_WORD_NUMBERS})")
# With digits, what the digit branches of a detector need besides the number.
_DIGIT_TRIGGERS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "fraction": ("/", " in ", " out of "),
        "rank": ("#",),
        "change": ("from", "\u2192", "->", "=>", "\u27f6", "every", "times"),
    }
)
_NUMBER_TIMES = re.compile(r"\d\s?[xX\u00d7]")
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b", re.IGNORECASE)


def _may_match(detector: str, text: str, low: str, digits: bool) -> bool:
    """Whether ``detector`` can match ``text`` at all (``low`` is its lower case).

    A cheap necessary condition, checked before the detector's own (slow,
    case-insensitive) pattern runs: its trigger words, and with digits the
    characters its number branches need ("3x" for a multiplier, "3rd" or "#3"
    for a rank, "from 3 to 2" for a change). Tests compare with every gate open.
    """
    if any(map(low.__contains__, _WORD_TRIGGERS[detector])):
        return True
    if detector in ("fraction", "count") and _NUMBER_WORD_START.search(low) is not None:
        # "one in four", "twelve annotators": a number word that starts a word.
        return True
    if not digits:
        return False
    if detector == "multiplier":
        return _NUMBER_TIMES.search(text) is not None
    if detector == "rank" and _ORDINAL.search(text) is not None:
        return True
    return detector == "count" or any(map(low.__contains__, _DIGIT_TRIGGERS[detector]))


# Names with digits in them: versions, models, course codes, hardware ("GPT-4",
# "ResNet-50", "Llama-2-7B", "CS229", "Q3", "p99", "A100", "C++17", "recall@10").
_NAME_NUM_RE = re.compile(r"(?<![\w$€£¥₹#])[A-Za-z][A-Za-z+#]*(?:[-_.@/]?[A-Za-z0-9+#]+)*")
_DIGIT_RE = re.compile(r"\d")
_DIGIT_CHUNK_RE = re.compile(r"\S*\d\S*")
_NOT_NAME_PREFIX = frozenset({"top", "sub", "under", "over", "near", "up", "x", "by", "to"})
_YEAR_RE = re.compile(r"(?<![\w.$€£,])(?:19[5-9]\d|20[0-4]\d)(?![\w.,%]|\s?(?:k|m)\b)")
_SPECIAL_MASK_RE = re.compile(
    r"\b24\s?[/x\u00d7]\s?7(?:\s?/\s?365)?\b"  # 24/7 support
    r"|\b\d{2,5}\s?[x\u00d7]\s?\d{2,5}\b"  # 512x512 resolution
    rf"|\b\d+\s?[x\u00d7]\s?(?={_HARDWARE})"  # 8xA100, 2x A100
    r"|(?<![\w.])\d+(?:\.\d+)?\s?[bBmM]\b(?=[\s-]*(?:param|parameter|parameters|model|llm))"
    r"|\+?\d{1,3}[\s.-]?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"  # phone numbers
    r"|\b\d{3}-\d{4}\b"
    r"|\b(?:for|over|during|across)\s+(?:the\s+(?:past|last)\s+)?\d+\+?\s+"
    r"(?:weeks?|months?|years?)\b(?!\s+of\b)"  # duration of the role
    r"|\b(?:911|999|112)\b(?=\s+(?:call|dispatch|emergency|operator|centre|center|service))"
    r"|\b\d+[- ](?:week|month|year|day)[- ](?:[a-z]+[- ]){0,2}(?:course|internship|program"
    r"|programme|sprint|sprints|contract|project|bootcamp|rotation|workshop|fellowship|training|placement)\b"
    r"|\b\d+\+?\s+years?\s+of\s+(?:experience|expertise)\b",
    re.IGNORECASE,
)
# A capitalised tool name followed by a bare number is a version ("Python 3.10",
# "Java 17", "ISO 27001", "Llama 3 70B"): the number is not a result.
_VERSION_RE = re.compile(
    r"(?<=[A-Za-z+#)]\s)(?P<v>v?\d+(?:\.\d+)*(?:\.x)?(?:\s\d+(?:\.\d+)?[BbMm])?)"
    r"(?![\w%\u00d7+/]|\s?(?:%|percent|x\b|\u00d7))"
)

MetricKind = Literal[
    "percent",
    "money",
    "multiplier",
    "fraction",
    "rank",
    "change",
    "metric-value",
    "unit",
    "scale",
]
_OUTCOME_KINDS = frozenset(
    {"percent", "money", "multiplier", "fraction", "rank", "change", "metric-value", "unit"}
)

# Phrases that say what came of the work.
_OUTCOME_RE = _Folded(
    r"(?<!-)\b(?:reduc(?:e|ed|es|ing|tion)|improv(?:e|ed|es|ing|ement)|increas(?:e|ed|es|ing)"
    r"|decreas(?:e|ed|ing)|cut(?:s|ting)?|sav(?:e|ed|es|ing|ings)|boost(?:ed|ing|s)?"
    r"|rais(?:e|ed|ing)|lift(?:ed|ing|s)?|lower(?:ed|ing)|gr(?:ew|ow|owing)"
    r"|doubl(?:ed|ing)|tripl(?:ed|ing)|halv(?:ed|ing)|accelerat(?:e|ed|ing)|sped|speed(?:ing)? up"
    r"|shorten(?:ed|ing)?|eliminat(?:e|ed|ing)|prevent(?:ed|ing)?|won|win(?:ning)?"
    r"|achiev(?:e|ed|ing)|reach(?:ed|ing)|enabl(?:e|ed|ing)|allow(?:ed|ing)|result(?:ed|ing) in"
    r"|led to|leading to|so that|adopted|used by|now use[sd]?|now rel(?:y|ies) on"
    r"|earn(?:ed|ing)|free(?:d|ing)|replacing|avoiding"
    r"|unblock(?:ed|ing)|recover(?:ed|ing)|outperform(?:ed|ing)?|beat|beating|exceed(?:ed|ing)"
    r"|surpass(?:ed|ing)|caught|catching|promoted|awarded|accepted|published|cited"
    r"|compress(?:ed|ing)|shr[aiu]nk|trimm(?:ed|ing)|minimi[sz](?:ed|ing)|maximi[sz](?:ed|ing)"
    r"|faster|fewer|cheaper|quicker|earlier|higher|lower|better|smaller|removing|removed"
    r"|retain(?:ed|ing)?|reshap(?:ed|ing)|unlock(?:ed|ing)|blocked|resolv(?:ed|ing)"
    r"|identified|detected|scal(?:ed|ing) (?:up )?to)\b(?!-)",
)

_NON_WORD_RE = re.compile(r"[\W]+")


def _padded(text: str) -> str:
    """``text`` in lower case with every run of non-word characters a single space,
    and a space at each end: ``r"\bword"`` becomes the substring test ``" word"``."""
    return f" {_NON_WORD_RE.sub(' ', text.lower())} "


def _any_in(needles: tuple[str, ...], haystack: str) -> bool:
    return any(map(haystack.__contains__, needles))


def _word_starts_of(pattern: str) -> tuple[str, ...]:
    """``r"\blatenc|\bapi\b"`` as substrings of :func:`_padded` text: ``(" latenc", " api ")``.

    A trailing ``s?`` gives both forms (``r"\bcosts?\b"``: ``" cost "``, ``" costs "``).

    Hints are word starts, tested as plain substrings: a dozen C-level ``in``
    tests cost less than one case-insensitive regex scan of the bullet.
    """
    out = []
    for piece in pattern.split("|"):
        core = piece.removeprefix(r"\b")
        whole = core.endswith(r"\b")
        core = core.removesuffix(r"\b")
        forms = [core[:-2], core[:-1]] if core.endswith("s?") else [core]
        for form in forms:
            if core == piece or not re.fullmatch(r"[a-z][a-z-]*", form):
                raise ValueError(f"not a word-start hint: {piece!r}")
            out.append(" " + form.replace("-", " ") + (" " if whole else ""))
    return tuple(out)


# Quantities a bullet could report, keyed by words that hint at them (no-metric suggestion).
_QUANTITY_HINTS: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    (_word_starts_of(p), q)
    for p, q in (
        (r"\blatenc|\binference\b|\bserving\b|\bapi\b|\bendpoint", "latency"),
        (r"\bcosts?\b|\bspend|\bbudget|\bbill", "cost"),
        (r"\bchurn|\bretention", "churn or retention"),
        (r"\brevenue|\bsales\b|\bpricing|\bprice", "revenue"),
        (r"\bfraud|\bdetect|\banomal|\bclassif|\bmodel|\bpredict|\baccura", "accuracy or recall"),
        (r"\bsearch|\branking|\bretriev|\brecommend", "click-through rate or NDCG"),
        (r"\bforecast", "forecast error (MAPE)"),
        (r"\bpipeline|\betl\b|\bjob\b|\bbatch|\bwarehouse|\bspark", "runtime or data volume"),
        (r"\bdashboard|\breport|\bautomat|\bscript|\btool", "hours saved or number of users"),
        (r"\bchatbot|\bassistant|\bbot\b|\bsupport", "tickets deflected or resolution rate"),
        (r"\btrain", "training time or accuracy"),
        (r"\bteam|\bmentor|\bmanag|\blead|\bled\b", "team size or what the team delivered"),
    )
)

# Verbs to offer instead of a weak opener, by what the bullet is about.
_VERB_IDEAS: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    (_word_starts_of(p), v)
    for p, v in (
        (r"\bdeploy|\bproduction|\bserving", "Deployed"),
        (r"\bmigrat", "Migrated"),
        (r"\btrain|\bfine-tun|\bmodel", "Built"),
        (r"\bpipeline|\betl\b|\bdashboard|\btool|\bapp\b|\bservice|\bsystem", "Built"),
        (r"\banaly|\breport|\binsight", "Analysed"),
        (r"\bdesign|\barchitect", "Designed"),
        (r"\btest|\breview|\bvalidat|\bevaluat", "Evaluated"),
        (r"\blabel|\bannotat|\bclean|\bdata", "Prepared"),
    )
)
# Nouns after a weak opener and the verb they hide ("the development of" -> "Developed").
_NOMINAL_VERBS = MappingProxyType(
    {
        "development": "Developed",
        "deployment": "Deployed",
        "creation": "Created",
        "design": "Designed",
        "implementation": "Implemented",
        "analysis": "Analysed",
        "migration": "Migrated",
        "maintenance": "Maintained",
        "optimization": "Optimized",
        "optimisation": "Optimised",
        "evaluation": "Evaluated",
        "integration": "Integrated",
        "automation": "Automated",
        "training": "Trained",
        "testing": "Tested",
        "documentation": "Documented",
        "monitoring": "Monitored",
        "labelling": "Labelled",
        "labeling": "Labeled",
        "building": "Built",
        "construction": "Built",
    }
)
# Alternatives offered when the same verb opens too many bullets.
_ALTERNATIVES = MappingProxyType(
    {
        "developed": ("Built", "Engineered", "Implemented"),
        "built": ("Engineered", "Assembled", "Shipped"),
        "led": ("Drove", "Headed", "Directed"),
        "created": ("Designed", "Authored", "Launched"),
        "implemented": ("Coded", "Wrote", "Integrated"),
        "designed": ("Architected", "Drafted", "Planned"),
        "managed": ("Ran", "Oversaw", "Directed"),
        "improved": ("Raised", "Lifted", "Strengthened"),
        "reduced": ("Cut", "Lowered", "Trimmed"),
        "increased": ("Raised", "Grew", "Lifted"),
        "analyzed": ("Examined", "Measured", "Assessed"),
        "analysed": ("Examined", "Measured", "Assessed"),
        "trained": ("Fit", "Fine-tuned", "Pretrained"),
        "deployed": ("Shipped", "Released", "Launched"),
        "optimized": ("Tuned", "Accelerated", "Streamlined"),
        "optimised": ("Tuned", "Accelerated", "Streamlined"),
        "worked": ("Built", "Delivered", "Owned"),
        "used": ("Applied", "Adopted", "Employed"),
        "worked on": ("Built", "Delivered", "Owned"),
    }
)
_GENERIC_ALTERNATIVES = ("Delivered", "Drove", "Shipped", "Designed", "Automated", "Launched")

RULE_SEVERITY: Mapping[str, Severity] = MappingProxyType(
    {
        "no-metric": "high",
        "weak-verb": "high",
        "no-outcome": "medium",
        "no-tool": "medium",
        "passive-voice": "medium",
        "too-short": "medium",
        "filler": "medium",
        "too-long": "low",
        "first-person": "low",
        "repeated-opener": "low",
        "tense": "low",
    }
)
"""Severity of each rule: ``high`` misses the core standard (a measured result,
an action verb), ``medium`` weakens the bullet, ``low`` is style.

>>> RULE_SEVERITY["no-metric"]
'high'
"""

_REVIEWED_SECTIONS: frozenset[SectionKind] = frozenset({"experience", "projects"})
_NEVER_REVIEWED: frozenset[SectionKind] = frozenset(
    {"summary", "skills", "education", "contact", "publications", "certifications", "awards"}
)


# --------------------------------------------------------------------------- #
# The analysed bullet
# --------------------------------------------------------------------------- #


class Word(NamedTuple):
    """One word of a bullet: its text without surrounding punctuation and its span.

    (A named tuple: a bullet has dozens of words and rules build thousands per resume.)

    >>> BulletContext.of("Built it, then shipped.").words[1]
    Word(text='it', start=6, end=8, trail=',')
    """

    text: str
    start: int
    end: int
    trail: str = ""
    """Punctuation right after the word (``","`` ends a lead-in clause)."""

    @property
    def low(self) -> str:
        """The word in lower case (with curly apostrophes straightened)."""
        return self.text.lower().replace("\u2019", "'")


@dataclass(frozen=True, slots=True)
class MetricSpan:
    """A measurable result found in a text: what kind it is and where.

    >>> find_metrics("Cut latency by 40%")[0].kind
    'percent'
    """

    kind: MetricKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule returns when it fires: the span in the bullet, a message and a fix.

    >>> Hit(0, 6, "opens with a weak phrase", "start with what you did").start
    0
    """

    start: int
    end: int
    message: str
    suggestion: str


_WORD_RE = re.compile(r"[^\s,;:!?()\[\]{}\"“”]+")


def _words(text: str, offset: int) -> tuple[Word, ...]:
    out: list[Word] = []
    for m in _WORD_RE.finditer(text, offset):
        raw, start = m.group(), m.start()
        core = raw.strip(".'\u2019\u2018`")
        if not core:
            continue
        lead = raw.find(core)
        end = start + lead + len(core)
        trail = text[end : end + 1] if end < len(text) and text[end] in ",;:." else ""
        out.append(Word(core, start + lead, end, trail))
    return tuple(out)


@dataclass(frozen=True)
class BulletContext:
    """Everything a rule may look at for one bullet. Build it with :meth:`of`.

    Rules only read this object: they never see the resume, the lexicon or spaCy,
    so each can be called on its own:

    >>> BULLET_RULES["weak-verb"](BulletContext.of("• Helped build the data pipeline")).start
    2
    """

    text: str
    """The bullet as written."""
    body: int
    """Offset where the words start, after glyphs and numbering ("• ", "1. ")."""
    words: tuple[Word, ...]
    metrics: tuple[MetricSpan, ...]
    """Measurable results found by :func:`find_metrics`."""
    tools: tuple[tuple[int, int], ...] = ()
    """Spans of tool, language or method mentions inside the bullet."""
    tools_known: bool = False
    """True when ``tools`` comes from the extractor (``no-tool`` stays quiet otherwise)."""
    finished: bool | None = None
    """True: the bullet's role has ended; False: it is current; None: unknown."""
    ended: str = ""
    """When the finished role ended, as printed (for messages)."""
    opener_count: int = 1
    """How many reviewed bullets open with the same verb as this one."""
    opener_rank: int = 0
    """0 for the first bullet with this opener, 1 for the second, ..."""
    min_words: int = 5
    max_words: int = 35
    opener: int | None = field(default=None)
    """Index in ``words`` of the opening verb position (after lead-ins and adverbs)."""

    @classmethod
    def of(
        cls,
        text: str,
        *,
        tools: Iterable[tuple[int, int]] | None = None,
        finished: bool | None = None,
        ended: str = "",
        opener_count: int = 1,
        opener_rank: int = 0,
        min_words: int = 5,
        max_words: int = 35,
    ) -> BulletContext:
        """Analyse one bullet's text (pure, no I/O).

        ``tools=None`` means "not known", which keeps ``no-tool`` quiet.

        >>> ctx = BulletContext.of("1. Successfully trained a CNN")
        >>> ctx.text[ctx.body:], ctx.words[ctx.opener or 0].text
        ('Successfully trained a CNN', 'trained')
        """
        lead = _LEAD_RE.match(text)
        body = lead.end() if lead else 0
        words = _words(text, body)
        return cls(
            text=text,
            body=body,
            words=words,
            metrics=find_metrics(text),
            tools=tuple(tools or ()),
            tools_known=tools is not None,
            finished=finished,
            ended=ended,
            opener_count=opener_count,
            opener_rank=opener_rank,
            min_words=min_words,
            max_words=max_words,
            opener=_opener_index(words),
        )

    @property
    def has_metric(self) -> bool:
        """The bullet states a measurable result."""
        return bool(self.metrics)

    @property
    def body_text(self) -> str:
        """The bullet without its glyph or numbering."""
        return self.text[self.body :].rstrip()

    @functools.cached_property
    def padded(self) -> str:
        """The body in lower case with non-word runs as single spaces (see :func:`_padded`);
        worked out once for the rules that look up word starts in it."""
        return _padded(self.body_text)


Rule = Callable[[BulletContext], Hit | None]


# --------------------------------------------------------------------------- #
# Metric detection
# --------------------------------------------------------------------------- #


def _masked_spans(text: str) -> list[tuple[int, int]]:
    """Spans holding numbers that are names, dates or specs, not results."""
    spans: list[tuple[int, int]] = []
    # Names never span whitespace, so only the whitespace-free chunks holding a digit
    # can hold one; scanning just those keeps long digit-free prose cheap.
    for chunk in _DIGIT_CHUNK_RE.finditer(text):
        for m in _NAME_NUM_RE.finditer(text, chunk.start(), chunk.end()):
            token = m.group()
            if not any(c.isdigit() for c in token):
                continue
            head = re.split(r"[-_.@/]", token, maxsplit=1)[0].lower()
            if head in _NOT_NAME_PREFIX:
                continue
            spans.append(m.span())
    spans.extend(m.span() for m in _YEAR_RE.finditer(text))
    spans.extend(m.span() for m in _SPECIAL_MASK_RE.finditer(text))
    for m in _VERSION_RE.finditer(text):
        before = text[: m.start()].rstrip()
        prev = re.search(r"[\w+#)]+$", before)
        word = prev.group() if prev else ""
        # A capitalised word that is not the bullet's first word: "Python 3", "SOC 2".
        if word and word[0].isupper() and before[: -len(word)].strip(" •-\u2013*"):
            if re.fullmatch(_METRIC_WORDS, word, re.IGNORECASE) or word.upper() in _CURRENCIES:
                continue
            spans.append(m.span("v"))
    return spans


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _unit_kind(word: str) -> MetricKind | None:
    w = word.lower().strip(".'\u2019")
    w = re.split(r"[/]", w)[0] if "/" in w and w not in _MEASURE_UNITS else w
    if "-" in w:
        w = w.rsplit("-", 1)[-1]
    if w in _MEASURE_UNITS:
        return "unit"
    if w in _DATA_UNITS or w in _SCALE_NOUNS:
        return "scale"
    return None


def _count_kind(m: re.Match[str]) -> MetricKind | None:
    """Kind of a number followed by a unit or a scale noun, or None."""
    attached = (m.group("attached") or "").lower()
    if attached:
        # "300ms", "2TB", "40k/s": a unit glued to the number.
        unit = attached.split("/")[0] or attached
        if unit in _MEASURE_UNITS or attached.endswith("/s"):
            return "unit"
        if unit in _DATA_UNITS:
            return "scale"
        if unit not in {"k", "m", "mm", "b", "bn"}:
            return _unit_kind(unit) if unit.startswith("-") else None
    rest = m.group("rest") or ""
    words = [w for w in re.split(r"[\s]+", rest.strip()) if w]
    if words and words[0].lower() == "of":
        words = words[1:]
    for i, w in enumerate(words[:3]):
        low = w.lower()
        if i + 1 < len(words) and words[i + 1].lower() == "of" and _unit_kind(w) == "unit":
            # "40 hours of speech", "3 years of logs": how much data, not a result.
            return "scale"
        if low == "direct" and i + 1 < len(words) and words[i + 1].lower() == "reports":
            return "scale"
        kind = _unit_kind(w)
        if kind is not None:
            return kind
        # Stop at a function word or an acronym: "5 classifiers for email", "25 SQL views"
        # are not counts of emails or views.
        if (
            low in _STOP_WORDS
            or (i > 0 and w.isupper())
            or (i == 0 and w.isupper() and len(words) > 1)
        ):
            break
        if i >= 2 or re.search(r"[,;:()]$", w):
            break
    return None


def find_metrics(text: str) -> tuple[MetricSpan, ...]:
    """Measurable results in a text: percentages, money, multipliers, scale, ranks, changes.

    Numbers that are names or dates are ignored (versions, model names, years,
    course codes, phone numbers, "24/7", hardware specs such as "8xA100").

    >>> [m.kind for m in find_metrics("Served 1M users and cut p99 latency by 40%")]
    ['scale', 'percent']
    >>> find_metrics("Fine-tuned GPT-4 and Llama-2-7B in Python 3.10 since 2019")
    ()
    """
    found: list[MetricSpan] = []
    # Without a digit only word-shaped results can be here ("halved", "one in four",
    # "top ten", "from monthly to daily", "dozens of teams") and no number needs
    # masking: the detectors that need a digit are skipped (most prose has none).
    digits = _DIGIT_RE.search(text) is not None
    masked = _masked_spans(text) if digits else []
    low = text.lower()

    def may(detector: str) -> bool:
        return _may_match(detector, text, low, digits)

    def add(kind: MetricKind, m: re.Match[str], *groups: str) -> None:
        positions = [m.start(g) for g in groups if m.group(g) is not None]
        if any(_inside(p, masked) for p in positions):
            return
        found.append(MetricSpan(kind, m.start(), m.end()))

    for m in _PERCENT_RE.finditer(text) if digits else ():
        add("percent", m, "n")
    for m in _MONEY_RE.finditer(text) if digits else ():
        add("money", m, "n", "m")
    for m in _MULTIPLIER_RE.finditer(text) if may("multiplier") else ():
        add("multiplier", m, "n")
    for m in _FRACTION_RE.finditer(text) if may("fraction") else ():
        if not _inside(m.start(), masked):
            found.append(MetricSpan("fraction", m.start(), m.end()))
    for m in _RANK_RE.finditer(text) if may("rank") else ():
        if not _inside(m.start(), masked) or m.group().lower().startswith("top"):
            found.append(MetricSpan("rank", m.start(), m.end()))
    for m in _CHANGE_RE.finditer(text) if may("change") else ():
        nums = [g for g in ("a", "b", "c", "d", "e") if m.group(g) is not None]
        if any(_inside(m.start(g), masked) for g in nums):
            continue
        found.append(MetricSpan("change", m.start(), m.end()))
    for m in _METRIC_VALUE_RE.finditer(text) if digits else ():
        add("metric-value", m, "n", "m")
    # "by 0.06", "by 3 points": a number after "by" is an amount of change.
    for m in _BY_RE.finditer(text) if digits else ():
        add("change", m, "n")
    for m in _TO_RE.finditer(text) if digits else ():
        if _CHANGE_VERB_RE.search(text, 0, m.start()):
            add("change", m, "n")
    for m in _OUTCOME_COUNT_RE.finditer(text) if digits else ():
        add("change", m, "n")
    for m in _COUNT_RE.finditer(text) if may("count") else ():
        if _inside(m.start(), masked):
            continue
        kind = _count_kind(m)
        if kind is None:
            continue
        end = m.end("attached") if m.group("attached") else m.end("n")
        if m.group("mag"):
            end = m.end("mag")
        found.append(MetricSpan(kind, m.start(), max(end, m.start() + 1)))
    # Overlapping finds describe one figure: the detector that ran first is the
    # more specific one ("by 40%" is a percentage, not just a change).
    unique: list[MetricSpan] = []
    for span in found:
        if not any(u.start < span.end and span.start < u.end for u in unique):
            unique.append(span)
    return tuple(sorted(unique, key=lambda u: (u.start, u.end)))


# --------------------------------------------------------------------------- #
# Verb helpers
# --------------------------------------------------------------------------- #


def _base_of(word: str) -> str | None:
    """The base form of a known action verb in any form, or None."""
    w = word.lower()
    if w in _VERB_BASES:
        return w
    if w in _PAST_TO_BASE:
        return _PAST_TO_BASE[w]
    candidates: list[str] = []
    if w.endswith("ies"):
        candidates.append(w[:-3] + "y")
    if w.endswith("es"):
        candidates.append(w[:-2])
    if w.endswith("s"):
        candidates.append(w[:-1])
    if w.endswith("ing"):
        stem = w[:-3]
        candidates += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            candidates.append(stem[:-1])
    if w.endswith("ed"):
        stem = w[:-2]
        candidates += [stem, w[:-1]]
        if stem.endswith("i"):
            candidates.append(stem[:-1] + "y")
        if len(stem) > 2 and stem[-1] == stem[-2]:
            candidates.append(stem[:-1])
    for c in candidates:
        if c in _VERB_BASES or c in _IRREGULAR_PAST:
            return c
    return None


def _is_verb(word: str) -> bool:
    """Whether a word that opens a bullet reads as an action verb."""
    w = word.lower().replace("\u2019", "'")
    if "-" in w:
        head, _, tail = w.partition("-")
        if head not in _VERB_PREFIXES:
            return False
        return _is_verb(tail) or w in _VERB_BASES
    if not w.isalpha():
        return w in _VERB_BASES
    if w in _NOT_VERBS_ED or w in _NOT_VERBS_ING or w == "model" or w == "thought":
        return False
    if _base_of(w) is not None or w in _SAME_PAST or w in _IRREGULAR_PARTICIPLES:
        return True
    # Unknown words shaped like past tense or a gerund are verbs at the start of a
    # bullet far more often than not ("Spearheaded", "Dockerized", "Architecting").
    return (len(w) > 4 and w.endswith("ed")) or (len(w) > 5 and w.endswith("ing"))


def _tense_form(word: str) -> Literal["past", "present", "unknown"]:
    w = word.lower()
    if "-" in w:
        head, _, tail = w.partition("-")
        return _tense_form(tail) if head in _VERB_PREFIXES else "unknown"
    if w in _SAME_PAST:
        return "unknown"
    if w in _PAST_TO_BASE or (w.endswith("ed") and w not in _NOT_VERBS_ED):
        return "past"
    base = _base_of(w)
    if base is None:
        return "unknown"
    if base in _SAME_PAST and not w.endswith(("s", "ing")):
        return "unknown"
    return "present"


def _past(word: str) -> str:
    """Past tense of a verb in any form, keeping the capitalisation of the first letter.

    >>> _past("Building"), _past("manages"), _past("Leading"), _past("studying")
    ('Built', 'managed', 'Led', 'studied')
    """
    w = word.lower()
    cap = word[:1].isupper()
    if "-" in w:
        head, _, tail = word.partition("-")
        return head + "-" + _past(tail)
    base = _base_of(w)
    if base is None:
        if w.endswith("ing"):
            stem = w[:-3]
            base = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem
        elif w.endswith("ies"):
            base = w[:-3] + "y"
        elif w.endswith("s") and not w.endswith("ss"):
            base = w[:-1]
        else:
            base = w
    if w.endswith("ed") or w in _PAST_TO_BASE:
        past = w
    elif base in _IRREGULAR_PAST:
        past = _IRREGULAR_PAST[base]
    elif base in _SAME_PAST:
        past = base
    elif base.endswith("e"):
        past = base + "d"
    elif base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        past = base[:-1] + "ied"
    elif base in _DOUBLING:
        past = base + base[-1] + "ed"
    else:
        past = base + "ed"
    return past.capitalize() if cap else past


def _opener_index(words: Sequence[Word]) -> int | None:
    """Where the opening verb should be: past lead-in clauses, pronouns and adverbs."""
    if not words:
        return None
    i = 0
    if words[0].low in _LEAD_IN:
        for j in range(1, min(len(words), 11)):
            if words[j].trail == ",":
                i = j + 1
                break
    while i < len(words) and words[i].low in _PRONOUNS:
        i += 1
    while i + 1 < len(words):
        low = words[i].low
        adverb = low in _ADVERBS or (low.endswith("ly") and _is_verb(words[i + 1].text))
        if not adverb:
            break
        i += 1
    if (
        i < len(words) - 1
        and words[i].low in {"have", "has", "had"}
        and (_tense_form(words[i + 1].text) == "past" or words[i + 1].low in _IRREGULAR_PARTICIPLES)
    ):
        i += 1
    return i if i < len(words) else None


def _opener_key(ctx: BulletContext) -> str | None:
    """The opening verb in a comparable form ("Developed", "Develops" -> "developed")."""
    if ctx.opener is None:
        return None
    word = ctx.words[ctx.opener].text
    if not _is_verb(word):
        return None
    return _past(word.lower())


def _rest_after(ctx: BulletContext, pos: int) -> str:
    return ctx.text[pos:].strip().rstrip(".;")


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------- #
# The rules
# --------------------------------------------------------------------------- #


def rule_no_metric(ctx: BulletContext) -> Hit | None:
    """``no-metric``: no measurable result (percentage, money, multiplier, scale, rank, change).

    >>> rule_no_metric(BulletContext.of("Reduced latency by 40%")) is None
    True
    >>> rule_no_metric(BulletContext.of("Fine-tuned Llama-2-7B in Python 3.10")).message
    'no measurable result: no percentage, amount, multiplier, scale or before/after figure'
    """
    if ctx.has_metric or not ctx.words:
        return None
    quantity = next((q for hints, q in _QUANTITY_HINTS if _any_in(hints, ctx.padded)), "the result")
    first = ctx.words[ctx.opener] if ctx.opener is not None else ctx.words[0]
    verb = first.text
    if _CHANGE_VERB_RE.match(verb):
        # "Reduced latency ..." already says which way things moved: ask how far.
        anchor = _anchor(ctx, first)
        suggestion = (
            f"By how much? Put the figure right after '{anchor}' "
            f"(e.g. '{anchor} by …%' or 'from … to …')."
        )
    else:
        what = _quote(ctx.text[first.start :].rstrip(". "), 70)
        what = what[:1].lower() + what[1:]
        suggestion = (
            f"By how much did {quantity} change after you {what}? Add the figure at the end "
            f"(e.g. ', cutting … from … to …' or ', serving … users')."
        )
    return Hit(
        ctx.body,
        len(ctx.text.rstrip()),
        "no measurable result: no percentage, amount, multiplier, scale or before/after figure",
        suggestion,
    )


def _anchor(ctx: BulletContext, first: Word) -> str:
    """The verb and its object, up to the first preposition or comma (at most 5 words)."""
    idx = ctx.words.index(first)
    taken = [first]
    for w in ctx.words[idx + 1 : idx + 5]:
        if w.low in {
            "by",
            "with",
            "using",
            "through",
            "via",
            "for",
            "in",
            "on",
            "from",
            "to",
            "across",
            "at",
            "while",
            "and",
        }:
            break
        taken.append(w)
        if w.trail:
            break
    return ctx.text[taken[0].start : taken[-1].end]


def rule_weak_verb(ctx: BulletContext) -> Hit | None:
    """``weak-verb``: opens with a weak or passive phrase, or with no action verb at all.

    Glyphs, numbering, lead-in clauses ("As tech lead, ..."), pronouns and
    adverbs ("Successfully") are skipped before the check.

    >>> rule_weak_verb(BulletContext.of("- Helped with the churn model")).message
    "opens with the weak phrase 'Helped with': it hides what you did yourself"
    >>> rule_weak_verb(BulletContext.of("1. Successfully trained a CNN")) is None
    True
    """
    if ctx.opener is None:
        return None
    first = ctx.words[ctx.opener]
    rest = ctx.text[first.start :]
    m = _WEAK_RE.match(rest.lower().replace("\u2019", "'"))
    if m is not None:
        end = first.start + m.end()
        # Cover a following "with"/"in"/"to" so the span reads as the whole phrase.
        tail = re.match(r"\s+(?:with|in|out|to|on|the team|build|develop)\b", ctx.text[end:])
        if tail and m.lastgroup in {"w2", "w3"}:
            end += tail.end()
        phrase = ctx.text[first.start : end]
        return Hit(
            first.start,
            end,
            f"opens with the weak phrase '{phrase}': it hides what you did yourself",
            _strong_rewrite(ctx, end),
        )
    if _is_verb(first.text):
        nxt = ctx.words[ctx.opener + 1].low if ctx.opener + 1 < len(ctx.words) else ""
        last = first.low.rsplit("-", 1)[-1]
        # "Research on ...", "Co-author of ...": a base form before of/on is a noun;
        # "Reports are ...": a word before a form of "be" is the subject, not a verb.
        noun_use = (last in _VERB_BASES and nxt in {"of", "on"}) or nxt in _AUXILIARIES
        if not noun_use:
            return None
    return Hit(
        first.start,
        first.end,
        f"no action verb: the bullet opens with '{first.text}'",
        _strong_rewrite(ctx, ctx.body, keep_all=True),
    )


def _strong_rewrite(ctx: BulletContext, end: int, keep_all: bool = False) -> str:
    """A rewrite that starts with a verb, built from the bullet's own words."""
    rest = ctx.text[end:].strip().rstrip(".;")
    words = rest.split()
    verb: str | None = None
    if words and not keep_all:
        head = words[0].lower().strip(",")
        # "Helped to build", "Helped the team build": the real verb comes next.
        if len(words) > 1 and (head == "to" or (head == "the" and words[1].lower() == "team")):
            words = words[2:] if head == "the" else words[1:]
            head = words[0].lower() if words else ""
        gerund = head.endswith("ing") and _is_verb(head)
        if gerund or (head in _VERB_BASES and head not in {"research", "design"}):
            verb = _past(head).capitalize()
            words = words[1:]
        else:
            for i, w in enumerate(words[:3]):
                noun = w.lower()
                if noun in _NOMINAL_VERBS and i + 1 < len(words) and words[i + 1] == "of":
                    verb = _NOMINAL_VERBS[noun]
                    words = words[i + 2 :]
                    break
    if verb is None:
        verb = next((v for hints, v in _VERB_IDEAS if _any_in(hints, ctx.padded)), "Delivered")
        if keep_all:
            words = ctx.body_text.split()
            if words:
                words[0] = words[0][:1].lower() + words[0][1:]
    object_text = _quote(" ".join(words), 70)
    return (
        f"Start with a verb for what you did yourself, e.g. '{verb} {object_text}', "
        f"then add what it achieved."
    )


def rule_no_outcome(ctx: BulletContext) -> Hit | None:
    """``no-outcome``: says what was done but not what came of it.

    Outcome words ("reducing", "enabled", "adopted by", "faster") or a result
    figure (percentage, money, change, latency) count; a bare scale count
    ("2 TB of logs", "1M users") says how big, not what changed.

    >>> rule_no_outcome(BulletContext.of("Built ETL pipelines in Airflow")) is not None
    True
    >>> rule_no_outcome(BulletContext.of("Built ETL pipelines, saving 6 hours a week")) is None
    True
    """
    if not ctx.words:
        return None
    if any(m.kind in _OUTCOME_KINDS for m in ctx.metrics):
        return None
    if _OUTCOME_RE.search(ctx.text, ctx.body):
        return None
    body = ctx.body_text
    return Hit(
        ctx.body,
        len(ctx.text.rstrip()),
        "says what was done but not what came of it",
        f"Finish '{_quote(body, 50)}' with the effect: who used it, what it changed "
        f"or what it made possible (e.g. '…, which cut …' or '…, adopted by …').",
    )


def rule_no_tool(ctx: BulletContext) -> Hit | None:
    """``no-tool``: a technical bullet that names no tool, language or method.

    Needs the extractor's mentions (``ctx.tools``); quiet when they are unknown.

    >>> rule_no_tool(BulletContext.of("Built a forecasting model", tools=())).message
    'technical bullet that names no tool, language or method'
    >>> rule_no_tool(BulletContext.of("Built a forecasting model in R", tools=[(29, 30)])) is None
    True
    """
    if not ctx.tools_known or ctx.tools:
        return None
    span = _TECH_RE.search(ctx.text, ctx.body)
    if span is None:
        return None
    start, end = span
    topic = ctx.text[start:end]
    ideas = _tool_ideas(topic.lower())
    return Hit(
        start,
        end,
        "technical bullet that names no tool, language or method",
        f"Name what the work on '{topic}' used: add 'using …' with {ideas}.",
    )


def _tool_ideas(topic: str) -> str:
    if re.search(r"pipeline|etl|warehouse|lake|quer|database|schema", topic):
        return "Spark, Airflow or dbt"
    if re.search(r"dashboard|analytic", topic):
        return "SQL and Tableau or Power BI"
    if re.search(r"deploy|service|api|infrastructure|backend|cluster|latency|inference", topic):
        return "Docker, Kubernetes or FastAPI"
    if re.search(r"chatbot|bot|agent|llm|prompt|nlp|transformer|retriev|search", topic):
        return "a named model, RAG or a library such as Hugging Face Transformers"
    if re.search(r"forecast", topic):
        return "LightGBM, Prophet or ARIMA"
    return "the library, language or method (e.g. PyTorch, XGBoost, SQL)"


def rule_too_long(ctx: BulletContext) -> Hit | None:
    """``too-long``: more than ``BulletConfig.max_words`` words (default 35).

    >>> rule_too_long(BulletContext.of("Built " + "very " * 40 + "fast models")) is not None
    True
    """
    n = len(ctx.words)
    if n <= ctx.max_words:
        return None
    # Suggest splitting at the clause break nearest the middle.
    breaks = [w for w in ctx.words[3:-3] if w.trail in {",", ";"}]
    middle = ctx.words[n // 2].start
    cut = min(breaks, key=lambda w: abs(w.end - middle)) if breaks else None
    where = f" after '{_quote(ctx.text[ctx.body : cut.end], 50)}'" if cut else ""
    return Hit(
        ctx.body,
        len(ctx.text.rstrip()),
        f"{n} words: a reader skims past bullets over {ctx.max_words} words",
        f"Keep one result per bullet: split it{where}, or cut the list of tasks down to the "
        f"one that mattered most.",
    )


def rule_too_short(ctx: BulletContext) -> Hit | None:
    """``too-short``: fewer than ``BulletConfig.min_words`` words (default 5).

    >>> rule_too_short(BulletContext.of("Built dashboards")) is not None
    True
    """
    n = len(ctx.words)
    if n == 0 or n >= ctx.min_words:
        return None
    body = ctx.body_text.rstrip(".")
    return Hit(
        ctx.body,
        len(ctx.text.rstrip()),
        f"only {n} word{'s' if n != 1 else ''}: too little to show what was achieved",
        f"Grow '{body}' into what, with what and how much: '{body} with <tool>, "
        f"<result with a figure>'.",
    )


def rule_first_person(ctx: BulletContext) -> Hit | None:
    """``first-person``: uses I, me, my, we, us or our (resumes drop the pronoun).

    >>> rule_first_person(BulletContext.of("I built our churn model")).start
    0
    >>> rule_first_person(BulletContext.of("Reduced Type I errors by 5%")) is None
    True
    """
    for m in _FIRST_PERSON_RE.finditer(ctx.text, ctx.body):
        word = m.group()
        if word == "I":
            prev = re.search(r"(\w+)\W*$", ctx.text[: m.start()])
            if prev and prev.group(1).lower() in _ROMAN_CONTEXT:
                continue
        low = word.lower().replace("\u2019", "'")
        if low in {"i", "we", "i'm", "i've", "i'd", "we're", "we've"} and m.start() == (
            ctx.words[0].start if ctx.words else -1
        ):
            rest = ctx.text[m.end() :].strip()
            fix = f"Drop '{word}' and start with the verb: '{_quote(rest[:1].upper() + rest[1:])}'."
        elif low in {"my", "our"}:
            fix = f"Replace '{word}' with 'the' (or the team's name)."
        else:
            fix = f"Rephrase without '{word}': name the team or product instead."
        return Hit(m.start(), m.end(), f"first person '{word}': resumes drop the pronoun", fix)
    return None


def rule_passive_voice(ctx: BulletContext) -> Hit | None:
    """``passive-voice``: a form of "be" (or "get") followed by a past participle.

    >>> rule_passive_voice(BulletContext.of("Models were trained on AWS")).message
    "passive voice 'were trained' hides who did the work"
    >>> rule_passive_voice(BulletContext.of("Was responsible for pipelines")) is None
    True
    """
    words = ctx.words
    for i, w in enumerate(words[:-1]):
        if w.low not in _AUXILIARIES:
            continue
        j = i + 1
        if words[j].low.endswith("ly") or words[j].low in {"also", "then", "later", "not"}:
            j += 1
        if j >= len(words):
            break
        part = words[j].low
        if part in _ADJECTIVE_ED or part in _NOT_VERBS_ED:
            continue
        if not (part in _IRREGULAR_PARTICIPLES or (part.endswith("ed") and _is_verb(part))):
            continue
        span = ctx.text[w.start : words[j].end]
        active = _past(words[j].text).capitalize()
        subject = ctx.text[ctx.body : w.start].strip()
        after = ctx.text[words[j].end :].strip().rstrip(".")
        if subject and i <= 6 and not _is_verb(words[0].text):
            subject = subject[:1].lower() + subject[1:]
            example = _quote(f"{active} {subject} {after}".strip(), 80)
        else:
            example = f"{active} …"
        return Hit(
            w.start,
            words[j].end,
            f"passive voice '{span}' hides who did the work",
            f"Say it actively, with you as the doer: '{example}'.",
        )
    return None


def rule_filler(ctx: BulletContext) -> Hit | None:
    """``filler``: buzzwords that claim a quality instead of showing it.

    >>> rule_filler(BulletContext.of("Results-driven engineer who ships")).message
    "buzzword 'Results-driven' claims a quality without showing it"
    """
    span = _FILLER_RE.search(ctx.text, ctx.body)
    if span is None:
        return None
    start, end = span
    phrase = ctx.text[start:end]
    return Hit(
        start,
        end,
        f"buzzword '{phrase}' claims a quality without showing it",
        f"Cut '{phrase}' and let a result show it (what changed, by how much).",
    )


def rule_repeated_opener(ctx: BulletContext) -> Hit | None:
    """``repeated-opener``: the same verb opens three or more bullets.

    Fires on every bullet after the first that opens with that verb.

    >>> ctx = BulletContext.of("Developed a model", opener_count=3, opener_rank=1)
    >>> rule_repeated_opener(ctx).message
    "'Developed' opens 3 bullets"
    """
    if ctx.opener_count < 3 or ctx.opener_rank < 1:
        return None
    key = _opener_key(ctx)
    if key is None or ctx.opener is None:
        return None
    w = ctx.words[ctx.opener]
    ideas = _ALTERNATIVES.get(key, _GENERIC_ALTERNATIVES[:3])
    return Hit(
        w.start,
        w.end,
        f"'{w.text}' opens {ctx.opener_count} bullets",
        f"Vary the opener with the verb that fits this bullet best, e.g. "
        f"'{ideas[0]}', '{ideas[1]}' or '{ideas[2]}'.",
    )


def rule_tense(ctx: BulletContext) -> Hit | None:
    """``tense``: present tense in a role that has ended.

    >>> rule_tense(BulletContext.of("Build ETL pipelines", finished=True)).message
    "present tense 'Build' in a role that has ended"
    >>> rule_tense(BulletContext.of("Build ETL pipelines", finished=False)) is None
    True
    """
    if not ctx.finished or ctx.opener is None:
        return None
    w = ctx.words[ctx.opener]
    if _tense_form(w.text) != "present" or not _is_verb(w.text):
        return None
    when = f" (ended {ctx.ended})" if ctx.ended else ""
    past = _past(w.text)
    return Hit(
        w.start,
        w.end,
        f"present tense '{w.text}' in a role that has ended",
        f"Use the past tense for a finished role{when}: '{past}' instead of '{w.text}'.",
    )


BULLET_RULES: Mapping[str, Rule] = MappingProxyType(
    {
        "first-person": rule_first_person,
        "filler": rule_filler,
        "no-metric": rule_no_metric,
        "no-outcome": rule_no_outcome,
        "no-tool": rule_no_tool,
        "passive-voice": rule_passive_voice,
        "repeated-opener": rule_repeated_opener,
        "tense": rule_tense,
        "too-long": rule_too_long,
        "too-short": rule_too_short,
        "weak-verb": rule_weak_verb,
    }
)
"""Rule id -> rule function (read-only). Each takes a :class:`BulletContext` and
returns a :class:`Hit` or None. Ids are stable; see ``RULE_SEVERITY``.

>>> sorted(BULLET_RULES)[:3]
['filler', 'first-person', 'no-metric']
"""


# --------------------------------------------------------------------------- #
# Running the rules over a resume or a list of strings
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, slots=True)
class _Item:
    index: int
    text: str
    page: int | None = None
    section: SectionKind | None = None
    entry: int | None = None
    finished: bool | None = None
    ended: str = ""
    tools: tuple[tuple[int, int], ...] | None = None


def _reviewed(bullet: Bullet) -> bool:
    if bullet.section in _NEVER_REVIEWED:
        return False
    if bullet.section not in _REVIEWED_SECTIONS and bullet.entry is None:
        return False
    text = _LEAD_RE.sub("", bullet.text, count=1)
    return bool(text.strip()) and _LABEL_LINE_RE.match(text) is None


def _finished(resume: Resume, entry: int | None) -> tuple[bool | None, str]:
    if entry is None or not 0 <= entry < len(resume.experience):
        return None, ""
    dates = resume.experience[entry].dates
    if dates is None:
        return None, ""
    if dates.current:
        return False, ""
    if dates.end is None:
        return None, ""
    end = dates.end
    # A role is finished once its last month is over (a bare year: once the year is).
    last = _dt.date(end.year, end.month or 12, 1)
    ref = resume.reference_date.replace(day=1)
    return (last < ref), dates.text or str(end.year)


def _tool_mentions(mentions: Iterable[SkillMention]) -> list[SkillMention]:
    return [m for m in mentions if m.category not in _NOT_TOOL_CATEGORIES]


def _items_from_resume(resume: Resume, mentions: Sequence[SkillMention] | None) -> list[_Item]:
    tools = None if mentions is None else _tool_mentions(mentions)
    items: list[_Item] = []
    for b in resume.bullets:
        if not _reviewed(b):
            continue
        spans: tuple[tuple[int, int], ...] | None = None
        if tools is not None:
            spans = tuple(
                (m.start - b.start, m.end - b.start)
                for m in tools
                if (m.bullet == b.index) or (m.bullet is None and b.start <= m.start < b.end)
            )
        finished, ended = _finished(resume, b.entry)
        items.append(_Item(b.index, b.text, b.page, b.section, b.entry, finished, ended, spans))
    return items


def _items_from_strings(
    texts: Sequence[str], mentions: Sequence[SkillMention] | None
) -> list[_Item]:
    tools = None if mentions is None else _tool_mentions(mentions)
    items: list[_Item] = []
    offset = 0
    for i, text in enumerate(texts):
        start, end = offset, offset + len(text)
        offset = end + 1  # the texts are analysed joined with "\n"
        if not text.strip():
            continue
        spans: tuple[tuple[int, int], ...] | None = None
        if tools is not None:
            spans = tuple(
                (m.start - start, m.end - start)
                for m in tools
                if (m.bullet == i) or (m.bullet is None and start <= m.start < end)
            )
        items.append(_Item(i, text, tools=spans))
    return items


def _as_texts(source: object) -> list[str]:
    if isinstance(source, str):
        return source.splitlines()
    if isinstance(source, Sequence) and all(isinstance(t, str) for t in source):
        return list(source)
    raise InputError(
        f"check_bullets: cannot review a {type(source).__name__}; pass a Resume, "
        f"a sequence of bullet strings, or a str with one bullet per line"
    )


def _check_config(config: BulletConfig) -> None:
    unknown = [r for r in config.disabled if r not in BULLET_RULES]
    if not unknown:
        return
    parts = []
    for rule in unknown:
        close = did_you_mean(rule, BULLET_RULES)
        hint = f" ({close})" if close else ""
        parts.append(f"{rule!r}{hint}")
    raise InputError(
        f"BulletConfig.disabled: unknown rule id {', '.join(parts)}; "
        f"known ids: {', '.join(sorted(BULLET_RULES))}"
    )


def _run(
    source: Resume | Sequence[str] | str,
    mentions: Sequence[SkillMention] | None,
    config: BulletConfig | None,
) -> tuple[tuple[BulletFinding, ...], list[BulletContext]]:
    config = config or BulletConfig()
    _check_config(config)
    enabled = [r for r in sorted(BULLET_RULES) if r not in config.disabled]
    if isinstance(source, Resume):
        if mentions is None and "no-tool" in enabled:
            mentions = _extract(source)
        items = _items_from_resume(source, mentions)
    else:
        texts = _as_texts(source)
        if mentions is None and "no-tool" in enabled:
            mentions = _extract("\n".join(texts))
        items = _items_from_strings(texts, mentions)

    # Each bullet analysed once; then the opening verbs across all of them, for
    # repeated-opener (only the bullets whose opener repeats need their counts set).
    analysed = [
        BulletContext.of(
            it.text,
            tools=it.tools,
            finished=it.finished,
            ended=it.ended,
            min_words=config.min_words,
            max_words=config.max_words,
        )
        for it in items
    ]
    keys = [_opener_key(c) for c in analysed]
    totals = Counter(k for k in keys if k)
    seen: Counter[str] = Counter()
    contexts: list[BulletContext] = []
    found: list[dict[str, object]] = []
    for it, ctx, key in zip(items, analysed, keys, strict=True):
        if key and totals[key] > 1:
            ctx = replace(ctx, opener_count=totals[key], opener_rank=seen[key])
            seen[key] += 1
        contexts.append(ctx)
        for rule_id in enabled:
            hit = BULLET_RULES[rule_id](ctx)
            if hit is None:
                continue
            found.append(
                {
                    "rule": rule_id,
                    "severity": RULE_SEVERITY[rule_id],
                    "bullet": it.index,
                    "text": it.text,
                    "page": it.page,
                    "section": it.section,
                    "entry": it.entry,
                    "start": hit.start,
                    "end": hit.end,
                    "message": hit.message,
                    "suggestion": hit.suggestion,
                }
            )
    # Validated in one call: half the cost of building the models one by one.
    findings = _findings_adapter().validate_python(found)
    return tuple(sorted(findings, key=lambda f: (f.bullet, f.rule))), contexts


@functools.cache
def _findings_adapter() -> TypeAdapter[list[BulletFinding]]:
    # Built on first use: a schema build at import would slow `import resume_match`.
    return TypeAdapter(list[BulletFinding])


def _extract(source: Resume | str) -> Sequence[SkillMention]:
    # Imported here: extract.py pulls in spaCy, which pure callers (and the
    # rules) never need; it only runs when no-tool needs mentions.
    from resume_match.extract import extract_skills

    mentions: Sequence[SkillMention] = extract_skills(source)
    return mentions


def check_bullets(
    source: Resume | Sequence[str] | str,
    *,
    mentions: Sequence[SkillMention] | None = None,
    config: BulletConfig | None = None,
) -> tuple[BulletFinding, ...]:
    """Review bullets and return what each rule found, sorted by bullet then rule id.

    ``source`` is a :class:`Resume` (its experience and project bullets are
    reviewed; ``tense`` uses each bullet's entry dates), a sequence of bullet
    strings, or one string with a bullet per line (all reviewed). ``mentions``
    are skill mentions for ``no-tool``; when None they are extracted with
    :func:`resume_match.extract_skills` (for strings: over the bullets joined
    with newlines, which is also what explicit mention offsets refer to, unless
    a mention's ``bullet`` names the string's position).

    >>> import resume_match as rm
    >>> found = rm.check_bullets(["I worked on dashboards"], mentions=(),
    ...                          config=rm.BulletConfig(disabled=("no-outcome",)))
    >>> [(f.rule, f.text[f.start:f.end]) for f in found]
    [('first-person', 'I'), ('no-metric', 'I worked on dashboards'), ('no-tool', 'dashboards'), \
('too-short', 'I worked on dashboards'), ('weak-verb', 'worked on')]
    """
    findings, _ = _run(source, mentions, config)
    return findings


def review_bullets(
    source: Resume | Sequence[str] | str,
    *,
    mentions: Sequence[SkillMention] | None = None,
    config: BulletConfig | None = None,
) -> BulletReview:
    """Findings plus the writing figures: bullets reviewed, with a metric, share, counts.

    The metric share describes the writing, not the fit: it is reported here and
    never folded into a match score.

    >>> import resume_match as rm
    >>> review = rm.review_bullets(["Cut costs by 20% with spot instances",
    ...                             "Helped with the data pipeline"], mentions=())
    >>> review.reviewed, review.with_metric, review.metric_share, review.counts["weak-verb"]
    (2, 1, 0.5, 1)
    """
    findings, contexts = _run(source, mentions, config)
    config = config or BulletConfig()
    counts = Counter(f.rule for f in findings)
    enabled = [r for r in sorted(BULLET_RULES) if r not in config.disabled]
    reviewed = len(contexts)
    with_metric = sum(1 for c in contexts if c.has_metric)
    return BulletReview(
        findings=findings,
        reviewed=reviewed,
        with_metric=with_metric,
        metric_share=round(with_metric / reviewed, 4) if reviewed else 0.0,
        counts={r: counts.get(r, 0) for r in enabled},
    )
