"""st.Page: a page of a multipage app, a script, a callable or an external URL."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

from ..context import current_or_none
from ..errors import (
    StreamlitAPIException,
    StreamlitIncompatibleParametersError,
    StreamlitMissingRequiredParameterError,
    StreamlitPageNotFoundError,
    StreamlitValueError,
)
from .filenames import page_icon_and_name
from .icons import validate_icon


def is_url(text: str) -> bool:
    try:
        parsed = urlparse(text)
    except ValueError:
        return False
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def raise_if_unsafe_path(path: str, prefix: str = "") -> None:
    if "\x00" in path:
        raise StreamlitAPIException(f"{prefix}Page paths must not contain null bytes.")


def _help_text(help: str | None) -> str:
    if help is None:
        return ""
    text = textwrap.dedent(str(help))
    return text if text.strip() else ""


def _main_folder() -> Path:
    ctx = current_or_none()
    return ctx.session.app.script.path.parent if ctx is not None else Path.cwd()


class StreamlitPage:
    """A page of a multipage app (`st.Page`): a script, a callable, or an external URL.

    `st.navigation` returns the selected page; call `.run()` on it, once per run.
    """

    def __init__(
        self,
        page: str | Path | Callable[[], None],
        *,
        title: str | None = None,
        icon: str | None = None,
        url_path: str | None = None,
        default: bool = False,
        visibility: Literal["visible", "hidden"] = "visible",
        help: str | None = None,
    ) -> None:
        self._default = default
        self._external_url: str | None = None
        self._can_be_called = False
        self._entry: Callable[[], None] | None = None  # the entry script, as the pages/ home
        if visibility not in ("visible", "hidden"):
            raise StreamlitValueError("visibility", ["visible", "hidden"])
        self._visibility: Literal["visible", "hidden"] = visibility
        self._help = _help_text(help)

        if isinstance(page, str) and is_url(page):
            if title is None or title.strip() == "":
                raise StreamlitMissingRequiredParameterError(
                    "title",
                    detail="External URL pages require a non-empty title. "
                    f"Please provide a title for the URL: {page}",
                )
            if default:
                raise StreamlitIncompatibleParametersError(
                    "page=<external URL>",
                    "default=True",
                    explanation="External URL pages cannot be set as the default page.",
                )
            self._external_url = page
            self._page: Path | Callable[[], None] | None = None
            self._title: str = title
            self._icon: str = validate_icon(icon)
            path = _sanitize_url_path(title) if url_path is None else url_path
            self._url_path: str = path.strip().strip("/")
            if self._url_path == "":
                raise StreamlitMissingRequiredParameterError(
                    "url_path",
                    detail="Provide a non-empty `url_path`, or omit it and provide a `title` "
                    "that can be converted to a valid URL path.",
                )
            _raise_if_nested(self._url_path)
            return

        if isinstance(page, str | Path):
            raise_if_unsafe_path(str(page), "Unable to create Page. ")
            page = (_main_folder() / Path(page)).resolve()
            if not page.is_file():
                raise StreamlitPageNotFoundError(page.name)

        inferred_icon, inferred_name = "", ""
        if isinstance(page, Path):
            inferred_icon, inferred_name = page_icon_and_name(page)
        elif hasattr(page, "__name__"):
            inferred_name = str(page.__name__)
        elif title is None:
            raise StreamlitMissingRequiredParameterError(
                "title", detail="Streamlit cannot infer a title from this callable."
            )
        self._page = page
        self._title = title or inferred_name.replace("_", " ")
        self._icon = validate_icon(icon if icon is not None else inferred_icon)
        if self._title.strip() == "":
            raise StreamlitMissingRequiredParameterError(
                "title", detail="It cannot be empty or consist of underscores/spaces only."
            )
        self._url_path = inferred_name
        if url_path is not None:
            stripped = url_path.strip().strip("/")
            if stripped.strip() == "" and not default:
                raise StreamlitMissingRequiredParameterError(
                    "url_path", detail="It can only be empty for the default page."
                )
            self._url_path = stripped
            _raise_if_nested(self._url_path)

    @property
    def title(self) -> str:
        """The page's title (the menu label and the browser tab's title)."""
        return self._title

    @property
    def icon(self) -> str:
        """The page's icon; "" when it has none."""
        return self._icon

    @property
    def help(self) -> str:
        """The page's tooltip in the menu; "" when it has none."""
        return self._help

    @property
    def url_path(self) -> str:
        """The page's URL path relative to the app's root; "" for the default page."""
        return "" if self._default else self._url_path

    @property
    def visibility(self) -> Literal["visible", "hidden"]:
        return self._visibility

    @property
    def is_external(self) -> bool:
        return self._external_url is not None

    @property
    def external_url(self) -> str | None:
        return self._external_url

    def run(self) -> None:
        """Execute the page: only the page `st.navigation` returned, once per run."""
        if not self._can_be_called:
            raise StreamlitAPIException(
                "This page cannot be called directly. Only the page returned from "
                "st.navigation can be called once."
            )
        self._can_be_called = False
        if self.is_external:
            return
        ctx = current_or_none()
        if ctx is None:
            return
        previous, ctx.page_scope = ctx.page_scope, self._url_path
        try:
            if self._entry is not None:
                self._entry()
            elif isinstance(self._page, Path):
                _run_script(self._page)
            elif self._page is not None:
                self._page()
        finally:
            ctx.page_scope = previous

    def __repr__(self) -> str:
        return f"StreamlitPage(title={self._title!r}, url_path={self.url_path!r})"


Page = StreamlitPage


def _sanitize_url_path(title: str) -> str:
    path = re.sub(r"\s+", "_", title.lower())
    path = re.sub(r"[&#?/\\:*\"<>|']", "", path)
    path = path.strip("_")
    return re.sub(r"_+", "_", path)


def _raise_if_nested(url_path: str) -> None:
    if "/" in url_path:
        raise StreamlitAPIException(
            f"The `url_path` `{url_path}` cannot include `/`. Streamlit does not support nested "
            "URL pathnames yet, so use a single path segment (e.g. `foo_bar`). To upvote support "
            "for nested pathnames, see GitHub issue "
            "[#8971](https://github.com/streamlit/streamlit/issues/8971)."
        )


def _run_script(path: Path) -> None:
    """A page file runs like the entry script: a fresh __main__, its own __file__, magic."""
    from ..runner import Script, new_main_module

    code = Script(path).compile()
    module = new_main_module(path)
    exec(code, module.__dict__)
