"""Characters on a page -> lines in reading order. Pure geometry, no pdfminer.

The steps, each a small function:

1. classify every character as visible or hidden (invisible render mode, under
   ``MIN_VISIBLE_SIZE`` points, outside the page, or the same colour as what is
   painted behind it);
2. cluster characters into rows by baseline and cut rows into *segments* at
   wide horizontal gaps, so that no segment ever spans a column gutter;
3. find column gutters recursively (vertical strips that few segments cross)
   and read column by column, top to bottom; a strip whose segments sit on the
   same baselines as the other side's and look like dates, bullets or icons is a
   margin column (dates left of each entry, right-aligned dates) and is read row
   by row instead;
4. join the segments of each row of a column into a :class:`Line`, noting
   vector-drawn bullets just left of it and rules drawn just under it.
"""

from __future__ import annotations

import functools
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from resume_match.models import Line

__all__ = ["BULLET_GLYPHS", "Char", "PageContent", "Path", "is_icon", "page_lines"]

MIN_VISIBLE_SIZE = 4.0
"""Text smaller than this many points is treated as hidden (no reader sees it)."""

COLOUR_TOLERANCE = 0.06
"""Text whose RGB channels all lie within this of its background is invisible."""


@dataclass(slots=True)
class Char:
    """One glyph, in top-left page coordinates (``top`` grows downwards)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    font: str
    color: tuple[float, float, float] | None
    render: int
    upright: bool


@dataclass(slots=True)
class Path:
    """One painted path's bounding box and paint, in top-left page coordinates."""

    x0: float
    top: float
    x1: float
    bottom: float
    fill: bool
    stroke: bool
    fill_color: tuple[float, float, float] | None
    stroke_color: tuple[float, float, float] | None
    segments: int


@dataclass(slots=True)
class PageContent:
    number: int
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    images: int = 0
    image_area: float = 0.0


@dataclass(slots=True)
class _Seg:
    chars: list[Char]
    hidden: str | None
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    marker: bool = False
    rule_below: bool = False


_BOLD = re.compile(r"bold|black|heavy|semibold|demi|cmbx|bx\d|-b\b|,b\b|\.b\b|medi", re.I)
_ITALIC = re.compile(r"italic|oblique|cmti|cmsl|-it\b|ti\d", re.I)
_SMALLCAPS = re.compile(r"smallcaps|csc\d|\bsc\b|-sc|caps", re.I)
_DATEISH = re.compile(
    r"(?:19|20)\d\d|\b(?:present|current|now|ongoing|today)\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s|['’]\d\d\b",
    re.I,
)


BULLET_GLYPHS = frozenset("•◦▪▫‣⁃●○■□►▸▹▶▷➢➤➣➔→⇒✓✔✗✘❖◆◇♦⦿⦾∙·⋅*-–—~+»›■◼◾◽❏❑❒⬤⚫⚬⭑★☆")
"""Characters that open a list item when they stand first on a line."""


def is_icon(char: str) -> bool:
    """A private-use glyph (icon fonts: Font Awesome, academicons, ...).

    Some fonts map one icon to several code points ("\uf111␣"); the first decides.
    """
    return bool(char) and (0xE000 <= ord(char[0]) <= 0xF8FF or 0xF0000 <= ord(char[0]) <= 0xFFFFD)


def _is_bullet_glyph(text: str) -> bool:
    return text in BULLET_GLYPHS or is_icon(text) or text.startswith("(cid:")


# --------------------------------------------------------------------------- #
# 1. hidden text
# --------------------------------------------------------------------------- #


def _background(char: Char, fills: list[Path]) -> tuple[float, float, float]:
    """The colour painted behind a character: the smallest filled shape under its centre."""
    cx = (char.x0 + char.x1) / 2
    cy = (char.top + char.bottom) / 2
    best: Path | None = None
    best_area = 0.0
    for path in fills:
        if path.x0 <= cx <= path.x1 and path.top <= cy <= path.bottom:
            area = (path.x1 - path.x0) * (path.bottom - path.top)
            if best is None or area < best_area:
                best, best_area = path, area
    if best is None or best.fill_color is None:
        return (1.0, 1.0, 1.0)
    return best.fill_color


def _near_any(color: tuple[float, float, float], fills: list[Path]) -> bool:
    for path in fills:
        fc = path.fill_color
        if fc is not None and all(
            abs(a - b) <= COLOUR_TOLERANCE for a, b in zip(color, fc, strict=True)
        ):
            return True
    return False


