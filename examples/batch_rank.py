"""Rank every sample resume against a job posting, then write HTML reports for them.

The posting (job_posting.txt) is plain text: parse_job() turns its requirement
lists into a JobProfile and leaves the company blurb, benefits and
equal-opportunity text out. rank() scores the PDFs in two processes, best
first; a file it cannot read gets a row with its error instead of stopping the
batch.

Run: python examples/batch_rank.py [OUTPUT_DIR]
With OUTPUT_DIR, OUTPUT_DIR/index.html is a sortable table of the candidates
linking to one report per resume (the same pages `resume-match rank --format
html` writes).
"""

from __future__ import annotations

import sys
from pathlib import Path

import resume_match as rm
from resume_match.report import render_match_html, render_rank_html

HERE = Path(__file__).resolve().parent


def write_reports(entries: tuple[rm.RankEntry, ...], job: rm.JobProfile, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    links: dict[int, str] = {}
    notes: dict[int, tuple[rm.ParseWarning, ...]] = {}
    for entry in entries:
        if entry.report is None:
            continue
        # rank() keeps only the reports; the text view needs the resume and its mentions.
        resume = rm.parse_resume(entry.source)
        mentions = rm.extract_skills(resume)
        findings = rm.check_bullets(resume, mentions=mentions)
        name = f"{entry.rank:03d}-{Path(entry.source).stem}.html"
        page = render_match_html(entry.report, resume=resume, mentions=mentions, findings=findings)
        (folder / name).write_text(page, encoding="utf-8")
        links[entry.rank] = name
        notes[entry.rank] = resume.warnings  # hidden text, scanned pages: shown in the table
    index = render_rank_html(entries, job_title=job.title, links=links, warnings=notes)
    (folder / "index.html").write_text(index, encoding="utf-8")
    print(f"\nwrote {folder / 'index.html'} and {len(links)} reports")


def main() -> int:
    job = rm.parse_job((HERE / "job_posting.txt").read_text(encoding="utf-8"))
    required = [r.label for r in job.requirements if r.importance == "required"]
    print(f"{job.title} ({job.level or 'level not stated'}, {job.min_years or 0:g}+ years)")
    print(f"required: {', '.join(required)}\n")

    resumes = sorted(HERE.glob("*.pdf"))
    entries = rm.rank(resumes, job, workers=2)
    for entry in entries:
        name = Path(entry.source).name
        if entry.report is None:
            print(f"{entry.rank:2d}.    -  {name}: {entry.error}")
            continue
        missing = ", ".join(entry.report.missing[:3]) or "nothing"
        print(f"{entry.rank:2d}. {entry.score:5.1f}  {name}  (missing: {missing})")

    if len(sys.argv) > 1:
        write_reports(entries, job, Path(sys.argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
