"""Field specs generated from the models, ids made from names, figure readings."""

from __future__ import annotations

from sitrep.app.forms.fields.figure_input import reading
from sitrep.app.forms.spec import (
    display_name,
    slug,
    specs_for,
    unique_id,
)
from sitrep.model.entries import (
    Assessment,
    ControlChange,
    Evacuation,
    FigureEntry,
    FigurePoint,
    Place,
    Source,
)
from sitrep.model.numbers.figure import Figure
from sitrep.model.sections import SECTION_MODELS
from sitrep.model.situation import Header, Situation


def test_every_model_field_has_a_spec() -> None:
    for section, model in SECTION_MODELS.items():
        names = [s.name for s in specs_for(model, section)]
        assert sorted(names) == sorted(model.model_fields), section


def test_place_specs() -> None:
    specs = {s.name: s for s in specs_for(Place, "places")}
    assert [s.name for s in specs_for(Place, "places")][:2] == ["name", "id"]
    kinds = {name: spec.kind for name, spec in specs.items()}
    assert kinds["control"] == "history" and kinds["sources"] == "sources"
    assert kinds["within"] == "place" and kinds["kind"] == "choice"
    assert kinds["lat"] == "float" and kinds["checked"] == "date"
    assert kinds["aliases"] == "list" and kinds["note"] == "long"
    assert specs["name"].required and not specs["capital"].required
    assert specs["checked"].optional and not specs["kind"].optional
    assert specs["kind"].default == "other"
    assert specs["iso"].description == "ISO 3166 code, e.g. XX-ABC"


def test_change_and_value_specs() -> None:
    change = {s.name: s for s in specs_for(ControlChange, "control")}
    names = [s.name for s in specs_for(ControlChange, "control")]
    assert names[:4] == ["date", "time", "state", "holder"]
    assert (change["holder"].kind, change["parties"].kind, change["by"].kind) == (
        "party",
        "parties",
        "parties",
    )
    assert ("nsa_overtakes", "non-state group takes it") in change["event"].choices
    assert change["event"].blank == "not given"
    point = {s.name: s for s in specs_for(FigurePoint, "series")}
    assert (point["as_of"].kind, point["value"].kind) == ("fuzzydate", "figure")
    figure = {s.name: s for s in specs_for(FigureEntry, "figures")}
    assert figure["series"].kind == "history" and figure["series"].required
    assert figure["place"].kind == "place"
    assert {s.name: s for s in specs_for(Assessment, "outlook")}["by"].kind == "text"


def test_choices_in_words() -> None:
    evacuation = {s.name: s for s in specs_for(Evacuation, "evacuations")}
    assert ("temporarily_closed", "temporarily closed") in evacuation["embassy"].choices
    assert evacuation["troops"].kind == "figure" and evacuation["wording"].kind == "long"
    assert evacuation["means"].kind == "choices" and ("air", "air") in evacuation["means"].choices
    assert ("under_way", "under way") in evacuation["status"].choices
    assert evacuation["embassy_sources"].kind == "sources"
    source = {s.name: s for s in specs_for(Source, "sources")}
    assert ("un_ngo", "UN/NGO") in source["kind"].choices
    assert ("party_statement", "party statement") in source["kind"].choices
    assert source["reliability"].blank == "not graded"
    header = {s.name: s for s in specs_for(Header, "header")}
    assert header["highlights"].kind == "lines" and header["report_number"].kind == "int"


def test_ids_from_names() -> None:
    assert slug("Kandahar City") == "kandahar-city"
    assert slug("  Mazār-i-Sharīf!! ") == "mazar-i-sharif"
    assert slug("قندهار") == ""  # no letters to make an id of: the user types one
    assert unique_id("kabul", {"Kabul", "kabul-2"}) == "kabul-3"
    assert unique_id("herat", {"kabul"}) == "herat"


def test_display_names(sample: Situation) -> None:
    assert display_name("evacuations", sample.evacuations[0]) == "United States"
    assert display_name("sources", sample.sources[1]).startswith("CNN: MP Gul Ahmad Kamin")
    assert (
        display_name("figures", sample.figures[0])
        == "IDPs (conflict-induced, verified), Afghanistan"
    )


def test_figure_readings() -> None:
    assert reading(Figure.parse("at least 389,645")).plain == "→ at least 389,645"
    assert reading(Figure.parse("hundreds of thousands")).plain == (
        "→ hundreds of thousands (200,000–999,999)"
    )
    assert reading(Figure.parse("more than 50")).plain == "→ more than 50 (51 or more)"
    assert reading(Figure.parse("100k-200k")).plain == "→ 100k-200k (100,000–200,000)"
    assert reading(Figure.parse("about 7.2 million")).plain == (
        "→ about 7.2 million (about 7,200,000)"
    )
    assert reading(Figure.parse("3000")).plain == "→ 3,000"
