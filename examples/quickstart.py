"""Parse a sample resume, tag its skills, score it against a bundled job, review its bullets.

Run: python examples/quickstart.py [RESUME.pdf] [JOB]
"""

from __future__ import annotations

import sys
from pathlib import Path

import resume_match as rm

HERE = Path(__file__).resolve().parent


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "strong_ml_engineer.pdf"
    job_name = sys.argv[2] if len(sys.argv) > 2 else "ml-engineer-mid"

    resume = rm.parse_resume(path)
    print(
        f"{path.name}: {resume.pages} page(s), {len(resume.bullets)} bullets, "
        f"{resume.years_experience} years of experience"
    )
    print("sections:", ", ".join(f"{s.kind} ({s.heading or '-'})" for s in resume.sections))
    for warning in resume.warnings:
        print(f"warning [{warning.code}]: {warning.message}")

    mentions = rm.extract_skills(resume)
    names = sorted({m.name for m in mentions})
    print(f"\n{len(names)} skills found: {', '.join(names)}")

    job = rm.load_job(job_name)
    report = rm.match(resume, job, mentions=mentions)
    print(f"\nscore against {job.title} ({job.id}): {report.score:.1f}/100")
    for part in report.breakdown:
        print(f"  {part.name:10s} {part.points:5.1f} of {part.weight_applied:.0f}")
    for line in report.explanation[:6]:
        print(" ", line)

    review = rm.review_bullets(resume, mentions=mentions)
    print(f"\nbullets with a measurable result: {review.with_metric}/{review.reviewed}")
    for finding in review.findings[:5]:
        print(f"  [{finding.rule}] {finding.text[:70]!r}\n      -> {finding.suggestion}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
