"""Fastlit's built-in chart plugins; their bundles load only on pages that show a chart."""

from pathlib import Path

STATIC = Path(__file__).parent / "static"
"""Where the frontend build puts this package's component bundles (one <name>.js each)."""
