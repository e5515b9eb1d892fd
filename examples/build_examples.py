"""Render the sample resumes in examples/sources/*.txt to PDFs (needs reportlab).

The text sources are the truth; the PDFs beside them are what the examples and
the README read. Markup, one line at a time:

- ``# Name``: the name, large and bold, at the top;
- ``## HEADING``: a section heading; ``## [side] HEADING`` puts the section in a
  shaded sidebar on the right (a two-column design);
- ``- text``: a bullet, wrapped with a hanging indent;
- ``!hidden text``: text drawn in white on white (keyword stuffing, for testing);
- anything else: a plain line.

Run: python examples/build_examples.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
WIDTH, HEIGHT = letter


class Column:
    def __init__(self, pdf: canvas.Canvas, x0: float, x1: float, top: float) -> None:
        self.pdf, self.x0, self.x1, self.y = pdf, x0, x1, HEIGHT - top

    def write(
        self,
        text: str,
        *,
        font: str = "Helvetica",
        size: float = 10,
        indent: float = 0,
        hanging: float = 0,
        color: tuple[float, float, float] = (0, 0, 0),
        lead: float = 1.3,
    ) -> None:
        width = self.x1 - self.x0 - indent - hanging
        for i, piece in enumerate(simpleSplit(text, font, size, width) or [""]):
            self.y -= size * lead
            if self.y < 50:
                self.pdf.showPage()
                self.y = HEIGHT - 50 - size * lead
            self.pdf.setFont(font, size)
            self.pdf.setFillColorRGB(*color)
            self.pdf.drawString(self.x0 + indent + (hanging if i else 0), self.y, piece)
        self.pdf.setFillColorRGB(0, 0, 0)


def render(source: Path, target: Path) -> None:
    lines = source.read_text(encoding="utf-8").splitlines()
    has_side = any(line.startswith("## [side]") for line in lines)
    pdf = canvas.Canvas(str(target), pagesize=letter, invariant=1)
    pdf.setTitle(source.stem.replace("_", " "))
    main = Column(pdf, 50, 390 if has_side else 562, 40)
    side = Column(pdf, 420, 575, 40)
    if has_side:
        pdf.setFillColorRGB(0.93, 0.95, 0.97)
        pdf.rect(408, 0, WIDTH - 408, HEIGHT, stroke=0, fill=1)
        pdf.setFillColorRGB(0, 0, 0)
    current = main
    in_header = True
    for raw in lines:
        line = raw.rstrip()
        if not line:
            current.y -= 4
            continue
        if line.startswith("# "):
            main.write(line[2:], font="Helvetica-Bold", size=20)
            main.y -= 4
        elif line.startswith("## "):
            title = line[3:]
            if in_header and has_side:
                side.y = main.y  # the sidebar starts beside the first section
            in_header = False
            current = side if title.startswith("[side]") else main
            title = title.removeprefix("[side]").strip()
            current.y -= 8
            current.write(title, font="Helvetica-Bold", size=12, color=(0.1, 0.25, 0.5))
            pdf.setStrokeColorRGB(0.1, 0.25, 0.5)
            pdf.setLineWidth(0.7)
            pdf.line(current.x0, current.y - 3, current.x1, current.y - 3)
            current.y -= 3
        elif line.startswith("- "):
            current.write("\u2022 " + line[2:], indent=6, hanging=8)
        elif line.startswith("!hidden "):
            current.write(line[8:], color=(1, 1, 1), size=6)
        else:
            bold = " | " in line and any(ch.isdigit() for ch in line) and not in_header
            current.write(line, font="Helvetica-Bold" if bold else "Helvetica", size=10)
    pdf.save()


def main() -> int:
    for source in sorted((HERE / "sources").glob("*.txt")):
        target = HERE / f"{source.stem}.pdf"
        render(source, target)
        print(f"wrote {target.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
