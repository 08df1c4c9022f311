"""Reading a situation file as it was committed in git, so no one keeps old copies.

``sitrep export --previous HEAD~1`` compares with the file at a revision of its
own repository. git is run as a subprocess with arguments (never a shell), a
timeout, and the blob's size checked before it is read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.errors import Problem, SitrepDataError, SitrepError, SitrepIOError, SitrepUsageError

if TYPE_CHECKING:
    from sitrep.model.merging.merge import Stamp
    from sitrep.model.situation import Situation

GIT_TIMEOUT = 20.0
"""Seconds any one git command may take (a huge or remote repository should not hang sitrep)."""

_REVISION = re.compile(r"^[^\s\x00-\x1f\x7f:~^][^\s\x00-\x1f\x7f]*$|^[~^].*$")


def run_git(args: list[str], cwd: Path, *, max_bytes: int | None = None) -> bytes:
    """git's output for args, run in cwd; SitrepUsageError with git's last line if it fails."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            timeout=GIT_TIMEOUT,
            env=env,
            check=False,
        )
    except FileNotFoundError:
        raise SitrepIOError("git is not installed (needed to read a revision)") from None
    except subprocess.TimeoutExpired:
        raise SitrepIOError(f"git {args[0]} took more than {GIT_TIMEOUT:.0f} s") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SitrepUsageError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    if max_bytes is not None and len(done.stdout) > max_bytes:
        raise SitrepIOError(f"git {args[0]}: more than {max_bytes:,} bytes")
    return done.stdout


def repository_root(path: Path) -> Path:
    """The top folder of the git repository that holds path."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise SitrepIOError(f"{path}: folder {folder} does not exist")
    out = run_git(["rev-parse", "--show-toplevel"], folder)
    return Path(out.decode("utf-8", "surrogateescape").strip())


def is_revision_name(text: str) -> bool:
    """Whether text looks like a git revision (HEAD~1, v12, a hash, main@{yesterday})."""
    return bool(text) and not text.startswith("-") and _REVISION.match(text) is not None


def read_revision(path: Path, revision: str, max_bytes: int) -> bytes:
    """The bytes of path as committed at revision (at most max_bytes)."""
    if not is_revision_name(revision):
        raise SitrepUsageError(f"{revision!r} is not a git revision (such as HEAD~1 or v12)")
    root = repository_root(path)
    try:
        relative = path.resolve().relative_to(root)
    except ValueError:
        raise SitrepUsageError(f"{path}: not inside the git repository at {root}") from None
    spec = f"{revision}:{relative.as_posix()}"
    try:
        run_git(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"], root
        )
    except SitrepUsageError:
        raise SitrepUsageError(f"{revision!r}: no such revision in {root}") from None
    size = int(run_git(["cat-file", "-s", spec], root).strip() or b"0")
    if size > max_bytes:
        raise SitrepDataError(
            [Problem(f"{path}@{revision}", None, None, f"larger than {max_bytes:,} bytes")]
        )
    return run_git(["cat-file", "blob", spec], root, max_bytes=max_bytes)


def load_previous(spec: str, current: Path) -> Situation:
    """The previous report: a file if spec names one, else current's file at revision spec."""
    from sitrep.yaml.io import MAX_FILE_BYTES, decode, load_situation, parse_situation

    candidate = Path(spec)
    if candidate.exists() or not is_revision_name(spec):
        return load_situation(candidate)
    name = f"{current}@{spec}"
    return parse_situation(decode(read_revision(current, spec, MAX_FILE_BYTES), name), name)


# -- who each side of a merge is ------------------------------------------------------


def merge_stamp(path: str | None, root: Path) -> Stamp:
    """Who each side of the merge git is running is, and when, as far as git tells.

    A side is named by the author of the latest commit on that side that changed
    the file, with its branch and commit ("Ana Analyst (main, 1a2b3c4)"): who
    last touched the file there, not necessarily who changed the value. Ours is
    HEAD. Theirs is known in a merge (git names the branch merged) and in a
    rebase (the commit being replayed); not in a cherry-pick. ``when`` is the
    time of the merge, in UTC.
    """
    from sitrep.model.merging.merge import Stamp

    when = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    ours = _side("HEAD", _quiet(["symbolic-ref", "--quiet", "--short", "HEAD"], root), path, root)
    rev, name = _theirs(root)
    theirs = _side(rev, name, path, root) if rev else None
    return Stamp(ours_by=ours, theirs_by=theirs, when=when)


def _theirs(root: Path) -> tuple[str | None, str | None]:
    heads = [(k[len("GITHEAD_") :], v) for k, v in os.environ.items() if k.startswith("GITHEAD_")]
    if len(heads) == 1:  # git merge BRANCH sets GITHEAD_<commit>=BRANCH
        return heads[0]
    done = _quiet(["rev-parse", "--git-path", "rebase-merge/done"], root)
    if done:
        try:
            lines = (root / done).read_text("utf-8", "replace").splitlines()
        except OSError:
            return None, None
        words = lines[-1].split() if lines else []
        if len(words) >= 2 and words[0] in ("pick", "p", "edit", "e", "reword", "r"):
            branch = _quiet(["rev-parse", "--git-path", "rebase-merge/head-name"], root)
            name = None
            if branch:
                with contextlib.suppress(OSError):
                    name = (root / branch).read_text("utf-8", "replace").strip()
            return words[1], name.removeprefix("refs/heads/") if name else None
    return None, None


def _side(rev: str, name: str | None, path: str | None, root: Path) -> str | None:
    args = ["log", "-1", "--format=%an%x00%h", "--end-of-options", rev]
    found = _quiet([*args, "--", f":(literal){path}"] if path else args, root)
    if not found or "\0" not in found:
        return None
    author, commit = found.split("\0", 1)
    return f"{author} ({name}, {commit})" if name else f"{author} ({commit})"


def _quiet(args: list[str], root: Path) -> str | None:
    """git's output as text, or None when git fails."""
    try:
        out = run_git(args, root, max_bytes=64 * 1024)
    except SitrepError:
        return None
    return out.decode("utf-8", "replace").strip() or None
