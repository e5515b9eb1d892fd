"""PDF in, raw page content out: the only module that imports pdfminer.six.

It reads each page with pdfminer's interpreter and a small device of our own
that records, per page, every character (text, box, font, size, colour, text
render mode), every painted path (box, fill, stroke, colours) and every image.
pdfminer's own layout analysis is not run: grouping characters into lines and
columns is :mod:`resume_match.layout`'s job, which is both faster and better at
multi-column resumes.

Every failure pdfminer can raise is mapped to one of our typed errors
(:mod:`resume_match.errors`) naming the file and the cause; warnings pdfminer logs
while reading (a repaired cross-reference table, a missing font) are kept as
``pdf-warning`` entries rather than printed to stderr.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.psexceptions import PSException
from pdfminer.utils import apply_matrix_pt, mult_matrix

from resume_match.errors import (
    CorruptPdfError,
    EncryptedPdfError,
    InputError,
    PdfTimeoutError,
    PdfTooLargeError,
)
from resume_match.layout import Char, PageContent, Path
from resume_match.models import ParseConfig, ParseWarning

__all__ = ["Char", "PageContent", "Path", "PdfSource", "RawPdf", "read_pdf"]

PdfSource = str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes]


@dataclass(slots=True)
class RawPdf:
    """Every page's content as recorded, plus what the reader noticed on the way."""

    source: str
    pages: list[PageContent]
    encrypted: bool
    warnings: list[ParseWarning]


def _rgb(color: Any) -> tuple[float, float, float] | None:
    """A pdfminer colour value (gray, RGB or CMYK, 0-1 floats) as an RGB triple."""
    try:
        if isinstance(color, int | float):
            g = float(color)
            return (g, g, g)
        if isinstance(color, list | tuple):
            values = [float(v) for v in color]
            if len(values) == 1:
                return (values[0], values[0], values[0])
            if len(values) == 3:
                return (values[0], values[1], values[2])
            if len(values) == 4:
                c, m, y, k = values
                return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    except (TypeError, ValueError):
        return None
    return None  # pattern colours and the like: unknown


