"""Dates as people type them: "2021-08-12", "12 Aug", "Aug 12 2021", "12/08/2021", "today", "-2d".

Pure functions, no I/O: the form shows the ISO date it read beside the text, so
a day/month mix-up is seen before saving. Numeric dates with slashes, dots or
dashes ("12/08/2021") read day first or month first as the user's setting says
(date_order, "dmy" by default); a date without a year takes the year of the
reference date (the situation's date being edited, else today).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

DateOrder = Literal["dmy", "mdy"]

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1}
_AGO = re.compile(r"([+-])\s*(\d{1,4})\s*d")
_DAY_MONTH = re.compile(r"(\d{1,2})\s*([a-z]+)\.?,?\s*(\d{4})?")
_MONTH_DAY = re.compile(r"([a-z]+)\.?\s*(\d{1,2}),?\s*(\d{4})?")
_NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}))?")
EXAMPLES = "2021-08-12, 12 Aug, 12/08/2021, today, yesterday or -2d"


class DateNotRead(ValueError):
    """The text is not a date sitrep can read; the message says what would be."""


def read_date(
    text: str, *, today: dt.date, reference: dt.date | None = None, order: DateOrder = "dmy"
) -> dt.date:
    """The date a user meant by text; DateNotRead says what to type instead."""
    typed = " ".join(text.strip().casefold().split())
    year = (reference or today).year
    if typed in RELATIVE:
        return today + dt.timedelta(days=RELATIVE[typed])
    if match := _AGO.fullmatch(typed):
        days = int(match[2])
        return today + dt.timedelta(days=-days if match[1] == "-" else days)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", typed):
        return _make(int(typed[:4]), int(typed[5:7]), int(typed[8:]))
    if match := _NUMERIC.fullmatch(typed):
        first, second = int(match[1]), int(match[2])
        day, month = (first, second) if order == "dmy" else (second, first)
        return _make(int(match[3]) if match[3] else year, month, day)
    if (match := _DAY_MONTH.fullmatch(typed)) and match[2] in MONTHS:
        return _make(int(match[3]) if match[3] else year, MONTHS[match[2]], int(match[1]))
    if (match := _MONTH_DAY.fullmatch(typed)) and match[1] in MONTHS:
        return _make(int(match[3]) if match[3] else year, MONTHS[match[1]], int(match[2]))
    raise DateNotRead(f"a date such as {EXAMPLES}")


def _make(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise DateNotRead(f"no such date: {exc}") from exc
