"""The pluggy hookspecs an element plugin implements (project name `fastlit`, prefix `fastlit_`)."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .container import Container
    from .elements import Component, Element
    from .pages import NavigationMenu

PROJECT = "fastlit"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def fastlit_elements() -> Sequence[Element]:
    """Return the `st.*` commands this plugin provides.

    Each `Element` names the command and the Python function behind it; the function is
    called with the target `Container` first, then the user's arguments.
    """
    raise NotImplementedError


@hookspec
def fastlit_components() -> Sequence[Component]:
    """Return the frontend components this plugin provides, one per node type it renders.

    The shell imports a component's module the first time a node of its type appears.
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def fastlit_render_exception(container: Container, exception: BaseException) -> bool | None:
    """Render an exception into `container`; return True when handled.

    The kernel calls it when a script raises, and for a warning Streamlit shows as an
    exception element (`CachedWidgetWarning`: a widget inside a cached function). The first
    plugin that returns True wins. Without one, the kernel shows its own plain error box.
    """


@hookspec(firstresult=True)
def fastlit_magic(container: Container, values: tuple[object, ...]) -> bool | None:
    """Show the values of a bare expression in the script ("magic"); return True if shown.

    The kernel calls it for each bare expression; the first plugin returning True wins.
    """


@hookspec(firstresult=True)
def fastlit_navigation_menu(container: Container, menu: NavigationMenu) -> bool | None:
    """Draw the navigation menu of a multipage app (st.navigation); return True if drawn.

    `menu` lists the pages (hidden ones marked), the sections, the position (sidebar, top
    or hidden, as st.navigation was told) and whether the requested page was not found.
    `container` is main; a menu goes where it likes through `root_container` (or the
    sidebar). The first plugin returning True wins; without one, the app has no menu.
    """


@hookspec(firstresult=True)
def fastlit_busy_indicator(
    container: Container, text: str, show_time: bool
) -> AbstractContextManager[object] | None:
    """Return a context manager that shows `text` in `container` while its block runs.

    The kernel uses it while a cached function computes on a cache miss (st.cache_data's
    `show_spinner`; `show_time` adds the elapsed time). The first plugin returning one
    wins (the spinner plugin does it); without one, nothing is shown.
    """
