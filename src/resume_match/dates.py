"""Dates as resumes print them, and years of experience from merged intervals.

Forms understood (case-insensitive, any dash or "to"/"until" between the ends):
``Jan 2020``, ``January 2020``, ``Sept. 2019``, ``01/2020``, ``1/20``,
``2020-01``, ``2020``, ``'19`` / ``’19``, seasons (``Summer 2021``: the
season's first month), quarters (``Q3 2022``), and open ends ``Present``,
``Current``, ``Now``, ``Today``, ``Ongoing``, ``to date``.

>>> r = find_date_range("ML Engineer, Acme  Mar 2019 – Present")
>>> (r.start.year, r.start.month, r.current)
(2019, 3, True)
>>> months_between(YearMonth(year=2019, month=3), YearMonth(year=2019, month=5))
3

Counting rule (documented in the README): intervals are inclusive of both
months ("Jan 2020 - Mar 2020" is 3 months, as LinkedIn counts); a year without
a month starts in January and ends in December; open ends stop at the
reference date; overlapping intervals are merged before summing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from resume_match.models import DateRange, YearMonth

__all__ = ["find_date_range", "months_between", "total_years"]

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_QUARTERS = {"q1": 1, "q2": 4, "q3": 7, "q4": 10}

_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_SEASON_RE = "|".join(_SEASONS)
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_YY = r"['’‘]\d\d"

# One end of a range; named groups say which form matched.
_POINT = (
    rf"(?:(?P<{{p}}mon>{_MONTH_RE})\.?,?\s*(?P<{{p}}monyear>{_YEAR}|{_YY}|\d\d\b)"
    rf"|(?P<{{p}}season>{_SEASON_RE})\s+(?P<{{p}}seasonyear>{_YEAR}|{_YY})"
    rf"|(?P<{{p}}q>q[1-4])\s*(?P<{{p}}qyear>{_YEAR})"
    rf"|(?P<{{p}}num>(?:0?[1-9]|1[0-2]))\s*/\s*(?P<{{p}}numyear>{_YEAR}|\d\d)\b"
    rf"|(?P<{{p}}dot>(?:0?[1-9]|1[0-2]))\.(?P<{{p}}dotyear>{_YEAR})\b"
    rf"|(?P<{{p}}iso>{_YEAR})-(?P<{{p}}isomon>0[1-9]|1[0-2])\b"
    rf"|(?P<{{p}}year>{_YEAR})(?![\d/])"
    rf"|(?P<{{p}}yy>{_YY}))"
)
_OPEN = r"(?P<open>present|current(?:ly)?|now|today|ongoing|to\s+date|date|till\s+now)"
_SEP = r"\s*(?:[-–—‐‑−~]+|\bto\b|\buntil\b|\btill\b|→|>)\s*"

_RANGE = re.compile(
    rf"(?<![\w/])(?:{_POINT.format(p='a_')})(?:{_SEP}(?:{_POINT.format(p='b_')}|{_OPEN}))?"
    rf"(?![\w])",
    re.I,
)
_OPEN_ONLY = re.compile(rf"(?:since|from)\s+(?:{_POINT.format(p='a_')})", re.I)


def _year(text: str) -> int:
    text = text.strip("'’‘")
    if len(text) == 2:
        value = int(text)
        return 2000 + value if value <= 40 else 1900 + value
    return int(text)


def _point(match: re.Match[str], prefix: str) -> YearMonth | None:
    g = match.groupdict()
    if g.get(prefix + "mon"):
        return YearMonth(
            year=_year(g[prefix + "monyear"]), month=_MONTHS[g[prefix + "mon"].lower()]
        )
    if g.get(prefix + "season"):
        return YearMonth(
            year=_year(g[prefix + "seasonyear"]), month=_SEASONS[g[prefix + "season"].lower()]
        )
    if g.get(prefix + "q"):
        return YearMonth(year=_year(g[prefix + "qyear"]), month=_QUARTERS[g[prefix + "q"].lower()])
    if g.get(prefix + "num"):
        return YearMonth(year=_year(g[prefix + "numyear"]), month=int(g[prefix + "num"]))
    if g.get(prefix + "dot"):
        return YearMonth(year=_year(g[prefix + "dotyear"]), month=int(g[prefix + "dot"]))
    if g.get(prefix + "iso"):
        return YearMonth(year=int(g[prefix + "iso"]), month=int(g[prefix + "isomon"]))
    if g.get(prefix + "year"):
        return YearMonth(year=int(g[prefix + "year"]))
    if g.get(prefix + "yy"):
        return YearMonth(year=_year(g[prefix + "yy"]))
    return None


def find_date_range(text: str) -> DateRange | None:
    """The first date or date range in ``text``, or None.

    A single date ("May 2021") gives a range with only ``start`` set; the caller
    decides whether that is a point in time (a graduation) or an open start.
    """
    since = _OPEN_ONLY.search(text)
    if since is not None:
        return DateRange(start=_point(since, "a_"), end=None, current=True, text=since.group(0))
    best: re.Match[str] | None = None
    for match in _RANGE.finditer(text):
        # Prefer a real range over a lone year that happens to come first.
        is_range = match.group("open") or any(
            v for k, v in match.groupdict().items() if k.startswith("b_") and v
        )
        if is_range:
            best = match
            break
        if best is None:
            best = match
    if best is None:
        return None
    start = _point(best, "a_")
    end = _point(best, "b_")
    current = bool(best.group("open"))
    if (
        start is not None
        and end is not None
        and (end.year, end.month or 12)
        < (
            start.year,
            start.month or 1,
        )
    ):
        end, start = start, end  # written newest first ("2021 - 2019")
    return DateRange(start=start, end=end, current=current, text=best.group(0).strip())


def _index(point: YearMonth, *, end: bool) -> int:
    month = point.month if point.month is not None else (12 if end else 1)
    return point.year * 12 + month - 1


def months_between(start: YearMonth, end: YearMonth) -> int:
    """Months from ``start`` to ``end``, both inclusive (0 if ``end`` is earlier)."""
    return max(0, _index(end, end=True) - _index(start, end=False) + 1)


def interval(dates: DateRange, today: dt.date) -> tuple[int, int] | None:
    """The range as inclusive month indexes, open ends closed at ``today``."""
    if dates.start is None:
        return None
    now = today.year * 12 + today.month - 1
    lo = _index(dates.start, end=False)
    if dates.end is not None:
        hi = _index(dates.end, end=True)
    elif dates.current:
        hi = now
    else:
        return None  # a single date: not a span of work
    hi = min(hi, now)
    if hi < lo:
        return None
    return lo, hi


def total_years(ranges: Iterable[DateRange], today: dt.date) -> float:
    """Years covered by the ranges, overlaps merged, rounded to 0.1."""
    spans = sorted(s for s in (interval(r, today) for r in ranges) if s is not None)
    months = 0
    cur_lo, cur_hi = -1, -2
    for lo, hi in spans:
        if lo > cur_hi + 1:
            months += max(0, cur_hi - cur_lo + 1) if cur_hi >= cur_lo else 0
            cur_lo, cur_hi = lo, hi
        else:
            cur_hi = max(cur_hi, hi)
    if cur_hi >= cur_lo:
        months += cur_hi - cur_lo + 1
    return round(months / 12, 1)
