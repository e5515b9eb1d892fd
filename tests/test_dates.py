"""Dates as resumes print them, and years of experience."""

from __future__ import annotations

import datetime as dt

import pytest

from resume_match.dates import find_date_range, months_between, total_years
from resume_match.models import YearMonth

TODAY = dt.date(2025, 6, 30)


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("Jan 2020 – Mar 2021", (2020, 1), (2021, 3), False),
        ("January 2020 - March 2021", (2020, 1), (2021, 3), False),
        ("Sept. 2019 - Present", (2019, 9), None, True),
        ("Jun 2023 – current", (2023, 6), None, True),
        ("2022 to date", (2022, None), None, True),
        ("01/2020 - 06/2021", (2020, 1), (2021, 6), False),
        ("12/19 - 3/21", (2019, 12), (2021, 3), False),
        ("03.2020 – 11.2021", (2020, 3), (2021, 11), False),
        ("2020-03 to 2021-11", (2020, 3), (2021, 11), False),
        ("2018 – 2020", (2018, None), (2020, None), False),
        ("Jan ’19 – Dec ’20", (2019, 1), (2020, 12), False),
        ("Summer 2021", (2021, 6), None, False),
        ("Q3 2022 - now", (2022, 7), None, True),
        ("since 2019", (2019, None), None, True),
        ("2021 - 2019", (2019, None), (2021, None), False),
        ("ML Engineer, Acme  Mar 2019 – Ongoing", (2019, 3), None, True),
    ],
)
def test_forms(text: str, start: tuple[int, int | None], end: object, current: bool) -> None:
    found = find_date_range(text)
    assert found is not None
    assert found.start == YearMonth(year=start[0], month=start[1])
    if end is None:
        assert found.end is None
    else:
        y, m = end  # type: ignore[misc]
        assert found.end == YearMonth(year=y, month=m)
    assert found.current is current


@pytest.mark.parametrize("text", ["Python 3.10", "year–year", "ISO 27001 audit", "GPT-4", ""])
def test_not_dates(text: str) -> None:
    assert find_date_range(text) is None


def test_inclusive_months() -> None:
    assert months_between(YearMonth(year=2020, month=1), YearMonth(year=2020, month=3)) == 3
    assert months_between(YearMonth(year=2018), YearMonth(year=2020)) == 36
    assert months_between(YearMonth(year=2021), YearMonth(year=2020)) == 0


def test_overlaps_merge_and_open_ends_stop_today() -> None:
    ranges = [find_date_range("Jan 2020 - Dec 2021"), find_date_range("Jun 2021 - Present")]
    assert total_years([r for r in ranges if r], TODAY) == 5.5
    future = find_date_range("Jan 2024 - Dec 2030")
    assert future is not None
    assert total_years([future], TODAY) == 1.5
    single = find_date_range("May 2021")
    assert single is not None
    assert total_years([single], TODAY) == 0.0
