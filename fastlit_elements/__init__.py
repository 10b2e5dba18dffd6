"""Fastlit's built-in element plugins: each folder is one plugin, registered by entry points."""

from pathlib import Path

STATIC = Path(__file__).parent / "static"
"""Where the frontend build puts this package's component bundles (one <name>.js each)."""
