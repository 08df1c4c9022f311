"""User settings, kept in TOML in the platform's config folder. Imports no Textual.

A broken settings file is reported and ignored, never fatal: the app starts
with defaults and says what was wrong. The file is read as hostile (a pipe,
``/dev/zero``, a huge or binary file is refused, never waited on), and it is
never rewritten unless it loads cleanly: a change is written back key by key
with tomlkit, so the user's comments, layout and other keys stay as they were.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

import tomlkit
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from tomlkit.exceptions import TOMLKitError

from sitrep.errors import SitrepError
from sitrep.files import FileRefused, read_regular

ENV_CONFIG = "SITREP_CONFIG"
"""Set to a file path to use another settings file (tests and portable installs)."""

MAX_SETTINGS_BYTES = 1024 * 1024
"""A settings file is a few lines; anything larger is not one."""


class SettingsNotSaved(SitrepError):
    """The settings file was left as it is (it does not load cleanly, or changed)."""


class BriefSettings(BaseModel):
    """Options for the Markdown brief written from the TUI."""

    model_config = ConfigDict(extra="forbid", strict=True)
    timestamp: bool = Field(default=True, description="Put the time of writing in the footer")


class Settings(BaseModel):
    """Everything a user can set. Unknown keys are errors so typos are noticed."""

    model_config = ConfigDict(extra="forbid", strict=True)
    theme: str = "sitrep"
    produced_by: str | None = Field(default=None, description="Default 'produced by'")
    keys: dict[str, str] = Field(
        default_factory=dict,
        description="Key remaps by binding id, e.g. save = 'ctrl+s,f2'",
    )
    brief: BriefSettings = Field(default_factory=BriefSettings)
    date_order: Literal["dmy", "mdy"] = Field(
        default="dmy", description="How forms read 12/08/2021: day first (dmy) or month first"
    )


def settings_path() -> Path:
    """Where the settings file lives (it need not exist)."""
    override = os.environ.get(ENV_CONFIG)
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path("sitrep", appauthor=False) / "settings.toml"


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """Read the settings; returns defaults and a message when the file is broken."""
    path = path or settings_path()
    try:
        _, settings = _read(path)
    except FileRefused as exc:
        if exc.kind == "missing":
            return Settings(), None
        return Settings(), f"{exc}; using defaults"
    except SettingsNotSaved as exc:
        return Settings(), f"{exc}; using defaults"
    return settings, None


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write back the settings that differ from the file's, and nothing else.

    Each changed key is set in place (tomlkit), keeping comments, order and every
    other key; a missing file is created with the values that are not defaults.
    Raises SettingsNotSaved, leaving the file as it is, when it does not load
    cleanly (a typo, an unknown key, not TOML, a pipe...) or changed meanwhile.
    """
    path = path or settings_path()
    changes = _differences(_on_disk(path)[1], settings)
    if changes:
        update_settings(changes, path)


def update_settings(changes: dict[str, Any], path: Path | None = None) -> Settings:
    """Set each dotted key (``theme``, ``brief.timestamp``, ``keys.save``) in the file.

    None removes a key. Only those keys are touched; the result must load
    cleanly or nothing is written. Returns the settings now in the file.
    Raises SettingsNotSaved as save_settings does (or SitrepIOError: disk full...).
    """
    from sitrep.storage.diskstate import DiskState
    from sitrep.storage.store import write_atomic

    path = path or settings_path()
    data, _ = _on_disk(path)
    document = tomlkit.parse(data.decode("utf-8") if data is not None else "")
    for dotted, value in changes.items():
        _set(document, dotted.split("."), value)
    text = tomlkit.dumps(document)
    try:
        result = Settings.model_validate(tomllib.loads(text))
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise SettingsNotSaved(f"{path}: not saved: the change is not valid ({exc})") from None
    if data is None:
        expected = DiskState.absent(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SettingsNotSaved(f"{path}: cannot create the settings folder: {exc}") from None
    else:  # written only if the file still holds what was read
        expected = DiskState.of_bytes(path, data, os.stat(path))
    write_atomic(path, text, expected=expected)
    return result


def _on_disk(path: Path) -> tuple[bytes | None, Settings]:
    """The file's bytes and settings (None and defaults when there is none), or refuse."""
    try:
        return _read(path)
    except FileRefused as exc:
        if exc.kind == "missing":
            return None, Settings()
        raise SettingsNotSaved(f"{exc}; settings not saved") from None
    except SettingsNotSaved as exc:
        raise SettingsNotSaved(
            f"{exc}; settings not saved: fix the file first (sitrep leaves it as it is)"
        ) from None


def _read(path: Path) -> tuple[bytes, Settings]:
    data = read_regular(path, MAX_SETTINGS_BYTES, noun="settings file")
    if b"\0" in data:
        raise SettingsNotSaved(f"{path}: binary data (NUL byte), not a TOML settings file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SettingsNotSaved(f"{path}: not UTF-8 text (byte {exc.start})") from None
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsNotSaved(f"{path}: {exc}") from None
    try:
        return data, Settings.model_validate(parsed)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SettingsNotSaved(f"{path}: {where}: {first['msg']}") from None


def _differences(old: Settings, new: Settings) -> dict[str, Any]:
    """Dotted keys whose value differs between old and new (None: remove it)."""
    before, after = old.model_dump(mode="json"), new.model_dump(mode="json")
    changes: dict[str, Any] = {}
    for key, value in after.items():
        if isinstance(value, dict):
            was = before.get(key) or {}
            for sub in {*value, *was}:
                if value.get(sub) != was.get(sub):
                    changes[f"{key}.{sub}"] = value.get(sub)
        elif value != before.get(key):
            changes[key] = value
    return changes


def _set(document: Any, keys: list[str], value: Any) -> None:
    """Set (or with None remove) one key of a tomlkit document, creating tables as needed."""
    table = document
    for key in keys[:-1]:
        if key not in table:
            if value is None:
                return
            table[key] = tomlkit.table()
        table = table[key]
    try:
        if value is None:
            if keys[-1] in table:
                del table[keys[-1]]
        else:
            table[keys[-1]] = value
    except (TOMLKitError, TypeError, KeyError) as exc:
        raise SettingsNotSaved(f"settings: {'.'.join(keys)}: {exc}") from None
