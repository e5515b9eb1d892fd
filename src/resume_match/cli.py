"""``resume-match``: a thin command-line shell over the public API.

Each subcommand parses its arguments, calls one or two public functions and
prints the result as a table (default), JSON, Markdown or, for ``match`` and
``rank``, a self-contained HTML report.

Exit codes: 0 on success; 1 when a check is not met (``--fail-under``, or
``lexicon check`` found problems); 2 on a user error (missing file, bad PDF,
unknown job, malformed lexicon, bad option), with one line on stderr and never
a traceback.

>>> main(["schema", "bullets"])  # doctest: +ELLIPSIS
{
  "$defs": {
...
0
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import json
import os
import re
import sys
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal, NoReturn

from pydantic import BaseModel, ConfigDict, TypeAdapter

import resume_match as rm
from resume_match.errors import did_you_mean

__all__ = ["CheckResult", "JobSummary", "main"]

PROG = "resume-match"

Format = Literal["table", "json", "markdown", "html"]


class UserError(Exception):
    """A mistake on the command line; the message is printed as one line and exit is 2."""


class _Usage(UserError):
    """argparse found a bad argument; ``command`` names the subcommand for the help hint."""

    def __init__(self, message: str, command: str) -> None:
        super().__init__(message)
        self.command = command


# --------------------------------------------------------------------------- #
# JSON shapes of the two outputs that are not library models
# --------------------------------------------------------------------------- #


class JobSummary(BaseModel):
    """One bundled job template as ``resume-match jobs --format json`` lists it.

    >>> JobSummary(name="x", title="X", level="mid", required=3, preferred=1).required
    3
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    title: str
    level: str
    required: int
    preferred: int
    min_years: float | None = None
    max_years: float | None = None


class CheckProblem(BaseModel):
    """One problem found by ``lexicon check``: where it is, what is wrong, how to fix it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str
    entry: str = ""
    field: str = ""
    message: str
    hint: str = ""


class CheckResult(BaseModel):
    """What ``resume-match lexicon check FILE --format json`` prints.

    >>> CheckResult(file="mine.toml", kind="lexicon", ok=True).ok
    True
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str
    kind: Literal["lexicon", "job"]
    ok: bool
    summary: str = ""
    problems: tuple[CheckProblem, ...] = ()


_SCHEMAS: dict[str, Any] = {
    "match": rm.MatchReport,
    "rank": tuple[rm.RankEntry, ...],
    "skills": tuple[rm.SkillMention, ...],
    "bullets": rm.BulletReview,
    "jobs": tuple[JobSummary, ...],
    "check": CheckResult,
}


