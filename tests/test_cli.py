"""The resume-match CLI: outputs, exit codes, one-line errors, determinism, help."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import resume_match as rm
from pdfgen import Doc
from resume_match.cli import _Progress, build_parser, main

AS_OF = ["--as-of", "2025-06-01"]

STRONG = """Dana Reyes
dana@example.com

SUMMARY
Machine learning engineer building production models.

EXPERIENCE
Machine Learning Engineer, Acme | Jan 2019 - Present
- Trained PyTorch ranking models in Python, lifting click-through by 8%
- Deployed models with Docker and Kubernetes on AWS, cutting latency by 40%
- Built feature engineering pipelines in Spark and Airflow, used by 5 teams
- Ran A/B testing for 12 launches with scikit-learn baselines and SQL analysis

EDUCATION
M.S. in Computer Science, State University | 2016 - 2018
"""

WEAK = """Sam Lee

EXPERIENCE
Analyst, Shop | Jan 2022 - Present
- Helped with Excel reports
- Responsible for dashboards
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "strong.txt").write_text(STRONG, encoding="utf-8")
    (tmp_path / "weak.md").write_text(WEAK, encoding="utf-8")
    (tmp_path / "bad.pdf").write_bytes(b"this is not a pdf")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Jos\xe9 P\xe9rez\nEXPERIENCE\n".encode("latin-1"))
    (tmp_path / "badlex.toml").write_text(
        '[[skill]]\nid = "Bad Id"\nname = ""\ncategory = "nope"\n', encoding="utf-8"
    )
    doc = Doc()
    doc.text(50, 40, "Kim Park", size=18)
    doc.text(50, 80, "EXPERIENCE", size=12)
    doc.text(50, 100, "Data Analyst, Shop | Jan 2021 - Present")
    doc.text(50, 115, "\u2022 Built weekly sales reports in Excel for 4 stores")
    doc.text(50, 160, "PyTorch TensorFlow Kubernetes MLflow Spark", size=6, color=(1, 1, 1))
    (tmp_path / "stuffed.pdf").write_bytes(doc.bytes())
    return {p.stem if p.suffix != ".pdf" else p.name: p for p in tmp_path.iterdir()}


# --------------------------------------------------------------------------- #
# match
# --------------------------------------------------------------------------- #


def test_match_table_shows_score_requirements_and_missing(files: dict[str, Path]) -> None:
    code, out, err = run("match", str(files["strong"]), "--job", "ml-engineer-mid", *AS_OF)
    assert code == 0, err
    report = rm.match(
        rm.parse_resume_text(
            STRONG,
            config=rm.ParseConfig(reference_date=dt.date(2025, 6, 1)),
            source=str(files["strong"]),
        ),
        "ml-engineer-mid",
    )
    assert f"Score: {report.score:.1f}/100" in out
    assert "Machine Learning Engineer (ml-engineer-mid)" in out
    for result in report.requirements:
        assert f"{result.status:7s}  {result.requirement.label}" in out
    if report.missing:
        assert f"Missing: {', '.join(report.missing)}" in out
    assert err == ""


def test_match_json_is_the_report_and_byte_identical(files: dict[str, Path]) -> None:
    args = ("match", str(files["strong"]), "--job", "ml-engineer-mid", "--format", "json", *AS_OF)
    code, first, _ = run(*args)
    _, second, _ = run(*args)
    assert code == 0
    assert first == second
    report = rm.MatchReport.model_validate_json(first)
    assert report.job_id == "ml-engineer-mid"
    assert report.resume_source == str(files["strong"])
    # Field order as the model dumps it, not alphabetical.
    assert list(json.loads(first))[:3] == ["score", "job_id", "job_title"]


def test_match_markdown(files: dict[str, Path]) -> None:
    code, out, _ = run(
        "match", str(files["strong"]), "--job", "ml-engineer-mid", "--format", "markdown", *AS_OF
    )
    assert code == 0
    assert out.startswith("# Machine Learning Engineer: ")
    assert "| status | requirement | importance | credit | evidence |" in out


