"""docs/safety.md names, for every promise, the tests that keep it: they must exist."""

from __future__ import annotations

import re

from tests.paths import REPO


def test_every_test_the_safety_page_names_exists() -> None:
    page = (REPO / "docs" / "safety.md").read_text(encoding="utf-8")
    named = re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", page)
    assert len(named) > 60
    missing = [
        f"{path}::{name}"
        for path, name in named
        if not re.search(
            rf"^(async )?def {name}\(", (REPO / path).read_text(encoding="utf-8"), re.M
        )
    ]
    assert missing == []
