"""In a real terminal: `a` and a name typed at full speed (tmux send-keys -l) save the whole name."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from sitrep.yaml.io import load_situation
from tests.storage.test_journal_e2e import TmuxTerminal, wait_for

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_a_and_a_name_sent_in_one_write_save_the_whole_name(
    tmp_path: Path, sample_file: Path
) -> None:
    path = Path(shutil.copy(sample_file, tmp_path / "sit.yaml"))
    before = len(load_situation(path).places)
    folders = {"SITREP_STATE_DIR": "state", "SITREP_CONFIG": "settings.toml"}
    env = {**os.environ, "TERM": "xterm-256color"}
    env.update({name: str(tmp_path / leaf) for name, leaf in folders.items()})
    term = TmuxTerminal([sys.executable, "-m", "sitrep", str(path)], env)
    try:
        wait_for("the table", lambda: "Badakhshan" in term.screen(), term)
        term.type("aQalat Bazaar\x13")  # a, the name, ctrl+s in the form: one write, no pause
        added = re.compile(rf"Places\s+{before + 1}\b")  # the form closed, the row added
        wait_for("the new row", lambda: added.search(term.screen()) is not None, term)
        term.type("\x13")  # ctrl+s on the main screen: save the file
        wait_for("the save", lambda: len(load_situation(path).places) == before + 1, term)
        assert load_situation(path).places[-1].name == "Qalat Bazaar"
    finally:
        term.close()