def test_match_html_to_file(files: dict[str, Path], tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, out, err = run(
        "match",
        str(files["strong"]),
        "--job",
        "ml-engineer-mid",
        "--format",
        "html",
        "-o",
        str(target),
        *AS_OF,
    )
    assert (code, out, err) == (0, "", "")
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert 'data-skill="pytorch"' in page
    assert 'id="resume-text"' in page


def test_fail_under(files: dict[str, Path]) -> None:
    base = ("match", str(files["weak"]), "--job", "ml-engineer-mid", *AS_OF)
    code, _, err = run(*base, "--fail-under", "90")
    assert code == 1
    assert err.startswith("resume-match: score ") and err.endswith(" is below --fail-under 90\n")
    code, _, err = run(*base, "--fail-under", "0")
    assert (code, err) == (0, "")


def test_hidden_text_is_reported_and_kept_out_of_the_score(files: dict[str, Path]) -> None:
    pdf = str(files["stuffed.pdf"])
    code, out, _ = run("match", pdf, "--job", "ml-engineer-mid", "--format", "json", *AS_OF)
    assert code == 0
    plain = rm.MatchReport.model_validate_json(out)
    code, out, _ = run("skills", pdf, "--format", "json", *AS_OF)
    assert "pytorch" not in {m["skill_id"] for m in json.loads(out)}
    code, out, _ = run("skills", pdf, "--format", "json", "--keep-hidden", *AS_OF)
    assert "pytorch" in {m["skill_id"] for m in json.loads(out)}
    code, out, _ = run("match", pdf, "--job", "ml-engineer-mid", *AS_OF)
    assert "warning [hidden-text]" in out or plain.warnings == ()


def test_job_from_posting_text_and_toml(files: dict[str, Path], tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text(
        "Machine Learning Engineer\n\nRequirements:\n- 3+ years of Python and PyTorch\n"
        "- Experience with Kubernetes\n\nNice to have:\n- Experience with Apache Airflow\n\n"
        "We are an equal opportunity employer.\n",
        encoding="utf-8",
    )
    code, out, err = run(
        "match", str(files["strong"]), "--job", str(posting), "--format", "json", *AS_OF
    )
    assert code == 0, err
    report = rm.MatchReport.model_validate_json(out)
    ids = {r.requirement.id: r.requirement.importance for r in report.requirements}
    assert ids["python"] == "required" and ids["airflow"] == "preferred"

    template = tmp_path / "mine.toml"
    template.write_text(
        'id = "mine"\ntitle = "Torch person"\n\n[[requirement]]\nskill = "pytorch"\n',
        encoding="utf-8",
    )
    code, out, _ = run(
        "match", str(files["strong"]), "--job", str(template), "--format", "json", *AS_OF
    )
    assert code == 0
    report = rm.MatchReport.model_validate_json(out)
    assert [r.requirement.id for r in report.requirements] == ["pytorch"]


def test_own_lexicon_is_used_for_resume_and_job(tmp_path: Path) -> None:
    lexicon = tmp_path / "lex.toml"
    lexicon.write_text(
        '[[skill]]\nid = "acme-flow"\nname = "AcmeFlow"\ncategory = "mlops"\n', encoding="utf-8"
    )
    job = tmp_path / "job.toml"
    job.write_text(
        'id = "job"\ntitle = "Acme"\n\n[[requirement]]\nskill = "acme-flow"\n', encoding="utf-8"
    )
    cv = tmp_path / "cv.txt"
    cv.write_text("Ann\n\nEXPERIENCE\n- Ran AcmeFlow pipelines for 3 teams\n", encoding="utf-8")
    code, out, err = run(
        "match", str(cv), "--job", str(job), "--lexicon", str(lexicon), "--format", "json", *AS_OF
    )
    assert code == 0, err
    report = rm.MatchReport.model_validate_json(out)
    assert report.requirements[0].status == "met"
    # Without the lexicon the job names a skill that does not exist: a user error.
    code, out, err = run("match", str(cv), "--job", str(job), *AS_OF)
    assert code == 2 and out == ""
    assert err.startswith("resume-match: error: 1 problem in job data: ")
    assert "'acme-flow'" in err and err.count("\n") == 1


# --------------------------------------------------------------------------- #
# user errors: exit 2, one line, word for word
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (
            ["match", "{dir}/nope.pdf", "--job", "ml-engineer-mid"],
            "resume-match: error: {dir}/nope.pdf: no such file; check the path",
        ),
        (
            ["match", "{dir}/bad.pdf", "--job", "ml-engineer-mid"],
            "resume-match: error: {dir}/bad.pdf: not a PDF (no %PDF header); "
            "pass the resume as a PDF file",
        ),
        (
            ["match", "{dir}/empty.txt", "--job", "ml-engineer-mid"],
            "resume-match: error: {dir}/empty.txt: the resume text is empty; "
            "pass the text of a resume",
        ),
        (
            ["match", "{dir}/latin1.txt", "--job", "ml-engineer-mid"],
            "resume-match: error: {dir}/latin1.txt: not UTF-8 text (byte 0xe9 at position 3); "
            "save the file as UTF-8",
        ),
        (
            ["match", "{dir}", "--job", "ml-engineer-mid"],
            "resume-match: error: {dir}: is a directory; pass a file",
        ),
        (
            ["match", "{dir}/strong.txt", "--job", "ml-enginer-mid"],
            "resume-match: error: unknown job template 'ml-enginer-mid'; did you mean "
            "'ml-engineer-mid'? run 'resume-match jobs' to list them, or pass a .toml template "
            "or a .txt job posting",
        ),
        (
            ["match", "{dir}/strong.txt", "--job", "{dir}/missing.toml"],
            "resume-match: error: {dir}/missing.toml: no such file; check the path",
        ),
        (
            [
                "match",
                "{dir}/strong.txt",
                "--job",
                "ml-engineer-mid",
                "--lexicon",
                "{dir}/badlex.toml",
            ],
            "resume-match: error: 3 problems in lexicon data: {dir}/badlex.toml, entry 'Bad Id', "
            "field 'id': invalid id 'Bad Id'; ids are lowercase words joined by '-', e.g. 'bad-id' "
            "(and 2 more; run 'resume-match lexicon check {dir}/badlex.toml' for all)",
        ),
        (
            ["bullets", "{dir}/strong.txt", "--disable", "weak-verbs"],
            "resume-match: error: BulletConfig.disabled: unknown rule id 'weak-verbs' "
            "(did you mean 'weak-verb'?); known ids: filler, first-person, no-metric, "
            "no-outcome, no-tool, passive-voice, repeated-opener, tense, too-long, too-short, "
            "weak-verb",
        ),
        (
            ["match", "{dir}/strong.txt", "--job", "ml-engineer-mid", "--format", "pdf"],
            "resume-match match: error: argument --format: invalid choice: 'pdf' (choose from "
            "'table', 'json', 'markdown', 'html') (see 'resume-match match --help')",
        ),
        (
            ["match", "{dir}/strong.txt"],
            "resume-match match: error: the following arguments are required: --job "
            "(see 'resume-match match --help')",
        ),
        (
            ["match", "{dir}/strong.txt", "--job", "ml-engineer-mid", "--fail-under", "101"],
            "resume-match match: error: argument --fail-under: expected a score from 0 to 100, "
            "got '101' (see 'resume-match match --help')",
        ),
        (
            ["rank", "{dir}/strong.txt", "--job", "ml-engineer-mid", "--workers", "0"],
            "resume-match rank: error: argument --workers: expected 1 or more, got '0' "
            "(see 'resume-match rank --help')",
        ),
        (
            ["rank", "{dir}/strong.txt", "--job", "ml-engineer-mid", "--format", "html"],
            "resume-match: error: rank --format html writes one report per resume: give a folder "
            "with --output DIR",
        ),
        (
            ["match", "{dir}/strong.txt", "--job", "ml-engineer-mid", "-o", "{dir}/no/such/r.txt"],
            "resume-match: error: {dir}/no/such/r.txt: cannot write the file "
            "(No such file or directory)",
        ),
        (
            ["frobnicate"],
            "resume-match: error: argument COMMAND: invalid choice: 'frobnicate' (choose from "
            "'match', 'rank', 'skills', 'bullets', 'jobs', 'lexicon', 'schema') "
            "(see 'resume-match --help')",
        ),
    ],
)
def test_user_errors_exit_2_with_one_line(
    files: dict[str, Path], tmp_path: Path, argv: list[str], line: str
) -> None:
    code, out, err = run(*(a.format(dir=tmp_path) for a in argv))
    assert code == 2
    assert out == ""
    assert err == line.format(dir=tmp_path) + "\n"


