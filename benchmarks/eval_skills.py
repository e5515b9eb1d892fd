"""Score the skill extractor against the labelled texts in ``benchmarks/data/skills_eval/``.

Each labelled file is a resume or a job posting in plain UTF-8 text with inline
labels ``[[surface text|skill-id]]``. Everything outside the brackets is text in
which no skill may be found. The script strips the markup, runs
``resume_match.extract_skills`` on the plain text and compares: a predicted
mention is a true positive when its span overlaps a gold span with the same
skill id, each gold span used at most once.

Run it from the repository root::

    /tmp/venv/bin/python benchmarks/eval_skills.py                # table + errors by skill
    /tmp/venv/bin/python benchmarks/eval_skills.py --show-errors  # every error with context
    /tmp/venv/bin/python benchmarks/eval_skills.py --json         # machine-readable figures
    /tmp/venv/bin/python benchmarks/eval_skills.py --data other/dir
    /tmp/venv/bin/python benchmarks/eval_skills.py --audit        # unlabelled look-alikes
    /tmp/venv/bin/python benchmarks/eval_skills.py --lexicon mine.toml  # try a candidate lexicon

The exit status is 0 whenever the evaluation ran, whatever the scores; it is 2
when it could not run (malformed labels, missing data, extractor unavailable).

The markup helpers are importable for tests:

>>> doc = parse_labelled("Built models in [[PyTorch|pytorch]].", name="demo")
>>> doc.text
'Built models in PyTorch.'
>>> [(g.start, g.end, g.skill_id) for g in doc.gold]
[(16, 23, 'pytorch')]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parent / "data" / "skills_eval"

# Skill ids as the lexicon README defines them: lowercase words of [a-z0-9]
# joined by "-", with "." "+" "#" also allowed (for ids such as "c++" or "tf.keras"
# should anyone choose them).
SKILL_ID_RE = re.compile(r"[a-z0-9]+(?:[-.+#]+[a-z0-9]*)*")

# File names carry the document kind so figures can be split resume/job.
DOC_NAME_RE = re.compile(r"(resume|job)_\d{2}_[a-z0-9_]+\.txt")

NOT_IN_LEXICON = "(not in lexicon)"

OPEN, CLOSE, SEP = "[[", "]]", "|"


# --------------------------------------------------------------------------- #
# Markup
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class Gold:
    """One labelled skill occurrence: a span of the plain text and its skill id."""

    start: int
    end: int
    skill_id: str
    surface: str


@dataclass(frozen=True)
class LabelledDoc:
    """A labelled document with its markup stripped.

    >>> doc = parse_labelled("[[Go|go]] after go-live", name="x")
    >>> doc.text, doc.gold[0].surface
    ('Go after go-live', 'Go')
    """

    name: str
    text: str
    gold: tuple[Gold, ...]


class MarkupError(ValueError):
    """The markup of a labelled file is malformed; ``problems`` lists every fault found.

    >>> try:
    ...     parse_labelled("a [[b|Bad Id]] c ]]", name="f.txt")
    ... except MarkupError as exc:
    ...     print(exc.problems[1])
    f.txt:1:18: ']]' without a matching '[['
    """

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


def _where(source: str, offset: int, name: str) -> str:
    line = source.count("\n", 0, offset) + 1
    col = offset - (source.rfind("\n", 0, offset) + 1) + 1
    return f"{name}:{line}:{col}"


def parse_labelled(source: str, *, name: str = "<text>") -> LabelledDoc:
    """Strip ``[[surface|id]]`` labels from ``source`` and return the text and gold spans.

    Every malformed label is collected and reported at once in a
    :class:`MarkupError` (unclosed ``[[``, stray ``]]``, missing ``|``, empty or
    padded surface, invalid id).

    >>> d = parse_labelled("[[k8s|kubernetes]] and [[W&B|weights-and-biases]]")
    >>> [(d.text[g.start:g.end], g.skill_id) for g in d.gold]
    [('k8s', 'kubernetes'), ('W&B', 'weights-and-biases')]
    """
    problems: list[str] = []
    out: list[str] = []
    gold: list[Gold] = []
    length = 0  # length of the plain text produced so far
    pos = 0
    while True:
        opening = source.find(OPEN, pos)
        stray = source.find(CLOSE, pos)
        while stray != -1 and (opening == -1 or stray < opening):
            problems.append(f"{_where(source, stray, name)}: ']]' without a matching '[['")
            stray = source.find(CLOSE, stray + len(CLOSE))
        if opening == -1:
            out.append(source[pos:])
            break
        closing = source.find(CLOSE, opening + len(OPEN))
        nested = source.find(OPEN, opening + len(OPEN))
        if closing == -1 or (nested != -1 and nested < closing):
            problems.append(f"{_where(source, opening, name)}: '[[' is never closed with ']]'")
            # Keep the bad opening as text and scan on, so later faults are reported too.
            chunk = source[pos : opening + len(OPEN)]
            out.append(chunk)
            length += len(chunk)
            pos = opening + len(OPEN)
            continue
        before = source[pos:opening]
        out.append(before)
        length += len(before)
        inner = source[opening + len(OPEN) : closing]
        where = _where(source, opening, name)
        surface, sep, skill_id = inner.rpartition(SEP)
        if not sep:
            problems.append(f"{where}: label {inner!r} has no '|'; write [[surface|skill-id]]")
            surface, skill_id = inner, ""
        elif SEP in surface:
            problems.append(f"{where}: label {inner!r} has more than one '|'")
        elif not surface.strip():
            problems.append(f"{where}: label {inner!r} has an empty surface text")
        elif surface != surface.strip():
            problems.append(
                f"{where}: surface {surface!r} starts or ends with whitespace; "
                "move the spaces outside the brackets"
            )
        if sep and not SKILL_ID_RE.fullmatch(skill_id):
            problems.append(
                f"{where}: label id {skill_id!r} is not a valid skill id; "
                "use lowercase kebab-case such as 'scikit-learn'"
            )
        gold.append(Gold(length, length + len(surface), skill_id, surface))
        out.append(surface)
        length += len(surface)
        pos = closing + len(CLOSE)
    if problems:
        raise MarkupError(problems)
    return LabelledDoc(name=name, text="".join(out), gold=tuple(gold))


def load_labelled_dir(directory: Path) -> list[LabelledDoc]:
    """Parse every ``*.txt`` file in ``directory`` (sorted by name); report all faults at once.

    >>> load_labelled_dir(DEFAULT_DATA)[0].name.startswith(("job_", "resume_"))
    True
    """
    if not directory.is_dir():
        raise MarkupError([f"{directory}: no such directory of labelled texts"])
    problems: list[str] = []
    docs: list[LabelledDoc] = []
    for path in sorted(directory.glob("*.txt")):
        try:
            docs.append(parse_labelled(path.read_text(encoding="utf-8"), name=path.name))
        except MarkupError as exc:
            problems.extend(exc.problems)
        except UnicodeDecodeError as exc:
            problems.append(f"{path.name}: not UTF-8 ({exc.reason})")
    if problems:
        raise MarkupError(problems)
    if not docs:
        raise MarkupError([f"{directory}: holds no labelled *.txt files"])
    return docs


# --------------------------------------------------------------------------- #
# Scoring
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class Predicted:
    """One mention returned by the extractor, reduced to what scoring needs."""

    start: int
    end: int
    skill_id: str
    text: str
    category: str
    method: str = ""


@dataclass(frozen=True)
class ErrorCase:
    """A false positive or false negative, located and with its context."""

    kind: str  # "fp" or "fn"
    doc: str
    start: int
    end: int
    skill_id: str
    category: str
    surface: str
    context: str
    note: str = ""


@dataclass
class Counts:
    """True positives, false positives and false negatives for one group."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)

    def as_dict(self) -> dict[str, Any]:
        def rnd(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "gold": self.tp + self.fn,
            "precision": rnd(self.precision),
            "recall": rnd(self.recall),
            "f1": rnd(self.f1),
        }


