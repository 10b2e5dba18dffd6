"""Streamlit's chart colour rules: hex and rgb() strings, RGB(A) tuples, built-in names."""

from __future__ import annotations

from typing import Any

from fastlit_core.plugin import StreamlitAPIException

BUILTIN_COLOR_NAMES = frozenset(
    {"red", "orange", "yellow", "green", "blue", "violet", "gray", "grey", "primary"}
)


def is_hex_color_like(color: object) -> bool:
    return (
        isinstance(color, str)
        and color.startswith("#")
        and color[1:].isalnum()
        and len(color) in {4, 5, 7, 9}
    )


def is_color_tuple_like(color: object) -> bool:
    return (
        isinstance(color, (tuple, list))
        and len(color) in {3, 4}
        and all(isinstance(c, (int, float)) for c in color)
    )


def is_css_color_like(color: object) -> bool:
    return is_hex_color_like(color) or (
        isinstance(color, str) and color.startswith(("rgb(", "rgba("))
    )


def is_color_like(color: object) -> bool:
    """Hex, rgb()/rgba() or a tuple; built-in names are resolved by the browser instead."""
    return is_css_color_like(color) or is_color_tuple_like(color)


def is_builtin_color_name(color: object) -> bool:
    return isinstance(color, str) and color.lower() in BUILTIN_COLOR_NAMES


def to_css_color(color: Any) -> str:
    if is_css_color_like(color):
        return str(color)
    if is_color_tuple_like(color):
        rgb = [_channel(c, color) for c in color[:3]]
        if len(color) == 3:
            return f"rgb({rgb[0]}, {rgb[1]}, {rgb[2]})"
        alpha = color[3]
        alpha = min(1.0, max(alpha / 255.0 if isinstance(alpha, int) else float(alpha), 0.0))
        return f"rgba({rgb[0]}, {rgb[1]}, {rgb[2]}, {alpha})"
    raise StreamlitAPIException(
        f"This does not look like a valid color: {color!r}.\n\nColors must be in one of the "
        "following formats:\n\n* Hex string with 3, 4, 6, or 8 digits. Example: `'#00ff00'`\n"
        "* List or tuple with 3 or 4 components. Example: `[1.0, 0.5, 0, 0.2]`"
    )


def _channel(component: Any, color: Any) -> int:
    if isinstance(component, float):
        component = int(component * 255)
    if isinstance(component, int):
        return min(255, max(component, 0))
    raise StreamlitAPIException(f"This does not look like a valid color: {color!r}.")