def test_no_command_prints_help_to_stderr() -> None:
    code, out, err = run()
    assert code == 2 and out == ""
    assert err.startswith("usage: resume-match")


# --------------------------------------------------------------------------- #
# rank
# --------------------------------------------------------------------------- #


def test_rank_orders_best_first_and_keeps_bad_files(files: dict[str, Path]) -> None:
    names = [str(files["weak"]), str(files["bad.pdf"]), str(files["strong"])]
    code, out, err = run("rank", *names, "--job", "ml-engineer-mid", "--format", "json", *AS_OF)
    assert code == 0, err
    entries = [rm.RankEntry.model_validate(e) for e in json.loads(out)]
    assert [e.source for e in entries] == [names[2], names[0], names[1]]
    assert [e.rank for e in entries] == [1, 2, 3]
    assert entries[0].score is not None and entries[1].score is not None
    assert entries[0].score > entries[1].score
    assert (
        entries[2].error == f"CorruptPdfError: {names[1]}: not a PDF (no %PDF header); "
        "pass the resume as a PDF file"
    )
    assert err == ""  # no progress bar when stderr is not a terminal


def test_rank_top_csv_and_fail_under(files: dict[str, Path], tmp_path: Path) -> None:
    target = tmp_path / "ranked.csv"
    names = [str(files["weak"]), str(files["strong"])]
    code, out, _ = run(
        "rank",
        *names,
        "--job",
        "ml-engineer-mid",
        "--top",
        "1",
        "--csv",
        str(target),
        "--fail-under",
        "99",
        *AS_OF,
    )
    assert code == 1
    rows = list(csv.DictReader(target.read_text(encoding="utf-8").splitlines()))
    assert [r["source"] for r in rows] == [names[1]]
    assert rows[0]["rank"] == "1" and float(rows[0]["score"]) > 0
    assert "strong.txt" in out and "weak.md" not in out