class _Recorder(PDFLayoutAnalyzer):
    """A pdfminer device that keeps plain records instead of building a layout tree."""

    def __init__(self, rsrcmgr: PDFResourceManager) -> None:
        super().__init__(rsrcmgr, pageno=1, laparams=None)
        self.page: PageContent | None = None
        self._render = 0
        self._height = 0.0

    # pages ---------------------------------------------------------------
    def begin_page(self, page: PDFPage, ctm: Any) -> None:
        super().begin_page(page, ctm)
        x0, y0, x1, y1 = self.cur_item.bbox
        self._height = abs(y1 - y0)
        self.page = PageContent(number=self.pageno, width=abs(x1 - x0), height=self._height)

    def end_page(self, page: PDFPage) -> None:
        self.pageno += 1

    # figures and images: only counted (an image-only page is a scan) ---------
    def begin_figure(self, name: str, bbox: Any, matrix: Any) -> None:
        self._stack.append(self.cur_item)
        self._figure = (bbox, mult_matrix(matrix, self.ctm))

    def end_figure(self, _: str) -> None:
        self.cur_item = self._stack.pop()

    def render_image(self, name: str, stream: Any) -> None:
        assert self.page is not None
        self.page.images += 1
        # An image XObject is drawn in the unit square scaled by the CTM.
        _bbox, matrix = self._figure
        a, b, c, d, _e, _f = matrix
        self.page.image_area += abs(a * d - b * c)

    # text ------------------------------------------------------------------
    def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
        self._render = int(getattr(textstate, "render", 0) or 0)
        super().render_string(textstate, seq, ncs, graphicstate)

    def render_char(
        self,
        matrix: Any,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: Any,
        graphicstate: Any,
    ) -> float:
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = f"(cid:{cid})"
        adv = float(font.char_width(cid)) * fontsize * scaling
        if font.is_vertical():
            # Vertical writing is rare in resumes; keep the glyph with a square box.
            x0, y0 = apply_matrix_pt(matrix, (0, 0))
            x1, y1 = x0 + fontsize, y0 + fontsize
            upright = False
            size = float(fontsize)
        else:
            descent = font.get_descent() * fontsize
            lo = descent + rise
            # The four corners of (0, lo, adv, lo + fontsize) under the text matrix.
            xa, ya = apply_matrix_pt(matrix, (0, lo))
            xb, yb = apply_matrix_pt(matrix, (adv, lo + fontsize))
            xc, yc = apply_matrix_pt(matrix, (0, lo + fontsize))
            xd, yd = apply_matrix_pt(matrix, (adv, lo))
            x0, x1 = min(xa, xb, xc, xd), max(xa, xb, xc, xd)
            y0, y1 = min(ya, yb, yc, yd), max(ya, yb, yc, yd)
            a, b, c, d, _e, _f = matrix
            upright = a * d * scaling > 0 and b * c <= 0
            size = y1 - y0 if upright else max(x1 - x0, y1 - y0)
        assert self.page is not None
        self.page.chars.append(
            Char(
                text=text,
                x0=x0,
                top=self._height - y1,
                x1=x1,
                bottom=self._height - y0,
                size=size,
                font=str(font.fontname),
                color=_rgb(graphicstate.ncolor),
                render=self._render,
                upright=upright,
            )
        )
        return adv

    # vector graphics: backgrounds, rules under headings, drawn bullets ------
    def paint_path(self, gstate: Any, stroke: bool, fill: bool, evenodd: bool, path: Any) -> None:
        xs: list[float] = []
        ys: list[float] = []
        for segment in path:
            coords = segment[1:]
            for i in range(0, len(coords) - 1, 2):
                x, y = apply_matrix_pt(self.ctm, (coords[i], coords[i + 1]))
                xs.append(x)
                ys.append(y)
        if not xs or self.page is None:
            return
        self.page.paths.append(
            Path(
                x0=min(xs),
                top=self._height - max(ys),
                x1=max(xs),
                bottom=self._height - min(ys),
                fill=bool(fill),
                stroke=bool(stroke),
                fill_color=_rgb(gstate.ncolor) if fill else None,
                stroke_color=_rgb(gstate.scolor) if stroke else None,
                segments=len(path),
            )
        )


