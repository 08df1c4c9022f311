"""`python -m sitrep` runs the command line."""

from sitrep.cli import main

raise SystemExit(main())
