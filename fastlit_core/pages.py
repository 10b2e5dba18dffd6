"""Multipage apps: st.Page, st.navigation, st.switch_page and the pages/ folder.

Page selection lives here; the navigation menu is drawn by whichever plugin implements the
`fastlit_navigation_menu` hook. A session remembers which page its browser asked for
(`PageState`); a run resolves that request against the pages `st.navigation` declares and
tells the browser the page's URL path when it differs from what the browser shows.
"""

from __future__ import annotations

import os
import re
import textwrap
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn
from urllib.parse import urlparse

from .context import current, current_or_none
from .errors import (
    RerunException,
    StreamlitAPIException,
    StreamlitIncompatibleParametersError,
    StreamlitInvalidParameterTypeError,
    StreamlitMissingRequiredParameterError,
    StreamlitPageNotFoundError,
    StreamlitValueError,
)

if TYPE_CHECKING:
    from .context import RunContext
    from .runner import Script

# --- icons ----------------------------------------------------------------------------------

_ICON_FORMAT_HINT = (
    "Please use a single emoji or a Material icon shortcode like `:material\u200b/thumb_up:`."
)
_MATERIAL = re.compile(r"^\s*:(.+)/(.+):\s*$")
_MATERIAL_NAME = re.compile(r"^[a-z0-9_]+$")
_EMOJI_SHORTCODE = re.compile(r":[a-zA-Z0-9_+-]+:")
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


# --- names from files -----------------------------------------------------------------------

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


def _is_url(text: str) -> bool:
    try:
        parsed = urlparse(text)
    except ValueError:
        return False
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def _raise_if_unsafe_path(path: str, prefix: str = "") -> None:
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


# --- st.Page --------------------------------------------------------------------------------


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

        if isinstance(page, str) and _is_url(page):
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
            _raise_if_unsafe_path(str(page), "Unable to create Page. ")
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
    from .runner import Script, new_main_module

    code = Script(path).compile()
    module = new_main_module(path)
    exec(code, module.__dict__)


# --- what a session remembers ---------------------------------------------------------------


@dataclass(frozen=True)
class RegisteredPage:
    """A page as the last `st.navigation` call declared it (for switch_page and page links)."""

    key: str  # the page's own url path, unique among the pages (the default page's too)
    url_path: str  # public: "" for the default page
    title: str
    icon: str
    help: str
    script_path: str  # "" for a callable or an external URL
    external_url: str | None = None


@dataclass(frozen=True)
class Location:
    """What the browser should show: the page's URL path ("/x") and its title."""

    path: str
    title: str
    replace: bool = False  # replace the history entry (a page that was not found)


class PageState:
    """One session's page: what its browser asked for and what the last navigation chose."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.request: tuple[Literal["url", "key"], str] = ("url", "")
        self.browser: str | None = None  # the URL path the browser shows, as far as we know
        self.registered: dict[str, RegisteredPage] = {}
        self.current: RegisteredPage | None = None
        self.not_found = False
        self.forget_widgets = False  # st.switch_page: the next run starts without widget values
        self._sent: Location | None = None

    def set_url(self, path: str) -> None:
        """The browser is at `path` (on connect, back/forward, or a link it followed)."""
        with self._lock:
            self.browser = path
            self.request = ("url", _page_name(path))

    def switch_to(self, key: str, *, forget_widgets: bool = True) -> None:
        """Select the page whose own url path is `key` on the next run.

        As in Streamlit, st.switch_page to another page carries no widget values along: the
        next run starts with none (staying on the same page keeps them). AppTest's
        switch_page, like a click in the menu, keeps them."""
        with self._lock:
            self.request = ("key", key)
            if forget_widgets and self.current is not None and self.current.key != key:
                self.forget_widgets = True

    def take_forget_widgets(self) -> bool:
        with self._lock:
            forget, self.forget_widgets = self.forget_widgets, False
            return forget

    def location(self) -> Location | None:
        """The current page's location, None when the app has no navigation."""
        with self._lock:
            page = self.current
            if page is None:
                return None
            return Location(f"/{page.url_path}", page.title, replace=self.not_found)

    def take_change(self) -> Location | None:
        """The location to send with the next patch: when the browser shows another page,
        or has not been told this page's title yet."""
        location = self.location()
        with self._lock:
            if location is None:
                return None
            sent = self._sent
            if location.path == self.browser and sent is not None and sent.title == location.title:
                return None
            self._sent = location
            self.browser = location.path
            return location

    def resolve(self, pages: dict[str, StreamlitPage], default: StreamlitPage) -> StreamlitPage:
        """The page this run shows; Streamlit's fallback to the default page when not found."""
        with self._lock:
            kind, wanted = self.request
            found: StreamlitPage | None
            if kind == "key":
                found = pages.get(wanted, default)
            elif wanted == "":
                found = default
            else:
                found = next((p for p in pages.values() if p.url_path == wanted), None)
            if found is not None and found.is_external:
                found = None
            self.not_found = found is None
            page = found or default
            self.request = ("key", page._url_path)  # reruns stay on this page
            return page