@dataclass
class Evaluation:
    """Everything one run measured; ``by_category`` is keyed by lexicon category."""

    overall: Counts = field(default_factory=Counts)
    by_category: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_doc: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[ErrorCase] = field(default_factory=list)
    missing_ids: Counter[str] = field(default_factory=Counter)
    offset_mismatches: list[str] = field(default_factory=list)


def context_of(text: str, start: int, end: int, width: int = 45) -> str:
    """The span marked ``>>like this<<`` with ``width`` characters either side, on one line.

    >>> context_of("We use Go daily", 7, 9, width=4)
    'use >>Go<< dai'
    """
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    flat = f"{left}>>{text[start:end]}<<{right}"
    return " ".join(flat.split())


def match_spans(
    gold: Sequence[Gold], predicted: Sequence[Predicted]
) -> tuple[list[tuple[Gold, Predicted]], list[Predicted], list[Gold]]:
    """Pair predictions with gold spans one-to-one: same id and overlapping spans.

    A prediction takes the unused gold span it overlaps most (earliest on a tie);
    predictions are visited in text order, so the result is deterministic.

    >>> g = [Gold(0, 2, "go", "Go")]
    >>> p = [Predicted(0, 2, "go", "Go", "language"), Predicted(1, 2, "go", "o", "language")]
    >>> pairs, fps, fns = match_spans(g, p)
    >>> len(pairs), len(fps), len(fns)
    (1, 1, 0)
    """
    used: set[int] = set()
    pairs: list[tuple[Gold, Predicted]] = []
    fps: list[Predicted] = []
    for pred in sorted(predicted, key=lambda m: (m.start, m.end, m.skill_id)):
        best: int | None = None
        best_overlap = 0
        for i, g in enumerate(gold):
            if i in used or g.skill_id != pred.skill_id:
                continue
            overlap = min(g.end, pred.end) - max(g.start, pred.start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is None:
            fps.append(pred)
        else:
            used.add(best)
            pairs.append((gold[best], pred))
    fns = [g for i, g in enumerate(gold) if i not in used]
    return pairs, fps, fns


def merge_bracketed_gold(text: str, gold: Sequence[Gold]) -> list[Gold]:
    """A name and its own short form in brackets, labelled twice, as one label.

    The sets were labelled both ways ("[[Site Reliability Engineering|sre]]
    ([[SRE|sre]])" and one label for the whole); the extractor reports such a
    pair as one mention, so the scorer counts it once either way.

    >>> doc = parse_labelled("[[Site Reliability Engineering|sre]] ([[SRE|sre]]) on call")
    >>> [(g.start, g.end, g.surface) for g in merge_bracketed_gold(doc.text, doc.gold)]
    [(0, 34, 'Site Reliability Engineering (SRE)')]
    """
    out: list[Gold] = []
    for g in sorted(gold, key=lambda g: (g.start, g.end)):
        if out:
            last = out[-1]
            between = text[last.end : g.start]
            close = re.match(r"\s?\)", text[g.end :])
            if (
                g.skill_id == last.skill_id
                and re.fullmatch(r"\s?\(\s?", between)
                and close is not None
            ):
                end = g.end + close.end()
                out[-1] = Gold(last.start, end, last.skill_id, text[last.start : end])
                continue
        out.append(g)
    return out


def evaluate(
    docs: Iterable[LabelledDoc],
    extract: Callable[[str], Sequence[Predicted]],
    categories: dict[str, str],
) -> Evaluation:
    """Run ``extract`` on every document and count hits and misses per category.

    ``categories`` maps skill id to lexicon category; a gold id it lacks is
    counted under ``(not in lexicon)`` and listed in ``missing_ids``.

    >>> doc = parse_labelled("[[Python|python]] and Go-live")
    >>> fake = lambda text: [Predicted(0, 6, "python", "Python", "language")]
    >>> evaluate([doc], fake, {"python": "language"}).overall.as_dict()["f1"]
    1.0
    """
    result = Evaluation()
    for doc in docs:
        predicted = extract(doc.text)
        for m in predicted:
            if not (0 <= m.start < m.end <= len(doc.text)) or doc.text[m.start : m.end] != m.text:
                result.offset_mismatches.append(
                    f"{doc.name}: mention {m.skill_id} [{m.start}:{m.end}] text {m.text!r} "
                    f"!= {doc.text[m.start : m.end]!r}"
                )
        gold = merge_bracketed_gold(doc.text, doc.gold)
        pairs, fps, fns = match_spans(gold, predicted)
        for g, _ in pairs:
            cat = categories.get(g.skill_id, NOT_IN_LEXICON)
            result.by_category[cat].tp += 1
            result.by_doc[doc.name].tp += 1
            result.overall.tp += 1
        for m in fps:
            result.by_category[m.category].fp += 1
            result.by_doc[doc.name].fp += 1
            result.overall.fp += 1
            # Say what the gold text has there, which tells a wrong id from a spurious hit.
            under = [g for g in gold if g.start < m.end and m.start < g.end]
            note = ", ".join(f"gold here: {g.skill_id}" for g in under) or "no gold here"
            result.errors.append(
                ErrorCase(
                    "fp", doc.name, m.start, m.end, m.skill_id, m.category, m.text,
                    context_of(doc.text, m.start, m.end), f"{note}; method {m.method}",
                )
            )  # fmt: skip
        for g in fns:
            cat = categories.get(g.skill_id, NOT_IN_LEXICON)
            if cat == NOT_IN_LEXICON:
                result.missing_ids[g.skill_id] += 1
            result.by_category[cat].fn += 1
            result.by_doc[doc.name].fn += 1
            result.overall.fn += 1
            over = [m for m in predicted if m.start < g.end and g.start < m.end]
            note = ", ".join(f"found here: {m.skill_id}" for m in over) or "nothing found here"
            result.errors.append(
                ErrorCase(
                    "fn", doc.name, g.start, g.end, g.skill_id, cat, g.surface,
                    context_of(doc.text, g.start, g.end), note,
                )
            )  # fmt: skip
        # Gold ids unknown to the lexicon that were nevertheless matched are still gaps.
        for g, _ in pairs:
            if g.skill_id not in categories:
                result.missing_ids[g.skill_id] += 1
    result.errors.sort(key=lambda e: (e.kind, e.skill_id, e.doc, e.start))
    return result


def audit(docs: Sequence[LabelledDoc]) -> list[str]:
    """Unlabelled occurrences of any surface labelled somewhere in the set, in context.

    Each is either a deliberate non-skill sense (R&D, go-live) or a labelling
    miss; the list makes the misses easy to spot. Matching is case-sensitive and
    on word boundaries, as a careful reader would search.

    >>> d = parse_labelled("[[Go|go]] and Go and go-live")
    >>> audit([d])
    ['<text>:7  Go  Go and >>Go<< and go-live']
    """
    surfaces = sorted({g.surface for d in docs for g in d.gold}, key=lambda x: (-len(x), x))
    found: list[str] = []
    for d in docs:
        taken = [(g.start, g.end) for g in d.gold]
        for surface in surfaces:
            pattern = r"(?<![\w])" + re.escape(surface) + r"(?![\w])"
            for m in re.finditer(pattern, d.text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                found.append(
                    f"{d.name}:{m.start()}  {surface}  {context_of(d.text, m.start(), m.end())}"
                )
    return found


# --------------------------------------------------------------------------- #
# The real extractor
# --------------------------------------------------------------------------- #


def real_extractor(
    paths: Sequence[Path] = (), *, bundled: bool = True
) -> tuple[Callable[[str], list[Predicted]], dict[str, str]]:
    """Wrap ``resume_match.extract_skills`` for :func:`evaluate`, with the lexicon's categories.

    With no ``paths`` the bundled lexicon is used, exactly as a caller of
    ``rm.extract_skills(text)`` gets it; ``paths`` are merged over it (or, with
    ``bundled=False``, loaded alone) to try a candidate lexicon.
    """
    import resume_match as rm

    lexicon = rm.load_lexicon(*paths, bundled=bundled)
    categories = {sid: skill.category for sid, skill in lexicon.skills.items()}
    custom = lexicon if paths or not bundled else None

    def extract(text: str) -> list[Predicted]:
        return [
            Predicted(m.start, m.end, m.skill_id, m.text, m.category, m.method)
            for m in rm.extract_skills(text, lexicon=custom)
        ]

    return extract, categories


# --------------------------------------------------------------------------- #
# Reporting
# --------------------------------------------------------------------------- #


def _fmt(x: float | None) -> str:
    return "    -" if x is None else f"{x:5.3f}"


def _table(rows: list[tuple[str, Counts]], title: str) -> list[str]:
    width = max([len(title)] + [len(name) for name, _ in rows])
    lines = [f"{title:<{width}}  {'gold':>5} {'tp':>5} {'fp':>5} {'fn':>5}  prec   rec    f1"]
    for name, c in rows:
        lines.append(
            f"{name:<{width}}  {c.tp + c.fn:5d} {c.tp:5d} {c.fp:5d} {c.fn:5d}  "
            f"{_fmt(c.precision)} {_fmt(c.recall)} {_fmt(c.f1)}"
        )
    return lines


def report_text(
    docs: Sequence[LabelledDoc], ev: Evaluation, *, show_errors: bool, timing: dict[str, float]
) -> str:
    """The human-readable report: counts, tables, errors grouped or listed in full."""
    n_gold = sum(len(d.gold) for d in docs)
    kinds = Counter(d.name.split("_", 1)[0] for d in docs)
    lines = [
        f"documents: {len(docs)} ({kinds.get('resume', 0)} resumes, {kinds.get('job', 0)} jobs), "
        f"{sum(len(d.text) for d in docs)} characters, {n_gold} gold mentions, "
        f"{len({g.skill_id for d in docs for g in d.gold})} distinct gold skill ids",
        "",
    ]
    rows = sorted(ev.by_category.items())
    lines += _table([*rows, ("OVERALL (micro)", ev.overall)], "category")
    lines.append("")
    by_kind: dict[str, Counts] = defaultdict(Counts)
    for name, c in ev.by_doc.items():
        k = by_kind[name.split("_", 1)[0]]
        k.tp, k.fp, k.fn = k.tp + c.tp, k.fp + c.fp, k.fn + c.fn
    lines += _table(sorted(by_kind.items()), "document kind")
    lines.append("")
    if timing:
        lines.append(
            "extraction time: first call {first:.0f} ms (includes lexicon load and matcher "
            "build), then median {median:.1f} ms per document, total {total:.0f} ms".format(
                **timing
            )
        )
        lines.append("")
    if ev.missing_ids:
        lines.append(f"gold ids missing from the lexicon ({len(ev.missing_ids)}):")
        lines.append("  " + ", ".join(f"{i} ({n})" for i, n in sorted(ev.missing_ids.items())))
        lines.append("")
    if ev.offset_mismatches:
        lines.append(f"mentions whose text is not text[start:end] ({len(ev.offset_mismatches)}):")
        lines += ["  " + m for m in ev.offset_mismatches[:20]]
        lines.append("")
    for kind, title in (("fp", "false positives"), ("fn", "false negatives")):
        errs = [e for e in ev.errors if e.kind == kind]
        lines.append(f"{title}: {len(errs)}")
        if show_errors:
            for e in errs:
                lines.append(f"  {e.skill_id:<24} {e.doc}:{e.start}  {e.context}   [{e.note}]")
        else:
            per_id = Counter(e.skill_id for e in errs)
            for sid, n in sorted(per_id.items(), key=lambda kv: (-kv[1], kv[0])):
                sample = next(e for e in errs if e.skill_id == sid)
                lines.append(f"  {n:3d}  {sid:<24} e.g. {sample.doc}: {sample.context}")
        lines.append("")
    if not show_errors and ev.errors:
        lines.append("(run with --show-errors to list every error with its context)")
    return "\n".join(lines).rstrip() + "\n"


def report_json(docs: Sequence[LabelledDoc], ev: Evaluation) -> str:
    """The same figures as JSON, keys sorted, no timings: identical across runs."""
    payload = {
        "documents": len(docs),
        "gold_mentions": sum(len(d.gold) for d in docs),
        "overall": ev.overall.as_dict(),
        "by_category": {k: v.as_dict() for k, v in sorted(ev.by_category.items())},
        "by_document": {k: v.as_dict() for k, v in sorted(ev.by_doc.items())},
        "missing_from_lexicon": dict(sorted(ev.missing_ids.items())),
        "offset_mismatches": ev.offset_mismatches,
        "errors": [e.__dict__ for e in ev.errors],
    }
    return json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status (0 ran, 2 could not run)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of labelled *.txt")
    parser.add_argument("--show-errors", action="store_true", help="list every FP/FN in context")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--lexicon",
        type=Path,
        nargs="+",
        default=[],
        metavar="TOML",
        help="lexicon files merged over the bundled one (to try a candidate lexicon)",
    )
    parser.add_argument(
        "--no-bundled",
        action="store_true",
        help="with --lexicon: use only the given files, not the bundled lexicon",
    )
    parser.add_argument(
        "--audit",
        action="store_true",
        help="list unlabelled occurrences of labelled surfaces (finds labelling misses); "
        "does not run the extractor",
    )
    args = parser.parse_args(argv)

    try:
        docs = load_labelled_dir(args.data)
    except MarkupError as exc:
        print(f"eval_skills: malformed labelled data:\n{exc}", file=sys.stderr)
        return 2
    if args.audit:
        for line in audit(docs):
            print(line)
        return 0
    ready = f"{len(docs)} documents with {sum(len(d.gold) for d in docs)} gold mentions are ready"
    try:
        extract, categories = real_extractor(args.lexicon, bundled=not args.no_bundled)
    except NotImplementedError:
        print(
            "eval_skills: resume_match.load_lexicon/extract_skills are still placeholders "
            f"(NotImplementedError); {ready}",
            file=sys.stderr,
        )
        return 2
    except ValueError as exc:  # LexiconError and friends: the bundled data does not load
        print(f"eval_skills: the lexicon does not load ({ready}):\n{exc}", file=sys.stderr)
        return 2

    # Time each call: the first includes lexicon loading and the matcher build.
    durations: list[float] = []

    def timed(text: str) -> list[Predicted]:
        t0 = time.perf_counter()
        try:
            return extract(text)
        finally:
            durations.append((time.perf_counter() - t0) * 1000)

    try:
        ev = evaluate(docs, timed, categories)
    except NotImplementedError:
        print("eval_skills: resume_match.extract_skills is still a placeholder", file=sys.stderr)
        return 2
    if args.json:
        sys.stdout.write(report_json(docs, ev))
    else:
        timing = {
            "first": durations[0],
            "median": statistics.median(durations[1:] or durations),
            "total": sum(durations),
        }
        sys.stdout.write(report_text(docs, ev, show_errors=args.show_errors, timing=timing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
