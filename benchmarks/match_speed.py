"""How fast is everything after parsing, and does rank() scale with workers?

Builds resume PDFs with reportlab from the agreement-set texts (nothing is
downloaded or stored), then measures, in one run:

1. per resume: PDF parse time vs extraction + matching + bullet review; the goal
   is that everything after parsing costs at most 10% of the parse (on the
   generated PDFs and, when ../shared/corpus is present, on the real ones);
2. match() on parsed input (mentions given), one call and with a reused JobMatcher;
3. rank() of 1,000 parsed resumes against one job;
4. rank() over PDFs with 1 and with 2 workers; the goal is at least 1.8x
   (the real corpus PDFs when present, else the generated ones).

    /tmp/venv/bin/python benchmarks/match_speed.py [--pdfs 45] [--job ml-engineer-mid] [--rounds 5]

Per-resume stage times are the fastest of ``--rounds`` runs, the others are
medians, all on this machine; the ratios are what to compare between machines.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import resume_match as rm
from resume_match.match import JobMatcher
from resume_match.models import Resume

DATA = Path(__file__).parent / "data" / "agreement" / "resumes"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "resumes"


def make_pdf(text: str) -> bytes:
    """A plain one- or two-page resume PDF: bold capitalised headings, bullets as glyphs."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter, invariant=1)
    width, height = letter
    y = height - 60
    for raw in text.splitlines():
        line = raw.rstrip()
        if y < 60:
            pdf.showPage()
            y = height - 60
        if not line:
            y -= 8
            continue
        heading = line.isupper() or (len(line.split()) <= 3 and line.istitle() and y < height - 90)
        pdf.setFont("Helvetica-Bold" if heading else "Helvetica", 12 if heading else 10)
        if line.lstrip().startswith(("- ", "* ", "• ", "· ")):
            pdf.drawString(60, y, "\u2022")
            line = line.lstrip()[2:]
            x = 72
        else:
            x = 50
        # Wrap long lines by words, as a word processor would.
        words, current = line.split(), ""
        for word in words:
            trial = f"{current} {word}".strip()
            if pdf.stringWidth(trial, "Helvetica", 10) > width - x - 50:
                pdf.drawString(x, y, current)
                y -= 13
                current = word
            else:
                current = trial
        pdf.drawString(x, y, current)
        y -= 14 if heading else 13
    pdf.save()
    return buffer.getvalue()


