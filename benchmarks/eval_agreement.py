"""Does the match score order resume/job pairs the way a person would?

Reads the hand-labelled pairs in ``benchmarks/data/agreement/labels.csv`` (each a
resume text, a bundled job template or a posting text, and a label: good,
partial or poor), scores every pair with :func:`resume_match.match`, and prints
how well the scores separate the labels, next to a TF-IDF cosine baseline
computed here, in the same run, on the same pairs.

    /tmp/venv/bin/python benchmarks/eval_agreement.py            # summary
    /tmp/venv/bin/python benchmarks/eval_agreement.py --pairs    # plus every pair
    /tmp/venv/bin/python benchmarks/eval_agreement.py --data DIR # another labelled set

Figures: ROC-AUC of good vs poor (the target is 0.85 and beating TF-IDF), good
vs partial, partial vs poor, and the share of differently-labelled pairs put in
the right order (concordance over all three labels). Exit status 1 when the
matcher misses the target or does not beat the baseline.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import resume_match as rm
from resume_match.models import JobProfile

DATA = Path(__file__).parent / "data" / "agreement"
LABEL_RANK = {"poor": 0, "partial": 1, "good": 2}


def auc(positive: Sequence[float], negative: Sequence[float]) -> float:
    """Probability that a random positive outscores a random negative (ties count half)."""
    if not positive or not negative:
        return float("nan")
    wins = 0.0
    for p in positive:
        for n in negative:
            wins += 1.0 if p > n else 0.5 if p == n else 0.0
    return wins / (len(positive) * len(negative))


def concordance(scores: Sequence[float], labels: Sequence[str]) -> float:
    """Share of pairs with different labels whose scores are in the labels' order."""
    right = total = 0.0
    for i in range(len(scores)):
        for j in range(i + 1, len(scores)):
            a, b = LABEL_RANK[labels[i]], LABEL_RANK[labels[j]]
            if a == b:
                continue
            total += 1
            diff = (scores[i] - scores[j]) * (a - b)
            right += 1.0 if diff > 0 else 0.5 if diff == 0 else 0.0
    return right / total if total else float("nan")


# --------------------------------------------------------------------------- #
# The baseline: TF-IDF cosine, written here so nothing else is needed
# --------------------------------------------------------------------------- #

_WORD = re.compile(r"[a-z][a-z0-9+#.]*[a-z0-9+#]|[a-z]")
_STOP = frozenset(
    (
        *("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have"),
        *("in", "is", "it", "its", "of", "on", "or", "our", "the", "to", "we", "with"),
        *("you", "your", "will", "this", "that", "their", "they", "us", "who", "what"),
    )
)


def tokens(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP]


class TfIdf:
    """Smoothed TF-IDF with sublinear term frequency, fitted on every document in the run."""

    def __init__(self, documents: Sequence[str]) -> None:
        counts: Counter[str] = Counter()
        for document in documents:
            counts.update(set(tokens(document)))
        n = len(documents)
        self.idf = {term: math.log((1 + n) / (1 + df)) + 1 for term, df in counts.items()}

    def vector(self, text: str) -> dict[str, float]:
        tf = Counter(tokens(text))
        vec = {t: (1 + math.log(c)) * self.idf.get(t, 0.0) for t, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def cosine(self, a: str, b: str) -> float:
        va, vb = self.vector(a), self.vector(b)
        return sum(v * vb.get(t, 0.0) for t, v in va.items())


def job_text(job: JobProfile) -> str:
    """What a keyword tool would compare against: the template's words."""
    parts = [job.title, job.summary, *job.responsibilities]
    parts += [r.label for r in job.requirements]
    return "\n".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", action="store_true", help="print every pair's scores")
    parser.add_argument(
        "--data", type=Path, default=DATA, help="folder with labels.csv, resumes/, postings/"
    )
    args = parser.parse_args(argv)
    data: Path = args.data

    with (data / "labels.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    resume_texts = {p.stem: p.read_text(encoding="utf-8") for p in (data / "resumes").glob("*.txt")}
    posting_texts = {
        p.stem: p.read_text(encoding="utf-8") for p in (data / "postings").glob("*.txt")
    }

    resumes = {name: rm.parse_resume_text(text, source=name) for name, text in resume_texts.items()}
    mentions = {name: rm.extract_skills(resume) for name, resume in resumes.items()}
    jobs: dict[str, JobProfile] = {}
    job_texts: dict[str, str] = {}
    for row in rows:
        key = row["job"]
        if key in jobs:
            continue
        if key.startswith("posting:"):
            text = posting_texts[key.removeprefix("posting:")]
            jobs[key] = rm.parse_job(text)
            job_texts[key] = text
        else:
            jobs[key] = rm.load_job(key)
            job_texts[key] = job_text(jobs[key])

    tfidf = TfIdf([*resume_texts.values(), *job_texts.values()])
    ours: list[float] = []
    base: list[float] = []
    labels: list[str] = []
    lines = []
    for row in rows:
        name, key, label = row["resume"], row["job"], row["label"]
        report = rm.match(resumes[name], jobs[key], mentions=mentions[name])
        cosine = tfidf.cosine(resume_texts[name], job_texts[key])
        ours.append(report.score)
        base.append(cosine)
        labels.append(label)
        lines.append(f"{name:22} {key:32} {label:8} {report.score:6.1f} {cosine:6.3f}")

    def split(scores: Sequence[float], label: str) -> list[float]:
        return [s for s, lab in zip(scores, labels, strict=True) if lab == label]

    if args.pairs:
        print(f"{'resume':22} {'job':32} {'label':8} {'score':>6} {'tfidf':>6}")
        print("\n".join(lines))
        print()
    counts = Counter(labels)
    print(
        f"{len(rows)} labelled pairs: {counts['good']} good, {counts['partial']} partial, "
        f"{counts['poor']} poor; {len(resumes)} resumes, {len(jobs)} jobs "
        f"({sum(k.startswith('posting:') for k in jobs)} parsed postings)"
    )
    print(f"{'measure':28} {'matcher':>8} {'tf-idf':>8}")
    results = {}
    for title, a, b in (
        ("ROC-AUC good vs poor", "good", "poor"),
        ("ROC-AUC good vs partial", "good", "partial"),
        ("ROC-AUC partial vs poor", "partial", "poor"),
    ):
        mine, theirs = auc(split(ours, a), split(ours, b)), auc(split(base, a), split(base, b))
        results[title] = (mine, theirs)
        print(f"{title:28} {mine:8.3f} {theirs:8.3f}")
    mine, theirs = concordance(ours, labels), concordance(base, labels)
    print(f"{'concordance (all labels)':28} {mine:8.3f} {theirs:8.3f}")
    for label in ("good", "partial", "poor"):
        values = sorted(split(ours, label))
        print(
            f"  score of {label:8} pairs: median {values[len(values) // 2]:5.1f}, "
            f"range {values[0]:5.1f}-{values[-1]:5.1f}"
        )
    head, (mine, theirs) = "ROC-AUC good vs poor", results["ROC-AUC good vs poor"]
    passed = mine >= 0.85 and mine > theirs
    print(
        f"{head}: {mine:.3f} (target >= 0.85, baseline {theirs:.3f}): "
        + ("PASS" if passed else "FAIL")
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
