"""st.set_page_config: title, favicon, layout, sidebar state and menu items, with Streamlit's
checks. Calls add up (each sets only what it names) and may come anywhere, more than once;
the session keeps the result and sends it to the browser whenever it changes."""

from __future__ import annotations

import base64
import mimetypes
import random
import re
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote, urlparse

import msgspec

from .context import current_or_none
from .errors import StreamlitAPIException, StreamlitInvalidURLError, StreamlitValueError
from .protocol import MenuItems, PageConfig

GET_HELP, REPORT_A_BUG, ABOUT = "get help", "report a bug", "about"
_MENU_KEYS = {GET_HELP: "get_help", REPORT_A_BUG: "report_a_bug", ABOUT: "about"}
_MENU_URL_PROTOCOLS = ("http", "https", "mailto")
_SIDEBAR_STATES = ("auto", "expanded", "collapsed", "locked")
_VALID_SIDEBAR_STATE_VALUES = [
    "'auto'",
    "'expanded'",
    "'collapsed'",
    "'locked'",
    "a positive integer (width in pixels)",
]
_MATERIAL = re.compile(r"^\s*:(.+)/(.+):\s*$")
_MATERIAL_NAME = re.compile(r"^[a-z0-9_]+$")
_RANDOM_EMOJIS = list(
    "🔥🎉🚀🌌💣✨🌙🎆🎇💥🤩🌛🤘💡🤪🥂⚡💨🌠🎊🍿🔮🌃🍃🍾💫🌴🎈🎬🌀🎄🎨🥳🌞🌟🦄🌈🎃"
)


def set_page_config(
    page_title: str | None = None,
    page_icon: Any | None = None,
    layout: Literal["centered", "wide"] | None = None,
    initial_sidebar_state: Literal["auto", "expanded", "collapsed", "locked"] | int | None = None,
    menu_items: Mapping[str, str | None] | None = None,
) -> None:
    """Configure the page: its title, favicon, layout, initial sidebar state and menu.

    Each call overrides only what it names, so it may be called anywhere and more than once
    (st.set_page_config). `page_icon` is an emoji, "random", an image path, a URL, image
    bytes or a PIL image; `menu_items` has the keys "Get help", "Report a bug" (URLs) and
    "About" (text), a None value removing an item set earlier.
    """
    changes: dict[str, Any] = {}
    if page_title is not None:
        changes["title"] = str(page_title)
    if page_icon is not None:
        favicon = favicon_url(page_icon)
        if favicon is not None:
            changes["favicon"] = favicon
    if layout is not None and layout not in ("centered", "wide"):
        raise StreamlitValueError("layout", ["'centered'", "'wide'"])
    if layout is not None:
        changes["layout"] = layout
    if initial_sidebar_state is not None:
        changes["initial_sidebar_state"] = _sidebar_state(initial_sidebar_state)
    menu = None
    if menu_items is not None:
        menu = _lowercase_keys(menu_items)
        validate_menu_items(menu)

    ctx = current_or_none()
    if ctx is None:
        return  # outside a run, as in Streamlit: checked, then nothing to configure
    session = ctx.session
    with ctx.lock:
        old = session.page_config
        if menu is not None:
            changes["menu_items"] = _merge_menu(old.menu_items, menu)
        new = msgspec.structs.replace(old, **changes)
        if new != old:
            session.page_config = new
            session.page_config_changed = True
            ctx.dirty = True  # a mid-run flush carries it


def _sidebar_state(state: Any) -> str | int:
    if isinstance(state, str) and state in _SIDEBAR_STATES:
        return state
    if isinstance(state, int) and not isinstance(state, str):
        if state <= 0:
            raise StreamlitValueError(
                "initial_sidebar_state", _VALID_SIDEBAR_STATE_VALUES, detail=f"Got {state}."
            )
        return int(state)  # a width in pixels, with "auto" behaviour
    raise StreamlitValueError(
        "initial_sidebar_state", _VALID_SIDEBAR_STATE_VALUES, detail=f"Got {state!r}."
    )


def _lowercase_keys(items: Mapping[Any, Any]) -> dict[str, Any]:
    return {str(k).lower().strip(): v for k, v in items.items()}


