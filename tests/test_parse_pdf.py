"""The PDF parser on layouts, glyphs, hidden text and broken files built in the test."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest

import resume_match as rm
from browser import CHROMIUM, SKIP_REASON, run_chromium
from pdfgen import Doc, image_only_pdf, unicode_font
from resume_match.models import ParseConfig

REF = ParseConfig(reference_date=dt.date(2025, 6, 30))


def parse(data: bytes, **kw: object) -> rm.Resume:
    config = kw.pop("config", REF)
    return rm.parse_resume(data, config=config, **kw)  # type: ignore[arg-type]


def heading(doc: Doc, x: float, top: float, text: str, size: float = 13) -> None:
    doc.text(x, top, text, size=size, font="Helvetica-Bold")


def single_column() -> bytes:
    doc = Doc()
    doc.text(50, 40, "Priya Raman", size=22, font="Helvetica-Bold")
    doc.text(50, 70, "priya.raman@example.com | +1 415 555 0134 | linkedin.com/in/priyaraman")
    heading(doc, 50, 100, "EXPERIENCE")
    doc.text(50, 122, "Senior ML Engineer, Northwind Analytics", font="Helvetica-Bold")
    doc.text(450, 122, "Mar 2021 - Present")
    doc.text(50, 136, "Seattle, WA")
    doc.text(60, 152, "\u2022 Built a feature store serving 40k requests per second for fraud")
    doc.text(68, 165, "models, cutting p99 latency from 80 ms to 25 ms")
    doc.text(60, 180, "\u2022 Led migration of training jobs to Kubernetes")
    doc.text(50, 202, "Data Scientist, Blue Harbor Bank", font="Helvetica-Bold")
    doc.text(450, 202, "Jan 2018 - Feb 2021")
    doc.text(60, 218, "\u2022 Trained gradient-boosted churn models in Python")
    heading(doc, 50, 250, "EDUCATION")
    doc.text(50, 272, "M.S. in Computer Science, University of Washington   2016 - 2018")
    heading(doc, 50, 300, "SKILLS")
    doc.text(50, 322, "Python, PyTorch, SQL, Kubernetes")
    return doc.bytes()


def test_single_column_structure() -> None:
    r = parse(single_column())
    assert [s.kind for s in r.sections] == ["contact", "experience", "education", "skills"]
    assert [b.text for b in r.bullets] == [
        "Built a feature store serving 40k requests per second for fraud models, "
        "cutting p99 latency from 80 ms to 25 ms",
        "Led migration of training jobs to Kubernetes",
        "Trained gradient-boosted churn models in Python",
    ]
    for bullet in r.bullets:
        assert r.text[bullet.start : bullet.end] == bullet.text
        assert bullet.section == "experience" and bullet.page == 1
    first, second = r.experience
    assert first.title == "Senior ML Engineer"
    assert first.organization == "Northwind Analytics"
    assert first.location == "Seattle, WA"
    assert first.dates is not None and first.dates.current
    assert first.bullets == (0, 1) and second.bullets == (2,)
    assert second.dates is not None and second.dates.end is not None
    # Jan 2018 - Jun 2025 without gaps, inclusive months: 7.5 years.
    assert r.years_experience == 7.5
    (edu,) = r.education
    assert edu.level == "master" and edu.field == "Computer Science"
    assert edu.institution == "University of Washington"
    assert r.contact.email == "priya.raman@example.com"
    assert r.contact.linkedin == "linkedin.com/in/priyaraman"
    assert r.contact.name == "Priya Raman"
    assert "+1 415 555 0134" in r.contact.phone
    for start, end in r.contact.spans:
        assert r.text[start:end] in {
            "priya.raman@example.com",
            "linkedin.com/in/priyaraman",
            "Priya Raman",
            r.contact.phone,
        }


def test_reference_date_moves_present() -> None:
    early = parse(single_column(), config=ParseConfig(reference_date=dt.date(2022, 3, 31)))
    assert early.years_experience == 4.2  # Jan 2018 - Mar 2022


def _no_line_mixes(r: rm.Resume, left: set[str], right: set[str]) -> None:
    for line in r.text.splitlines():
        words = set(re.findall(r"[A-Za-z]+", line))
        assert not (words & left and words & right), line


def deedy_two_column(aligned: bool) -> tuple[bytes, set[str], set[str]]:
    """A narrow left column and a wide right one, baselines aligned or not."""
    doc = Doc()
    doc.text(40, 30, "Jordan Okafor", size=24, font="Helvetica-Bold")
    left_lines = ["Quokka", "University", "Zebra Tech", "Tulip", "Marigold", "Pelican", "Walrus"]
    right_bullets = [
        "Shipped ranking service for search",
        "Reduced training cost by a third",
        "Mentored four junior engineers",
        "Automated nightly evaluation runs",
        "Designed the feature pipeline",
    ]
    heading(doc, 40, 80, "EDUCATION")
    top = doc.lines(40, 100, left_lines[:3], leading=14)
    heading(doc, 40, top + 10, "SKILLS")
    doc.lines(40, top + 30, left_lines[3:], leading=14)
    heading(doc, 220, 80, "EXPERIENCE")
    doc.text(220, 100, "Staff Engineer, Falcon Labs   2020 - 2024", font="Helvetica-Bold")
    y = 114 if aligned else 117
    for text in right_bullets:
        doc.text(228, y, "\u2022 " + text)
        y += 14 if aligned else 15.5
    left = {w for t in left_lines for w in t.split()} | {"EDUCATION", "SKILLS"}
    right = {w for t in right_bullets for w in t.split()} | {"EXPERIENCE"}
    right -= {"the", "a", "of", "by", "for"}
    return doc.bytes(), left, right


@pytest.mark.parametrize("aligned", [True, False], ids=["same-baselines", "offset-baselines"])
def test_two_column_reads_column_by_column(aligned: bool) -> None:
    data, left, right = deedy_two_column(aligned)
    r = parse(data)
    _no_line_mixes(r, left, right)
    assert [s.kind for s in r.sections if s.heading] == ["education", "skills", "experience"]
    assert len(r.bullets) == 5
    assert all(b.section == "experience" for b in r.bullets)
    assert r.bullets[1].text == "Reduced training cost by a third"
    skills = next(s for s in r.sections if s.kind == "skills")
    assert "Walrus" in r.text[skills.start : skills.end]


@pytest.mark.parametrize("side", ["left", "right"])
def test_sidebar_with_background_icons_and_skill_bars(side: str) -> None:
    font = unicode_font()
    doc = Doc()
    bar_x, main_x = (30, 230) if side == "left" else (420, 40)
    # A dark sidebar with white text: visible, so it must not count as hidden.
    doc.rect(bar_x - 10, 0, 190, 792, fill=(0.15, 0.2, 0.3))
    doc.text(bar_x, 40, "CONTACT", size=12, font="Helvetica-Bold", color=(1, 1, 1))
    doc.text(bar_x, 60, "mina.cho@example.org", size=9, color=(1, 1, 1))
    doc.text(bar_x, 74, "github.com/minacho", size=9, color=(1, 1, 1))
    doc.text(bar_x, 110, "SKILLS", size=12, font="Helvetica-Bold", color=(1, 1, 1))
    for i, skill in enumerate(["PyTorch", "Airflow", "Terraform"]):
        doc.text(bar_x, 130 + 26 * i, skill, size=9, color=(1, 1, 1))
        doc.rect(bar_x, 142 + 26 * i, 120, 4, fill=(0.6, 0.8, 1.0))  # skill bar
    doc.text(main_x, 40, "Mina Cho", size=22, font="Helvetica-Bold")
    doc.text(main_x, 90, "EXPERIENCE", size=12, font="Helvetica-Bold")
    doc.text(main_x, 110, "ML Engineer, Orca Systems   2021 - 2025", font="Helvetica-Bold")
    glyph = "\u2022 " if font is None else "\u25aa "
    for i, text in enumerate(["Owned the recommendation model", "Cut serving cost by 30%"]):
        doc.text(main_x + 8, 126 + 14 * i, glyph + text, font=font or "Helvetica")
    doc.text(main_x, 170, "PROJECTS", size=12, font="Helvetica-Bold")
    doc.text(main_x + 8, 190, glyph + "Open-source tokenizer benchmarks", font=font or "Helvetica")
    r = parse(doc.bytes())
    assert not [w for w in r.warnings if w.code == "hidden-text"]
    kinds = [s.kind for s in r.sections if s.heading]
    assert kinds.count("experience") == 1 and "skills" in kinds and "projects" in kinds
    assert [b.text for b in r.bullets] == [
        "Owned the recommendation model",
        "Cut serving cost by 30%",
        "Open-source tokenizer benchmarks",
    ]
    assert [b.section for b in r.bullets] == ["experience", "experience", "projects"]
    assert r.contact.email == "mina.cho@example.org"
    assert r.contact.github == "github.com/minacho"
    _no_line_mixes(r, {"PyTorch", "Airflow", "Terraform"}, {"Owned", "Cut", "Open"})


def test_date_column_left_of_each_entry() -> None:
    doc = Doc()
    doc.text(130, 40, "Ana Silva", size=22)
    doc.text(130, 80, "Experience", size=14, color=(0.2, 0.3, 0.7))
    rows = [
        ("2022 - now", "Lead Data Scientist, Meridian Health"),
        ("2019 - 2022", "Data Scientist, Corvid Labs"),
        ("2017 - 2019", "Analyst, Harbor Retail"),
    ]
    top = 104
    for dates, title in rows:
        doc.text(40, top, dates)
        doc.text(130, top, title, font="Helvetica-Bold")
        doc.text(138, top + 14, "\u2022 Built forecasting models for demand planning")
        top += 40
    r = parse(doc.bytes())
    assert [e.title for e in r.experience] == [
        "Lead Data Scientist",
        "Data Scientist",
        "Analyst",
    ]
    assert [e.organization for e in r.experience] == [
        "Meridian Health",
        "Corvid Labs",
        "Harbor Retail",
    ]
    assert r.experience[0].dates is not None and r.experience[0].dates.current
    assert r.years_experience == 8.5  # Jan 2017 - Jun 2025
    assert len(r.bullets) == 3 and all(b.entry is not None for b in r.bullets)


def test_date_printed_on_the_first_bullet_row_goes_to_the_entry() -> None:
    doc = Doc()
    doc.text(50, 40, "EXPERIENCE", size=13, font="Helvetica-Bold")
    doc.text(50, 60, "Apex Robotics, Perception Engineer", font="Helvetica-Bold")
    doc.text(60, 74, "\u2022 Trained a lidar segmentation network on 2M frames")
    doc.text(460, 74, "June 2019 - Aug 2023")
    r = parse(doc.bytes())
    assert r.bullets[0].text == "Trained a lidar segmentation network on 2M frames"
    (entry,) = r.experience
    assert entry.dates is not None and entry.dates.text == "June 2019 - Aug 2023"
    assert entry.title == "Perception Engineer" and entry.organization == "Apex Robotics"


GLYPHS = [
    "\u2022",
    "\u25e6",
    "\u25aa",
    "\u2023",
    "\u2013",
    "-",
    "*",
    "\u25cf",
    "\u25a0",
    "\u25ba",
    "\u2713",
    "\u27a2",
    "\u2192",
    "\u2666",
]


@pytest.mark.parametrize("glyph", GLYPHS)
def test_bullet_glyphs(glyph: str) -> None:
    font = unicode_font()
    if font is None:
        pytest.skip("DejaVu Sans is not installed, so these glyphs cannot be drawn")
    doc = Doc()
    doc.text(50, 40, "PROJECTS", size=13, font="Helvetica-Bold")
    doc.text(60, 62, f"{glyph} Indexed 3M papers with FAISS", font=font)
    doc.text(60, 76, f"{glyph} Wrote the evaluation harness", font=font)
    r = parse(doc.bytes())
    assert [b.text for b in r.bullets] == [
        "Indexed 3M papers with FAISS",
        "Wrote the evaluation harness",
    ]
    assert {b.section for b in r.bullets} == {"projects"}


@pytest.mark.parametrize("numbers", [("1.", "2."), ("1)", "2)"), ("(a)", "(b)")])
def test_numbered_items(numbers: tuple[str, str]) -> None:
    doc = Doc()
    doc.text(50, 40, "PUBLICATIONS", size=13, font="Helvetica-Bold")
    doc.text(60, 62, f"{numbers[0]} Sparse attention for long documents, 2023")
    doc.text(60, 76, f"{numbers[1]} Calibrated ranking under drift, 2024")
    r = parse(doc.bytes())
    assert [b.text for b in r.bullets] == [
        "Sparse attention for long documents, 2023",
        "Calibrated ranking under drift, 2024",
    ]


def test_vector_drawn_bullets_without_glyphs() -> None:
    doc = Doc()
    doc.text(50, 40, "EXPERIENCE", size=13, font="Helvetica-Bold")
    doc.text(50, 60, "Research Engineer, Lumen AI   2020 - 2023", font="Helvetica-Bold")
    for i, text in enumerate(["Pretrained a 1B parameter model", "Halved evaluation time"]):
        top = 78 + 16 * i
        doc.circle(62, top + 6, 1.8)
        doc.text(70, top, text)
    doc.text(70, 110, "on the internal cluster")  # wrapped line of the second bullet
    r = parse(doc.bytes())
    assert [b.text for b in r.bullets] == [
        "Pretrained a 1B parameter model",
        "Halved evaluation time on the internal cluster",
    ]


def test_glyph_on_its_own_line() -> None:
    doc = Doc()
    doc.text(50, 40, "PROJECTS", size=13, font="Helvetica-Bold")
    doc.text(55, 60, "\u2022", size=14)
    doc.text(50, 76, "Built a retrieval demo over 10k manuals")
    r = parse(doc.bytes())
    assert [b.text for b in r.bullets] == ["Built a retrieval demo over 10k manuals"]


def test_icon_font_bullets_and_cid_glyphs_are_bullets() -> None:
    # Private-use code points stand for icon-font glyphs (Font Awesome and the like).
    text = "PROJECTS\n\uf0da Shipped a churn dashboard\n(cid:127) Wrote the data contracts\n"
    r = rm.parse_resume_text(text)
    assert [b.text for b in r.bullets] == ["Shipped a churn dashboard", "Wrote the data contracts"]


def test_continuation_after_a_blank_line() -> None:
    doc = Doc()
    doc.text(50, 40, "EXPERIENCE", size=13, font="Helvetica-Bold")
    doc.text(60, 62, "\u2022 Cut inference latency by moving the ranker to")
    doc.text(68, 88, "TensorRT, saving 40% of GPU hours")  # a blank line's gap above
    doc.text(60, 102, "\u2022 Second bullet")
    r = parse(doc.bytes())
    assert [b.text for b in r.bullets] == [
        "Cut inference latency by moving the ranker to TensorRT, saving 40% of GPU hours",
        "Second bullet",
    ]


def test_hyphenated_wrap_is_joined() -> None:
    doc = Doc()
    doc.text(50, 40, "EXPERIENCE", size=13, font="Helvetica-Bold")
    doc.text(60, 62, "\u2022 Implemented a prediction al-")
    doc.text(68, 75, "gorithm for demand")
    r = parse(doc.bytes())
    assert r.bullets[0].text == "Implemented a prediction algorithm for demand"


def test_small_caps_ruled_and_unknown_headings() -> None:
    doc = Doc()
    doc.text(50, 40, "Lee Wong", size=20)
    # Faked small caps: a large capital and smaller capitals, a rule underneath.
    doc.text(50, 80, "E", size=14)
    doc.text(60, 83, "XPERIENCE", size=11)
    doc.rule(50, 560, 97)
    doc.text(60, 104, "\u2022 Deployed models")
    doc.text(50, 140, "S", size=14)
    doc.text(59, 143, "KILLS", size=11)
    doc.rule(50, 560, 157)
    doc.text(50, 164, "Python, Go")
    doc.text(50, 200, "M", size=14)
    doc.text(63, 203, "ENTORSHIP", size=11)
    doc.rule(50, 560, 217)
    doc.text(50, 224, "Coached new hires")
    r = parse(doc.bytes())
    named = [(s.kind, s.heading) for s in r.sections if s.heading]
    assert named[0][0] == "experience" and named[1][0] == "skills"
    assert named[2] == ("other", "MENTORSHIP") or named[2] == ("other", "M ENTORSHIP")


HIDDEN_CASES = {
    "white": {"color": (1, 1, 1)},
    "tiny": {"size": 2},
    "invisible": {"render": 3},
}


@pytest.mark.parametrize("kind", [*HIDDEN_CASES, "off-page", "background"])
def test_hidden_text_is_left_out_and_reported(kind: str) -> None:
    stuffing = "TensorFlow Kubernetes Spark Airflow"
    doc = Doc()
    doc.text(50, 40, "SKILLS", size=13, font="Helvetica-Bold")
    doc.text(50, 60, "Python, SQL")
    if kind == "off-page":
        doc.text(-900, 80, stuffing)
    elif kind == "background":
        doc.rect(40, 75, 300, 20, fill=(0.9, 0.95, 0.9))
        doc.text(50, 80, stuffing, color=(0.9, 0.95, 0.9))
    else:
        doc.text(50, 80, stuffing, **HIDDEN_CASES[kind])  # type: ignore[arg-type]
    data = doc.bytes()
    r = parse(data)
    assert "Kubernetes" not in r.text
    (warning,) = [w for w in r.warnings if w.code == "hidden-text"]
    assert "Kubernetes" in warning.text and warning.page == 1
    kept = parse(data, config=ParseConfig(keep_hidden=True, reference_date=dt.date(2025, 1, 1)))
    assert "Kubernetes" in kept.text
    assert "kept in the text" in next(w for w in kept.warnings if w.code == "hidden-text").message


def test_bytes_path_and_file_object_give_the_same_resume(tmp_path: object) -> None:
    data = single_column()
    path = tmp_path / "cv.pdf"  # type: ignore[operator]
    path.write_bytes(data)
    from_bytes = parse(data)
    from_path = rm.parse_resume(path, config=REF)
    from_file = rm.parse_resume(io.BytesIO(data), config=REF)
    assert from_bytes.text == from_path.text == from_file.text
    assert from_path.source == str(path)
    assert from_bytes.model_dump_json() == parse(data).model_dump_json()  # deterministic


# --------------------------------------------------------------------------- #
# Bad input: typed errors, messages tested word for word
# --------------------------------------------------------------------------- #


def test_encrypted_pdf_needs_its_password() -> None:
    doc = Doc(encrypt="s3cret")
    doc.text(50, 40, "SKILLS", size=13, font="Helvetica-Bold")
    doc.text(50, 60, "Python, PyTorch, and many other tools for machine learning work")
    data = doc.bytes()
    with pytest.raises(rm.EncryptedPdfError) as err:
        rm.parse_resume(data)
    assert str(err.value) == (
        "<bytes>: the PDF is encrypted; pass its password (parse_resume(..., password=...))"
    )
    with pytest.raises(rm.EncryptedPdfError, match="the password given is wrong"):
        rm.parse_resume(data, password="nope")
    r = rm.parse_resume(data, password="s3cret", config=REF)
    assert "PyTorch" in r.text
    assert "encrypted" in [w.code for w in r.warnings]


def test_not_a_pdf() -> None:
    with pytest.raises(rm.CorruptPdfError) as err:
        rm.parse_resume(b"Dear hiring manager, please find my CV")
    assert str(err.value) == "<bytes>: not a PDF (no %PDF header); pass the resume as a PDF file"
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_truncated_pdf_is_typed(cut: float) -> None:
    data = single_column()
    broken = data[: int(len(data) * cut)]
    try:
        r = rm.parse_resume(broken, config=REF)
    except rm.ResumeMatchError as exc:
        assert str(exc).startswith("<bytes>: ")
    else:
        assert r.warnings, "a damaged PDF must not come back without a warning"


def test_empty_file() -> None:
    with pytest.raises(rm.CorruptPdfError, match="the file is empty, not a PDF"):
        rm.parse_resume(b"")


def test_scanned_pdf_asks_for_ocr() -> None:
    with pytest.raises(rm.ScannedPdfError) as err:
        rm.parse_resume(image_only_pdf())
    assert str(err.value) == (
        "<bytes>: no page has a text layer (a scanned or image-only PDF); run OCR first, "
        "or ask for a PDF exported from the original document"
    )


def test_too_large_and_too_many_pages(tmp_path: object) -> None:
    data = single_column()
    with pytest.raises(rm.PdfTooLargeError, match="over the limit of 1,000 bytes"):
        rm.parse_resume(data, config=ParseConfig(max_bytes=1000))
    path = tmp_path / "big.pdf"  # type: ignore[operator]
    path.write_bytes(data)
    with pytest.raises(rm.PdfTooLargeError, match=r"big\.pdf: the file is"):
        rm.parse_resume(path, config=ParseConfig(max_bytes=1000))
    doc = Doc()
    for i in range(4):
        doc.text(50, 50, f"Page {i}")
        doc.new_page()
    with pytest.raises(rm.PdfTooLargeError, match="the PDF has 4 pages, over the limit of 3"):
        rm.parse_resume(doc.bytes(), config=ParseConfig(max_pages=3))


def test_timeout_is_typed() -> None:
    doc = Doc()
    for _ in range(30):
        doc.lines(50, 50, ["Trained models with PyTorch and measured everything"] * 50, leading=14)
        doc.new_page()
    with pytest.raises(rm.PdfTimeoutError, match=r"reading took longer than 0\.001 s"):
        rm.parse_resume(doc.bytes(), config=ParseConfig(max_seconds=0.001))


def test_missing_file_and_wrong_type() -> None:
    with pytest.raises(rm.InputError, match=r"nope\.pdf: cannot read the file"):
        rm.parse_resume("nope.pdf")
    with pytest.raises(rm.InputError, match="cannot read a PDF from a int"):
        rm.parse_resume(42)


def test_little_text_is_a_warning_not_silence() -> None:
    doc = Doc()
    doc.text(50, 50, "Jo Bloggs")
    r = parse(doc.bytes())
    assert "little-text" in [w.code for w in r.warnings]
    assert "no-sections" in [w.code for w in r.warnings]


def test_self_referencing_form_does_not_hang() -> None:
    # A form XObject that draws itself: a recursion bomb for a naive interpreter.
    body = (
        b"%PDF-1.4\n1 0 obj<< /Type /Catalog /Pages 2 0 R >>endobj\n"
        b"2 0 obj<< /Type /Pages /Kids [3 0 R] /Count 1 >>endobj\n"
        b"3 0 obj<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /XObject << /F 4 0 R >> >> /Contents 5 0 R >>endobj\n"
        b"4 0 obj<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] "
        b"/Resources << /XObject << /F 4 0 R >> >> /Length 6 >>stream\n/F Do\nendstream endobj\n"
        b"5 0 obj<< /Length 6 >>stream\n/F Do\nendstream endobj\ntrailer<< /Root 1 0 R >>\n%%EOF"
    )
    with pytest.raises(rm.ResumeMatchError):
        rm.parse_resume(body, config=ParseConfig(max_seconds=5))


def test_letter_spaced_headings_read_as_words() -> None:
    doc = Doc()
    # Tracked capitals, as CSS letter-spacing prints them (the PDF's Tc operator).
    doc.text(50, 40, "WORK EXPERIENCE", size=11, font="Helvetica-Bold", charspace=3)
    doc.text(60, 62, "\u2022 Shipped the ranking model")
    r = parse(doc.bytes())
    headings = [(s.kind, s.heading) for s in r.sections if s.heading]
    assert headings == [("experience", "WORK EXPERIENCE")]


@pytest.mark.skipif(CHROMIUM is None, reason=SKIP_REASON)
def test_pdf_printed_from_a_browser(tmp_path: Path) -> None:
    """A CSS-grid two-column resume printed by Chromium: vector list bullets, letter-spaced
    headings, a dark sidebar with white text, and the name in the main column."""
    html = Path(__file__).parent / "data" / "browser_two_column.html"
    pdf = tmp_path / "cv.pdf"
    run_chromium(
        tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()
    )
    r = rm.parse_resume(pdf, config=REF)
    assert [s.kind for s in r.sections] == [
        "contact",
        "skills",
        "education",
        "experience",
        "projects",
    ]
    assert not [w for w in r.warnings if w.code == "hidden-text"]
    assert [b.section for b in r.bullets] == ["experience"] * 3 + ["projects"]
    assert r.bullets[1].text == (
        "Moved batch inference to Ray on Kubernetes, cutting cost per hour of audio by 38%"
    )
    assert [(e.title, e.organization) for e in r.experience[:2]] == [
        ("Senior ML Engineer", "Tidewater AI"),
        ("Data Scientist", "Larkspur Insurance"),
    ]
    assert r.contact.name == "Sam Lee" and r.contact.email == "sam.lee@example.com"
    assert r.education[0].level == "master"
