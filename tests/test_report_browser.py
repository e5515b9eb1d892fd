"""The HTML report in a real browser: headless Chromium renders it and we read what a person sees.

A probe script is appended to a copy of the report; it writes the page's visible
text (``innerText`` leaves out what CSS hides) and a few computed styles into the
DOM, which ``--dump-dom`` then prints. A screenshot is saved beside it to look at.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

import resume_match as rm
from browser import CHROMIUM, SKIP_REASON, run_chromium
from pdfgen import Doc
from resume_match.cli import main

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason=SKIP_REASON)

PROBE = """
<script>
(function () {
  function top(id) {
    var el = document.getElementById(id);
    return el ? el.getBoundingClientRect().top : null;
  }
  var data;
  try {
    var mark = document.querySelector("#resume-text mark.skill");
    var missing = document.querySelector("#missing li");
    data = {
      text: document.body.innerText,
      scoreTop: top("score"),
      warningTop: top("warnings"),
      markText: mark ? mark.innerText : null,
      markBackground: mark ? getComputedStyle(mark).backgroundColor : null,
      missingColor: missing ? getComputedStyle(missing).color : null,
      rows: Array.prototype.map.call(document.querySelectorAll("#candidates tbody tr"),
                                     function (r) { return r.getAttribute("data-rank"); })
    };
  } catch (err) {
    data = {error: String(err)};
  }
  var out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify(data);
  document.body.appendChild(out);
})();
</script>
"""


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    return run_chromium(profile, *args)


def _probe(tmp_path: Path, page: Path, fragment: str = "") -> dict[str, object]:
    probed = page.with_name(page.stem + "-probe.html")
    probed.write_text(
        page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8"
    )
    dom = _chromium(tmp_path, "--dump-dom", probed.as_uri() + fragment).stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found is not None, dom[-2000:]
    data: dict[str, object] = json.loads(
        found.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    )
    return data


def _png_facts(path: Path) -> tuple[int, int, int]:
    """Width, height and the number of distinct byte values in the pixel data."""
    raw = path.read_bytes()
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", raw[16:24])
    pos, idat = 8, b""
    while pos < len(raw):
        (length,) = struct.unpack(">I", raw[pos : pos + 4])
        kind = raw[pos + 4 : pos + 8]
        if kind == b"IDAT":
            idat += raw[pos + 8 : pos + 8 + length]
        pos += 12 + length
    return width, height, len(set(zlib.decompress(idat)))


@pytest.fixture(scope="module")
def stuffed_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, rm.MatchReport]:
    folder = tmp_path_factory.mktemp("browser")
    doc = Doc()
    doc.text(50, 40, "Kim Park", size=18)
    doc.text(50, 80, "EXPERIENCE", size=12)
    doc.text(50, 100, "Machine Learning Engineer, Shop | Jan 2020 - Present")
    doc.text(50, 115, "\u2022 Trained PyTorch models in Python, cutting churn by 12%")
    doc.text(50, 130, "\u2022 Helped with dashboards")
    doc.text(50, 190, "Kubernetes MLflow Spark Airflow SageMaker", size=6, color=(1, 1, 1))
    pdf = folder / "kim.pdf"
    pdf.write_bytes(doc.bytes())
    page = folder / "kim.html"
    args = [str(pdf), "--job", "ml-engineer-mid", "--as-of", "2025-06-01"]
    assert main(["match", *args, "--format", "html", "-o", str(page)]) == 0
    resume = rm.parse_resume(pdf, config=rm.ParseConfig(reference_date=dt.date(2025, 6, 1)))
    return page, rm.match(resume, "ml-engineer-mid")


def test_a_person_sees_score_missing_skills_and_highlights(
    stuffed_report: tuple[Path, rm.MatchReport], tmp_path: Path
) -> None:
    page, report = stuffed_report
    seen = _probe(tmp_path, page)
    text = str(seen["text"])
    assert f"{report.score:.1f}\n/ 100" in text or f"{report.score:.1f} / 100" in text
    assert report.missing, "the fixture should miss some required skills"
    for skill in report.missing:
        assert skill in text
    assert "Hidden text (page 1)" in text
    # The score and warnings are in the first screenful, warnings above the score.
    assert isinstance(seen["scoreTop"], float | int) and 0 <= seen["scoreTop"] < 900
    assert isinstance(seen["warningTop"], float | int) and seen["warningTop"] < seen["scoreTop"]
    # A found skill is highlighted with a visible background.
    resume = rm.parse_resume(page.with_suffix(".pdf"))
    assert seen["markText"] in {m.text for m in rm.extract_skills(resume)}
    assert "PyTorch" in {m.name for m in rm.extract_skills(resume)}
    assert seen["markBackground"] not in (None, "rgba(0, 0, 0, 0)", "transparent")
    assert seen["missingColor"] == "rgb(198, 40, 40)"
    # The flagged bullet's suggestion is on screen.
    weak = [f for f in rm.check_bullets(resume) if f.rule == "weak-verb"]
    assert weak and f"weak-verb: {weak[0].message}." in text


def test_screenshot_is_saved(stuffed_report: tuple[Path, rm.MatchReport], tmp_path: Path) -> None:
    page, _ = stuffed_report
    shot = Path(os.environ.get("RESUME_MATCH_SCREENSHOT_DIR", tmp_path)) / "match_report.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri())
    width, height, colours = _png_facts(shot)
    assert (width, height) == (1280, 2000)
    assert colours > 16  # not a blank page
    print(f"screenshot: {shot}")


def test_rank_table_sorts_in_the_browser(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    cvs = []
    # ann covers more of the job than bob, so name order and score order disagree.
    for name, skills in (("ann", "Python, PyTorch, Docker, SQL, AWS"), ("bob", "Python")):
        cv = tmp_path / f"{name}.txt"
        cv.write_text(
            f"{name.title()}\n\nEXPERIENCE\n- Built models with {skills}\n", encoding="utf-8"
        )
        cvs.append(str(cv))
    argv = [
        "rank",
        *cvs,
        "--job",
        "ml-engineer-mid",
        "--format",
        "html",
        "-o",
        str(folder),
        "--as-of",
        "2025-06-01",
    ]
    assert main(argv) == 0
    index = folder / "index.html"
    assert _probe(tmp_path, index)["rows"] == ["1", "2"]
    assert _probe(tmp_path, index, "#sort=score-asc")["rows"] == ["2", "1"]
    assert _probe(tmp_path, index, "#sort=candidate-desc")["rows"] == ["2", "1"]
    assert _probe(tmp_path, index, "#sort=candidate-asc")["rows"] == ["1", "2"]
