"""The system clipboard through its own tool, else a file the user can open. Imports no Textual.

A terminal's clipboard escape (OSC 52) cannot be confirmed: many terminals and
multiplexers ignore it. So the brief goes through a real clipboard tool where
one is present (Wayland, X11, macOS); where none is, it is written to a file in
the state folder and the user is told where, never told it was copied.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import SitrepIOError
from sitrep.storage.statedir import state_subdir

TOOL_TIMEOUT = 5.0
"""Seconds a clipboard tool may take (they return at once; a hung one is given up on)."""


@dataclass(frozen=True)
class Tool:
    """A clipboard command and when it can work."""

    command: tuple[str, ...]
    needs: str | None
    """An environment variable that must be set (the display it talks to), or None."""


TOOLS = (
    Tool(("wl-copy",), "WAYLAND_DISPLAY"),
    Tool(("xclip", "-selection", "clipboard"), "DISPLAY"),
    Tool(("xsel", "--clipboard", "--input"), "DISPLAY"),
    Tool(("pbcopy",), None if sys.platform == "darwin" else "__never__"),
)


def available_tools() -> list[Tool]:
    """The clipboard tools installed here whose display is there, best first."""
    return [
        tool
        for tool in TOOLS
        if (tool.needs is None or os.environ.get(tool.needs))
        and shutil.which(tool.command[0]) is not None
    ]


async def copy_with_tool(text: str) -> str | None:
    """Put text on the system clipboard; the tool's name, or None when no tool took it."""
    for tool in available_tools():
        path = shutil.which(tool.command[0])
        if path is None:
            continue
        try:
            process = await asyncio.create_subprocess_exec(
                path,
                *tool.command[1:],
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.DEVNULL,
            )
            await asyncio.wait_for(process.communicate(text.encode("utf-8")), TOOL_TIMEOUT)
        except (OSError, TimeoutError):
            continue
        if process.returncode == 0:
            return tool.command[0]
    return None


def write_fallback(text: str, name: str = "brief.md") -> Path:
    """Write text to a file in the state folder (the clipboard could not be reached)."""
    from sitrep.storage.store import write_atomic

    target = state_subdir("clipboard") / name
    try:
        write_atomic(target, text)
    except OSError as exc:  # write_atomic raises SitrepIOError; anything else, the same
        raise SitrepIOError(f"{target}: {exc}") from exc
    return target