# --------------------------------------------------------------------------- #
# Argument parsing
# --------------------------------------------------------------------------- #


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors become one-line :class:`UserError` s, not usage dumps."""

    def error(self, message: str) -> NoReturn:
        raise _Usage(message, self.prog)


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def _score(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a score from 0 to 100, got {text!r}") from None
    if not 0.0 <= value <= 100.0:
        raise argparse.ArgumentTypeError(f"expected a score from 0 to 100, got {text!r}")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more, got {text!r}")
    return value


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _add_parse_options(p: argparse.ArgumentParser) -> None:
    group = p.add_argument_group("reading resumes")
    group.add_argument("--password", help="password of encrypted PDFs")
    group.add_argument(
        "--keep-hidden",
        action="store_true",
        help="keep hidden text (white, tiny, off-page) in the resume text; it is reported "
        "and left out by default",
    )
    group.add_argument(
        "--as-of",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the date 'Present' means and years are counted to (default: today); "
        "fix it for reproducible output",
    )


def _add_lexicon_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lexicon",
        action="append",
        default=[],
        metavar="FILE",
        help="a lexicon TOML file merged into the bundled one (repeatable, applied in order)",
    )


def _add_output(p: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    p.add_argument("--format", choices=formats, default="table", help="output format")
    p.add_argument(
        "-o", "--output", metavar="PATH", help="write to PATH instead of standard output"
    )


def build_parser() -> argparse.ArgumentParser:
    """The ``resume-match`` argument parser, with every subcommand.

    >>> build_parser().parse_args(["jobs"]).command
    'jobs'
    """
    parser = _Parser(
        prog=PROG,
        description="Score resumes against machine-learning jobs, offline and deterministically.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_examples(
            "resume-match match cv.pdf --job ml-engineer-mid",
            "resume-match rank resumes/*.pdf --job posting.txt --top 10 --csv ranked.csv",
            "resume-match jobs",
            "exit codes: 0 success, 1 --fail-under not met or a check failed, 2 user error",
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {rm.__version__}")
    subs = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    fmt = argparse.RawDescriptionHelpFormatter

    p = subs.add_parser(
        "match",
        help="score one resume against a job",
        description="Score one resume against a job: the score, its breakdown, every "
        "requirement with its evidence, and what is missing.",
        formatter_class=fmt,
        epilog=_examples(
            "resume-match match cv.pdf --job ml-engineer-mid",
            "resume-match match cv.txt --job posting.txt --format json",
            "resume-match match cv.pdf --job my_job.toml --lexicon my_skills.toml",
            "resume-match match cv.pdf --job nlp-engineer --format html -o report.html",
            "resume-match match cv.pdf --job ml-engineer-mid --fail-under 60 || echo 'below 60'",
        ),
    )
    p.add_argument("resume", metavar="RESUME", help="a PDF, or a .txt/.md file of resume text")
    _add_job_option(p)
    _add_lexicon_option(p)
    _add_parse_options(p)
    _add_output(p, ("table", "json", "markdown", "html"))
    p.add_argument(
        "--fail-under", type=_score, metavar="SCORE", help="exit 1 when the score is below SCORE"
    )
    p.set_defaults(run=_cmd_match)

    p = subs.add_parser(
        "rank",
        help="score many resumes against one job, best first",
        description="Score many resumes against one job, best first. A file that cannot be "
        "read gets a row with its error; the batch goes on.",
        formatter_class=fmt,
        epilog=_examples(
            "resume-match rank resumes/*.pdf --job ml-engineer-mid",
            "resume-match rank resumes/*.pdf --job posting.txt --top 10 --workers 2",
            "resume-match rank resumes/*.pdf --job data-scientist --csv ranked.csv",
            "resume-match rank resumes/*.pdf --job ai-engineer --format html -o report/",
            "  (writes report/index.html, a sortable table linking one report per resume)",
        ),
    )
    p.add_argument("resumes", nargs="+", metavar="RESUME", help="PDFs or text files")
    _add_job_option(p)
    p.add_argument("--top", type=_positive, metavar="N", help="show only the N best")
    p.add_argument(
        "--workers",
        type=_positive,
        default=1,
        metavar="N",
        help="score in N processes (PDF inputs with default options)",
    )
    p.add_argument("--csv", metavar="FILE", help="also write the ranking as CSV to FILE")
    p.add_argument(
        "--no-progress", action="store_true", help="no progress bar (it is shown on a terminal)"
    )
    _add_lexicon_option(p)
    _add_parse_options(p)
    _add_output(p, ("table", "json", "markdown", "html"))
    p.add_argument(
        "--fail-under",
        type=_score,
        metavar="SCORE",
        help="exit 1 when no resume reaches SCORE",
    )
    p.set_defaults(run=_cmd_rank)

    p = subs.add_parser(
        "skills",
        help="list the skills found in a resume",
        description="List every skill mention found in a resume, with its section, page, "
        "surface form, how it matched and its score.",
        formatter_class=fmt,
        epilog=_examples(
            "resume-match skills cv.pdf",
            "resume-match skills cv.txt --lexicon my_skills.toml --format json",
        ),
    )
    p.add_argument("file", metavar="FILE", help="a PDF, or a .txt/.md file of resume text")
    _add_lexicon_option(p)
    _add_parse_options(p)
    _add_output(p, ("table", "json", "markdown"))
    p.set_defaults(run=_cmd_skills)

    p = subs.add_parser(
        "bullets",
        help="flag weak resume bullets, with suggestions",
        description="Review the experience and project bullets of a resume: each finding "
        "names its rule, what triggered it and a suggested fix.",
        formatter_class=fmt,
        epilog=_examples(
            "resume-match bullets cv.pdf",
            "resume-match bullets cv.pdf --disable too-long --disable passive-voice",
            "resume-match bullets cv.txt --format markdown -o review.md",
            f"rule ids: {', '.join(sorted(rm.BULLET_RULES))}",
        ),
    )
    p.add_argument("resume", metavar="RESUME", help="a PDF, or a .txt/.md file of resume text")
    p.add_argument(
        "--disable", action="append", default=[], metavar="RULE", help="skip a rule (repeatable)"
    )
    _add_lexicon_option(p)
    _add_parse_options(p)
    _add_output(p, ("table", "json", "markdown"))
    p.set_defaults(run=_cmd_bullets)

    p = subs.add_parser(
        "jobs",
        help="list the bundled job templates",
        description="List the bundled job templates: the names --job accepts.",
        formatter_class=fmt,
        epilog=_examples("resume-match jobs", "resume-match jobs --format json"),
    )
    _add_output(p, ("table", "json", "markdown"))
    p.set_defaults(run=_cmd_jobs)

    p = subs.add_parser(
        "lexicon",
        help="work with lexicon and job files",
        description="Work with your own lexicon and job template files.",
        formatter_class=fmt,
        epilog=_examples("resume-match lexicon check my_skills.toml"),
    )
    lex_subs = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    c = lex_subs.add_parser(
        "check",
        help="validate a lexicon or job template file",
        description="Validate your own lexicon file (merged into the bundled one) or job "
        "template, and list every problem with its entry, field and a hint. For a lexicon, "
        "each entry's positive and negative example sentences are run too. "
        "Exit 1 when there are problems.",
        formatter_class=fmt,
        epilog=_examples(
            "resume-match lexicon check my_skills.toml",
            "resume-match lexicon check my_job.toml --lexicon my_skills.toml",
            "resume-match lexicon check my_job.toml --kind job --format json",
        ),
    )
    c.add_argument("file", metavar="FILE", help="a lexicon or job template TOML file")
    c.add_argument(
        "--kind",
        choices=("auto", "lexicon", "job"),
        default="auto",
        help="what FILE is (default: guessed from its tables)",
    )
    _add_lexicon_option(c)
    c.add_argument("--format", choices=("table", "json"), default="table", help="output format")
    c.set_defaults(run=_cmd_lexicon_check)
    p.set_defaults(run=None, parser=p)

    p = subs.add_parser(
        "schema",
        help="print the JSON Schema of a command's JSON output",
        description="Print the JSON Schema of what a command prints with --format json.",
        formatter_class=fmt,
        epilog=_examples("resume-match schema match", "resume-match schema > schemas.json"),
    )
    p.add_argument(
        "model",
        nargs="?",
        choices=sorted(_SCHEMAS),
        metavar="NAME",
        help=f"one of: {', '.join(sorted(_SCHEMAS))} (default: all, keyed by name)",
    )
    p.set_defaults(run=_cmd_schema)
    parser.set_defaults(run=None, parser=parser)
    return parser


def _add_job_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--job",
        required=True,
        metavar="NAME|FILE",
        help="a bundled template name (see 'resume-match jobs'), a template .toml file, "
        "or a job posting as a .txt/.md file",
    )


# --------------------------------------------------------------------------- #
# Inputs
# --------------------------------------------------------------------------- #


@dataclass
class _Context:
    """What every command needs: the options that shape reading and extraction."""

    args: argparse.Namespace
    out: IO[str]
    err: IO[str]
    lexicon: rm.Lexicon | None = None
    _job: rm.JobProfile | None = field(default=None, repr=False)

    @property
    def parse_config(self) -> rm.ParseConfig:
        return rm.ParseConfig(
            keep_hidden=bool(getattr(self.args, "keep_hidden", False)),
            reference_date=getattr(self.args, "as_of", None),
        )


def _read_text(path: Path) -> str:
    _require_file(path)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise UserError(
            f"{path}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at position "
            f"{exc.start}); save the file as UTF-8"
        ) from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read the file ({exc.strerror})") from None


def _require_file(path: Path) -> None:
    if path.is_dir():
        raise UserError(f"{path}: is a directory; pass a file")
    if not path.is_file():
        raise UserError(f"{path}: no such file; check the path")


def _is_pdf(path: Path) -> bool:
    return path.suffix.lower() == ".pdf"


def _load_resume(ctx: _Context, name: str) -> rm.Resume:
    """A .pdf goes through parse_resume; anything else is resume text."""
    path = Path(name)
    if _is_pdf(path):
        _require_file(path)
        return rm.parse_resume(path, password=ctx.args.password, config=ctx.parse_config)
    return rm.parse_resume_text(_read_text(path), config=ctx.parse_config, source=str(path))


def _load_lexicon(ctx: _Context) -> rm.Lexicon | None:
    paths = [Path(p) for p in getattr(ctx.args, "lexicon", [])]
    if not paths:
        return None
    for path in paths:
        _require_file(path)
    return rm.load_lexicon(*paths)


def _extract(ctx: _Context, doc: rm.Resume | str) -> tuple[rm.SkillMention, ...]:
    return rm.extract_skills(doc, lexicon=ctx.lexicon)


def _load_job(ctx: _Context, spec: str) -> rm.JobProfile:
    """A template name, a .toml template, or a posting in a text file."""
    path = Path(spec)
    if path.suffix.lower() in (".txt", ".md", ".text") or (
        path.suffix.lower() != ".toml" and path.is_file()
    ):
        text = _read_text(path)
        lexicon = ctx.lexicon

        def skills(posting: str) -> Sequence[rm.SkillMention]:
            return rm.extract_skills(posting, lexicon=lexicon)

        job = rm.parse_job(text, skills=skills)
        return job.model_copy(update={"source": str(path)})
    if path.suffix.lower() == ".toml":
        _require_file(path)
    try:
        return rm.load_job(spec, lexicon=ctx.lexicon)
    except rm.UnknownJobError as exc:
        if path.suffix.lower() == ".toml" or "/" in spec:
            raise
        close = did_you_mean(spec, exc.known)
        hint = f"{close} " if close else ""
        raise UserError(
            f"unknown job template {spec!r}; {hint}run '{PROG} jobs' to list them, "
            "or pass a .toml template or a .txt job posting"
        ) from None


# --------------------------------------------------------------------------- #
# Output helpers
# --------------------------------------------------------------------------- #


def _json_of(items: BaseModel | Sequence[BaseModel]) -> str:
    if isinstance(items, BaseModel):
        return json.dumps(items.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    data = [item.model_dump(mode="json") for item in items]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _clip(text: str, width: int, *, keep_end: bool = False) -> str:
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    # File paths keep their end: the file name matters more than the folders.
    return "…" + text[-(width - 1) :] if keep_end else text[: width - 1] + "…"


_NUMERIC = re.compile(r"^-?[\d.]+(?: / [\d.]+)?$")


def _table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    width: int = 60,
    keep_end: Sequence[int] = (),
) -> str:
    """Aligned plain-text columns; numbers right-aligned, long cells clipped.

    >>> print(_table(("name", "n"), [("a", "1"), ("bb", "10")]), end="")
    name   n
    ----  --
    a      1
    bb    10
    """
    body = [
        [_clip(cell, width, keep_end=i in keep_end) for i, cell in enumerate(row)] for row in rows
    ]
    sizes = [len(h) for h in headers]
    for row in body:
        for i, cell in enumerate(row):
            sizes[i] = max(sizes[i], len(cell))
    numeric = [
        bool(body) and all(_NUMERIC.match(row[i]) or row[i] in ("", "-") for row in body)
        for i in range(len(headers))
    ]

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.rjust(sizes[i]) if numeric[i] else cell.ljust(sizes[i])
            for i, cell in enumerate(cells)
        ]
        return "  ".join(parts).rstrip()

    out = [line(headers), line(["-" * s for s in sizes])]
    out.extend(line(row) for row in body)
    return "\n".join(out) + "\n"


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _markdown_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out.extend("| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows)
    return "\n".join(out) + "\n"


def _emit(ctx: _Context, text: str) -> None:
    target = getattr(ctx.args, "output", None)
    if not target:
        ctx.out.write(text)
        return
    _write_file(Path(target), text)


def _write_file(path: Path, text: str) -> None:
    try:
        # newline="" keeps "\n" on every platform: the bytes are the same everywhere.
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise UserError(f"{path}: cannot write the file ({exc.strerror})") from None


def _f(value: float) -> str:
    return f"{value:.1f}"


# --------------------------------------------------------------------------- #
# match
# --------------------------------------------------------------------------- #


def _match_table(report: rm.MatchReport, *, markdown: bool) -> str:
    out = []
    title = report.job_title or report.job_id
    if markdown:
        out.append(f"# {title}: {report.score:.1f}/100\n")
        out.append(f"Resume: `{report.resume_source}` · job id `{report.job_id}`\n")
    else:
        out.append(f"{title} ({report.job_id})  <-  {report.resume_source}")
        out.append(f"Score: {report.score:.1f}/100\n")
    for w in report.warnings:
        out.append(f"{'> ' if markdown else ''}warning [{w.code}]: {w.message}")
    if report.warnings:
        out.append("")
    table = _markdown_table if markdown else _table
    if report.breakdown:
        rows = [(c.name, _f(c.points), _f(c.weight_applied), c.detail) for c in report.breakdown]
        out.append(
            ("## Breakdown\n\n" if markdown else "")
            + table(("component", "points", "of", "detail"), rows)
        )
    if report.requirements:
        req_rows = []
        for r in report.requirements:
            evidence = r.snippets[0] if r.snippets else r.reason
            if r.snippets and r.reason:
                evidence = f"{r.reason}: {r.snippets[0]}"
            req_rows.append(
                (
                    r.status,
                    r.requirement.label,
                    r.requirement.importance,
                    f"{r.credit:.2f}",
                    evidence,
                )
            )
        out.append(
            ("## Requirements\n\n" if markdown else "")
            + table(("status", "requirement", "importance", "credit", "evidence"), req_rows)
        )
    if report.missing:
        out.append(f"{'**Missing:**' if markdown else 'Missing:'} {', '.join(report.missing)}")
    if report.near_misses:
        label = "**Near misses:**" if markdown else "Near misses:"
        out.append(f"{label} {'; '.join(report.near_misses)}")
    return "\n".join(out).rstrip("\n") + "\n"


def _full_match(
    ctx: _Context, resume: rm.Resume, job: rm.JobProfile
) -> tuple[rm.MatchReport, tuple[rm.SkillMention, ...]]:
    mentions = _extract(ctx, resume)
    report = rm.match(resume, job, mentions=mentions, lexicon=ctx.lexicon)
    return report, mentions


def _html_for(
    ctx: _Context, resume: rm.Resume, report: rm.MatchReport, mentions: Sequence[rm.SkillMention]
) -> str:
    from resume_match.report import render_match_html

    findings = rm.check_bullets(resume, mentions=mentions)
    return render_match_html(report, resume=resume, mentions=mentions, findings=findings)


def _cmd_match(ctx: _Context) -> int:
    args = ctx.args
    ctx.lexicon = _load_lexicon(ctx)
    job = _load_job(ctx, args.job)
    resume = _load_resume(ctx, args.resume)
    report, mentions = _full_match(ctx, resume, job)
    if args.format == "json":
        _emit(ctx, _json_of(report))
    elif args.format == "html":
        _emit(ctx, _html_for(ctx, resume, report, mentions))
    else:
        _emit(ctx, _match_table(report, markdown=args.format == "markdown"))
    if args.fail_under is not None and report.score < args.fail_under:
        ctx.err.write(
            f"{PROG}: score {report.score:.1f} is below --fail-under {args.fail_under:g}\n"
        )
        return 1
    return 0


# --------------------------------------------------------------------------- #
# rank
# --------------------------------------------------------------------------- #


class _Progress:
    """A one-line progress bar on a terminal; silent when the stream is not one."""

    def __init__(self, stream: IO[str], *, enabled: bool = True, width: int = 30) -> None:
        isatty = getattr(stream, "isatty", None)
        self.stream = stream
        self.enabled = enabled and callable(isatty) and bool(isatty())
        self.width = width
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < 2:
            return
        filled = self.width * done // total
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} resumes")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            # Erase the bar so the table printed next starts on a clean line.
            self.stream.write("\r" + " " * (self.width + 30) + "\r")
            self.stream.flush()


def _rank_local(
    ctx: _Context,
    names: Sequence[str],
    job: rm.JobProfile,
    progress: Callable[[int, int], object],
    keep: dict[str, tuple[rm.Resume, tuple[rm.SkillMention, ...]]],
) -> tuple[rm.RankEntry, ...]:
    """One process, through the public match(): for resumes given as text files, which
    rank() does not read. Orders entries as rank() does."""
    scored: list[tuple[float, str, int, rm.MatchReport]] = []
    failed: list[tuple[int, str, str]] = []
    for index, name in enumerate(names):
        try:
            resume = _load_resume(ctx, name)
            report, mentions = _full_match(ctx, resume, job)
        except (rm.ResumeMatchError, UserError, OSError) as exc:
            failed.append((index, name, f"{type(exc).__name__}: {exc}"))
        else:
            scored.append((-report.score, name, index, report))
            keep[name] = (resume, mentions)
        progress(index + 1, len(names))
    scored.sort(key=lambda s: (s[0], s[1], s[2]))
    entries = [
        rm.RankEntry(rank=i, source=name, score=report.score, report=report)
        for i, (_, name, _, report) in enumerate(scored, start=1)
    ]
    entries.extend(
        rm.RankEntry(rank=len(scored) + i, source=name, error=error)
        for i, (_, name, error) in enumerate(failed, start=1)
    )
    return tuple(entries)


def _rank_rows(entries: Sequence[rm.RankEntry]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for e in entries:
        if e.report is None:
            rows.append((str(e.rank), "-", e.source, "-", e.error or ""))
            continue
        required = [r for r in e.report.requirements if r.requirement.importance == "required"]
        met = sum(1 for r in required if r.status == "met")
        missing = ", ".join(e.report.missing[:4]) + (", ..." if len(e.report.missing) > 4 else "")
        rows.append(
            (str(e.rank), _f(e.score or 0.0), e.source, f"{met} / {len(required)}", missing)
        )
    return rows


def _write_csv(path: Path, entries: Sequence[rm.RankEntry]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        ["rank", "source", "score", "required_met", "required_total", "missing", "error"]
    )
    for e in entries:
        if e.report is None:
            writer.writerow([e.rank, e.source, "", "", "", "", e.error or ""])
            continue
        required = [r for r in e.report.requirements if r.requirement.importance == "required"]
        met = sum(1 for r in required if r.status == "met")
        writer.writerow(
            [
                e.rank,
                e.source,
                f"{e.score:.2f}",
                met,
                len(required),
                "; ".join(e.report.missing),
                "",
            ]
        )
    _write_file(path, buffer.getvalue())


def _report_name(entry: rm.RankEntry) -> str:
    stem = Path(entry.source).stem or "resume"
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-") or "resume"
    return f"{entry.rank:03d}-{safe}.html"


def _write_rank_html(
    ctx: _Context,
    entries: Sequence[rm.RankEntry],
    job: rm.JobProfile,
    keep: dict[str, tuple[rm.Resume, tuple[rm.SkillMention, ...]]],
) -> None:
    from resume_match.report import render_rank_html

    target = getattr(ctx.args, "output", None)
    if not target:
        raise UserError(
            "rank --format html writes one report per resume: give a folder with --output DIR"
        )
    folder = Path(target)
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder}: --output must be a folder for rank --format html")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"{folder}: cannot create the folder ({exc.strerror})") from None
    links: dict[int, str] = {}
    notes: dict[int, tuple[rm.ParseWarning, ...]] = {}
    for entry in entries:
        if entry.report is None:
            continue
        kept = keep.get(entry.source)
        if kept is None:
            # rank() scored it in a worker; read it again for the text view.
            resume = _load_resume(ctx, entry.source)
            kept = (resume, _extract(ctx, resume))
        name = _report_name(entry)
        _write_file(folder / name, _html_for(ctx, kept[0], entry.report, kept[1]))
        links[entry.rank] = name
        notes[entry.rank] = kept[0].warnings
    page = render_rank_html(entries, job_title=job.title, links=links, warnings=notes)
    _write_file(folder / "index.html", page)
    ctx.out.write(f"wrote {folder / 'index.html'} and {len(links)} reports\n")


def _cmd_rank(ctx: _Context) -> int:
    args = ctx.args
    ctx.lexicon = _load_lexicon(ctx)
    job = _load_job(ctx, args.job)
    for name in args.resumes:
        _require_file(Path(name))
    progress = _Progress(ctx.err, enabled=not args.no_progress)
    keep: dict[str, tuple[rm.Resume, tuple[rm.SkillMention, ...]]] = {}
    try:
        if all(_is_pdf(Path(n)) for n in args.resumes):
            entries = rm.rank(
                args.resumes,
                job,
                workers=args.workers,
                progress=progress,
                lexicon=ctx.lexicon,
                parse_config=ctx.parse_config,
                password=args.password,
            )
        else:
            entries = _rank_local(ctx, args.resumes, job, progress, keep)
    finally:
        progress.close()
    shown = entries[: args.top] if args.top else entries
    if args.csv:
        _write_csv(Path(args.csv), shown)
    headers = ("rank", "score", "resume", "required met", "missing / error")
    if args.format == "json":
        _emit(ctx, _json_of(shown))
    elif args.format == "markdown":
        _emit(ctx, f"# {job.title}\n\n" + _markdown_table(headers, _rank_rows(shown)))
    elif args.format == "html":
        _write_rank_html(ctx, shown, job, keep)
    else:
        table = _table(headers, _rank_rows(shown), keep_end=(2,))
        _emit(ctx, f"{job.title} ({job.id})\n\n" + table)
    if args.fail_under is not None:
        best = max((e.score for e in entries if e.score is not None), default=None)
        if best is None or best < args.fail_under:
            best_text = "no resume was scored" if best is None else f"the best score is {best:.1f}"
            ctx.err.write(f"{PROG}: {best_text}, below --fail-under {args.fail_under:g}\n")
            return 1
    return 0


# --------------------------------------------------------------------------- #
# skills, bullets, jobs, schema
# --------------------------------------------------------------------------- #


def _cmd_skills(ctx: _Context) -> int:
    ctx.lexicon = _load_lexicon(ctx)
    resume = _load_resume(ctx, ctx.args.file)
    mentions = _extract(ctx, resume)
    if ctx.args.format == "json":
        _emit(ctx, _json_of(mentions))
        return 0
    headers = ("skill", "category", "text", "section", "page", "method", "score")
    rows = [
        (m.name, m.category, m.text, m.section or "", str(m.page or ""), m.method, f"{m.score:g}")
        for m in mentions
    ]
    if ctx.args.format == "markdown":
        _emit(ctx, _markdown_table(headers, rows))
    else:
        distinct = len({m.skill_id for m in mentions})
        _emit(ctx, _table(headers, rows) + f"\n{len(mentions)} mentions of {distinct} skills\n")
    return 0


def _cmd_bullets(ctx: _Context) -> int:
    ctx.lexicon = _load_lexicon(ctx)
    config = rm.BulletConfig(disabled=tuple(ctx.args.disable))
    rm.check_bullets((), mentions=(), config=config)  # unknown rule ids fail before any parsing
    resume = _load_resume(ctx, ctx.args.resume)
    review = rm.review_bullets(resume, mentions=_extract(ctx, resume), config=config)
    if ctx.args.format == "json":
        _emit(ctx, _json_of(review))
        return 0
    summary = (
        f"{review.reviewed} bullets reviewed, {review.with_metric} with a measurable result "
        f"({review.metric_share:.0%}), {len(review.findings)} findings"
    )
    if ctx.args.format == "markdown":
        items = [
            f"- **{f.rule}** ({f.severity}) on bullet {f.bullet}: “{_clip(f.text, 90)}”  \n"
            f"  {f.message}. *{f.suggestion}*"
            for f in review.findings
        ]
        _emit(ctx, f"# Bullet review\n\n{summary}.\n\n" + "\n".join(items) + "\n")
        return 0
    out = []
    for f in review.findings:
        out.append(f"[{f.rule}] ({f.severity}) bullet {f.bullet}: {_clip(f.text, 90)}")
        out.append(f"    {f.message}")
        out.append(f"    -> {f.suggestion}")
    _emit(ctx, "\n".join([*out, "", summary]) + "\n")
    return 0


def _cmd_jobs(ctx: _Context) -> int:
    summaries = []
    for name in rm.list_jobs():
        job = rm.load_job(name)
        kinds = [r.importance for r in job.requirements]
        summaries.append(
            JobSummary(
                name=name,
                title=job.title,
                level=job.level,
                required=kinds.count("required"),
                preferred=kinds.count("preferred"),
                min_years=job.min_years,
                max_years=job.max_years,
            )
        )
    if ctx.args.format == "json":
        _emit(ctx, _json_of(summaries))
        return 0
    headers = ("name", "title", "level", "required", "preferred", "years")
    rows = []
    for s in summaries:
        years = ""
        if s.min_years is not None:
            top = "+" if s.max_years is None else f"-{s.max_years:g}"
            years = f"{s.min_years:g}{top}"
        rows.append((s.name, s.title, s.level, str(s.required), str(s.preferred), years))
    table = _markdown_table if ctx.args.format == "markdown" else _table
    _emit(ctx, table(headers, rows))
    return 0


def _cmd_schema(ctx: _Context) -> int:
    names = [ctx.args.model] if ctx.args.model else sorted(_SCHEMAS)
    schemas = {name: TypeAdapter(_SCHEMAS[name]).json_schema() for name in names}
    value = schemas[names[0]] if ctx.args.model else schemas
    ctx.out.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")
    return 0


# --------------------------------------------------------------------------- #
# lexicon check
# --------------------------------------------------------------------------- #


def _guess_kind(path: Path, text: str) -> Literal["lexicon", "job"]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        # Broken TOML: judge by the table headers that are there.
        return "job" if "[[requirement]]" in text and "[[skill]]" not in text else "lexicon"
    if "skill" in data or "substitutes" in data:
        return "lexicon"
    if "requirement" in data or "title" in data:
        return "job"
    return "lexicon"


def _own_entries(path: Path, text: str) -> list[dict[str, Any]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return []
    skills = data.get("skill", [])
    return [s for s in skills if isinstance(s, dict) and isinstance(s.get("id"), str)]


def _example_problems(
    path: Path, entries: Sequence[dict[str, Any]], lexicon: rm.Lexicon
) -> list[CheckProblem]:
    """Run each entry's positive / negative sentences through the merged lexicon."""
    problems = []
    extractor = rm.SkillExtractor(lexicon)
    for entry in entries:
        skill = lexicon.skills.get(entry["id"])
        if skill is None:
            continue
        for sentence in skill.positive:
            if skill.id not in {m.skill_id for m in extractor.extract(sentence)}:
                problems.append(
                    CheckProblem(
                        file=str(path),
                        entry=skill.id,
                        field="positive",
                        message=f"{skill.name!r} is not found in {sentence!r}",
                        hint="add the spelling used there as an alias, or fix the sentence",
                    )
                )
        for sentence in skill.negative:
            if skill.id in {m.skill_id for m in extractor.extract(sentence)}:
                problems.append(
                    CheckProblem(
                        file=str(path),
                        entry=skill.id,
                        field="negative",
                        message=f"{skill.name!r} is found in {sentence!r}",
                        hint="mark the alias ambiguous with context words, or add a veto phrase",
                    )
                )
    return problems


