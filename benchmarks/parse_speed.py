"""Parser speed against pdfminer.six's own ``extract_pages``, same files, same run.

For every resume PDF (the shared corpus by default, plus generated ones), both
are timed as CPU time, several rounds, alternating, and the medians compared.
Goal (issue 2): our median parse time per resume at most 1.3x extract_pages'.
Peak memory of one parse is measured with tracemalloc.

Usage: python benchmarks/parse_speed.py [--rounds 5] [PDF ...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from pdfminer.high_level import extract_pages

import resume_match as rm


def _cpu(fn: object, *args: object) -> float:
    start = time.process_time()
    fn(*args)  # type: ignore[operator]
    return time.process_time() - start


def _pdfminer(path: Path) -> None:
    for _page in extract_pages(path):
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    pdfs: list[Path] = list(args.pdfs)
    if not pdfs:
        corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "resumes"
        pdfs = sorted(corpus.glob("*/*.pdf"))
        examples = Path(__file__).resolve().parents[1] / "examples"
        pdfs += sorted(examples.glob("*.pdf"))
    if not pdfs:
        print("no PDFs found; pass some paths", file=sys.stderr)
        return 2
    # Warm up imports and caches once for both.
    rm.parse_resume(pdfs[0])
    _pdfminer(pdfs[0])

    ours: dict[Path, list[float]] = {p: [] for p in pdfs}
    base: dict[Path, list[float]] = {p: [] for p in pdfs}
    for _ in range(args.rounds):
        for path in pdfs:
            base[path].append(_cpu(_pdfminer, path))
            ours[path].append(_cpu(rm.parse_resume, path))

    print(f"{'file':48s} {'extract_pages':>14s} {'parse_resume':>13s} {'ratio':>6s}")
    ratios = []
    for path in pdfs:
        b = statistics.median(base[path])
        o = statistics.median(ours[path])
        ratios.append(o / b)
        print(f"{path.name[:48]:48s} {b * 1000:11.1f} ms {o * 1000:10.1f} ms {o / b:6.2f}")
    med_base = statistics.median(statistics.median(v) for v in base.values())
    med_ours = statistics.median(statistics.median(v) for v in ours.values())
    print()
    print(
        f"median per resume: extract_pages {med_base * 1000:.1f} ms, "
        f"parse_resume {med_ours * 1000:.1f} ms, ratio {med_ours / med_base:.2f} (goal <= 1.30)"
    )
    print(f"per-file ratio: median {statistics.median(ratios):.2f}, worst {max(ratios):.2f}")

    tracemalloc.start()
    worst = max(pdfs, key=lambda p: statistics.median(ours[p]))
    rm.parse_resume(worst)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory of one parse ({worst.name}): {peak / 1e6:.1f} MB (tracemalloc)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
