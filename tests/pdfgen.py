"""Build small resume PDFs in tests, with reportlab, in top-left coordinates.

Each test draws exactly the layout it needs (columns, glyphs, hidden text), so
the parser is exercised on shapes the shared corpus does not have.
"""

from __future__ import annotations

import io
import os
import zlib
from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def unicode_font() -> str | None:
    """Register DejaVu Sans (wide glyph coverage) if the machine has it."""
    regular = _DEJAVU / "DejaVuSans.ttf"
    bold = _DEJAVU / "DejaVuSans-Bold.ttf"
    if not regular.exists():
        return None
    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", os.fspath(regular)))
        if bold.exists():
            pdfmetrics.registerFont(TTFont("DejaVu-Bold", os.fspath(bold)))
    return "DejaVu"


class Doc:
    """A reportlab canvas addressed from the top-left corner, in points."""

    def __init__(self, pagesize: tuple[float, float] = letter, *, encrypt: str | None = None):
        self.buffer = io.BytesIO()
        self.width, self.height = pagesize
        self.canvas = canvas.Canvas(self.buffer, pagesize=pagesize, encrypt=encrypt)

    def text(
        self,
        x: float,
        top: float,
        text: str,
        *,
        size: float = 10,
        font: str = "Helvetica",
        color: tuple[float, float, float] = (0, 0, 0),
        render: int = 0,
        charspace: float = 0,
    ) -> None:
        obj = self.canvas.beginText()
        obj.setTextOrigin(x, self.height - top - size)
        obj.setFont(font, size)
        obj.setCharSpace(charspace)
        obj.setFillColorRGB(*color)
        obj.setTextRenderMode(render)
        obj.textOut(text)
        self.canvas.drawText(obj)

    def lines(
        self,
        x: float,
        top: float,
        texts: list[str],
        *,
        size: float = 10,
        leading: float = 13,
        **kw: object,
    ) -> float:
        """Draw one line per entry, returning the top of the next line."""
        for t in texts:
            self.text(x, top, t, size=size, **kw)  # type: ignore[arg-type]
            top += leading
        return top

    def rect(
        self, x: float, top: float, w: float, h: float, *, fill: tuple[float, float, float]
    ) -> None:
        self.canvas.setFillColorRGB(*fill)
        self.canvas.rect(x, self.height - top - h, w, h, stroke=0, fill=1)
        self.canvas.setFillColorRGB(0, 0, 0)

    def circle(self, cx: float, cy_top: float, r: float) -> None:
        self.canvas.circle(cx, self.height - cy_top, r, stroke=0, fill=1)

    def rule(self, x0: float, x1: float, top: float) -> None:
        self.canvas.setLineWidth(0.8)
        self.canvas.line(x0, self.height - top, x1, self.height - top)

    def new_page(self) -> None:
        self.canvas.showPage()

    def bytes(self) -> bytes:
        self.canvas.save()
        return self.buffer.getvalue()


def image_only_pdf() -> bytes:
    """A one-page PDF whose only content is a grey image: what a scanner makes."""
    pixels = zlib.compress(bytes([128]) * (8 * 8))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>",
    ]
    content = b"q 500 0 0 700 50 50 cm /Im0 Do Q"
    streams = [
        (b"<< /Length %d >>" % len(content), content),
        (
            b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>" % len(pixels),
            pixels,
        ),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    for j, (head, data) in enumerate(streams, start=len(objects) + 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % j + head + b"\nstream\n" + data + b"\nendstream\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref)
    )
    return out.getvalue()
