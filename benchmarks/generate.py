"""Write a large, realistic, valid situation file for benchmarks.

    python benchmarks/generate.py --entries 10000 -o /tmp/sitrep-10k.yaml

The same --entries (and --seed, --changes) always gives the same bytes. The file
has N places (settlements or districts with plausible names and coordinates
inside a country-sized box), each with a control history of about --changes
changes (held, contested, besieged; confirmed, reported and claimed; now and
then a retracted claim), and evacuations, figures with series, notes and sources
in proportion, with several parties on three sides. It is written through
sitrep's canonical dumper, so loading and saving it again gives the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

from sitrep.model.entries import (
    Assessment,
    Evacuation,
    FigureEntry,
    Note,
    Party,
    Place,
    Source,
)
from sitrep.model.numbers.figure import Figure
from sitrep.model.situation import Header, Situation
from sitrep.yaml.io import dump_situation

AS_OF = dt.date(2024, 3, 1)
"""The generated report's date; notes go back about six months from it."""

# A country-sized box (roughly Afghanistan's), in degrees.
LAT_RANGE = (29.4, 38.5)
LON_RANGE = (60.5, 74.9)

PARTIES = (
    ("government", "Government of the Republic (armed forces and police)", "Government", "state"),
    ("front", "National Liberation Front", "Front", "front"),
    ("militia-north", "Northern Alliance militias", "North", "state"),
    ("militia-east", "Eastern Tribal Council forces", "East", "front"),
    ("islamic-state", "Islamic State of the Provinces", "ISP", "islamic-state"),
)
PARTY_WEIGHTS = (45, 35, 10, 6, 4)

_ONSETS = ("b", "d", "g", "h", "j", "k", "kh", "l", "m", "n", "p", "q", "r", "s", "sh", "t", "z")
_VOWELS = ("a", "a", "e", "i", "o", "u", "aa", "ai")
_CODAS = ("", "", "n", "r", "l", "m", "sh", "d", "b", "k")
_SUFFIXES = ("abad", "kot", "khel", "qala", "shahr", "dara", "pur", "bagh", "gul", "zai", "")
_PREFIXES = ("Qala-i-", "Deh-e ", "Pul-e ", "Chah-e ", "Sar-e ", "Bagh-e ", "Kuz ", "Bar ")

COUNTRIES = (
    "United States", "United Kingdom", "Canada", "Germany", "France", "Italy", "Spain",
    "Netherlands", "Belgium", "Denmark", "Norway", "Sweden", "Finland", "Poland", "Czechia",
    "Austria", "Switzerland", "Ireland", "Portugal", "Greece", "Turkey", "Australia",
    "New Zealand", "Japan", "South Korea", "India", "Pakistan", "China", "Russia", "Iran",
    "Qatar", "United Arab Emirates", "Saudi Arabia", "Kuwait", "Jordan", "Egypt",
    "Uzbekistan", "Tajikistan", "Turkmenistan", "Kazakhstan", "Kyrgyzstan", "Ukraine",
    "Hungary", "Romania", "Bulgaria", "Croatia", "Slovenia", "Slovakia", "Lithuania",
    "Latvia", "Estonia", "Luxembourg", "Iceland", "Mexico", "Brazil", "Argentina", "Chile",
    "Indonesia", "Malaysia", "Philippines", "Bangladesh", "Sri Lanka", "Nepal", "Singapore",
)  # fmt: skip

PUBLISHERS = (
    ("UN OCHA", "un_ngo", "B"), ("UNHCR", "un_ngo", "B"), ("IOM", "un_ngo", "B"),
    ("Associated Press", "media", "B"), ("Reuters", "media", "B"), ("AFP", "media", "B"),
    ("BBC News", "media", "B"), ("Al Jazeera", "media", "C"), ("Local radio", "media", "C"),
    ("Ministry of Defence", "official", "C"), ("Ministry of Interior", "official", "C"),
    ("Front spokesman", "party_statement", "D"), ("Militia commander", "party_statement", "E"),
    ("Social media post", "media", "F"),
)  # fmt: skip