def stages(
    pdfs: list[bytes], job: rm.JobProfile, label: str, rounds: int, names: list[str]
) -> list[Resume]:
    """Time parse, extraction, matching and bullet review for each PDF; print medians.

    Each PDF goes through every stage ``rounds`` times, interleaved, and each stage
    keeps its fastest round: on a shared machine the minimum is the cost of the
    work itself, while a median still carries whatever else was running.
    """
    lexicon = rm.load_lexicon()
    parse_t, extract_t, match_t, bullets_t = [], [], [], []
    resumes: list[Resume] = []
    for pdf in pdfs:
        best = [float("inf")] * 4
        for _ in range(rounds):
            start = time.perf_counter()
            resume = rm.parse_resume(pdf)
            t1 = time.perf_counter()
            mentions = rm.extract_skills(resume)
            t2 = time.perf_counter()
            rm.match(resume, job, mentions=mentions, lexicon=lexicon)
            t3 = time.perf_counter()
            rm.check_bullets(resume, mentions=mentions)  # the pipeline passes them on
            t4 = time.perf_counter()
            for k, spent in enumerate((t1 - start, t2 - t1, t3 - t2, t4 - t3)):
                best[k] = min(best[k], spent)
        parse_t.append(best[0])
        extract_t.append(best[1])
        match_t.append(best[2])
        bullets_t.append(best[3])
        resumes.append(resume)
    after = [e + m + b for e, m, b in zip(extract_t, match_t, bullets_t, strict=True)]
    ratios = [a / p for a, p in zip(after, parse_t, strict=True)]
    ms = 1000.0
    print(f"[{label}, fastest of {rounds} rounds per stage]")
    print(f"  PDF parse       median {statistics.median(parse_t) * ms:7.2f} ms per resume")
    print(f"  extract_skills  median {statistics.median(extract_t) * ms:7.2f} ms")
    print(f"  match           median {statistics.median(match_t) * ms:7.2f} ms")
    print(f"  check_bullets   median {statistics.median(bullets_t) * ms:7.2f} ms")
    verdict = "PASS" if max(ratios) <= 0.10 else "FAIL"
    worst = max(range(len(ratios)), key=ratios.__getitem__)
    print(
        f"  after-parse / parse: median {statistics.median(ratios):.1%}, "
        f"worst {ratios[worst]:.1%} ({names[worst]}; goal <= 10%): {verdict}"
    )
    return resumes


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def _two_process_ceiling(n: int = 4_000_000) -> float:
    """Wall-time speed-up of 2 processes over 1 on pure Python arithmetic."""
    from concurrent.futures import ProcessPoolExecutor

    one = timed(lambda: [_burn(n) for _ in range(4)])
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(_burn, [n] * 2))  # start the workers before timing
        two = timed(lambda: list(pool.map(_burn, [n] * 4)))
    return one / two


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pdfs", type=int, default=45, help="PDFs for the rank() scaling test")
    parser.add_argument("--job", default="ml-engineer-mid")
    parser.add_argument("--batch", type=int, default=1000, help="resumes for rank() in memory")
    parser.add_argument("--rounds", type=int, default=5, help="timing rounds per resume and stage")
    args = parser.parse_args()

    sources = sorted(DATA.glob("*.txt"))
    pdfs = [make_pdf(p.read_text(encoding="utf-8")) for p in sources]
    real_paths = sorted(CORPUS.glob("*/*.pdf")) if CORPUS.is_dir() else []
    real_pdfs = [p.read_bytes() for p in real_paths]
    job = rm.load_job(args.job)
    lexicon = rm.load_lexicon()
    # Warm every cache (lexicon, spaCy pipeline, matchers) before timing anything.
    warm = rm.parse_resume(pdfs[0])
    rm.match(warm, job, mentions=rm.extract_skills(warm))
    rm.check_bullets(warm)

    print(f"job {args.job!r}")
    resumes = stages(
        pdfs, job, f"{len(pdfs)} generated PDFs", args.rounds, [p.stem for p in sources]
    )
    if real_pdfs:
        real_names = [f"{p.parent.name}/{p.name}" for p in real_paths]
        stages(real_pdfs, job, f"{len(real_pdfs)} real corpus PDFs", args.rounds, real_names)

    ms = 1000.0
    mentions_all = [rm.extract_skills(r) for r in resumes]
    pairs = list(zip(resumes, mentions_all, strict=True))
    one = timed(lambda: [rm.match(r, job, mentions=m, lexicon=lexicon) for r, m in pairs], 5)
    matcher = JobMatcher(job, lexicon=lexicon)
    reused = timed(lambda: [matcher.match(r, m) for r, m in pairs], 5)
    n = len(pairs)
    print(
        f"match() on parsed input: {one / n * ms:.3f} ms per call; "
        f"reused JobMatcher {reused / n * ms:.3f} ms"
    )

    batch = [resumes[i % n] for i in range(args.batch)]
    batch_t = timed(lambda: rm.rank(batch, job))
    print(
        f"rank() of {len(batch)} parsed resumes, 1 worker: {batch_t:.2f} s "
        f"({batch_t / len(batch) * ms:.2f} ms per resume, extraction included)"
    )

    source, kind = (real_pdfs, "real") if real_pdfs else (pdfs, "generated")
    many = [source[i % len(source)] for i in range(args.pdfs)]
    cpu0 = cpu_seconds()
    serial = timed(lambda: rm.rank(many, job, workers=1))
    cpu1 = cpu_seconds()
    parallel = timed(lambda: rm.rank(many, job, workers=2))
    cpu2 = cpu_seconds()
    same = [e.model_dump_json() for e in rm.rank(many[:10], job, workers=1)] == [
        e.model_dump_json() for e in rm.rank(many[:10], job, workers=2)
    ]
    speedup = serial / parallel
    verdict = "PASS" if speedup >= 1.8 else "FAIL"
    print(
        f"rank() of {len(many)} {kind} PDFs: 1 worker {serial:.2f} s, 2 workers "
        f"{parallel:.2f} s, speed-up {speedup:.2f}x (goal >= 1.8x): {verdict}; "
        f"identical output: {same}"
    )
    # What two processes give on this machine right now, for pure CPU work: other
    # jobs on a shared machine take the second core, and this says how much.
    ceiling = _two_process_ceiling()
    print(f"  pure-CPU speed-up of 2 processes on this machine now: {ceiling:.2f}x")
    # Other work on the machine steals the second core; CPU time shows the work itself.
    print(
        f"  CPU seconds (this process + workers): 1 worker {cpu1 - cpu0:.2f}, "
        f"2 workers {cpu2 - cpu1:.2f}; load average {os.getloadavg()[0]:.2f} "
        f"on {os.cpu_count()} CPUs"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