def _page_name(path: str) -> str:
    """The page a URL path asks for: its last segment ("/a/b/" -> "b")."""
    segments = [s for s in path.split("/") if s]
    return segments[-1] if segments else ""


def state_of(ctx: RunContext) -> PageState:
    pages: PageState = ctx.session.pages
    return pages


# --- st.navigation --------------------------------------------------------------------------


@dataclass(frozen=True)
class MenuPage:
    """One page as the navigation menu shows it."""

    title: str
    icon: str
    url_path: str  # public: "" for the default page
    section: str
    help: str = ""
    hidden: bool = False
    default: bool = False
    current: bool = False
    external_url: str | None = None


@dataclass(frozen=True)
class NavigationMenu:
    """What the menu plugin draws: every page (hidden ones marked), where, and how."""

    pages: list[MenuPage]
    sections: list[str]
    position: Literal["sidebar", "top", "hidden"]
    expanded: bool = False
    visible_items: int | None = None
    not_found: bool = False  # the requested page does not exist: the default page runs
    current: MenuPage | None = None


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
    return _navigation(pages, position=position, expanded=expanded)


def _to_page(page: Any) -> StreamlitPage:
    if isinstance(page, StreamlitPage):
        return page
    if isinstance(page, str | Path) or callable(page):
        return StreamlitPage(page)
    raise StreamlitInvalidParameterTypeError(
        "pages", type(page).__name__, ["str", "Path", "callable", "st.Page"]
    )


def _navigation(
    pages: Any,
    *,
    position: Literal["sidebar", "hidden", "top"],
    expanded: bool | int,
) -> StreamlitPage:
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
    from .options import get_option

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


# --- the pages/ folder ----------------------------------------------------------------------


def run_app(ctx: RunContext, script: Script, run_entry: Callable[[], None]) -> None:
    """Run the entry script; with a pages/ folder beside it (and no st.navigation anywhere
    in the app), as Streamlit's classic multipage app: the entry script is the home page."""
    folder = script.path.parent / "pages"
    if ctx.session.app.uses_navigation or not folder.is_dir():
        run_entry()
        return
    files = sorted(
        (p for p in folder.glob("*.py") if not p.name.startswith(".") and p.name != "__init__.py"),
        key=page_sort_key,
    )
    home = StreamlitPage(script.path.resolve(), default=True)
    home._entry = run_entry
    pages = [home, *(StreamlitPage(p.resolve()) for p in files)]
    _navigation(pages, position="sidebar", expanded=False).run()


# --- st.switch_page and page links ----------------------------------------------------------


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
        _validate_registered(page)
        current = _is_current(page._url_path)
        return PageTarget(page.url_path, page.title, page.icon, page.help, current=current)
    text = str(page)
    if _is_url(text):
        if label is None or label == "":
            raise StreamlitMissingRequiredParameterError(
                "label", detail="Streamlit cannot infer a label for an external URL."
            )
        return PageTarget("", external_url=text)
    registered = _find_by_path(text)
    current = _is_current(registered.key)
    return PageTarget(registered.url_path, registered.title, help=registered.help, current=current)


def _is_current(key: str) -> bool:
    ctx = current_or_none()
    if ctx is None:
        return False
    state = state_of(ctx)
    with state._lock:
        return state.current is not None and state.current.key == key


def switch_page(
    page: str | Path | StreamlitPage,
    *,
    query_params: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None,
) -> NoReturn:
    """Stop this run and run `page` instead, as if its menu link was clicked."""
    ctx = current()
    if isinstance(page, StreamlitPage):
        if page.is_external:
            raise StreamlitAPIException(
                "Cannot use st.switch_page with external URL pages. Use st.page_link instead "
                "to create a link to external pages."
            )
        _validate_registered(page)
        key = page._url_path
    else:
        key = _find_by_path(str(page)).key
    params = ctx.session.query_params
    if query_params is None:
        params.clear()
    elif isinstance(query_params, Mapping):
        params.from_dict(query_params)
    elif isinstance(query_params, Iterable) and not isinstance(query_params, str | bytes):
        merged: dict[str, list[str]] = {}
        for name, value in query_params:
            many = isinstance(value, Iterable) and not isinstance(value, str)
            values = value if many else [value]
            merged.setdefault(name, []).extend(str(v) for v in values)
        params.from_dict(merged)
    else:
        raise StreamlitInvalidParameterTypeError(
            "query_params",
            type(query_params).__name__,
            ["mapping", "iterable of (key, value) pairs"],
        )
    state_of(ctx).switch_to(key)
    ctx.session.rerun_from_script()
    raise RerunException()


def _registered_pages(ctx: RunContext) -> dict[str, RegisteredPage]:
    """The pages of the last navigation; before any, just the entry script."""
    state = state_of(ctx)
    with state._lock:
        if state.registered:
            return dict(state.registered)
    main = ctx.session.app.script.path
    return {"": RegisteredPage("", "", "", "", "", str(main.resolve()))}


def _find_by_path(page: str) -> RegisteredPage:
    _raise_if_unsafe_path(page)
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


def _validate_registered(page: StreamlitPage) -> None:
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
