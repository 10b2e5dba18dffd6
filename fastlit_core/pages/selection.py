"""st.navigation: the declared pages, the page this run shows, and the menu drawn for them."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from ..context import current_or_none
from ..errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitMissingRequiredParameterError,
    StreamlitValueError,
)
from .menu import MenuPage, NavigationMenu
from .page import StreamlitPage
from .page_state import RegisteredPage, state_of


def navigation(
    pages: Sequence[str | Path | Callable[[], None] | StreamlitPage]
    | Mapping[str, Sequence[str | Path | Callable[[], None] | StreamlitPage]],
    *,
    position: Literal["sidebar", "hidden", "top"] = "sidebar",
    expanded: bool | int = False,
) -> StreamlitPage:
    """Declare the app's pages and return the selected one; call `.run()` on it."""
    if not isinstance(position, str) or position not in ("sidebar", "hidden", "top"):
        raise StreamlitValueError("position", ["'sidebar'", "'hidden'", "'top'"])
    ctx = current_or_none()
    if ctx is not None:
        ctx.session.app.uses_navigation = True  # the pages/ folder is ignored from now on
    return select_page(pages, position=position, expanded=expanded)


def _to_page(page: Any) -> StreamlitPage:
    if isinstance(page, StreamlitPage):
        return page
    if isinstance(page, str | Path) or callable(page):
        return StreamlitPage(page)
    raise StreamlitInvalidParameterTypeError(
        "pages", type(page).__name__, ["str", "Path", "callable", "st.Page"]
    )


def select_page(
    pages: Any,
    *,
    position: Literal["sidebar", "hidden", "top"],
    expanded: bool | int,
) -> StreamlitPage:
    """st.navigation's work, without marking the app as using it (the pages/ folder's too)."""
    if isinstance(pages, Sequence) and not isinstance(pages, str):
        sections: dict[str, list[StreamlitPage]] = {"": [_to_page(p) for p in pages]}
    elif isinstance(pages, Mapping):
        sections = {str(s): [_to_page(p) for p in ps] for s, ps in pages.items()}
    else:
        raise StreamlitInvalidParameterTypeError("pages", type(pages).__name__, ["list", "dict"])
    page_list = [p for ps in sections.values() for p in ps]
    if not page_list:
        raise StreamlitMissingRequiredParameterError(
            "pages", detail="Provide at least one `st.Page`."
        )
    default: StreamlitPage | None = None
    for page in page_list:
        if page._default:
            if default is not None:
                raise StreamlitAPIException(
                    "Multiple Pages specified with `default=True`. At most one Page can be set "
                    "to default."
                )
            default = page
    if default is None:
        internal = [p for p in page_list if not p.is_external]
        if not internal:
            raise StreamlitAPIException(
                "At least one non-external page is required. External URL pages cannot be the "
                "default page."
            )
        default = internal[0]
        default._default = True

    ctx = current_or_none()
    if ctx is None:
        default._can_be_called = True
        return default

    folder = ctx.session.app.script.path.parent.resolve()
    by_key: dict[str, tuple[str, StreamlitPage]] = {}
    for section, section_pages in sections.items():
        for page in section_pages:
            if page._url_path in by_key:
                raise _duplicate_url_path(by_key[page._url_path], (section, page), folder)
            by_key[page._url_path] = (section, page)

    visible_items: int | None = None
    if isinstance(expanded, bool):
        expand = expanded
    elif isinstance(expanded, int):
        if expanded < 0:
            raise StreamlitValueError(
                "expanded",
                ["True", "False", "a non-negative integer"],
                detail=f"Provided value: {expanded!r}.",
            )
        expand = False
        visible_items = expanded or None
    else:
        raise StreamlitInvalidParameterTypeError(
            "expanded", type(expanded).__name__, ["bool", "int"]
        )

    if position == "sidebar" and _get_option("client.showSidebarNavigation") is False:
        position = "hidden"

    state = state_of(ctx)
    selected = state.resolve({k: p for k, (_, p) in by_key.items()}, default)
    registered = {key: _registered(page) for key, (_, page) in by_key.items()}
    with state._lock:
        state.registered = registered
        state.current = registered[selected._url_path]
    selected._can_be_called = True

    menu_pages = [
        MenuPage(
            title=page.title,
            icon=page.icon,
            url_path=page.url_path,
            section=section,
            help=page.help,
            hidden=page.visibility == "hidden",
            default=page._default,
            current=page is selected,
            external_url=page.external_url,
        )
        for section, section_pages in sections.items()
        for page in section_pages
    ]
    menu = NavigationMenu(
        pages=menu_pages,
        sections=list(sections),
        position=position,
        expanded=expand,
        visible_items=visible_items,
        not_found=state.not_found,
        current=next(p for p in menu_pages if p.current),
    )
    ctx.registry.navigation_menu(ctx.main(), menu)
    return selected


def _get_option(key: str) -> Any:
    from ..options import get_option

    return get_option(key)


def _registered(page: StreamlitPage) -> RegisteredPage:
    return RegisteredPage(
        key=page._url_path,
        url_path=page.url_path,
        title=page.title,
        icon=page.icon,
        help=page.help,
        script_path=str(page._page) if isinstance(page._page, Path) else "",
        external_url=page.external_url,
    )


def _describe(page: StreamlitPage, section: str, folder: Path) -> str:
    if page.external_url is not None:
        text = f"external URL `{page.external_url}`"
    elif isinstance(page._page, Path):
        path = page._page
        if path.is_relative_to(folder):
            path = path.relative_to(folder)
        text = f"`{path}`"
    else:
        text = f'callable titled "{page.title}"'
    notes = []
    if section:
        notes.append(f'section "{section}"')
    if page.visibility == "hidden":
        notes.append("hidden")
    if page._default:
        notes.append("default page")
    return f"{text} ({', '.join(notes)})" if notes else text


def _duplicate_url_path(
    first: tuple[str, StreamlitPage], second: tuple[str, StreamlitPage], folder: Path
) -> StreamlitAPIException:
    note = (
        " The default page is served at the app root, but it still reserves this pathname."
        if first[1]._default or second[1]._default
        else ""
    )
    return StreamlitAPIException(
        f"Two pages resolve to the URL pathname `/{second[1]._url_path}`: "
        f"{_describe(first[1], first[0], folder)} and {_describe(second[1], second[0], folder)}. "
        "Each page passed to `st.navigation` needs a unique URL pathname, including pages in "
        "different sections, hidden pages, and external URL pages. Streamlit infers the "
        "pathname from the filename, callable name, or the title of an external URL page."
        f"{note} Set a unique `url_path` in `st.Page` for one of these pages."
    )
