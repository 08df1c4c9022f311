"""Dates as people type them (issue 13): every form, one reader."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.model.typed_dates import DateNotRead, read_date

TODAY = dt.date(2026, 12, 4)
AS_OF = dt.date(2021, 8, 13)


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("2021-08-12", "dmy", dt.date(2021, 8, 12)),
        ("12 Aug", "dmy", dt.date(2021, 8, 12)),
        ("12 august 2020", "dmy", dt.date(2020, 8, 12)),
        ("Aug 12, 2021", "dmy", dt.date(2021, 8, 12)),
        ("12/08/2021", "dmy", dt.date(2021, 8, 12)),
        ("12/08/2021", "mdy", dt.date(2021, 12, 8)),
        ("12.08", "dmy", dt.date(2021, 8, 12)),
        ("today", "dmy", TODAY),
        ("Yesterday", "dmy", dt.date(2026, 12, 3)),
        ("-2d", "dmy", dt.date(2026, 12, 2)),
    ],
)
def test_dates_people_type(text: str, order: str, expected: dt.date) -> None:
    assert read_date(text, today=TODAY, reference=AS_OF, order=order) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["31 Feb", "2021-13-01", "soon", "12 Agu", "32/01/2021"])
def test_what_is_not_a_date_says_what_would_be(text: str) -> None:
    with pytest.raises(DateNotRead, match="date"):
        read_date(text, today=TODAY, reference=AS_OF)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_every_iso_date_and_its_day_month_forms_read_back(day: dt.date) -> None:
    assert read_date(day.isoformat(), today=TODAY) == day
    assert read_date(f"{day.day} {day:%b} {day.year}", today=TODAY) == day
    assert read_date(f"{day.day}/{day.month}/{day.year}", today=TODAY) == day
    assert read_date(f"{day.month}/{day.day}/{day.year}", today=TODAY, order="mdy") == day