def hidden_reason(char: Char, page: PageContent, fills: list[Path]) -> str | None:
    """Why a reader would not see this character, or None when it is visible."""
    if char.render in (3, 7):
        return "invisible"
    if char.x1 < 0 or char.x0 > page.width or char.bottom < 0 or char.top > page.height:
        return "off-page"
    # Small bullet and icon glyphs are decoration, not hidden words.
    tiny = char.upright and 0 < char.size < MIN_VISIBLE_SIZE
    if tiny and any(c.isalnum() for c in char.text) and not is_icon(char.text):
        return "tiny"
    if char.color is not None and not char.text.isspace():
        if min(char.color) < 1 - COLOUR_TOLERANCE and not _near_any(char.color, fills):
            return None  # not white, and no shape on the page is painted in its colour
        bg = _background(char, fills)
        if all(abs(a - b) <= COLOUR_TOLERANCE for a, b in zip(char.color, bg, strict=True)):
            return "white" if min(bg) > 0.94 else "background"
    return None


# --------------------------------------------------------------------------- #
# 2. rows and segments
# --------------------------------------------------------------------------- #


def _rows(chars: list[Char]) -> list[list[Char]]:
    """Cluster characters into rows by baseline; small raised or lowered glyphs
    (superscripts, footnote marks, bullets set higher) join the row they sit in."""
    rows: list[list[Char]] = []
    spans: list[tuple[float, float, float]] = []  # (bottom, top, size) of each row's first char
    for char in sorted(chars, key=lambda c: (c.bottom, c.x0)):
        if rows:
            bottom, top, size = spans[-1]
            tol = max(1.5, 0.3 * min(size, char.size or size))
            if abs(char.bottom - bottom) <= tol:
                rows[-1].append(char)
                continue
        rows.append([char])
        spans.append((char.bottom, char.top, char.size))
    # Rows made only of smaller glyphs (superscripts, raised bullets) join the
    # neighbouring row whose box contains their middle.
    boxes = [
        (min(c.top for c in row), max(c.bottom for c in row), max(c.size for c in row))
        for row in rows
    ]
    target = list(range(len(rows)))
    for i, (top, bottom, size) in enumerate(boxes):
        if len(rows[i]) > 4:
            continue  # a superscript or a raised bullet is a glyph or two, not a line
        middle = (top + bottom) / 2
        for k in (i - 1, i + 1, i - 2, i + 2):
            if 0 <= k < len(rows) and target[k] == k:
                k_top, k_bottom, k_size = boxes[k]
                if size < 0.85 * k_size and k_top - 0.5 <= middle <= k_bottom + 0.5:
                    target[i] = k
                    break
    merged: dict[int, list[Char]] = {}
    for i, row in enumerate(rows):
        merged.setdefault(target[i], []).extend(row)
    return [merged[k] for k in sorted(merged)]


def _split_row(row: list[Char], hidden: str | None) -> list[_Seg]:
    """Cut one row into segments at gaps wider than about one em."""
    row.sort(key=lambda c: c.x0)
    segs: list[_Seg] = []
    current: list[Char] = []
    last_x1 = 0.0
    last_glyph: Char | None = None
    spaced: set[float] = set()  # x0 of glyphs that follow an explicit space character
    pending_space = False
    for char in row:
        if char.text.isspace() or not char.text:
            pending_space = True
            continue
        if pending_space:
            spaced.add(char.x0)
            pending_space = False
        if last_glyph is not None:
            # Overprinted duplicates (fake bold) are dropped.
            if char.text == last_glyph.text and abs(char.x0 - last_glyph.x0) < 0.6:
                continue
            gap = char.x0 - last_x1
            em = max(char.size, last_glyph.size, 1.0)
            if gap > 1.1 * em:
                segs.append(_Seg(current, hidden))
                current = []
        current.append(char)
        last_x1 = max(last_x1, char.x1) if current[1:] else char.x1
        last_glyph = char
    if current:
        segs.append(_Seg(current, hidden))
    frozen = frozenset(spaced)
    for seg in segs:
        _finish(seg, frozen)
    return segs


