"""The yaml-rs package against sitrep's fast reader and libyaml, on the same files.

    pip install yaml-rs            # in a scratch venv: it is not a dependency
    python -m benchmarks.yaml_rs [--site SITE_PACKAGES] [--reps N] FILE...

Each reader parses the same text in the same process, interleaved, best of N:
sitrep's fast reader (read_plain, what load_situation runs first), yaml-rs
(yaml_rs.loads) and libyaml (yaml.load with CSafeLoader, the floor). It also
says whether yaml-rs gives the same values: it resolves YAML 1.2 scalars and
sitrep keeps 1.1's look-alikes (NO, 1:30, 0123) as text, so it could only be used
behind the same checks.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def best(reps: int, step: Callable[[], object]) -> float:
    """The shortest of reps timed runs of step."""
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(path: Path, reps: int) -> dict[str, Any]:
    """Seconds per reader on one file, and whether yaml-rs read the same values."""
    import yaml
    import yaml_rs

    from sitrep.yaml.block.fast import Read, read_plain

    text = path.read_text(encoding="utf-8")
    fast = read_plain(text)
    ours = fast.value if isinstance(fast, Read) else None
    theirs = yaml_rs.loads(text)
    return {
        "file": path.name,
        "MiB": len(text.encode()) / 2**20,
        "fast": best(reps, lambda: read_plain(text)),
        "yaml_rs": best(reps, lambda: yaml_rs.loads(text)),
        "csafe": best(reps, lambda: yaml.load(text, Loader=yaml.CSafeLoader)),
        "same": ours == theirs,
    }


def main(argv: list[str] | None = None) -> int:
    """Print one line per file: seconds per reader and the ratios to libyaml."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--site", help="site-packages of a venv that has yaml-rs")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args(argv)
    if args.site:
        sys.path.append(args.site)  # after ours: PyYAML and pydantic stay the project's
    print("file  MiB  fast reader  yaml-rs  CSafeLoader  fast/yaml-rs  same values")
    for path in args.files:
        r = measure(path, args.reps)
        print(
            f"{r['file']}  {r['MiB']:.1f}  {r['fast']:.3f} s ({r['fast'] / r['csafe']:.2f}x)  "
            f"{r['yaml_rs']:.3f} s ({r['yaml_rs'] / r['csafe']:.2f}x)  {r['csafe']:.3f} s  "
            f"{r['fast'] / r['yaml_rs']:.2f}  {r['same']}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