SECTORS = ("protection", "health", "shelter", "food", "access", "security", "wash", "education")
COUNTED = ("IDPs (conflict-induced)", "IDP arrivals", "refugees", "returnees", "people in need")
FIGURE_WORDS = ("hundreds", "thousands", "tens of thousands", "several hundred", "dozens")

_SENTENCES = (
    "Residents reported heavy fighting on the outskirts overnight, and several families left "
    "for the provincial centre before dawn.",
    "Humanitarian partners could not reach the area because the main road was closed at two "
    "checkpoints.",
    "Local elders negotiated a handover after three days of talks; no casualties were reported.",
    "The district health centre is running out of trauma supplies and asks for a resupply.",
    "Prices of flour and cooking oil rose by a third in the bazaar over the week.",
    "A convoy of forty trucks with food and shelter kits crossed the bridge on Tuesday.",
    "Mobile networks were cut for most of the day, so reports are partial and not yet checked.",
    "Schools remain closed; teachers say they have not been paid for two months.",
    "Displaced families are staying with relatives and in two mosques near the market.",
    "The claim could not be verified independently; the other side denies losing the town.",
)


def place_name(rng: random.Random) -> str:
    """A plausible settlement name built from syllables, sometimes with a prefix."""
    syllables = rng.choice((1, 2, 2, 3))
    stem = "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
    )
    name = (stem + rng.choice(_SUFFIXES)).capitalize()
    if rng.random() < 0.15:
        name = rng.choice(_PREFIXES) + name
    return name


def _days_before(days: int) -> dt.date:
    return AS_OF - dt.timedelta(days=days)


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def _prose(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(_SENTENCES) for _ in range(sentences))


def _title(rng: random.Random) -> str:
    words = _prose(rng, 1).rstrip(".").split()
    return " ".join(words[: rng.randrange(5, len(words) + 1)])


def _figure(rng: random.Random) -> Figure:
    roll = rng.random()
    number = rng.randrange(50, 400_000)
    if roll < 0.5:
        return Figure.exact(number)
    if roll < 0.7:
        return Figure.parse(f"about {number // 100 * 100 or 100}")
    if roll < 0.8:
        return Figure.parse(f"at least {number}")
    if roll < 0.9:
        return Figure.parse(f"{number}-{number * 2}")
    if roll < 0.95:
        return Figure.parse(rng.choice(FIGURE_WORDS))
    return Figure("undisclosed")


DEFAULT_CHANGES = 3
"""Control changes per place, on average, unless --changes says otherwise."""


