"""Page icons as Streamlit accepts them: an emoji, a Material icon shortcode or "spinner"."""

from __future__ import annotations

import re

from ..errors import StreamlitAPIException, StreamlitInvalidParameterTypeError

_ICON_FORMAT_HINT = (
    "Please use a single emoji or a Material icon shortcode like `:material\u200b/thumb_up:`."
)
_MATERIAL = re.compile(r"^\s*:(.+)/(.+):\s*$")
_MATERIAL_NAME = re.compile(r"^[a-z0-9_]+$")
_EMOJI_SHORTCODE = re.compile(r":[a-zA-Z0-9_+-]+:")

# One leading emoji (with modifiers, variation selectors and ZWJ sequences) and its separator.
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


def split_leading_emoji(text: str) -> tuple[str, str] | None:
    """`"🎈_My page"` -> ("🎈", "My page"): a leading emoji and the rest after its separator
    (spaces, `_` or `-`); None when the text does not start with one."""
    match = _LEADING_EMOJI.match(text)
    return (match.group(1), match.group(2)) if match else None


def validate_icon(icon: str | None) -> str:
    """An icon as Streamlit accepts it (an emoji, `:material/name:` or "spinner"); "" for none.

    Without an emoji catalogue, any non-ASCII text counts as an emoji; ASCII never does.
    """
    if icon is None:
        return ""
    if not isinstance(icon, str):
        raise StreamlitInvalidParameterTypeError("icon", type(icon).__name__, ["str", "None"])
    icon = icon.strip()
    if not icon:
        return ""
    if icon == "spinner":
        return icon
    if icon.startswith(":"):
        if icon.lower().startswith(":material"):
            match = _MATERIAL.match(icon)
            if (
                match is None
                or match.group(1) != "material"
                or not _MATERIAL_NAME.match(match.group(2))
            ):
                shown = icon.replace("/", "\u200b/")
                raise StreamlitAPIException(
                    f'The value `"{shown}"` is not a valid Material icon. Please use a '
                    "Material icon shortcode like **`:material\u200b/thumb_up:`**"
                    + ("." if match is not None else "")
                )
            return f":material/{match.group(2)}:"
        if _EMOJI_SHORTCODE.fullmatch(icon):
            raise StreamlitAPIException(
                f'The value "{icon}" is not a valid icon. Emoji shortcodes are not supported. '
                f"{_ICON_FORMAT_HINT}"
            )
    if "://" in icon or icon[:5].lower() == "data:" or icon.startswith("//"):
        shown = icon if len(icon) <= 60 else f"{icon[:60]}\u2026"
        raise StreamlitAPIException(
            f'The value "{shown}" looks like a URL. Images are not supported for `icon`. '
            f"{_ICON_FORMAT_HINT} To follow support for image icons, see "
            "https://github.com/streamlit/streamlit/issues/9770."
        )
    if icon.isascii():
        raise StreamlitAPIException(f'The value "{icon}" is not a valid icon. {_ICON_FORMAT_HINT}')
    return icon