class _Timeout(BaseException):
    """Raised by the alarm inside pdfminer; BaseException so no `except Exception` eats it."""


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` where POSIX timers are usable (main thread).

    Elsewhere (threads, Windows) the reader still checks the clock between pages.
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _raise(signum: int, frame: object) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _LogCapture(logging.Handler):
    """Collects what pdfminer logs at WARNING or above while one PDF is read."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(Exception):
            message = record.getMessage().strip()
            if message and message not in self.messages:
                self.messages.append(message)


def _read_bytes(source: PdfSource, config: ParseConfig) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        name = "<bytes>"
    elif isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        try:
            size = os.path.getsize(name)
        except OSError as exc:
            raise InputError(f"{name}: cannot read the file ({exc.strerror or exc})") from exc
        if size > config.max_bytes:
            raise PdfTooLargeError(
                name,
                f"the file is {size:,} bytes, over the limit of {config.max_bytes:,}; "
                "raise ParseConfig.max_bytes if this is really a resume",
            )
        try:
            with open(name, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise InputError(f"{name}: cannot read the file ({exc.strerror or exc})") from exc
    elif hasattr(source, "read"):
        name = str(getattr(source, "name", "<stream>"))
        data = source.read(config.max_bytes + 1)
        if not isinstance(data, bytes):
            raise InputError(f"{name}: the file object must be opened in binary mode ('rb')")
    else:
        raise InputError(
            f"cannot read a PDF from a {type(source).__name__}; "
            "pass a path, bytes or a binary file object"
        )
    if len(data) > config.max_bytes:
        raise PdfTooLargeError(
            name,
            f"the file is over the limit of {config.max_bytes:,} bytes; "
            "raise ParseConfig.max_bytes if this is really a resume",
        )
    if not data.strip():
        raise CorruptPdfError(name, "the file is empty, not a PDF")
    return data, name


def read_pdf(source: PdfSource, *, password: str = "", config: ParseConfig | None = None) -> RawPdf:
    """Read every page's characters, paths and images.

    Raises the typed errors of :mod:`resume_match.errors`; never a pdfminer
    exception. An empty or image-only result is not an error here: the caller
    decides (see :func:`resume_match.parse.parse_resume`).
    """
    config = config or ParseConfig()
    data, name = _read_bytes(source, config)
    if b"%PDF" not in data[:1024]:
        raise CorruptPdfError(name, "not a PDF (no %PDF header); pass the resume as a PDF file")
    capture = _LogCapture()
    logger = logging.getLogger("pdfminer")
    logger.addHandler(capture)
    started = time.monotonic()
    try:
        with _deadline(config.max_seconds):
            return _read(data, name, password, config, capture, started)
    except _Timeout:
        raise PdfTimeoutError(
            name,
            f"reading took longer than {config.max_seconds:g} s; the PDF is unusually "
            "complex or malformed (raise ParseConfig.max_seconds to wait longer)",
        ) from None
    except RecursionError as exc:
        raise CorruptPdfError(name, "the PDF nests its objects too deeply to read") from exc
    finally:
        logger.removeHandler(capture)


def _read(
    data: bytes,
    name: str,
    password: str,
    config: ParseConfig,
    capture: _LogCapture,
    started: float,
) -> RawPdf:
    try:
        parser = PDFParser(io.BytesIO(data))
        document = PDFDocument(parser, password=password)
    except PDFPasswordIncorrect as exc:
        reason = (
            "the password given is wrong"
            if password
            else "the PDF is encrypted; pass its password (parse_resume(..., password=...))"
        )
        raise EncryptedPdfError(name, reason) from exc
    except PDFEncryptionError as exc:
        raise EncryptedPdfError(
            name, f"the PDF uses an encryption this reader does not support ({exc or 'unknown'})"
        ) from exc
    except (PSException, ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
        raise CorruptPdfError(name, _why_corrupt(exc)) from exc
    encrypted = bool(getattr(document, "encryption", None))

    try:
        pages = list(PDFPage.create_pages(document))
    except (PSException, ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
        raise CorruptPdfError(name, _why_corrupt(exc)) from exc
    if len(pages) > config.max_pages:
        raise PdfTooLargeError(
            name,
            f"the PDF has {len(pages)} pages, over the limit of {config.max_pages}; "
            "raise ParseConfig.max_pages if this is really a resume",
        )

    manager = PDFResourceManager(caching=True)
    device = _Recorder(manager)
    interpreter = PDFPageInterpreter(manager, device)
    out: list[PageContent] = []
    warnings: list[ParseWarning] = []
    for number, page in enumerate(pages, start=1):
        if time.monotonic() - started > config.max_seconds:
            raise _Timeout
        device.pageno = number
        try:
            interpreter.process_page(page)
        except (PSException, ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
            warnings.append(
                ParseWarning(
                    code="page-error",
                    message=f"page {number} could not be read completely ({_why_corrupt(exc)}); "
                    "its text may be missing",
                    page=number,
                )
            )
        if device.page is not None:
            out.append(device.page)
            device.page = None
    for message in capture.messages:
        warnings.append(
            ParseWarning(code="pdf-warning", message=f"the PDF reader reported: {message}")
        )
    if encrypted:
        warnings.append(
            ParseWarning(
                code="encrypted",
                message="the PDF is encrypted; it opened without a user password",
            )
        )
    return RawPdf(source=name, pages=out, encrypted=encrypted, warnings=warnings)


def _why_corrupt(exc: BaseException) -> str:
    detail = str(exc).strip() or type(exc).__name__
    if "No /Root" in detail or "really a PDF" in detail:
        return "not a PDF, or its structure is missing (no /Root object)"
    if type(exc).__name__ == "PSEOF":
        return "the PDF is truncated or damaged (unexpected end of file)"
    return f"the PDF is damaged and cannot be read ({type(exc).__name__}: {detail[:120]})"