def generate(entries: int, seed: int = 1, changes: int = DEFAULT_CHANGES) -> Situation:
    """A valid situation with `entries` places and the other sections in proportion."""
    rng = random.Random(seed * 1_000_003 + entries + 7919 * changes)
    sources = _sources(rng, max(10, entries // 20))
    source_ids = [s.id for s in sources]
    places = _places(rng, entries, source_ids, changes)
    seat = next((p.id for p in places if p.holder == "government"), None)
    parties = [
        Party(id=i, name=n, short=s, side=side, seat=seat if i == "government" else None)
        for i, n, s, side in PARTIES
    ]
    names = [p.name for p in places]
    header = Header(
        title=f"Generated situation with {entries:,} places",
        region="Benchmarkistan",
        as_of=AS_OF,
        as_of_time="18:00",
        timezone="UTC+04:30",
        report_number=1 + entries % 97,
        period_start=AS_OF - dt.timedelta(days=7),
        period_end=AS_OF,
        produced_by="benchmarks/generate.py",
        highlights=[_prose(rng, 2) for _ in range(3)],
    )
    return Situation(
        header=header,
        parties=parties,
        sources=sources,
        places=places,
        evacuations=_evacuations(rng, min(len(COUNTRIES), 3 + entries // 200), source_ids),
        figures=_figures(rng, max(3, entries // 10), names, source_ids),
        notes=_notes(rng, max(4, entries // 5), names, source_ids),
        outlook=_outlook(rng, max(2, entries // 500), source_ids),
    )


def _sources(rng: random.Random, count: int) -> list[Source]:
    out = []
    for i in range(count):
        publisher, kind, grade = PUBLISHERS[i % len(PUBLISHERS)]
        published = AS_OF - dt.timedelta(days=rng.randrange(0, 180))
        out.append(
            Source.model_validate(
                {
                    "id": f"{_slug(publisher)}-{i + 1}",
                    "publisher": publisher,
                    "title": _title(rng),
                    "url": f"https://example.org/{_slug(publisher)}/{i + 1}"
                    if rng.random() < 0.6
                    else None,
                    "kind": kind,
                    "reliability": grade,
                    "published": published,
                }
            )
        )
    return out


def _places(rng: random.Random, count: int, source_ids: list[str], changes: int) -> list[Place]:
    out: list[Place] = []
    used: set[str] = set()
    seat = rng.randrange(count) if count else -1
    party_ids = [p[0] for p in PARTIES]
    for i in range(count):
        name = place_name(rng)
        ident = _slug(name)
        if ident in used:
            ident = f"{ident}-{i + 1}"
        used.add(ident)
        place: dict[str, object] = {
            "id": ident,
            "name": name,
            "kind": rng.choice(("district", "district", "town", "village", "city")),
            "capital": place_name(rng) if rng.random() < 0.3 else None,
            "aliases": [place_name(rng)] if rng.random() < 0.2 else [],
            "pcode": f"BK{i + 1:06d}",
            "lat": round(rng.uniform(*LAT_RANGE), 4),
            "lon": round(rng.uniform(*LON_RANGE), 4),
            "control": _history(rng, changes, source_ids, party_ids, i == seat),
            "note": _prose(rng, rng.choice((1, 2, 3))) if rng.random() < 0.3 else None,
        }
        out.append(Place.model_validate(place))
    return out


def _history(
    rng: random.Random, changes: int, source_ids: list[str], party_ids: list[str], seat: bool
) -> list[dict[str, object]]:
    """About `changes` control changes, oldest first; the seat stays with the government."""
    count = max(1, changes + rng.randint(-1, 1)) if changes else 1
    days = sorted(rng.sample(range(1, 720), min(count - 1, 719)), reverse=True)
    weights = list(PARTY_WEIGHTS)
    history: list[dict[str, object]] = []
    holder = "government" if seat else rng.choices(party_ids, weights)[0]
    history.append({"holder": holder, "sources": rng.sample(source_ids, 1)})
    for n, ago in enumerate(days):
        last = n == len(days) - 1
        confidence = rng.choices(("confirmed", "reported", "claimed"), (70, 20, 10))[0]
        change: dict[str, object] = {
            "date": AS_OF - dt.timedelta(days=ago),
            "how": rng.choice(("fighting", "negotiated", "withdrawal", "unknown")),
            "confidence": confidence,
            "according_to": "Local radio" if confidence != "confirmed" else None,
            "sources": rng.sample(source_ids, rng.choice((1, 1, 2))),
        }
        roll = rng.random()
        if seat:
            change["holder"] = "government"
        elif roll < 0.08 and not last:
            change.update(state="contested", parties=rng.sample(party_ids, 2))
        elif roll < 0.12:
            besieger = rng.choice([p for p in party_ids if p != holder])
            change.update(state="besieged", holder=holder, by=[besieger])
        else:
            holder = rng.choices(party_ids, weights)[0]
            change["holder"] = holder
            if confidence == "claimed" and rng.random() < 0.1 and not last:
                change["retracted"] = change["date"]
        history.append(change)
    return history


def _evacuations(rng: random.Random, count: int, source_ids: list[str]) -> list[Evacuation]:
    embassy = ("unknown", "open", "reduced", "temporarily_closed", "closed", "relocated")
    status = ("none", "planned", "announced", "under_way", "completed", "suspended")
    return [
        Evacuation.model_validate(
            {
                "actor": country,
                "status": rng.choice(status),
                "evacuees": _figure(rng) if rng.random() < 0.4 else None,
                "means": rng.sample(("air", "sea", "land"), rng.choice((0, 1, 2))),
                "troops": _figure(rng) if rng.random() < 0.5 else None,
                "purpose": "Evacuate embassy staff and nationals",
                "announced": AS_OF - dt.timedelta(days=rng.randrange(0, 30)),
                "embassy": rng.choice(embassy),
                "sources": rng.sample(source_ids, 1),
                "note": _prose(rng, 1) if rng.random() < 0.3 else None,
            }
        )
        for country in COUNTRIES[:count]
    ]


def _figures(
    rng: random.Random, count: int, names: list[str], source_ids: list[str]
) -> list[FigureEntry]:
    out = []
    topics = ("displacement", "casualties", "need", "assistance", "funding")
    for i in range(count):
        as_of = AS_OF - dt.timedelta(days=rng.randrange(0, 180))
        points = []
        for back in sorted(rng.sample(range(0, 90), rng.choice((1, 1, 2, 3))), reverse=True):
            points.append(
                {
                    "as_of": as_of - dt.timedelta(days=back),
                    "value": _figure(rng).to_yaml(),
                    "sources": rng.sample(source_ids, 1),
                }
            )
        topic = rng.choice(topics)
        out.append(
            FigureEntry.model_validate(
                {
                    "id": f"fig-{i + 1}",
                    "topic": topic,
                    "counted": rng.choice(COUNTED),
                    "unit": "USD" if topic == "funding" else "people",
                    "measure": rng.choice(("stock", "new")),
                    "area": rng.choice(names) if names else "Benchmarkistan",
                    "since": as_of - dt.timedelta(days=120) if rng.random() < 0.4 else None,
                    "series": points,
                    "note": _prose(rng, 1) if rng.random() < 0.2 else None,
                }
            )
        )
    return out


def _notes(rng: random.Random, count: int, names: list[str], source_ids: list[str]) -> list[Note]:
    out = []
    for i in range(count):
        town = rng.choice(names) if names else "the capital"
        out.append(
            Note.model_validate(
                {
                    "date": AS_OF - dt.timedelta(days=(count - i) * 180 // count),
                    "text": f"In {town}: " + _prose(rng, rng.choice((1, 2, 3, 5))),
                    "sector": rng.choice(SECTORS),
                    "tags": [_slug(town), *rng.sample(SECTORS, rng.choice((0, 1, 2)))],
                    "sources": rng.sample(source_ids, rng.choice((1, 2))),
                }
            )
        )
    return out


def _outlook(rng: random.Random, count: int, source_ids: list[str]) -> list[Assessment]:
    return [
        Assessment.model_validate(
            {
                "statement": _prose(rng, 1),
                "by": rng.choice(("UN OCHA", "Crisis Group", "Senior official, as reported")),
                "kind": rng.choice(("forecast", "assessment")),
                "horizon": rng.choice(("30 days", "30 to 90 days", None)),
                "made_on": AS_OF - dt.timedelta(days=rng.randrange(0, 30)),
                "sources": rng.sample(source_ids, 1),
            }
        )
        for _ in range(count)
    ]


def write(entries: int, path: Path, seed: int = 1, changes: int = DEFAULT_CHANGES) -> int:
    """Generate and write a file; returns its size in bytes."""
    text = dump_situation(generate(entries, seed, changes))
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    """Command line: --entries N -o FILE [--seed S]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", "-n", type=int, required=True, help="places")
    parser.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--changes",
        type=int,
        default=DEFAULT_CHANGES,
        help=f"control changes per place, on average (default {DEFAULT_CHANGES})",
    )
    args = parser.parse_args(argv)
    if args.entries < 0 or args.changes < 0:
        parser.error("--entries and --changes must be 0 or more")
    size = write(args.entries, args.output, args.seed, args.changes)
    print(f"wrote {args.output} ({args.entries:,} places, {size / 2**20:.1f} MiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
