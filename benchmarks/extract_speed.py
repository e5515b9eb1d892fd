"""How fast the skill extractor is, against spaCy's tokenizer measured in the same run.

Run: ``python benchmarks/extract_speed.py [--texts 30] [--repeat 5]``

It prints:

* cold start, each step in a fresh interpreter: ``import resume_match``,
  ``import spacy``, loading the bundled lexicon, building the
  :class:`SkillExtractor` (tokenizer and matchers), and the first extraction;
* peak memory (max resident set size) of that fresh process after extraction;
* warm throughput on generated resume-length texts (~600 words, one
  process, one core): median time per text for the extractor with and without
  the fuzzy rescue, and for ``spacy.blank("en").tokenizer`` alone on the same
  raw texts, on the same texts with whitespace collapsed, and for that
  tokenizer without its English special cases on the raw texts (what the
  extractor runs); the ratios between them are the figures to watch (the goal:
  extractor <= 5x tokenizer, judged here against the fastest of the three).

Absolute times drift with machine load; the ratios are measured in the same
run on the same texts and hold better.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

COLD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
import resume_match
t1 = time.perf_counter()
import spacy, rapidfuzz
t2 = time.perf_counter()
lexicon = resume_match.load_lexicon()
t3 = time.perf_counter()
extractor = resume_match.SkillExtractor(lexicon)
t4 = time.perf_counter()
extractor.extract(sys.argv[1])
t5 = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
print(json.dumps({
    "import resume_match": t1 - t0, "import spacy+rapidfuzz": t2 - t1,
    "load_lexicon()": t3 - t2, "SkillExtractor()": t4 - t3, "first extract": t5 - t4,
    "total": t5 - t0, "peak_rss_mib": rss / 1024, "skills": len(lexicon.skills),
}))
"""

_FILLER_TEXT = """
designed built led improved reduced latency by 35% across the team shipped
a new service for customers with stakeholders and partners owned the roadmap
analysed results wrote documentation migrated legacy systems to production
mentored two junior engineers and presented findings to leadership weekly
the data platform handled 2M events per day with 99.9% uptime in 2023
"""
FILLER = _FILLER_TEXT.split()

MISSPELT = ["Kubernets", "Tensorflw", "scikit lern", "Pytorh", "Hugging Fase"]


