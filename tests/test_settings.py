"""The settings file: read as hostile, never rewritten unless it loads cleanly, edited key by key.

A settings file with one unknown key was reported, then replaced whole by
``theme = "..."`` on the next theme change (key remaps and produced_by gone); a
SITREP_CONFIG that was a FIFO or /dev/zero hung or blew memory.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from sitrep.settings import (
    MAX_SETTINGS_BYTES,
    Settings,
    SettingsNotSaved,
    load_settings,
    save_settings,
    settings_path,
    update_settings,
)
from tests.nohang import no_hang

KEPT = """\
# sitrep settings, shared by the desk (do not remove the remaps)
theme = "nord"   # dark for the night shift
produced_by = "OCHA desk"

[keys]
# f2 saves: ctrl+s freezes some terminals
save = "f2"
delete = "X"

[brief]
timestamp = false
"""


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "settings.toml"


def test_a_theme_change_writes_back_only_that_key(path: Path) -> None:
    path.write_text(KEPT, encoding="utf-8")
    settings, problem = load_settings(path)
    assert problem is None and settings.keys == {"save": "f2", "delete": "X"}
    save_settings(settings.model_copy(update={"theme": "gruvbox"}), path)
    assert path.read_text(encoding="utf-8") == KEPT.replace('"nord"', '"gruvbox"')


def test_a_new_key_goes_in_its_table_and_nothing_else_moves(path: Path) -> None:
    path.write_text(KEPT, encoding="utf-8")
    update_settings({"keys.quit": "ctrl+q", "produced_by": None}, path)
    text = path.read_text(encoding="utf-8")
    assert 'quit = "ctrl+q"' in text and "produced_by" not in text
    assert text.startswith("# sitrep settings, shared by the desk")
    assert "# f2 saves: ctrl+s freezes some terminals" in text
    assert load_settings(path)[0].keys == {"save": "f2", "delete": "X", "quit": "ctrl+q"}


def test_a_missing_file_is_created_with_what_differs_from_the_defaults(path: Path) -> None:
    save_settings(Settings(theme="nord"), path)
    assert path.read_text(encoding="utf-8") == 'theme = "nord"\n'


@pytest.mark.parametrize(
    "broken",
    [
        KEPT + "them = 'x'\n",  # a typo: an unknown key
        KEPT.replace("timestamp = false", "timestamp = 'no'"),
        KEPT + "theme = [\n",
        "\x00\x01binary",
        "caf\xe9".encode("latin-1").decode("latin-1"),
    ],
    ids=["unknown key", "wrong type", "not TOML", "binary", "not utf-8"],
)
def test_a_file_that_does_not_load_cleanly_is_never_rewritten(path: Path, broken: str) -> None:
    data = broken.encode("latin-1") if broken.startswith("caf") else broken.encode("utf-8")
    path.write_bytes(data)
    settings, problem = load_settings(path)
    assert problem is not None and "using defaults" in problem and str(path) in problem
    with pytest.raises(SettingsNotSaved, match="settings not saved"):
        save_settings(settings.model_copy(update={"theme": "gruvbox"}), path)
    assert path.read_bytes() == data


def test_a_file_changed_since_it_was_read_is_not_overwritten(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep import settings as module

    path.write_text(KEPT, encoding="utf-8")
    real = module.tomlkit.dumps

    def dumps_while_someone_edits(document: object) -> str:
        path.write_text(KEPT + "# edited meanwhile\n", encoding="utf-8")
        return real(document)  # type: ignore[arg-type]

    monkeypatch.setattr(module.tomlkit, "dumps", dumps_while_someone_edits)
    with pytest.raises(Exception, match="changed on disk"):
        update_settings({"theme": "gruvbox"}, path)
    assert path.read_text(encoding="utf-8").endswith("# edited meanwhile\n")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")
@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "/dev/urandom", "folder", "huge"])
def test_a_hostile_settings_file_is_refused_without_hanging(
    path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "huge":
        path.write_bytes(b"# " + b"x" * MAX_SETTINGS_BYTES + b"\n")
    else:
        path.symlink_to(kind)
    monkeypatch.setenv("SITREP_CONFIG", str(path))
    assert settings_path() == path
    settings, problem = no_hang(load_settings)
    assert settings == Settings() and problem is not None and str(path) in problem
    with pytest.raises(SettingsNotSaved):
        no_hang(lambda: save_settings(Settings(theme="nord")))
