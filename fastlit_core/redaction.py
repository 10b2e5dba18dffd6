"""Hiding absolute server paths in text bound for the browser (outside --dev)."""

from __future__ import annotations

import re

# Absolute paths: POSIX ones not inside a URL or a fraction (`https://a/b`, `1/2/3`), and
# Windows ones with a drive letter.
_PATH = re.compile(
    r"(?<![\w:/.])/(?:[\w.\-]+/)+[\w.\-]*"
    r"|\b[A-Za-z]:\\(?:[^\\\s'\"]+\\)+[^\\\s'\"]*"
)


def redact_paths(text: str) -> str:
    """`text` with each absolute path in it replaced by `<path>`."""
    return _PATH.sub("<path>", text)
