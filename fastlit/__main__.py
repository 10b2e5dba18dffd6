"""`python -m fastlit` is the `fastlit` command."""

from fastlit_core.cli import main

raise SystemExit(main())
