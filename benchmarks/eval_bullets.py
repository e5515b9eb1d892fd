"""Precision, recall and F1 of each bullet rule on the labelled set.

Usage::

    /tmp/venv/bin/python benchmarks/eval_bullets.py            # the table
    /tmp/venv/bin/python benchmarks/eval_bullets.py --show no-metric   # its errors
    /tmp/venv/bin/python benchmarks/eval_bullets.py --corpus ../shared/corpus/resumes

``benchmarks/data/bullets.jsonl`` holds one bullet per line: ``text``, ``expect``
(the rule ids that should fire), ``group`` (what kind of case it is) and, for
some, ``role`` (``past`` or ``current``), which is what the ``tense`` rule is
scored on. Every record is labelled for the eight rules that need only the
text; ``tense`` only where a role is given. ``no-tool`` needs the extractor's
mentions and ``repeated-opener`` a whole resume: both are covered by tests.

``--corpus`` also runs the rules over the bullets listed in each
``expected.json`` of the shared corpus (real template resumes, unlabelled) and
prints what fires, as a smoke test on text we did not write.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from resume_match.bullets import BULLET_RULES, BulletContext, find_metrics

DATA = Path(__file__).parent / "data" / "bullets.jsonl"
TEXT_RULES = (
    "no-metric",
    "weak-verb",
    "no-outcome",
    "passive-voice",
    "first-person",
    "filler",
    "too-long",
    "too-short",
)


def load(path: Path) -> list[dict[str, object]]:
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            rec = json.loads(line)
            if not isinstance(rec.get("text"), str) or not isinstance(rec.get("expect"), list):
                sys.exit(f"{path}:{n}: each line needs 'text' (str) and 'expect' (list)")
            records.append(rec)
    return records


def fired(rec: dict[str, object]) -> set[str]:
    role = rec.get("role")
    ctx = BulletContext.of(str(rec["text"]), finished=(role == "past") if role else None)
    return {rule for rule, fn in BULLET_RULES.items() if fn(ctx) is not None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", action="append", default=[], help="print errors of a rule")
    parser.add_argument("--corpus", type=Path, help="folder of <name>/expected.json files")
    args = parser.parse_args()

    records = load(args.data)
    t0 = time.process_time()
    results = [fired(r) for r in records]
    elapsed = time.process_time() - t0

    print(
        f"{len(records)} labelled bullets from {args.data.name}; "
        f"{elapsed * 1000 / len(records):.2f} ms CPU per bullet (all rules)"
    )
    print(f"{'rule':<16}{'support':>8}{'tp':>6}{'fp':>6}{'fn':>6}{'prec':>8}{'recall':>8}{'F1':>8}")
    scored = [(r, "tense") for r in records if r.get("role")]
    rows: list[tuple[str, list[tuple[dict[str, object], set[str]]]]] = []
    for rule in (*TEXT_RULES, "tense"):
        pairs = list(zip(records, results, strict=True))
        if rule == "tense":
            pairs = [(r, f) for r, f in pairs if r.get("role")]
        rows.append((rule, pairs))
    failed = False
    for rule, pairs in rows:
        tp = sum(1 for r, f in pairs if rule in f and rule in r["expect"])  # type: ignore[operator]
        fp = sum(1 for r, f in pairs if rule in f and rule not in r["expect"])  # type: ignore[operator]
        fn = sum(1 for r, f in pairs if rule not in f and rule in r["expect"])  # type: ignore[operator]
        support = tp + fn
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / support if support else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"{rule:<16}{support:>8}{tp:>6}{fp:>6}{fn:>6}{prec:>8.3f}{rec:>8.3f}{f1:>8.3f}")
        if rule in {"no-metric", "weak-verb"} and f1 < 0.95:
            failed = True
        if rule in args.show:
            for r, f in pairs:
                exp = rule in r["expect"]  # type: ignore[operator]
                if (rule in f) != exp:
                    print(f"    {'FN' if exp else 'FP'} {r['id']} [{r['group']}] {r['text']}")
    print(f"(tense scored on the {len(scored)} bullets with a role)")

    groups = Counter(str(r["group"]) for r in records)
    print("groups: " + ", ".join(f"{g} {n}" for g, n in sorted(groups.items())))

    if args.corpus:
        print(f"\nReal bullets from {args.corpus} (unlabelled; what fires):")
        for exp in sorted(args.corpus.glob("*/expected.json")):
            data = json.loads(exp.read_text(encoding="utf-8"))
            for b in data.get("bullets", []):
                text = b.get("text", "")
                ctx = BulletContext.of(text)
                hits = sorted(r for r, fn in BULLET_RULES.items() if fn(ctx) is not None)
                metric = "metric" if find_metrics(text) else "-"
                print(f"  {exp.parent.name[:22]:<22} {metric:<6} {','.join(hits):<45} {text[:70]}")
    print("\nno-metric and weak-verb F1 >= 0.95:", "no" if failed else "yes")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
