"""Evaluate the PDF parser on ../shared/corpus/resumes and ../shared/corpus/badpdf.

Prints, per resume and overall: bullet recall, section-kind recall and
two-column integrity, using the comparison rule of the corpus README:
both sides normalised (NFKC, casefold, unicode dashes to "-", curly quotes to
straight, whitespace collapsed, leading bullet glyphs and trailing punctuation
stripped); an expected bullet is found when a parsed bullet matches it with
rapidfuzz ``fuzz.ratio`` >= 90, one-to-one. Section recall counts expected kinds
(``kind`` or any of ``alt_kinds``) found among the parsed section kinds.

Two-column integrity (our rule, printed per two-column file):
- every expected bullet of the file is found (a bullet mixing words from two
  columns cannot match), and found in a section of the right kind;
- on each page, the headings of each column come in one run: reading order
  switches column at most once per page (``column switches``).

Then every malformed PDF in badpdf/ must give a typed error or a Resume with
warnings, in under 10 s.

Usage: python benchmarks/eval_parser.py [--corpus DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

from rapidfuzz import fuzz

import resume_match as rm

_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")
_QUOTES = {ord("‘"): "'", ord("’"): "'", ord("“"): '"', ord("”"): '"'}
_GLYPHS = "•◦▪▫‣⁃●○■□►▸▹▶▷➢➤➣➔→✓✔❖◆◇♦∙·⋅*-–—~+»›"


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(_DASHES).translate(_QUOTES)
    text = re.sub(r"\s+", " ", text).strip()
    text = text.lstrip(_GLYPHS + " ")
    return text.rstrip(".,;:!? ")


def match_bullets(expected: list[str], parsed: list[str]) -> list[int | None]:
    """One-to-one greedy matching by best score; index of the parsed bullet or None."""
    exp = [normalise(t) for t in expected]
    got = [normalise(t) for t in parsed]
    pairs = sorted(
        ((fuzz.ratio(e, g), i, j) for i, e in enumerate(exp) for j, g in enumerate(got)),
        reverse=True,
    )
    taken_e: dict[int, int] = {}
    taken_g: set[int] = set()
    for score, i, j in pairs:
        if score < 90:
            break
        if i in taken_e or j in taken_g:
            continue
        taken_e[i] = j
        taken_g.add(j)
    return [taken_e.get(i) for i in range(len(exp))]


def evaluate_resume(folder: Path, verbose: bool) -> dict[str, object] | None:
    spec = json.loads((folder / "expected.json").read_text())
    pdf = folder / spec["pdf"]
    started = time.perf_counter()
    resume = rm.parse_resume(pdf)
    seconds = time.perf_counter() - started
    if spec.get("status") == "excluded":
        print(
            f"{folder.name:40s} smoke test only: {len(resume.sections)} sections, "
            f"{len(resume.bullets)} bullets, {resume.years_experience} years, "
            f"warnings={[w.code for w in resume.warnings]} ({seconds:.2f} s)"
        )
        return None
    expected_bullets = spec["bullets"]
    matches = match_bullets([b["text"] for b in expected_bullets], [b.text for b in resume.bullets])
    found = sum(m is not None for m in matches)
    right_section = sum(
        1
        for b, m in zip(expected_bullets, matches, strict=True)
        if m is not None and resume.bullets[m].section == b["kind"]
    )
    kinds = {s.kind for s in resume.sections}
    sec_found = sum(1 for s in spec["sections"] if ({s["kind"], *s["alt_kinds"]} & kinds))
    # Column switches: order of matched headings by column, per page.
    switches = 0
    if spec.get("two_column"):
        columns = {normalise(s["heading"]): s["column"] for s in spec["sections"]}
        by_page: dict[int, list[str]] = {}
        for sec in resume.sections:
            col = columns.get(normalise(sec.heading))
            if col:
                by_page.setdefault(sec.page, []).append(col)
        for cols in by_page.values():
            runs = [c for i, c in enumerate(cols) if i == 0 or cols[i - 1] != c]
            switches += max(0, len(runs) - 2)
    result = {
        "name": folder.name,
        "bullets": len(expected_bullets),
        "found": found,
        "right_section": right_section,
        "sections": len(spec["sections"]),
        "sections_found": sec_found,
        "two_column": bool(spec.get("two_column")),
        "extra_switches": switches,
        "seconds": seconds,
    }
    print(
        f"{folder.name:40s} bullets {found}/{len(expected_bullets)} "
        f"(right section {right_section}) sections {sec_found}/{len(spec['sections'])}"
        + (f" two-column extra switches {switches}" if spec.get("two_column") else "")
        + f" ({seconds:.2f} s)"
    )
    if verbose:
        for b, m in zip(expected_bullets, matches, strict=True):
            if m is None:
                print(f"    missed bullet [{b['kind']}]: {b['text'][:90]!r}")
        missing = [s for s in spec["sections"] if not ({s["kind"], *s["alt_kinds"]} & kinds)]
        for s in missing:
            print(f"    missed section kind {s['kind']} ({s['heading']!r})")
    return result


def evaluate_bad(folder: Path) -> int:
    failures = 0
    for pdf in sorted(folder.glob("*.pdf")):
        started = time.perf_counter()
        try:
            resume = rm.parse_resume(pdf)
            outcome = f"Resume with warnings {[w.code for w in resume.warnings]}"
            ok = bool(resume.warnings)
        except rm.ResumeMatchError as exc:
            outcome = f"{type(exc).__name__}: {exc}"
            ok = True
        except Exception as exc:  # the point of the check: nothing untyped escapes
            outcome = f"UNTYPED {type(exc).__name__}: {exc}"
            ok = False
        seconds = time.perf_counter() - started
        ok = ok and seconds < 10
        failures += not ok
        print(f"  {'ok ' if ok else 'BAD'} {pdf.name:55s} {seconds:5.2f} s  {outcome[:140]}")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    parser.add_argument("--corpus", type=Path, default=default)
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}; pass --corpus", file=sys.stderr)
        return 2
    results = [
        r
        for folder in sorted((args.corpus / "resumes").iterdir())
        if (folder / "expected.json").exists()
        and (r := evaluate_resume(folder, args.verbose)) is not None
    ]
    bullets = sum(int(r["bullets"]) for r in results)  # type: ignore[call-overload]
    found = sum(int(r["found"]) for r in results)  # type: ignore[call-overload]
    right = sum(int(r["right_section"]) for r in results)  # type: ignore[call-overload]
    sections = sum(int(r["sections"]) for r in results)  # type: ignore[call-overload]
    sec_found = sum(int(r["sections_found"]) for r in results)  # type: ignore[call-overload]
    two_col = [r for r in results if r["two_column"]]
    intact = sum(1 for r in two_col if r["found"] == r["bullets"] and r["extra_switches"] == 0)
    print()
    print(f"bullet recall          {found / bullets:.3f} ({found}/{bullets})")
    print(f"bullet section correct {right / bullets:.3f} ({right}/{bullets})")
    print(f"section-kind recall    {sec_found / sections:.3f} ({sec_found}/{sections})")
    print(f"two-column integrity   {intact}/{len(two_col)} files intact")
    print()
    print("malformed PDFs:")
    failures = evaluate_bad(args.corpus / "badpdf")
    print(
        f"malformed PDFs handled {9 - failures if failures <= 9 else 0}/9"
        if failures
        else "malformed PDFs handled: all"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
