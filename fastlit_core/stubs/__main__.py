"""`python -m fastlit_core.stubs`: write or check fastlit/__init__.pyi."""

from . import main

raise SystemExit(main())
