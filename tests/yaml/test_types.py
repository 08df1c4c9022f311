"""Values keep their type: nothing is coerced, both readers refuse alike, with a hint.

docs/format.md: "Values keep their type". pydantic's lax mode read ``lat: "31.6"``
as a number, ``true`` as 1, ``sitrep: 1.0`` as version 1, ``yes`` as true and
``as_of: 0`` as 1 January 1970; and explicit core tags (``!!timestamp``) were
honoured although the docs say no tag is.
"""

from __future__ import annotations

import pytest

from sitrep.errors import SitrepDataError
from sitrep.yaml.block.fast import Declined, read_plain
from sitrep.yaml.io import parse_situation

BASE = {
    "version": "1",
    "as_of": "2021-08-13",
    "report_number": "1",
    "lat": "31.6",
    "seat": "false",
    "title": "t",
}
TEXT = """sitrep: {version}
header:
  title: {title}
  region: r
  as_of: {as_of}
  report_number: {report_number}
parties:
- id: a
  name: A
territory:
- id: p
  name: P
  holder: a
  lat: {lat}
  lon: 1
  seat_of_government: {seat}
"""

# (field, value as written, line:col, message)
REFUSED = [
    ("lat", "true", "14:8", "lat: should be a valid number (true and false are not numbers)"),
    ("lat", '"31.6"', "14:8", "lat: should be a valid number (remove the quotes: '31.6' is text)"),
    ("lat", "'31.6'", "14:8", "lat: should be a valid number (remove the quotes: '31.6' is text)"),
    (
        "report_number",
        "true",
        "6:18",
        "report_number: should be a valid integer (true and false are not numbers)",
    ),
    (
        "report_number",
        '"3"',
        "6:18",
        "report_number: should be a valid integer (remove the quotes: '3' is text)",
    ),
    (
        "report_number",
        "3.0",
        "6:18",
        "report_number: should be a valid integer (write a whole number, without a decimal point)",
    ),
    (
        "report_number",
        "1000000",
        "6:18",
        "report_number: should be less than or equal to 999999",
    ),
    (
        "version",
        "1.0",
        "1:9",
        "sitrep: should be 2 (or 1), written as a whole number "
        "(write a whole number, without a decimal point)",
    ),
    (
        "version",
        '"1"',
        "1:9",
        "sitrep: should be 2 (or 1), written as a whole number (remove the quotes)",
    ),
    (
        "version",
        "true",
        "1:9",
        "sitrep: should be 2 (or 1), written as a whole number (true and false are not numbers)",
    ),
    (
        "seat",
        "yes",
        "16:23",
        "seat_of_government: should be a valid boolean (write true or false)",
    ),
    (
        "seat",
        "'true'",
        "16:23",
        "seat_of_government: should be a valid boolean (remove the quotes: 'true' is text)",
    ),
    ("seat", "1", "16:23", "seat_of_government: should be a valid boolean (write true or false)"),
    ("as_of", "0", "5:10", "as_of: should be a date written YYYY-MM-DD (e.g. 2021-08-13), not 0"),
    (
        "as_of",
        '"86400"',
        "5:10",
        "as_of: should be a date written YYYY-MM-DD (e.g. 2021-08-13), not '86400'",
    ),
    (
        "as_of",
        "true",
        "5:10",
        "as_of: should be a date written YYYY-MM-DD (e.g. 2021-08-13), not true/false",
    ),
    (
        "as_of",
        "2021-08-13T10:00:00",
        "5:10",
        "as_of: should be a date without a time, written YYYY-MM-DD",
    ),
    (
        "as_of",
        "!!timestamp 2021-08-13",
        "5:10",
        "YAML tags such as !!timestamp are not allowed: remove it "
        "(a value's own text says what it is)",
    ),
    (
        "as_of",
        "!!str 2021-08-13",
        "5:10",
        "YAML tags such as !!str are not allowed: remove it (a value's own text says what it is)",
    ),
    (
        "title",
        "! x",
        "3:10",
        "YAML tags such as ! are not allowed: remove it (a value's own text says what it is)",
    ),
    (
        "lat",
        "!!float 31.6",
        "14:8",
        "YAML tags such as !!float are not allowed: remove it (a value's own text says what it is)",
    ),
]


def refused(text: str) -> list[str]:
    with pytest.raises(SitrepDataError) as info:
        parse_situation(text, "f.yaml")
    return info.value.lines()


@pytest.mark.parametrize(("field", "value", "where", "message"), REFUSED)
def test_a_value_of_the_wrong_type_is_refused_with_a_hint(
    field: str, value: str, where: str, message: str
) -> None:
    text = TEXT.format(**{**BASE, field: value})
    assert refused(text) == [f"f.yaml:{where}: {message}"]


@pytest.mark.parametrize(("field", "value", "where", "message"), REFUSED)
def test_both_readers_refuse_alike(field: str, value: str, where: str, message: str) -> None:
    text = TEXT.format(**{**BASE, field: value})
    # A flow-style value makes the fast reader decline: libyaml's path reads it.
    declined = text + "  aliases: [Pe]\n"  # last, so no line before it moves
    assert isinstance(read_plain(declined), Declined)
    assert refused(declined) == refused(text)


@pytest.mark.parametrize(
    ("field", "value"),
    [("lat", "31"), ("lat", "-0.5"), ("as_of", "'2021-08-13'"), ("title", "'12'"), ("title", "x!")],
)
def test_values_of_the_right_type_still_load(field: str, value: str) -> None:
    parse_situation(TEXT.format(**{**BASE, field: value}), "f.yaml")


def test_an_unknown_key_with_brackets_is_named_as_written() -> None:
    text = TEXT.format(**BASE).replace("  region: r\n", "  region: r\n  notes[0]: x\n")
    lines = refused(text)
    assert lines == [f"f.yaml:5:3: unknown key 'notes[0]'{_known_header_keys()}"]


def _known_header_keys() -> str:
    from sitrep.model.v1.situation import Header  # TEXT is a version 1 file

    return f" (known keys: {', '.join(Header.model_fields)})"