def test_rank_through_rank_and_locally_agree(files: dict[str, Path]) -> None:
    """PDFs with default options go through rm.rank(); --as-of takes the local path."""
    pdf = str(files["stuffed.pdf"])
    today = dt.date.today().isoformat()
    _, via_rank, _ = run(
        "rank", pdf, str(files["bad.pdf"]), "--job", "ml-engineer-entry", "--format", "json"
    )
    _, local, _ = run(
        "rank",
        pdf,
        str(files["bad.pdf"]),
        "--job",
        "ml-engineer-entry",
        "--format",
        "json",
        "--as-of",
        today,
    )
    assert via_rank == local


def test_rank_html_writes_index_and_one_report_per_resume(
    files: dict[str, Path], tmp_path: Path
) -> None:
    folder = tmp_path / "site"
    names = [str(files["strong"]), str(files["weak"]), str(files["bad.pdf"])]
    code, out, err = run(
        "rank", *names, "--job", "ml-engineer-mid", "--format", "html", "-o", str(folder), *AS_OF
    )
    assert code == 0, err
    assert out == f"wrote {folder / 'index.html'} and 2 reports\n"
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert '<a href="001-strong.html">strong.txt</a>' in index
    assert '<a href="002-weak.html">weak.md</a>' in index
    assert "CorruptPdfError" in index
    assert sorted(p.name for p in folder.iterdir()) == [
        "001-strong.html",
        "002-weak.html",
        "index.html",
    ]
    assert 'data-skill="pytorch"' in (folder / "001-strong.html").read_text(encoding="utf-8")