def _cmd_lexicon_check(ctx: _Context) -> int:
    args = ctx.args
    path = Path(args.file)
    text = _read_text(path)
    kind: Literal["lexicon", "job"] = _guess_kind(path, text) if args.kind == "auto" else args.kind
    extra = [Path(p) for p in args.lexicon]
    for extra_path in extra:
        _require_file(extra_path)
    problems: list[CheckProblem] = []
    summary = ""
    try:
        if kind == "lexicon":
            bundled = rm.load_lexicon()
            merged = rm.load_lexicon(*extra, path)
            entries = _own_entries(path, text)
            ids = [e["id"] for e in entries]
            extended = sum(1 for e in entries if e.get("extend") is True)
            new = sum(1 for i in ids if i not in bundled.skills)
            replaced = len(ids) - new - extended
            problems = _example_problems(path, entries, merged)
            summary = (
                f"{len(ids)} entries ({new} new, {extended} extended, {replaced} replaced); "
                f"the merged lexicon has {len(merged.skills)} skills"
            )
        else:
            lexicon = rm.load_lexicon(*extra) if extra else None
            job = rm.load_job(path, lexicon=lexicon)
            kinds = [r.importance for r in job.requirements]
            summary = (
                f"job {job.id!r} ({job.title}): {kinds.count('required')} required and "
                f"{kinds.count('preferred')} preferred requirements"
            )
    except rm.DataError as exc:
        problems = [
            CheckProblem(file=p.file, entry=p.entry, field=p.field, message=p.message, hint=p.hint)
            for p in exc.problems
        ]
    result = CheckResult(
        file=str(path),
        kind=kind,
        ok=not problems,
        summary="" if problems else summary,
        problems=tuple(problems),
    )
    if args.format == "json":
        ctx.out.write(_json_of(result))
    elif problems:
        count = len(problems)
        plural = "s" if count != 1 else ""
        ctx.out.write(f"{path}: {count} problem{plural} found, checked as a {kind} file\n")
        for p in problems:
            ctx.out.write(f"  - {rm.Problem(p.file, p.entry, p.field, p.message, p.hint)}\n")
    else:
        ctx.out.write(f"{path}: ok, {summary}\n")
    return 0 if result.ok else 1


