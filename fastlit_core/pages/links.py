"""Page links: where a page reference (a `Page`, a file path or a URL) leads."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..context import current_or_none
from ..errors import StreamlitMissingRequiredParameterError
from .lookup import find_by_path, validate_registered
from .page import StreamlitPage, is_url
from .page_state import state_of


@dataclass(frozen=True)
class PageTarget:
    """Where a page reference (a `Page`, a file path or a URL) leads, for links."""

    url_path: str  # public URL path of an app page ("" for the default page)
    title: str = ""
    icon: str = ""  # only a `Page` object brings its icon (as in Streamlit)
    help: str = ""
    external_url: str | None = None
    current: bool = False  # the page this run shows


def resolve_page(page: str | Path | StreamlitPage, *, label: str | None = None) -> PageTarget:
    """Resolve a page reference as `st.page_link` does, with Streamlit's errors.

    A file path is relative to the entry script and must be a page the app declared (or the
    entry script / a pages/ file in a classic multipage app). A URL given as a string needs
    a `label` (the link's own), since there is no page title to show.
    """
    if isinstance(page, StreamlitPage):
        if page.is_external:
            return PageTarget("", page.title, page.icon, page.help, page.external_url)
        validate_registered(page)
        current = _is_current(page._url_path)
        return PageTarget(page.url_path, page.title, page.icon, page.help, current=current)
    text = str(page)
    if is_url(text):
        if label is None or label == "":
            raise StreamlitMissingRequiredParameterError(
                "label", detail="Streamlit cannot infer a label for an external URL."
            )
        return PageTarget("", external_url=text)
    registered = find_by_path(text)
    current = _is_current(registered.key)
    return PageTarget(registered.url_path, registered.title, help=registered.help, current=current)


def _is_current(key: str) -> bool:
    ctx = current_or_none()
    if ctx is None:
        return False
    state = state_of(ctx)
    with state._lock:
        return state.current is not None and state.current.key == key