def _finish(seg: _Seg, seg_spaces: frozenset[float] = frozenset()) -> None:
    chars = seg.chars
    parts: list[str] = []
    prev: Char | None = None
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(chars)]
    size = max(statistics.median(c.size for c in chars), 1.0)
    spaced = [g > 0.1 * size for g in gaps]
    # Letter-spaced text (CSS letter-spacing, tracked headings): nearly every pair
    # of glyphs is apart, so only gaps clearly wider than the tracking are spaces.
    tracked = len(gaps) >= 4 and sum(spaced) >= 0.7 * len(gaps)
    threshold = (statistics.median(gaps) + 0.15 * size) if tracked else 0.1 * size
    for i, char in enumerate(chars):
        if prev is not None:
            gap = gaps[i - 1]
            if (char.x0 in seg_spaces and not tracked) or gap > threshold:
                parts.append(" ")
        parts.append(char.text)
        prev = char
    seg.text = "".join(parts)
    seg.x0 = min([c.x0 for c in chars])
    seg.x1 = max([c.x1 for c in chars])
    seg.top = min([c.top for c in chars])
    seg.bottom = max([c.bottom for c in chars])
    seg.size = statistics.median(c.size for c in chars)


# --------------------------------------------------------------------------- #
# 3. columns
# --------------------------------------------------------------------------- #


def _overlap_v(a: _Seg, b: _Seg) -> bool:
    tol = 0.4 * min(a.size, b.size)
    return abs(a.bottom - b.bottom) <= tol


def _aligned_share(side: list[_Seg], other: list[_Seg]) -> float:
    if not side:
        return 0.0
    hits = sum(1 for s in side if any(_overlap_v(s, o) for o in other))
    return hits / len(side)


def _marginlike(seg: _Seg) -> bool:
    text = seg.text.strip()
    return bool(_DATEISH.search(text)) or len(text) <= 2 or _is_bullet_glyph(text[:1])


def _is_margin(side: list[_Seg], other: list[_Seg], right: bool) -> bool:
    """A side that annotates the other row by row (dates, bullets, icons, locations)."""
    if _aligned_share(side, other) < 0.75:
        return False
    if sum(_marginlike(s) for s in side) >= 0.4 * len(side):
        return True
    if right and len(side) <= 0.5 * len(other):
        ends = [s.x1 for s in side]
        return max(ends) - min(ends) < 4.0  # right-aligned at the margin
    return False


def _gutters(segs: list[_Seg]) -> list[tuple[int, float, float]]:
    """Candidate gutters as (segments crossing, -width, x), best first."""
    events: list[tuple[float, int]] = []
    for s in segs:
        events.append((s.x0, 1))
        events.append((s.x1, -1))
    events.sort()
    lo = min(s.x0 for s in segs)
    hi = max(s.x1 for s in segs)
    out: list[tuple[int, float, float]] = []
    depth = 0
    prev_x = events[0][0]
    for x, delta in events:
        if x - prev_x >= 5.0 and lo < prev_x and x < hi:
            out.append((depth, -(x - prev_x), (x + prev_x) / 2))
        depth += delta
        prev_x = x
    limit = max(2, int(0.12 * len(segs)))
    return sorted(c for c in out if c[0] <= limit)


def _header_cut(left: list[_Seg], right: list[_Seg]) -> float | None:
    """Where to cut a page whose one side is only a header or footer block.

    A short block beside the top of a long column (contact details right of the
    name) is a header band, not a column: reading it as a column would put it in
    the middle of the long column's sections. Returns the y to cut at, or None.
    """
    l_top, l_bot = min(s.top for s in left), max(s.bottom for s in left)
    r_top, r_bot = min(s.top for s in right), max(s.bottom for s in right)
    (s_top, s_bot), (g_top, g_bot) = (
        ((r_top, r_bot), (l_top, l_bot))
        if r_bot - r_top < l_bot - l_top
        else ((l_top, l_bot), (r_top, r_bot))
    )
    if (s_bot - s_top) >= 0.3 * (g_bot - g_top):
        return None
    if s_top <= g_top + 0.15 * (g_bot - g_top) and s_bot < g_bot:
        return s_bot + 0.5
    if s_bot >= g_bot - 0.15 * (g_bot - g_top) and s_top > g_top:
        return s_top - 0.5
    return None


