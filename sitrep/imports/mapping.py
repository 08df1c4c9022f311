"""Which CSV column holds which field: by HXL hashtag, by header, or as --column says.

Names and codes of places may come at several administrative levels (an OCHA
admin boundaries table has ADM0_EN, ADM1_EN, ADM1_PCODE...; an HXL one
``#adm1+name``, ``#adm1+code``...). Those are kept by level; for each row the
deepest level with a name is the place the row is about, and the level above
it names the area it lies within.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sitrep.errors import SitrepUsageError
from sitrep.imports.csvread import CsvRow, CsvTable, normal_tag

LEVELS = ("#country", "#adm1", "#adm2", "#adm3", "#adm4", "#adm5", "#loc")
"""Hashtags of place levels, outermost first; the index is the level (6: a point location)."""
LEVEL_KINDS = ("country", "province", "district", "district", "district", "district", "other")
_NOT_THE_PLACE = frozenset(
    {"capital", "alt", "seat", "dest", "origin", "return", "area", "holder", "other", "parent"}
)
_COD_NAME = re.compile(r"^adm(?:in)?([0-5])_?(?:name)?(?:_?([a-z]{2}))?$")
_COD_CODE = re.compile(r"^adm(?:in)?([0-5])_?p_?code$")

TagTest = Callable[[str, frozenset[str]], bool]
"""Whether a hashtag (its head and its attributes) holds a field."""


@dataclass(frozen=True)
class FieldSpec:
    """How to find one field: header names (normalised) and a test on HXL hashtags."""

    headers: frozenset[str]
    tag: TagTest | None = None


@dataclass
class Mapping:
    """Field name to column index, and place names and codes by level."""

    columns: dict[str, int] = field(default_factory=dict)
    levels: dict[int, dict[str, int]] = field(default_factory=dict)
    """Level to {'name': i, 'pcode': i, 'iso': i}."""
    kind_hint: str | None = None
    """The kind a header implies ('province' for a column named province)."""
    described: list[str] = field(default_factory=list)

    def get(self, row: CsvRow, name: str) -> str:
        """The row's cell for a field ('' when the field has no column)."""
        index = self.columns.get(name)
        return row.cells[index] if index is not None else ""

    def level_of(self, row: CsvRow) -> int | None:
        """The deepest level at which the row has a name (None: no level columns)."""
        named = [
            lv for lv, cols in self.levels.items() if "name" in cols and row.cells[cols["name"]]
        ]
        return max(named) if named else None

    def at_level(self, row: CsvRow, level: int, name: str) -> str:
        """The row's name, pcode or iso at a level ('' when not given)."""
        index = self.levels.get(level, {}).get(name)
        return row.cells[index] if index is not None else ""


def normal_header(text: str) -> str:
    """'Ocha P-code ' -> 'ocha_p_code'."""
    return re.sub(r"[^a-z0-9]+", "_", text.strip().lower()).strip("_")


def tag_is(head: str, *need: str, without: Iterable[str] = ()) -> TagTest:
    """A TagTest: this head, with these attributes, and none of those."""
    needed, banned = frozenset(need), frozenset(without)
    return lambda h, attrs: h == head and needed <= attrs and not (banned & attrs)


def map_columns(
    table: CsvTable,
    specs: dict[str, FieldSpec],
    overrides: list[str],
    *,
    leveled: bool = True,
    hints: dict[str, str] | None = None,
) -> Mapping:
    """Map the table's columns to fields: hashtags first, then headers, then --column."""
    mapping = Mapping()
    for index, (header, tag) in enumerate(zip(table.headers, table.tags, strict=True)):
        norm = normal_header(header)
        if tag is not None:
            head, *attrs = tag.split("+")
            attributes = frozenset(attrs)
            if (
                leveled
                and head in LEVELS
                and _level_column(mapping, LEVELS.index(head), attributes, index)
            ):
                continue
            found = next((n for n, s in specs.items() if s.tag and s.tag(head, attributes)), None)
        else:
            if leveled and _cod_column(mapping, norm, index):
                continue
            found = next((n for n, s in specs.items() if norm in s.headers), None)
            if found == "name" and hints and norm in hints:
                mapping.kind_hint = hints[norm]
        if found is not None and found not in mapping.columns:
            mapping.columns[found] = index
    for override in overrides:
        _override(mapping, table, specs, override)
    names = [*table.headers]
    for name, index in mapping.columns.items():
        mapping.described.append(f"{name} <- {_label(table, index) or names[index]}")
    for level, cols in sorted(mapping.levels.items()):
        for name, index in cols.items():
            mapping.described.append(f"{name} (level {LEVELS[level]}) <- {_label(table, index)}")
    return mapping


def _level_column(mapping: Mapping, level: int, attributes: frozenset[str], index: int) -> bool:
    if attributes & _NOT_THE_PLACE:
        return False
    if "name" in attributes:
        key = "name"
    elif "code" in attributes:
        key = "iso" if any(a.startswith(("v_iso", "iso")) for a in attributes) else "pcode"
    else:
        return False
    mapping.levels.setdefault(level, {}).setdefault(key, index)
    return True


def _cod_column(mapping: Mapping, norm: str, index: int) -> bool:
    """OCHA COD-AB headers: ADM1_EN, ADM1_NAME, ADM1_PCODE, admin1Pcode..."""
    if match := _COD_CODE.match(norm):
        mapping.levels.setdefault(int(match.group(1)), {}).setdefault("pcode", index)
        return True
    if (match := _COD_NAME.match(norm)) and (match.group(2) in (None, "en")):
        mapping.levels.setdefault(int(match.group(1)), {}).setdefault("name", index)
        return True
    return False


def _override(mapping: Mapping, table: CsvTable, specs: dict[str, FieldSpec], text: str) -> None:
    name, sep, column = text.partition("=")
    name, column = name.strip().lower(), column.strip()
    if not sep or not name or not column:
        raise SitrepUsageError(f"--column {text!r}: write FIELD=HEADER, e.g. name=ADM1_EN")
    if name not in specs:
        raise SitrepUsageError(f"--column {text!r}: no field {name!r}; fields: {', '.join(specs)}")
    index = _find(table, column)
    if index is None:
        raise SitrepUsageError(
            f"--column {text!r}: {table.name} has no column {column!r} "
            f"(headers: {', '.join(h for h in table.headers if h) or 'none'})"
        )
    if name in ("name", "pcode", "iso"):
        mapping.levels = {
            lv: {k: i for k, i in c.items() if k != name} for lv, c in mapping.levels.items()
        }
    mapping.columns[name] = index


def _find(table: CsvTable, column: str) -> int | None:
    if column.startswith("#"):
        wanted = normal_tag(column)
        return next((i for i, t in enumerate(table.tags) if t == wanted), None)
    norm = normal_header(column)
    return next((i for i, h in enumerate(table.headers) if normal_header(h) == norm), None)


def _label(table: CsvTable, index: int) -> str:
    header, tag = table.headers[index], table.tags[index]
    return " ".join(part for part in (header and repr(header), tag) if part)