# --------------------------------------------------------------------------- #
# Entry point
# --------------------------------------------------------------------------- #


def _one_line(exc: BaseException) -> str:
    """The error as one line: a DataError keeps its first problem and counts the rest."""
    if isinstance(exc, rm.DataError) and exc.problems:
        first = exc.problems[0]
        count = len(exc.problems)
        line = f"{count} problem{'s' if count != 1 else ''} in {exc.kind} data: {first}"
        if count > 1:
            line += f" (and {count - 1} more; run '{PROG} lexicon check {first.file}' for all)"
        return line
    return " ".join(str(exc).split()) or type(exc).__name__


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
) -> int:
    """Run ``resume-match`` with ``argv`` (default: the command line); return the exit code.

    >>> main(["jobs", "--format", "json"], stdout=io.StringIO())
    0
    >>> main(["match", "missing.pdf", "--job", "ml-engineer-mid"], stderr=sys.stdout)
    resume-match: error: missing.pdf: no such file; check the path
    2
    """
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    parser = build_parser()
    try:
        # argparse prints --help and --version to sys.stdout; send them where asked.
        with contextlib.redirect_stdout(out):
            args = parser.parse_args(argv)
    except _Usage as exc:
        err.write(f"{exc.command}: error: {exc} (see '{exc.command} --help')\n")
        return 2
    except SystemExit as exc:  # --help and --version end here
        return exc.code if isinstance(exc.code, int) else 0
    if args.run is None:
        # A command (or lexicon action) is missing: show what there is, as an error.
        args.parser.print_help(err)
        return 2
    ctx = _Context(args=args, out=out, err=err)
    try:
        code: int = args.run(ctx)
        out.flush()
        return code
    except (rm.ResumeMatchError, UserError) as exc:
        err.write(f"{PROG}: error: {_one_line(exc)}\n")
        return 2
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        err.write(f"{PROG}: interrupted\n")
        return 130
