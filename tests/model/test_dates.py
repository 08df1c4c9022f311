"""Dates that may be approximate or unknown, and date arithmetic that never overflows."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.model.dates import FuzzyDate, days_after, days_before

D = dt.date


@pytest.mark.parametrize(
    ("written", "first", "last", "stored", "shown"),
    [
        (D(2021, 8, 8), D(2021, 8, 8), D(2021, 8, 8), D(2021, 8, 8), "8 Aug 2021"),
        ("2021-08-08", D(2021, 8, 8), D(2021, 8, 8), D(2021, 8, 8), "8 Aug 2021"),
        ("2021-08", D(2021, 8, 1), D(2021, 8, 31), "2021-08", "Aug 2021"),
        ("2021-12", D(2021, 12, 1), D(2021, 12, 31), "2021-12", "Dec 2021"),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29), "2024-02", "Feb 2024"),
        (2021, D(2021, 1, 1), D(2021, 12, 31), "2021", "2021"),
        ("about 2021-08-08", D(2021, 8, 8), D(2021, 8, 8), "about 2021-08-08", "about 8 Aug 2021"),
        ("unknown", None, None, "unknown", "date unknown"),
    ],
)
def test_fuzzy_dates(written, first, last, stored, shown) -> None:
    date = FuzzyDate.parse(written)
    assert (date.first, date.last) == (first, last)
    assert date.to_yaml() == stored
    assert str(date) == shown
    assert FuzzyDate.parse(date.to_yaml()) == date


@pytest.mark.parametrize("bad", ["2021-13", "2021-08-32", "yesterday", "", True, 2.5, "0000"])
def test_bad_dates_say_how_to_write_one(bad) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        FuzzyDate.parse(bad)


def test_unknown_dates_sort_first() -> None:
    dates = [FuzzyDate.parse(x) for x in ("2021-08-08", "unknown", "2021-08")]
    assert [d.iso for d in sorted(dates, key=lambda d: d.key)] == [
        "unknown",
        "2021-08",
        "2021-08-08",
    ]


def test_date_arithmetic_stops_at_the_ends_of_the_calendar() -> None:
    assert days_before(D(1, 1, 3), 7) == D.min
    assert days_after(D(9999, 12, 30), 7) == D.max
    assert days_before(D(2021, 8, 13), 7) == D(2021, 8, 6)
