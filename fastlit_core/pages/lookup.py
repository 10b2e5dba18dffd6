"""Finding a declared page by its file, and checking a `Page` against the declared one."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..context import current, current_or_none
from ..errors import StreamlitAPIException, StreamlitPageNotFoundError
from .filenames import page_icon_and_name
from .page import StreamlitPage, raise_if_unsafe_path
from .page_state import PageState, RegisteredPage, state_of

if TYPE_CHECKING:
    from ..context import RunContext


def _registered_pages(ctx: RunContext) -> dict[str, RegisteredPage]:
    """The pages of the last navigation; before any, just the entry script."""
    state = state_of(ctx)
    with state._lock:
        if state.registered:
            return dict(state.registered)
    main = ctx.session.app.script.path
    return {"": RegisteredPage("", "", "", "", "", str(main.resolve()))}


def find_by_path(page: str) -> RegisteredPage:
    raise_if_unsafe_path(page)
    ctx = current()
    folder = ctx.session.app.script.path.parent
    wanted = os.path.realpath(os.path.join(folder, page))
    for registered in _registered_pages(ctx).values():
        if registered.script_path and os.path.realpath(registered.script_path) == wanted:
            return registered
    raise StreamlitPageNotFoundError(
        page=page,
        main_script_directory=str(folder),
        uses_pages_directory=(folder / "pages").is_dir() and not ctx.session.app.uses_navigation,
    )


def validate_registered(page: StreamlitPage) -> None:
    """A `Page` given to switch_page or page_link must match the registered page of its path."""
    ctx = current_or_none()
    if ctx is None:
        return
    state = state_of(ctx)
    with state._lock:
        registered = state.registered.get(page._url_path)
    if registered is None:
        return
    if isinstance(page._page, Path):
        if str(page._page) != registered.script_path:
            source = registered.script_path or "a callable"
            raise StreamlitAPIException(
                f"The page references `{page._page}`, but a different page is registered with "
                f"`st.navigation` for URL pathname `/{page.url_path}` (`{source}`). Pass the "
                "page object returned by `st.navigation` or re-create the page with the "
                "matching source."
            )
    elif callable(page._page) and registered.script_path:
        raise StreamlitAPIException(
            f"The page is a callable, but a file-based page (`{registered.script_path}`) is "
            f"registered with `st.navigation` for URL pathname `/{page.url_path}`. Pass the "
            "page object returned by `st.navigation` or re-create the page with the matching "
            "source."
        )


def test_page_key(state: PageState, main_script: Path, page_path: str) -> str:
    """AppTest.switch_page: the page of a file relative to the main script, as Streamlit's
    AppTest resolves it (ValueError when it is not a file or not a declared page)."""
    full = main_script.parent / page_path
    if not full.is_file():
        raise ValueError(
            f"Could not find page {page_path!r} relative to the main script "
            f"{str(main_script)!r}. Resolved page path: {str(full.resolve())!r}."
        )
    target = full.resolve()
    _, name = page_icon_and_name(target)
    with state._lock:
        registered = list(state.registered.values())
    matches = [r for r in registered if r.script_path and Path(r.script_path).resolve() == target]
    if matches:
        return next((r.key for r in matches if r.url_path == name), matches[0].key)
    if registered:
        known = [r.script_path or r.url_path or r.title for r in registered]
        raise ValueError(
            f"Could not find a navigation page for {str(target)!r}. AppTest.switch_page() "
            "matches registered script paths. If page registration depends on Session State, "
            f"call AppTest.run() after updating the state and before switching. Known pages: "
            f"{known}."
        )
    return name