def make_texts(names: list[str], count: int, seed: int = 7) -> list[str]:
    """Resume-like texts of about 600 words: headings, bullets, skills, line breaks."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        lines = ["Jane Doe", "jane.doe@example.com | github.com/janedoe | +1 555 0100", ""]
        words = 0
        while words < 600:
            if rng.random() < 0.08:
                lines += ["", rng.choice(["EXPERIENCE", "PROJECTS", "SKILLS", "EDUCATION"])]
            bullet = rng.sample(FILLER, rng.randint(8, 16))
            for _ in range(rng.randint(1, 3)):
                bullet.insert(rng.randrange(len(bullet) + 1), rng.choice(names))
            if rng.random() < 0.1:
                bullet.insert(rng.randrange(len(bullet) + 1), rng.choice(MISSPELT))
            line = "\u2022 " + " ".join(bullet)
            # Wrap long bullets the way a PDF does.
            if len(line) > 90:
                cut = line.rfind(" ", 0, 90)
                line = line[:cut] + "\n  " + line[cut + 1 :]
            lines.append(line)
            words += len(bullet)
        texts.append("\n".join(lines))
    return texts


def per_text(fn: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """Median over ``repeat`` rounds of the mean CPU seconds per text."""
    rounds = []
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            fn(text)
        rounds.append((time.process_time() - start) / len(texts))
    return statistics.median(rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import spacy

    import resume_match
    from resume_match.models import ExtractConfig

    lexicon = resume_match.load_lexicon()
    names = sorted({s.name for s in lexicon.skills.values() if not s.abstract})
    texts = make_texts(names, args.texts)
    mean_words = statistics.mean(len(t.split()) for t in texts)

    cold = json.loads(
        subprocess.run(
            [sys.executable, "-c", COLD, texts[0]], check=True, capture_output=True, text=True
        ).stdout
    )
    print(f"cold start (fresh process, {cold['skills']} skills):")
    for key in (
        "import resume_match",
        "import spacy+rapidfuzz",
        "load_lexicon()",
        "SkillExtractor()",
        "first extract",
        "total",
    ):
        print(f"  {key:<24} {cold[key] * 1000:8.1f} ms")
    print(f"  peak RSS after extract   {cold['peak_rss_mib']:8.1f} MiB")

    extractor = resume_match.SkillExtractor(lexicon)
    exact_only = resume_match.SkillExtractor(lexicon, config=ExtractConfig(fuzzy=False))
    from spacy.tokenizer import Tokenizer

    tokenizer = spacy.blank("en").tokenizer
    # The same English tokenizer without its special cases (the extractor's choice):
    # in spaCy one special case in a text ("\n", "—", "don't") turns the chunk cache
    # off for the rest of that text, so raw resume text is tokenised cold every time.
    plain = Tokenizer(
        tokenizer.vocab,
        rules={},
        prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search,
        infix_finditer=tokenizer.infix_finditer,
        token_match=tokenizer.token_match,
        url_match=tokenizer.url_match,
    )
    collapse = re.compile(r"\s+")
    collapsed = [collapse.sub(" ", t).strip() for t in texts]

    # Warm-up: fills spaCy's tokenizer caches and our fuzzy cache once.
    for text in texts:
        extractor.extract(text)
        exact_only.extract(text)
        tokenizer(text)
        plain(text)

    t_extract = per_text(extractor.extract, texts, args.repeat)
    t_exact = per_text(exact_only.extract, texts, args.repeat)
    t_tok_raw = per_text(tokenizer, texts, args.repeat)
    t_tok_flat = per_text(tokenizer, collapsed, args.repeat)
    t_tok_plain = per_text(plain, texts, args.repeat)
    fastest = min(t_tok_raw, t_tok_flat, t_tok_plain)
    mentions = statistics.mean(len(extractor.extract(t)) for t in texts)
    fuzzy = statistics.mean(sum(m.method == "fuzzy" for m in extractor.extract(t)) for t in texts)

    print(
        f"\nwarm, {len(texts)} texts of ~{mean_words:.0f} words, CPU time per text "
        f"(median of {args.repeat}):"
    )
    print(
        f"  extractor (fuzzy on)        {t_extract * 1000:7.2f} ms   "
        f"{1 / t_extract:7.0f} texts/s/core   {mentions:.1f} mentions, {fuzzy:.1f} fuzzy"
    )
    print(f"  extractor (fuzzy off)       {t_exact * 1000:7.2f} ms")
    print(f"  spaCy tokenizer, raw text   {t_tok_raw * 1000:7.2f} ms   (spacy.blank('en'))")
    print(f"  spaCy tokenizer, collapsed  {t_tok_flat * 1000:7.2f} ms   (whitespace runs -> ' ')")
    print(f"  tokenizer w/o special cases {t_tok_plain * 1000:7.2f} ms   (raw text)")
    print("\nratios (goal: extractor <= 5x tokenizer on the same texts):")
    print(f"  extractor / tokenizer(raw)            {t_extract / t_tok_raw:5.2f}x")
    print(f"  extractor / tokenizer(collapsed)      {t_extract / t_tok_flat:5.2f}x")
    print(f"  extractor / tokenizer(no specials)    {t_extract / t_tok_plain:5.2f}x")
    verdict = "PASS" if t_extract <= 5 * fastest else "FAIL"
    print(f"  extractor / fastest tokenizer         {t_extract / fastest:5.2f}x: {verdict}")
    print(f"  fuzzy rescue share of extractor   {(t_extract - t_exact) / t_extract:5.1%}")


if __name__ == "__main__":
    main()