def _columns(segs: list[_Seg], depth: int = 0) -> list[list[_Seg]]:
    """Segments grouped into columns (lists) in reading order."""
    if len(segs) < 6 or depth > 4:
        return [segs]
    for _crossing, _neg_width, x in _gutters(segs):
        left = [s for s in segs if s.x1 <= x]
        right = [s for s in segs if s.x0 >= x]
        spanning = [s for s in segs if s.x0 < x < s.x1]
        if len(left) < 3 or len(right) < 3:
            continue
        if _is_margin(left, right, right=False) or _is_margin(right, left, right=True):
            continue
        cut = _header_cut(left, right)
        if cut is not None:
            upper = [s for s in segs if (s.top + s.bottom) / 2 < cut]
            lower = [s for s in segs if (s.top + s.bottom) / 2 >= cut]
            if upper and lower:
                return _columns(upper, depth + 1) + _columns(lower, depth + 1)
        # A segment poking a little into the gutter belongs to its side; only one
        # reaching well into both sides (a full-width heading) separates bands.
        left_w = x - min(s.x0 for s in left)
        right_w = max(s.x1 for s in right) - x
        bands: list[_Seg] = []
        for s in spanning:
            if s.x1 - x < 0.25 * right_w:
                left.append(s)
            elif x - s.x0 < 0.25 * left_w:
                right.append(s)
            else:
                bands.append(s)
        bands.sort(key=lambda s: s.top)
        out: list[list[_Seg]] = []
        for i in range(len(bands) + 1):
            y_from = bands[i - 1].bottom if i else float("-inf")
            y_to = bands[i].top if i < len(bands) else float("inf")
            band_left = [s for s in left if y_from <= (s.top + s.bottom) / 2 < y_to]
            band_right = [s for s in right if y_from <= (s.top + s.bottom) / 2 < y_to]
            if band_left:
                out.extend(_columns(band_left, depth + 1))
            if band_right:
                out.extend(_columns(band_right, depth + 1))
            if i < len(bands):
                out.append([bands[i]])
        return out
    return [segs]


# --------------------------------------------------------------------------- #
# 4. lines
# --------------------------------------------------------------------------- #


def _mark_graphics(segs: list[_Seg], paths: list[Path]) -> None:
    """Note vector bullets left of a segment and rules drawn under it."""
    dots = [
        p
        for p in paths
        if p.fill
        and 1.2 <= p.x1 - p.x0 <= 9
        and 1.2 <= p.bottom - p.top <= 9
        and 0.5 <= (p.x1 - p.x0) / max(p.bottom - p.top, 0.01) <= 2.0
    ]
    rules = [
        p
        for p in paths
        if (p.bottom - p.top) <= 2.0 and (p.x1 - p.x0) >= 40 and (p.stroke or p.fill)
    ]
    for seg in segs:
        if seg.hidden:
            continue
        mid = (seg.top + seg.bottom) / 2
        for dot in dots:
            cy = (dot.top + dot.bottom) / 2
            if abs(cy - mid) <= 0.45 * seg.size and 0 <= seg.x0 - dot.x1 <= 3.0 * seg.size:
                seg.marker = True
                break
        for rule in rules:
            below = rule.top - seg.bottom
            if -1.0 <= below <= 0.9 * seg.size and rule.x0 <= seg.x0 + 2 and rule.x1 >= seg.x1 - 2:
                seg.rule_below = True
                break


@functools.lru_cache(maxsize=512)
def _font_flags(font: str) -> tuple[bool, bool, bool]:
    """(bold, italic, small caps) read from a font's name; cached: few fonts per file."""
    return bool(_BOLD.search(font)), bool(_ITALIC.search(font)), bool(_SMALLCAPS.search(font))


def _hex(color: tuple[float, float, float] | None) -> str | None:
    if color is None:
        return None
    r, g, b = (max(0, min(255, round(c * 255))) for c in color)
    return f"#{r:02x}{g:02x}{b:02x}"


