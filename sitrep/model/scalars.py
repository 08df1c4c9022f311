"""Field types that keep a value's type: no text read as a number, no number read as a date.

pydantic's default (lax) mode converts ``"31.6"`` to a float, ``true`` to 1,
``1.0`` to the format version 1, ``"yes"`` to True and the number 0 to
1 January 1970. A situation file says what it means, so these types refuse
such values; problems.py adds the hint (e.g. "remove the quotes").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Strict

Number = Annotated[float, Strict()]
"""A decimal number written as a number (an integer is fine; text, true and false are not)."""

WholeNumber = Annotated[int, Strict()]
"""A whole number written as one (not 1.0, not "3", not true)."""

Flag = Annotated[bool, Strict()]
"""true or false, written as such (not "yes", not 1)."""

_NUMBER = re.compile(r"[-+]?\d+(\.\d*)?([eE][-+]?\d+)?\Z")


def _day(value: Any) -> Any:
    """Let only a date, or text that is not a number, on to pydantic's date parsing.

    pydantic reads a number (or text of digits) as seconds since 1970: ``as_of: 0``
    would be 1 January 1970. Other text gets pydantic's own message.
    """
    if isinstance(value, dt.datetime):
        raise ValueError("should be a date without a time, written YYYY-MM-DD")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and not _NUMBER.match(value.strip()):
        return value
    shown = "true/false" if isinstance(value, bool) else repr(value)
    raise ValueError(f"should be a date written YYYY-MM-DD (e.g. 2021-08-13), not {shown}")


Day = Annotated[dt.date, BeforeValidator(_day)]
"""A calendar date, written YYYY-MM-DD in the file."""
