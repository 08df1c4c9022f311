"""`sitrep import places`: the reference provinces, HXL and OCHA tables, and hostile CSVs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitrep.cli import main
from sitrep.exports.hxl_export import hxl_csv
from sitrep.yaml.io import load_situation

REFERENCE = Path("/work/shared/reference/afghanistan-provinces-2021.csv")
if not REFERENCE.is_file():  # CI has a copy of shared/ beside the clone
    REFERENCE = (
        Path(__file__).resolve().parents[3] / "shared/reference/afghanistan-provinces-2021.csv"
    )


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def blank(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "x.yaml"
    assert run(capsys, "new", path)[0] == 0
    return path


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.skipif(not REFERENCE.is_file(), reason="the shared reference folder is not here")
def test_reference_provinces_into_a_blank_situation(
    capsys: pytest.CaptureFixture[str], blank: Path
) -> None:
    before = blank.read_bytes()
    code, out, err = run(capsys, "import", "places", REFERENCE, "--into", blank, "--dry-run")
    assert code == 0 and blank.read_bytes() == before  # a dry run writes nothing
    assert "+ kandahar: Kandahar (province; p-code AF27; ISO AF-KAN" in out
    assert "34 places would be added" in err and "nothing written" in err
    code, out, err = run(capsys, "import", "places", REFERENCE, "--into", blank)
    assert code == 0, err
    s = load_situation(blank)
    assert len(s.places) == 34 and {p.kind for p in s.places} == {"province"}
    logar = s.place("logar")
    assert logar is not None
    assert (logar.pcode, logar.iso, logar.capital) == ("AF05", "AF-LOG", "Pul-e Alam")
    assert run(capsys, "check", "--strict", blank)[0] == 0
    code, _, err = run(capsys, "import", "places", REFERENCE, "--into", blank)
    assert code == 0 and "0 places were added, 0 updated, 34 left" in err  # idempotent


def test_updates_match_by_pcode_and_diff_one_line_per_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_file: Path
) -> None:
    situation = tmp_path / "s.yaml"
    situation.write_bytes(sample_file.read_bytes())
    csv = write(
        tmp_path / "p.csv", "ocha_pcode,name,lat\nAF27,Kandahar City,31.62\nAF99,Newplace,33\n"
    )
    code, out, err = run(capsys, "import", "places", csv, "--into", situation)
    assert code == 0, err
    assert "~ kandahar: lat: 31.613 -> 31.62" in out and "+ newplace: Newplace" in out
    assert "~ kandahar: aliases: (none) -> Kandahar City" in out
    old, new = sample_file.read_text().splitlines(), situation.read_text().splitlines()
    import difflib

    diff = [d for d in difflib.unified_diff(old, new, lineterm="", n=0) if d[:1] in "+-"]
    assert diff[2:6] == ["+  aliases:", "+  - Kandahar City", "-  lat: 31.613", "+  lat: 31.62"]
    s = load_situation(situation)
    kandahar = s.place("kandahar")
    assert kandahar is not None and kandahar.name == "Kandahar"  # never renamed by a table
    assert kandahar.aliases == ["Kandahar City"]
    assert s.places[-1].id == "newplace" and s.places[-1].kind == "other"


def test_every_bad_row_is_reported_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], blank: Path, tmp_path: Path
) -> None:
    csv = write(
        tmp_path / "bad.csv",
        "name,lat,lon,kind\nGood,1,2,town\n,3,4,town\nFar,95,4,town\nOdd,1,2,castle\nGood,5,6,town\n",
    )
    before = blank.read_bytes()
    code, _, err = run(capsys, "import", "places", csv, "--into", blank)
    assert code == 1 and blank.read_bytes() == before
    lines = err.splitlines()
    assert f"{csv}:3: no place name in this row" in lines
    assert any(line.startswith(f"{csv}:4: lat '95' is not a latitude") for line in lines)
    assert any(line.startswith(f"{csv}:5: kind 'castle': use one of") for line in lines)
    assert f"{csv}:6: 'Good' is the same place as line 2" in lines


def test_hxl_and_ocha_tables_with_levels(
    capsys: pytest.CaptureFixture[str], blank: Path, tmp_path: Path
) -> None:
    hxl = write(
        tmp_path / "admin2.csv",
        "Province,Province code,District,District code,Lat,Lon\n"
        "#adm1+name,#adm1+code,#adm2+name,#adm2+code,#geo+lat,#geo+lon\n"
        "Kabul,AF01,,,34.5,69.2\nKabul,AF01,Paghman,AF0102,34.59,68.95\n",
    )
    code, _, err = run(capsys, "import", "places", hxl, "--into", blank)
    assert code == 0, err
    s = load_situation(blank)
    paghman = s.place("paghman")
    assert paghman is not None
    assert (paghman.kind, paghman.pcode, paghman.within) == ("district", "AF0102", "kabul")
    cod = write(tmp_path / "cod.csv", "ADM0_EN,ADM1_EN,ADM1_PCODE\nAfghanistan,Kabul,AF01\n")
    code, _, err = run(capsys, "import", "places", cod, "--into", blank, "--dry-run")
    assert code == 0 and "0 places would be added, 0 updated, 1 left" in err


def test_column_override_and_its_mistakes(
    capsys: pytest.CaptureFixture[str], blank: Path, tmp_path: Path
) -> None:
    csv = write(tmp_path / "g.csv", "Nom,Code\nHérat,AF32\n")
    code, _, err = run(capsys, "import", "places", csv, "--into", blank)
    assert code == 1 and "--column name=HEADER" in err
    code, _, err = run(
        capsys,
        "import",
        "places",
        csv,
        "--into",
        blank,
        "--column",
        "name=Nom",
        "--column",
        "pcode=code",
        "--kind",
        "province",
    )
    assert code == 0, err
    place = load_situation(blank).places[0]
    assert (place.id, place.name, place.pcode, place.kind) == ("herat", "Hérat", "AF32", "province")
    for bad in ("name", "colour=Nom", "name=Missing"):
        code, _, err = run(capsys, "import", "places", csv, "--into", blank, "--column", bad)
        assert code == 2 and "--column" in err


def test_encodings_separators_and_formulas(
    capsys: pytest.CaptureFixture[str], blank: Path, tmp_path: Path
) -> None:
    semicolons = write(tmp_path / "eu.csv", "\ufeffname;lat;lon\nZaranj;30,96;61,86\n")
    assert run(capsys, "import", "places", semicolons, "--into", blank)[0] == 0
    utf16 = write(tmp_path / "u16.csv", "name\tlat\nQalat\t32.1\n", "utf-16")
    assert run(capsys, "import", "places", utf16, "--into", blank)[0] == 0
    latin = write(tmp_path / "l1.csv", "name\nHérat\n", "cp1252")
    code, _, err = run(capsys, "import", "places", latin, "--into", blank)
    assert code == 1 and "not UTF-8" in err and "--encoding" in err
    code, _, err = run(capsys, "import", "places", latin, "--into", blank, "--encoding", "cp1252")
    assert code == 0, err
    formula = write(tmp_path / "f.csv", "name\n\"=cmd|' /C calc'!A0\"\n")
    assert run(capsys, "import", "places", formula, "--into", blank)[0] == 0
    s = load_situation(blank)
    assert [p.lat for p in s.places[:2]] == [30.96, 32.1]
    assert s.places[2].name == "Hérat"
    assert s.places[3].name == "=cmd|' /C calc'!A0"  # data in the YAML file...
    assert ",'=cmd|' /C calc'!A0," in hxl_csv(s, "places")  # ...inert in an HXL export


def test_hostile_files_are_refused_cleanly(
    capsys: pytest.CaptureFixture[str],
    blank: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "import", "places", fifo, "--into", blank)
    assert code == 2 and "not a regular file" in err
    binary = write(tmp_path / "b.csv", "name\nx\x00y\n")
    assert run(capsys, "import", "places", binary, "--into", blank)[0] == 1
    ragged = write(tmp_path / "r.csv", "name,lat\nA,1,extra\nB\n")
    code, _, err = run(capsys, "import", "places", ragged, "--into", blank)
    assert code == 1 and f"{ragged}:2: 3 cells but 2 columns" in err
    monkeypatch.setattr("sitrep.imports.csvread.MAX_CSV_BYTES", 10)
    code, _, err = run(capsys, "import", "places", ragged, "--into", blank)
    assert code == 2 and "larger than" in err
    code, _, err = run(capsys, "import", "places", blank, "--into", blank)
    assert code == 2 and "situation file itself" in err


def test_an_hxl_export_imports_back(
    capsys: pytest.CaptureFixture[str], blank: Path, tmp_path: Path, sample_file: Path
) -> None:
    sample = load_situation(sample_file)
    table = write(tmp_path / "places.csv", hxl_csv(sample, "places"))
    code, _, err = run(capsys, "import", "places", table, "--into", blank)
    assert code == 0, err
    s = load_situation(blank)
    assert [(p.id, p.name, p.kind, p.pcode, p.lat, p.within) for p in s.places] == [
        (p.id, p.name, p.kind, p.pcode, p.lat, p.within) for p in sample.places
    ]