def test_progress_bar_only_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Tty()
    bar = _Progress(tty, width=10)
    bar(1, 4)
    bar(4, 4)
    bar.close()
    assert "\r[##--------] 1/4 resumes" in tty.getvalue()
    assert "\r[##########] 4/4 resumes" in tty.getvalue()
    assert tty.getvalue().endswith("\r")

    quiet = _Progress(Tty(), enabled=False)
    quiet(1, 4)
    assert quiet.stream.getvalue() == ""  # type: ignore[attr-defined]
    plain = io.StringIO()
    _Progress(plain)(1, 4)
    assert plain.getvalue() == ""


# --------------------------------------------------------------------------- #
# skills, bullets, jobs, lexicon check, schema, help
# --------------------------------------------------------------------------- #


def test_skills_lists_mentions(files: dict[str, Path]) -> None:
    code, out, _ = run("skills", str(files["strong"]), "--format", "json", *AS_OF)
    assert code == 0
    mentions = [rm.SkillMention.model_validate(m) for m in json.loads(out)]
    text = rm.parse_resume_text(STRONG).text
    assert {"pytorch", "python", "docker", "kubernetes"} <= {m.skill_id for m in mentions}
    assert all(text[m.start : m.end] == m.text for m in mentions)
    code, out, _ = run("skills", str(files["strong"]), *AS_OF)
    assert f"{len(mentions)} mentions of {len({m.skill_id for m in mentions})} skills" in out


def test_bullets_review(files: dict[str, Path]) -> None:
    code, out, _ = run("bullets", str(files["weak"]), "--format", "json", *AS_OF)
    assert code == 0
    review = rm.BulletReview.model_validate_json(out)
    assert review.reviewed == 2
    assert {"weak-verb", "no-metric"} <= {f.rule for f in review.findings}
    code, out, _ = run("bullets", str(files["weak"]), "--disable", "weak-verb", *AS_OF)
    assert "[weak-verb]" not in out and "[no-metric]" in out
    assert "2 bullets reviewed, 0 with a measurable result (0%)" in out


def test_jobs_lists_every_template() -> None:
    code, out, _ = run("jobs", "--format", "json")
    assert code == 0
    names = [j["name"] for j in json.loads(out)]
    assert names == list(rm.list_jobs())
    _, table, _ = run("jobs")
    for name in names:
        assert f"\n{name} " in table


