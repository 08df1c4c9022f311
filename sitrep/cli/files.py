"""`sitrep check`, `sitrep fmt` and `sitrep new`: situation files on the command line.

Everything printed goes through sitrep.cli.say (no escape sequence from a file
name reaches the terminal). fmt says "reformatted" only for a file it wrote, and
writes only if the file still holds the bytes it read.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
from pathlib import Path

from sitrep.cli.output import report, say
from sitrep.cli.reports import print_stale
from sitrep.errors import Problem, SitrepError, SitrepIOError, SitrepUsageError


def files_or_default(files: list[str]) -> list[Path]:
    """The files named, else ./sitrep.yaml, else the bundled sample."""
    from sitrep.storage.sample import default_file

    return [Path(f) for f in files] if files else [default_file()[0]]


def check(args: argparse.Namespace) -> int:
    """Validate each file, and the outline it names (so whatever check accepts renders).

    Warnings are printed and pass, unless --strict; --stale lists what is due.
    """
    from sitrep.geo.outline import situation_outline
    from sitrep.yaml.io import check_text, read_text

    code = 0
    for path in files_or_default(args.files):
        try:
            checked = check_text(read_text(path), str(path))
            s, warnings = checked.situation, checked.warnings
            situation_outline(s, path.parent, source=path)
        except SitrepError as exc:
            report(exc)
            code = max(code, exc.exit_code)
            continue
        for problem in sorted([*checked.errors, *warnings], key=_position):
            say(str(problem), err=True)
        if args.stale:
            print_stale(s, path)
        if checked.errors:
            code = max(code, 1)
            say(f"{path}: {len(checked.errors)} unresolved merge conflict(s)", err=True)
            continue
        if warnings and args.strict:
            code = max(code, 1)
            say(f"{path}: {len(warnings)} warning(s), an error with --strict", err=True)
            continue
        say(
            f"{path}: valid ({len(s.places)} places, {len(s.evacuations)} evacuations, "
            f"{len(s.figures)} figures, {len(s.notes)} notes, {len(s.sources)} sources)"
        )
    return code


def _position(problem: Problem) -> tuple[int, int]:
    return (problem.line or 0, problem.column or 0)


def fmt(args: argparse.Namespace) -> int:
    """Rewrite each file in canonical form (or, with --check, only say which would change)."""
    from sitrep.storage.diskstate import read_with_state
    from sitrep.storage.store import write_atomic
    from sitrep.yaml.io import dump_situation, is_version_1, parse_situation

    code, changed, unchanged, failed = 0, 0, 0, 0
    for path in files_or_default(args.files):
        try:
            text, disk = read_with_state(path)
            canonical = dump_situation(parse_situation(text, str(path)))
            if canonical == text:
                unchanged += 1
                continue
            migrating = is_version_1(text)
            if args.check:
                changed += 1
                say(f"would {'migrate to format 2' if migrating else 'reformat'} {path}")
                code = max(code, 1)
                continue
            # Written only if the file still holds what was read (an editor may have saved).
            saved = write_atomic(path, canonical, backup=True, expected=disk)
        except SitrepError as exc:
            report(exc)
            failed += 1
            code = max(code, exc.exit_code)
            continue
        changed += 1
        say(f"migrated {path} to format 2" if migrating else f"reformatted {path}")
        if saved.backup_error:
            say(f"note: {path}: {saved.backup_error}", err=True)
    verb = "would be reformatted" if args.check else "reformatted"
    summary = f"{changed} file(s) {verb}, {unchanged} left unchanged"
    if failed:
        summary += f", {failed} not reformatted (see above)"
    say(summary, err=True)
    return code


def new(args: argparse.Namespace) -> int:
    """Create a blank situation (or a copy of the sample); never overwrites."""
    from sitrep.model.situation import Header, Situation
    from sitrep.storage.diskstate import DiskState
    from sitrep.storage.sample import sample_path
    from sitrep.storage.store import write_atomic
    from sitrep.yaml.io import dump_situation, read_text

    target = Path(args.file)
    if target.exists() or target.is_symlink():
        raise SitrepUsageError(f"{target}: already exists; sitrep new never overwrites a file")
    if not target.parent.is_dir():
        raise SitrepIOError(f"{target}: folder {target.parent} does not exist")
    if args.sample:
        text = read_text(sample_path())
    else:
        header = Header(title=args.title, region=args.region, as_of=dt.date.today())
        text = dump_situation(Situation(header=header))
    write_atomic(target, text, expected=DiskState.absent(target))
    say(f"created {target}")
    if args.sample:
        _copy_sample_outline(target.parent)
    return 0


def _copy_sample_outline(folder: Path) -> None:
    """Put the sample's map outline beside a copy of the sample (its header names it).

    Never overwrites: a file of that name that is not the sample's outline is left
    as it is, and the user is told (the map will use that file).
    """
    from sitrep.files import read_regular
    from sitrep.geo.outline import MAX_OUTLINE_BYTES, outline_path
    from sitrep.storage.diskstate import DiskState
    from sitrep.storage.sample import sample_path
    from sitrep.storage.store import write_atomic
    from sitrep.yaml.io import load_situation

    sample = load_situation(sample_path())
    source = outline_path(sample, sample_path().parent)
    name = sample.header.outline
    if source is None or not source.is_file() or not name or Path(name).name != name:
        return  # no outline shipped, or not a plain file name beside the situation
    data = read_regular(source, MAX_OUTLINE_BYTES)
    target = folder / name
    if target.exists() or target.is_symlink():
        same = False
        with contextlib.suppress(SitrepError):
            same = read_regular(target, MAX_OUTLINE_BYTES) == data
        if not same:
            say(
                f"note: {target} already exists and is not the sample's outline; "
                "left as it is (the map will use it)",
                err=True,
            )
        return
    write_atomic(target, data, expected=DiskState.absent(target))
    say(f"copied the map outline {name} beside it")
