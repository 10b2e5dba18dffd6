"""Names from pages/ file names: their order, and the icon and title a file name implies."""

from __future__ import annotations

import re
from pathlib import Path

# One leading emoji (with modifiers, variation selectors and ZWJ sequences), as in file names.
_EMOJI_CHAR = (
    r"[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328"
    r"\u23cf\u23e9-\u23f3\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe"
    r"\u2600-\u27bf\u2934\u2935\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55\u3030\u303d"
    r"\u3297\u3299\U0001F000-\U0001FAFF]"
)
_EMOJI_MOD = r"[\ufe0f\U0001F3FB-\U0001F3FF]*"
_EMOJI = (
    rf"(?:[\U0001F1E6-\U0001F1FF]{{2}}|[0-9#*]\ufe0f?\u20e3"
    rf"|{_EMOJI_CHAR}{_EMOJI_MOD}(?:\u200d{_EMOJI_CHAR}{_EMOJI_MOD})*)"
)
_LEADING_EMOJI = re.compile(rf"^({_EMOJI})[_ -]*(.*)$", re.DOTALL)

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
    emoji = _LEADING_EMOJI.match(name) if not name.isascii() else None
    return (emoji.group(1), emoji.group(2)) if emoji else ("", name)
