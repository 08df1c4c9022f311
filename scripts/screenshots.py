"""Write SVG screenshots of the app's main panes into screenshots/, from the app itself.

    python scripts/screenshots.py [--out screenshots]

The app runs headless at 120x40 on a copy of the bundled sample, with settings and
state in a scratch folder, so the pictures never depend on the user's setup and
never go stale: run this again after changing the app.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SIZE = (120, 40)

SHOTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("places", ()),
    ("control", ("j", "j", "j", "h", "1")),
    ("evacuations", ("2",)),
    ("figures-notes", ("3",)),
    ("outlook-sources", ("4",)),
    ("brief", ("5",)),
    ("map", ("6",)),
    ("timeline", ("7",)),
    ("help", ("question_mark",)),
)
"""File name and the keys that show it, from a freshly opened app."""


async def shoot(name: str, keys: tuple[str, ...], situation: Path, out: Path) -> Path:
    """Open the app on situation, press keys, and save what it shows as out/NAME.svg."""
    from sitrep.app.run import build_app

    app = build_app(situation)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await pilot.pause(0.6)  # the brief renders a moment after its pane shows
        app.save_screenshot(f"{name}.svg", str(out))
    return out / f"{name}.svg"


def main(argv: list[str] | None = None) -> int:
    """Write every screenshot; print each path."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sitrep-shots-") as scratch:
        home = Path(scratch)
        os.environ["SITREP_CONFIG"] = str(home / "settings.toml")
        os.environ["SITREP_STATE_DIR"] = str(home / "state")
        from sitrep.storage.sample import data_path, sample_path

        situation = home / "afghanistan.yaml"
        shutil.copyfile(sample_path(), situation)
        outline = "afghanistan-outline.geojson"  # the map reads it next to the file
        shutil.copyfile(data_path(outline), home / outline)
        for name, keys in SHOTS:
            print(asyncio.run(shoot(name, keys, situation, args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
