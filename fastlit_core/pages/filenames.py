"""Names from pages/ file names: their order, and the icon and title a file name implies."""

from __future__ import annotations

import re
from pathlib import Path

from .icons import split_leading_emoji

_PAGE_FILENAME = re.compile(r"([0-9]*)[_ -]*(.*)\.py")


def page_sort_key(path: Path) -> tuple[float, str]:
    """Streamlit's order of pages/ files: by leading number (none last), then by name."""
    match = _PAGE_FILENAME.fullmatch(path.name) or _PAGE_FILENAME.match(path.name)
    if match is None:
        return (float("inf"), path.name.lower())
    number, label = match.groups()
    return (float(number) if number else float("inf"), label.lower())


def page_icon_and_name(path: Path) -> tuple[str, str]:
    """`"01_🎈_My page.py"` -> ("🎈", "My_page"): a leading emoji, spaces as underscores."""
    match = re.search(_PAGE_FILENAME, path.name)
    if match is None:
        return "", ""
    name = re.sub(r"[_ ]+", "_", match.group(2)).strip() or match.group(1)
    split = split_leading_emoji(name) if not name.isascii() else None
    return split if split is not None else ("", name)
