"""Fastlit's kernel: sessions, the UI tree and its diff, transport, and the plugin hookspecs."""

__version__ = "0.1.0"

SDK_VERSION = "1.1.0"
"""The component SDK contract this kernel serves (frontend/sdk/index.ts says the same).
A component bundle built against another major version is refused by the shell."""
