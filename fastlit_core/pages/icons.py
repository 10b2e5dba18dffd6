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
