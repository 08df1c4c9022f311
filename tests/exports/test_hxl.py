"""HXL CSV export: valid for libhxl (HDX's validator), complete, inert in a spreadsheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import hxl
import pytest

from sitrep.exports.hxl import format_cell, neutralise
from sitrep.exports.hxl_export import SECTIONS, hxl_csv
from sitrep.model.situation import Situation
from sitrep.yaml.io import load_situation
from tests.exports.conftest import check_golden, copy_sample, sitrep
from tests.paths import CORPUS


def validate(text: str) -> dict:  # type: ignore[type-arg]
    return hxl.validate(hxl.data(io.BytesIO(text.encode("utf-8"))))  # type: ignore[no-any-return]


def rows(text: str) -> list[dict[str, str]]:
    """Data rows keyed by hashtag (the second line)."""
    lines = list(csv.reader(io.StringIO(text)))
    return [dict(zip(lines[1], row, strict=True)) for row in lines[2:]]


@pytest.mark.parametrize("section", list(SECTIONS))
def test_every_section_of_the_sample_passes_libhxl_with_no_issue(
    sample: Situation, section: str
) -> None:
    text = hxl_csv(sample, section)
    report = validate(text)
    assert report["is_valid"], report["issues"]
    assert report["stats"]["total"] == 0, report["issues"]
    check_golden(f"sample-{section}.hxl.csv", text)


def test_validation_bites_on_a_bad_number(sample: Situation) -> None:
    text = hxl_csv(sample, "figures").replace(",389645,", ",lots,")
    assert not validate(text)["is_valid"]


def test_places_are_37_rows_34_provinces_and_3_other_places(sample: Situation) -> None:
    places = rows(hxl_csv(sample, "places"))
    assert len(places) == len(sample.places) == 37
    kinds = [row["#loc+type"] for row in places]
    assert kinds.count("province") == 34
    assert sorted(k for k in kinds if k != "province") == ["airport", "airport", "town"]
    kandahar = next(r for r in places if r["#meta+id"] == "kandahar")
    assert (kandahar["#adm1+name"], kandahar["#adm1+code+v_pcode"]) == ("Kandahar", "AF27")
    assert kandahar["#adm1+code+v_iso3166"] == "AF-KAN"
    assert kandahar["#country+code+v_iso3166"] == "AF"
    assert (kandahar["#geo+lat"], kandahar["#geo+lon"]) == ("31.613", "65.71")
    assert (kandahar["#group+name+holder"], kandahar["#status+control"]) == (
        "Taliban",
        "controlled",
    )
    assert kandahar["#date+start"] == "2021-08-12"
    airport = next(r for r in places if r["#meta+id"] == "kunduz-airport")
    # an airport is a point location, within its province: the province's name and p-code ride along
    assert airport["#loc+name"] == "Kunduz airport"
    assert (airport["#adm1+name"], airport["#adm1+code+v_pcode"]) == ("Kunduz", "AF19")


def test_every_place_row_says_what_the_file_says(sample: Situation) -> None:
    for place, row in zip(sample.places, rows(hxl_csv(sample, "places")), strict=True):
        current = place.current
        assert row["#meta+id"] == place.id
        assert row["#status+control"] == (current.state if current else "")
        assert row["#group+code+holder"] == ((current.holder or "") if current else "")
        assert row["#date+start"] == (current.date.isoformat() if current and current.date else "")


def test_history_gives_one_row_per_control_change(sample: Situation) -> None:
    history = rows(hxl_csv(sample, "places", history=True))
    expected = sum(len(p.control) or 1 for p in sample.places)
    assert len(history) == expected > len(sample.places)
    logar = [r for r in history if r["#meta+id"] == "logar"]
    assert [r["#meta+change"] for r in logar] == ["1", "2", "3"]
    assert [r["#status+confidence"] for r in logar] == ["confirmed", "claimed", "confirmed"]
    assert validate(hxl_csv(sample, "places", history=True))["is_valid"]


def test_figures_are_numbers_with_their_qualifier_and_wording(sample: Situation) -> None:
    figures = {r["#meta+id"]: r for r in rows(hxl_csv(sample, "figures"))}
    idps = figures["ocha-idps-2021"]
    assert (idps["#affected+idps"], idps["#meta+qualifier"]) == ("389645", "exact")
    assisted = figures["ocha-kabul-assisted"]
    assert (assisted["#reached+idps"], assisted["#meta+qualifier"]) == ("6900", "about")
    assert assisted["#meta+wording"] == "some 6,900"
    assert assisted["#adm1+code+v_pcode"] == "AF01"  # its place, Kabul, by p-code
    fled = figures["report-fled-homes"]
    assert fled["#affected+displaced"] == "" and fled["#meta+qualifier"] == "in words"
    assert fled["#meta+wording"] == "hundreds of thousands"
    money = figures["hrp-2021-required"]
    assert (money["#value+funding+required"], money["#currency"]) == ("1280000000", "USD")


def test_formulas_never_reach_a_spreadsheet() -> None:
    for text in ("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tx", "＝1+1"):
        assert neutralise(text).startswith("'")
    assert neutralise("Kabul") == "Kabul"
    assert format_cell(-33.9) == "-33.9"  # numbers are ours, never user text: left as numbers
    assert format_cell(1e-07) == "0.0000001"


def test_hostile_text_stays_inert(tmp_path: Path) -> None:
    s = load_situation(CORPUS / "hostile-text.yaml")
    place = s.places[0].model_copy(update={"note": "=cmd|' /C calc'!A0", "name": "@SUM(1+1)"})
    s = s.model_copy(update={"places": [place, *s.places[1:]]})
    text = hxl_csv(s, "places")
    cells = [c for line in csv.reader(io.StringIO(text)) for c in line]
    assert "'=cmd|' /C calc'!A0" in cells and "'@SUM(1+1)" in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    assert not any(ch in text for ch in "\x1b\x00\x07\x9b")
    for section in SECTIONS:
        assert validate(hxl_csv(s, section))["is_valid"]


def test_cli_needs_a_section_or_a_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_file: Path
) -> None:
    situation = copy_sample(sample_file, tmp_path)
    code, _, err = sitrep(capsys, "export", situation, "--format", "hxl")
    assert code == 2 and "--section" in err
    code, out, _ = sitrep(capsys, "export", situation, "--format", "hxl", "--section", "notes")
    assert code == 0 and out.splitlines()[1].startswith("#date,#description")
    code, _, err = sitrep(capsys, "export", situation, "-f", "hxl", "-o", f"{tmp_path}/out/")
    assert code == 0, err
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(f"sit-{name}.csv" for name in SECTIONS)
    assert (tmp_path / "out" / "sit-places.csv").read_text() == hxl_csv(
        load_situation(situation), "places"
    )


def test_options_of_other_formats_are_refused(
    capsys: pytest.CaptureFixture[str], sample_file: Path
) -> None:
    for args in (["--section", "places"], ["--history"], ["--outline"]):
        code, _, err = sitrep(capsys, "export", sample_file, *args)
        assert code == 2 and "for --format" in err
    code, _, err = sitrep(
        capsys, "export", sample_file, "-f", "hxl", "--section", "places", "--previous", "HEAD"
    )
    assert code == 2 and "brief" in err
