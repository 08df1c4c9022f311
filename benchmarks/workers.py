"""One measurement per process: ``python -m benchmarks.workers KIND FILE [--reps N]``.

Each run prints one JSON object on its last line: ``{"times": [...seconds],
"rss_mb": peak resident memory, ...}``. A fresh process per measurement keeps the
peak memory honest and the caches cold in the same way for the figure and its floor.

Kinds (figure / floor):
- ``load`` / ``parse``: load_situation vs reading + ``yaml.load`` with CSafeLoader;
- ``save`` / ``dump``: Document.replace + save_situation vs ``yaml.dump`` with CSafeDumper;
- ``export``: render_brief (reported without a floor);
- ``app`` / ``minimal``: first paint and key latency in ``run_test`` (see tui.py).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def peak_rss_mb() -> float:
    """This process's peak resident set size in MiB.

    VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the parent's
    memory at fork, so a child of a big parent would report the parent's peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _repeat(reps: int, step: Callable[[int], object]) -> list[float]:
    times = []
    for i in range(reps):
        start = time.perf_counter()
        step(i)
        times.append(time.perf_counter() - start)
    return times


def load(path: Path, reps: int) -> dict[str, Any]:
    """load_situation: read, parse, validate, check references."""
    from sitrep.yaml.io import load_situation

    return {"times": _repeat(reps, lambda _: load_situation(path))}


def parse(path: Path, reps: int) -> dict[str, Any]:
    """The floor for loading: read the file and yaml.load it with libyaml's C loader."""
    import yaml

    def step(_: int) -> object:
        text = path.read_bytes().decode("utf-8")
        return yaml.load(text, Loader=yaml.CSafeLoader)

    return {"times": _repeat(reps, step)}


def save(path: Path, reps: int) -> dict[str, Any]:
    """One edit then a save: Document.replace on the first place, save_situation to a tmp file."""
    from sitrep.editing.document import Document
    from sitrep.storage.store import save_situation
    from sitrep.yaml.io import load_situation

    document = Document(load_situation(path), path)
    section = "places" if document.situation.places else "notes"
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / path.name

        def step(i: int) -> object:
            entry = document.entries(section)[0]
            edited = entry.model_copy(update={"note": f"Edited in benchmark step {i}."})
            document.replace(section, 0, edited)
            return save_situation(document.situation, target)

        times = _repeat(reps, step)
        size = target.stat().st_size
    return {"times": times, "bytes": size}


def dump(path: Path, reps: int) -> dict[str, Any]:
    """The floor for saving: yaml.dump of the same data with libyaml's C dumper."""
    import yaml

    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    def step(_: int) -> object:
        return yaml.dump(
            data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=1_000_000
        )

    return {"times": _repeat(reps, step)}


def export(path: Path, reps: int) -> dict[str, Any]:
    """render_brief of the loaded situation (the Markdown brief)."""
    from sitrep.brief import render_brief
    from sitrep.yaml.io import load_situation

    situation = load_situation(path)
    times = _repeat(reps, lambda _: render_brief(situation, source_name=path.name))
    return {"times": times}


def app(path: Path, reps: int) -> dict[str, Any]:
    """sitrep's TUI headless: first paint, then key latency."""
    from benchmarks.tui import measure_app

    return measure_app(path, keys_each=reps)


def minimal(path: Path, reps: int) -> dict[str, Any]:
    """The minimal Textual app headless: first paint, then key latency."""
    from benchmarks.tui import measure_minimal

    return measure_minimal(path, keys_each=reps)


def minimal_model(path: Path, reps: int) -> dict[str, Any]:
    """The minimal app, started after reading the file with sitrep's model (no keys).

    The floor of sitrep's first paint once its model is imported and the file
    validated: what is left is the app's own doing.
    """
    marks = {"start": time.time()}
    from sitrep.yaml.io import load_situation

    load_situation(path)
    marks["loaded"] = time.time()
    result = minimal(path, 0)
    result["marks"] = {**marks, **result["marks"]}
    return result


KINDS: dict[str, Callable[[Path, int], dict[str, Any]]] = {
    "load": load,
    "parse": parse,
    "save": save,
    "dump": dump,
    "export": export,
    "app": app,
    "minimal": minimal,
    "minimal_model": minimal_model,
}


def main(argv: list[str] | None = None) -> int:
    """Run one measurement and print its JSON result on the last line."""
    parser = argparse.ArgumentParser(description="Run one benchmark measurement.")
    parser.add_argument("kind", choices=sorted(KINDS))
    parser.add_argument("file", type=Path)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args(argv)
    result = KINDS[args.kind](args.file, args.reps)
    result["rss_mb"] = peak_rss_mb()
    sys.stdout.write("\n" + json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