def validate_menu_items(items: Mapping[str, Any]) -> None:
    """Streamlit's checks: known keys only, and URLs (http, https, mailto) but for About."""
    for key, value in items.items():
        if key not in _MENU_KEYS:
            raise StreamlitValueError(
                "menu_items",
                ["'Get help'", "'Report a bug'", "'About'"],
                detail=f"`{key}` is not a supported menu item key.",
            )
        if value is not None and key != ABOUT and not _is_url(value):
            raise StreamlitInvalidURLError(value, _MENU_URL_PROTOCOLS)


def _is_url(value: Any) -> bool:
    try:
        parsed = urlparse(str(value))
    except ValueError:
        return False
    if parsed.scheme in ("http", "https"):
        return bool(parsed.netloc)
    return parsed.scheme == "mailto" and bool(parsed.path)


def _merge_menu(old: MenuItems | None, items: Mapping[str, Any]) -> MenuItems | None:
    """Named items replace earlier ones, None removes one; items not named stay."""
    values = msgspec.structs.asdict(old) if old is not None else {}
    for key, value in items.items():
        if key == ABOUT and value is not None:
            value = textwrap.dedent(str(value))
        values[_MENU_KEYS[key]] = value
    merged = MenuItems(**values)
    return None if merged == MenuItems() else merged


# --- favicons -------------------------------------------------------------------------------


def favicon_url(icon: Any) -> str | None:
    """A URL the browser can show as a favicon; None when Fastlit cannot show it (emoji
    shortcodes such as ":shark:" and Material icons keep the current favicon)."""
    if isinstance(icon, str):
        text = icon.strip()
        if text == "random":
            return emoji_svg(random.choice(_RANDOM_EMOJIS))  # noqa: S311 - not a secret
        if icon.startswith(":material"):
            _validate_material(icon)
            return None  # no Material Symbols font in the shell
        if text.startswith(":") and text.endswith(":"):
            return None  # an emoji shortcode: no catalogue to look it up in
        if urlparse(text).scheme in ("http", "https", "data"):
            return text
        if _looks_like_emoji(text):
            return emoji_svg(text)
        path = Path(text)
        return _file_url(path) if path.is_file() else None
    if isinstance(icon, Path):
        return _file_url(icon) if icon.is_file() else None
    if isinstance(icon, bytes | bytearray):
        return _data_url(bytes(icon), _sniff(bytes(icon)))
    save = getattr(icon, "save", None)  # a PIL image
    if callable(save):
        import io

        buffer = io.BytesIO()
        save(buffer, format="PNG")
        return _data_url(buffer.getvalue(), "image/png")
    return None


def _validate_material(icon: str) -> None:
    """Streamlit's check and messages (a zero-width space keeps the `/` out of Markdown)."""
    match = _MATERIAL.match(icon)
    shown = icon.replace("/", "\u200b/")
    hint = "Please use a Material icon shortcode like **`:material\u200b/thumb_up:`**"
    if match is None:
        raise StreamlitAPIException(f'The value `"{shown}"` is not a valid Material icon. {hint}')
    if match.group(1) != "material" or not _MATERIAL_NAME.match(match.group(2)):
        raise StreamlitAPIException(f'The value `"{shown}"` is not a valid Material icon. {hint}.')


def _looks_like_emoji(text: str) -> bool:
    """No emoji catalogue here: short non-ASCII text without path separators is an emoji."""
    return 0 < len(text) <= 16 and not text.isascii() and "/" not in text and "\\" not in text


def emoji_svg(emoji: str) -> str:
    """An emoji as an SVG data URL: browsers show it as a favicon."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        f'<text y=".9em" font-size="90">{emoji}</text></svg>'
    )
    return "data:image/svg+xml," + quote(svg)


def _file_url(path: Path) -> str:
    data = path.read_bytes()
    mime = mimetypes.guess_type(path.name)[0] or _sniff(data)
    return _data_url(data, mime)


def _sniff(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data.startswith(b"\x00\x00\x01\x00"):
        return "image/x-icon"
    if data[:5].lstrip().startswith((b"<svg", b"<?xml")):
        return "image/svg+xml"
    return "image/png"


def _data_url(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


__all__ = ["PageConfig", "favicon_url", "set_page_config", "validate_menu_items"]
