"""A sitrep process killed with SIGKILL mid-edit loses none of its journaled edits."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from sitrep.editing.document import Document
from sitrep.storage.crash.journal import Journal
from sitrep.storage.diskstate import load_with_state
from sitrep.yaml.io import dump_situation

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

# One deterministic edit per step, run the same way by the child and by the test.
STEP = textwrap.dedent(
    """
    import datetime as dt
    from sitrep.model.entries import Note

    def step(doc, i):
        if i % 5 == 4:
            doc.undo()
        elif i % 3 == 0:
            doc.add("notes", Note(date=dt.date(2021, 8, 14), text=f"note {i}"), 0)
        elif i % 3 == 1:
            place = doc.situation.places[i % 30]
            doc.replace("places", i % 30, place.model_copy(update={"note": f"edit {i}"}))
        else:
            doc.set_header(doc.situation.header.model_copy(update={"title": f"Title {i}"}))
    """
)

CHILD = STEP + textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from sitrep.storage.diskstate import load_with_state
    from sitrep.editing.document import Document
    from sitrep.storage.crash.journal import Journal

    path, steps = Path(sys.argv[1]), int(sys.argv[2])
    situation, disk = load_with_state(path)
    doc = Document(situation, path)
    Journal.open(path, disk.sha256).attach(doc)
    i = 0
    while True:
        if i < steps:
            step(doc, i)
            i += 1
            print(i, flush=True)  # said only once the change is journaled
        else:
            time.sleep(0.001)
    """
)


def steps_function() -> Any:
    namespace: dict[str, Any] = {}
    exec(STEP, namespace)
    return namespace["step"]


def expected_after(path: Path, count: int) -> str:
    step = steps_function()
    doc = Document(load_with_state(path)[0], path)
    for i in range(count):
        step(doc, i)
    return dump_situation(doc.situation)


@pytest.mark.parametrize("steps", [40, 100_000])
def test_sigkill_then_recover(tmp_path: Path, sample_file: Path, steps: int) -> None:
    """40: killed idle after its edits; 100,000: killed in the middle of editing."""
    path = tmp_path / "sit.yaml"
    shutil.copy(sample_file, path)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(steps)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    try:
        assert child.stdout is not None
        said = 0
        for line in child.stdout:
            said = int(line)
            if said >= min(steps, 60):
                break
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL

    situation, disk = load_with_state(path)
    assert dump_situation(situation) == sample_file.read_text(encoding="utf-8")
    recovery = Journal.pending(path, disk)
    assert recovery is not None and not recovery.damaged
    doc = Document(situation, path)
    recovery.apply(doc)
    # Every step it said was done is there, maybe a few more it did before dying.
    done = next(
        n
        for n in range(said, said + 1000)
        if dump_situation(doc.situation) == expected_after(path, n)
    )
    assert done >= said
    if steps == 40:
        assert done == 40
