"""`sitrep import figures`: a displacement table by admin area and date."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.exports.hxl_export import hxl_csv
from sitrep.yaml.io import load_situation
from tests.imports.test_places import run, write


@pytest.fixture
def situation(tmp_path: Path, sample_file: Path) -> Path:
    path = tmp_path / "s.yaml"
    path.write_bytes(sample_file.read_bytes())
    return path


def test_a_new_value_of_a_figure_extends_its_series(
    capsys: pytest.CaptureFixture[str], situation: Path, tmp_path: Path
) -> None:
    table = write(
        tmp_path / "idps.csv",
        "Date,Province,P-code,IDPs,Since,Source,Counted by,Measure\n"
        "#date,#adm1+name,#adm1+code,#affected+idps,#date+start,#meta+source,#org+name,#indicator+measure\n"
        "2021-08-13,Kabul,AF01,about 12000,2021-07-01,OCHA,OCHA and partners,new\n"
        "2021-08-13,Kandahar,AF27,more than 500,,IOM DTM,IOM,stock\n",
    )
    code, out, err = run(
        capsys,
        "import",
        "figures",
        table,
        "--into",
        situation,
        "--counted",
        "IDP arrivals (verified)",
    )
    assert code == 0, err
    s = load_situation(situation)
    arrivals = next(f for f in s.figures if f.id == "ocha-kabul-arrivals")
    assert [str(p.value) for p in arrivals.series] == ["10,350", "about 12,000"]
    assert "~ ocha-kabul-arrivals: new value about 12,000 as of 13 Aug 2021" in out
    new = s.figures[-1]
    assert (new.topic, new.counted, new.area, new.place) == (
        "displacement",
        "IDP arrivals (verified)",
        "Kandahar",
        "kandahar",
    )
    assert new.series[0].value.written == "more than 500"  # the wording kept
    iom = s.source(new.series[0].sources[0])
    assert iom is not None and iom.publisher == "IOM DTM"  # a new source, named
    assert "+ source iom-dtm: IOM DTM" in out
    assert run(capsys, "check", situation)[0] == 0


def test_rows_without_what_is_needed_are_reported(
    capsys: pytest.CaptureFixture[str], situation: Path, tmp_path: Path
) -> None:
    table = write(
        tmp_path / "bad.csv",
        "date,area,value\n2021-08-13,,5\n13/08/2021,Kabul,5\n"
        "2021-08-13,Kabul,\n2021-08-13,Kabul,lots\n",
    )
    before = situation.read_bytes()
    code, _, err = run(
        capsys,
        "import",
        "figures",
        table,
        "--into",
        situation,
        "--counted",
        "IDPs",
        "--topic",
        "displacement",
    )
    assert code == 1 and situation.read_bytes() == before
    lines = err.splitlines()
    assert any(line.startswith(f"{table}:2: where does it apply?") for line in lines)
    assert any(line.startswith(f"{table}:3: as_of:") for line in lines)
    assert f"{table}:4: no value in this row" in lines
    assert any(line.startswith(f"{table}:5: value:") for line in lines)


def test_the_hxl_figures_export_imports_back_unchanged(
    capsys: pytest.CaptureFixture[str], situation: Path, tmp_path: Path
) -> None:
    table = write(tmp_path / "f.csv", hxl_csv(load_situation(situation), "figures"))
    before = situation.read_bytes()
    code, _, err = run(capsys, "import", "figures", table, "--into", situation)
    assert code == 0, err
    assert "0 figures were added, 0 updated, 8 left as they were" in err
    assert situation.read_bytes() == before