def _to_line(segs: list[_Seg], page: int) -> Line:
    segs = sorted(segs, key=lambda s: s.x0)
    parts: list[str] = []
    cells: list[float] = []
    for i, seg in enumerate(segs):
        if i:
            gap = seg.x0 - segs[i - 1].x1
            if gap > 3 * seg.size or _is_bullet_glyph(seg.text[:1]) or is_icon(seg.text):
                parts.append("\t")
                cells.append(round(seg.x0, 2))
            else:
                parts.append(" ")
        parts.append(seg.text)
    chars = [c for s in segs for c in s.chars if c.text.strip()]
    letters = [c for c in chars if c.text.isalpha()]
    pool = letters or chars
    fonts = Counter(c.font for c in pool)
    font = max(sorted(fonts), key=lambda k: fonts[k]) if fonts else ""
    # Bold / italic by majority of letters, so one bold word does not make a bold line.
    n = max(len(pool), 1)
    bold = sum(v for f, v in fonts.items() if _font_flags(f)[0]) > 0.6 * n
    italic = sum(v for f, v in fonts.items() if _font_flags(f)[1]) > 0.6 * n
    sizes = [c.size for c in letters] or [s.size for s in segs]
    if letters and all(c.text.isupper() for c in letters):
        size = max(sizes)
    else:
        size = statistics.median(sizes)
    colours = Counter(c.color for c in letters if c.color is not None)
    colour = _hex(max(sorted(colours), key=lambda k: colours[k])) if colours else None
    return Line(
        text="".join(parts),
        page=page,
        x0=round(segs[0].x0, 2),
        top=round(min(s.top for s in segs), 2),
        x1=round(max(s.x1 for s in segs), 2),
        bottom=round(max(s.bottom for s in segs), 2),
        size=round(float(size), 2),
        bold=bold,
        italic=italic,
        smallcaps=_font_flags(font)[2] or _looks_smallcaps(letters),
        color=colour,
        font=font,
        hidden=segs[0].hidden,
        marker=segs[0].marker,
        rule_below=any(s.rule_below for s in segs),
        cells=tuple(cells),
    )


def _looks_smallcaps(letters: list[Char]) -> bool:
    """Upper-case letters in two sizes (faked small caps: 'EXPERIENCE' with a large E)."""
    chars = letters
    if len(chars) < 4 or not all(c.text.isupper() for c in chars):
        return False
    sizes = sorted({round(c.size, 1) for c in chars})
    return len(sizes) == 2 and sizes[1] / max(sizes[0], 0.1) > 1.12


_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–]?\s*\d{1,3}\s*(?:(?:/|of)\s*\d{1,3})?\s*[-–]?$", re.I)


def _is_page_number(seg: _Seg, height: float) -> bool:
    near_edge = seg.top > 0.85 * height or seg.bottom < 0.1 * height
    return near_edge and bool(_PAGE_NUMBER.match(seg.text.strip()))


def _rows_of(column: list[_Seg]) -> list[list[_Seg]]:
    rows: list[list[_Seg]] = []
    for seg in sorted(column, key=lambda s: (s.bottom, s.x0)):
        if rows and _overlap_v(rows[-1][0], seg) and rows[-1][0].hidden == seg.hidden:
            rows[-1].append(seg)
        else:
            rows.append([seg])
    return rows


def page_lines(page: PageContent, *, keep_hidden: bool = False) -> tuple[list[Line], list[Line]]:
    """Lines of one page in reading order, and the hidden lines apart.

    With ``keep_hidden`` the hidden lines are also placed in the reading order
    (flagged with their reason); otherwise they only come back in the second list.
    """
    fills = [p for p in page.paths if p.fill and p.fill_color is not None]
    visible: list[Char] = []
    hidden: dict[str, list[Char]] = {}
    for char in page.chars:
        if not char.text:
            continue
        reason = hidden_reason(char, page, fills)
        if reason is None:
            visible.append(char)
        else:
            hidden.setdefault(reason, []).append(char)

    segs = [seg for row in _rows(visible) for seg in _split_row(row, None)]
    hidden_segs = [
        seg
        for reason in sorted(hidden)
        for row in _rows(hidden[reason])
        for seg in _split_row(row, reason)
    ]
    _mark_graphics(segs, page.paths)

    # Page numbers ("2/3", "Page 1 of 2") sit outside the columns; read them last.
    furniture = [s for s in segs if _is_page_number(s, page.height)]
    body = [s for s in segs if not _is_page_number(s, page.height)]
    ordered = body + hidden_segs if keep_hidden else body
    lines = [
        _to_line(row, page.number)
        for column in [*_columns(ordered), furniture]
        for row in _rows_of(column)
        if any(s.text.strip() for s in row)
    ]
    hidden_lines = [
        _to_line(row, page.number)
        for row in _rows_of(sorted(hidden_segs, key=lambda s: (s.top, s.x0)))
        if any(s.text.strip() for s in row)
    ]
    return lines, hidden_lines
