"""Fastlit's kernel: sessions, the UI tree and its diff, transport, and the plugin hookspecs."""

__version__ = "0.1.0"