def test_lexicon_check_ok_and_with_problems(files: dict[str, Path], tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text(
        '[[skill]]\nid = "acme-flow"\nname = "AcmeFlow"\ncategory = "mlops"\n'
        'positive = ["Ran AcmeFlow jobs"]\nnegative = ["Ran Airflow jobs"]\n\n'
        '[[skill]]\nid = "pytorch"\nextend = true\naliases = ["PyTorch 2"]\n',
        encoding="utf-8",
    )
    code, out, _ = run("lexicon", "check", str(good))
    assert code == 0
    assert out.startswith(f"{good}: ok, 2 entries (1 new, 1 extended, 0 replaced); the merged")

    code, out, _ = run("lexicon", "check", str(files["badlex"]))
    assert code == 1
    assert out.splitlines()[0] == f"{files['badlex']}: 3 problems found, checked as a lexicon file"

    failing = tmp_path / "failing.toml"
    failing.write_text(
        '[[skill]]\nid = "acme-flow"\nname = "AcmeFlow"\ncategory = "mlops"\n'
        'positive = ["Ran the flow engine from Acme"]\n',
        encoding="utf-8",
    )
    code, out, _ = run("lexicon", "check", str(failing), "--format", "json")
    assert code == 1
    result = json.loads(out)
    assert result["ok"] is False and result["kind"] == "lexicon"
    assert result["problems"][0]["field"] == "positive"
    assert result["problems"][0]["message"] == (
        "'AcmeFlow' is not found in 'Ran the flow engine from Acme'"
    )


def test_lexicon_check_job_file(tmp_path: Path) -> None:
    job = tmp_path / "job.toml"
    job.write_text(
        'id = "job"\ntitle = "T"\n\n[[requirement]]\nskill = "pyhton"\n', encoding="utf-8"
    )
    code, out, _ = run("lexicon", "check", str(job))
    assert code == 1
    assert out.splitlines()[0] == f"{job}: 1 problem found, checked as a job file"
    assert "pyhton" in out and "python" in out
    job.write_text(
        'id = "job"\ntitle = "T"\n\n[[requirement]]\nskill = "python"\n', encoding="utf-8"
    )
    assert run("lexicon", "check", str(job)) == (
        0,
        f"{job}: ok, job 'job' (T): 1 required and 0 preferred requirements\n",
        "",
    )


@pytest.mark.parametrize("name", ["match", "rank", "skills", "bullets", "jobs", "check"])
def test_schema_describes_the_json_output(name: str) -> None:
    code, out, _ = run("schema", name)
    assert code == 0
    schema = json.loads(out)
    assert schema["type"] in ("object", "array")
    code, everything, _ = run("schema")
    assert json.loads(everything)[name] == schema


def test_schema_of_match_fits_its_output(files: dict[str, Path]) -> None:
    _, out, _ = run("schema", "match")
    schema = json.loads(out)
    _, report, _ = run(
        "match", str(files["strong"]), "--job", "ml-engineer-mid", "--format", "json", *AS_OF
    )
    assert set(json.loads(report)) <= set(schema["properties"])
    assert set(schema["required"]) <= set(json.loads(report))


def _subcommands() -> list[list[str]]:
    parser = build_parser()
    found: list[list[str]] = [[]]
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        for name, sub in action.choices.items():
            found.append([name])
            for inner in sub._subparsers._group_actions if sub._subparsers else []:
                found.extend([name, inner_name] for inner_name in inner.choices)
    return found


@pytest.mark.parametrize("path", _subcommands(), ids=lambda p: " ".join(p) or "top")
def test_every_command_has_help_with_examples(path: list[str]) -> None:
    code, out, err = run(*path, "--help")
    assert (code, err) == (0, "")
    assert "examples:\n  resume-match " in out


def test_version() -> None:
    assert run("--version") == (0, f"resume-match {rm.__version__}\n", "")


# --------------------------------------------------------------------------- #
# the installed console script
# --------------------------------------------------------------------------- #


def test_console_script_error_has_no_traceback(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("resume-match")
    if not script.exists():
        pytest.skip(f"console script not installed at {script}")
    done = subprocess.run(
        [str(script), "match", str(tmp_path / "x.pdf"), "--job", "ml-engineer-mid"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert (
        done.stderr == f"resume-match: error: {tmp_path / 'x.pdf'}: no such file; check the path\n"
    )


def test_cli_starts_without_heavy_imports() -> None:
    code = (
        "import sys, io; from resume_match.cli import main; "
        "main(['jobs'], stdout=io.StringIO()); "
        "print(sorted(m for m in ('spacy', 'pdfminer', 'rapidfuzz') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"
