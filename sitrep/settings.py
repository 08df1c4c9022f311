"""User settings, kept in TOML in the platform's config folder. Imports no Textual.

A broken settings file is reported and ignored, never fatal: the app starts
with defaults and says what was wrong.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sitrep.errors import SitrepError

ENV_CONFIG = "SITREP_CONFIG"
"""Set to a file path to use another settings file (tests and portable installs)."""


class BriefSettings(BaseModel):
    """Options for the Markdown brief written from the TUI."""

    model_config = ConfigDict(extra="forbid")
    timestamp: bool = Field(default=True, description="Put the time of writing in the footer")


class Settings(BaseModel):
    """Everything a user can set. Unknown keys are errors so typos are noticed."""

    model_config = ConfigDict(extra="forbid")
    theme: str = "sitrep"
    produced_by: str | None = Field(default=None, description="Default 'produced by'")
    keys: dict[str, str] = Field(
        default_factory=dict,
        description="Key remaps by binding id, e.g. save = 'ctrl+s,f2'",
    )
    brief: BriefSettings = Field(default_factory=BriefSettings)


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
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError) as exc:
        return Settings(), f"{path}: cannot read settings ({exc}); using defaults"
    try:
        return Settings.model_validate(tomllib.loads(text)), None
    except tomllib.TOMLDecodeError as exc:
        return Settings(), f"{path}: {exc}; using defaults"
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        return Settings(), f"{path}: {where}: {first['msg']}; using defaults"


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically, creating the folder if needed."""
    from sitrep.storage.store import write_atomic

    path = path or settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SitrepError(f"{path}: cannot create the settings folder: {exc}") from None
    data = settings.model_dump(mode="json", exclude_defaults=True)
    write_atomic(path, tomli_w.dumps(data))
