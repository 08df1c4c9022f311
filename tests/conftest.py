"""Shared fixtures: the bundled sample and an isolated settings file for every test."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.model.situation import Situation
from sitrep.storage.sample import sample_path
from sitrep.yaml.io import load_situation

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the real user's settings, state or journal."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SITREP_CONFIG", str(home / "settings.toml"))
    monkeypatch.setenv("SITREP_STATE_DIR", str(home / "state"))


@pytest.fixture
def sample_file() -> Path:
    """The bundled sample's path (read-only: copy it before writing)."""
    return sample_path()


@pytest.fixture
def sample() -> Situation:
    """A fresh copy of the bundled sample situation."""
    return load_situation(sample_path())
