"""`st.components`: a namespace with `.v1` and `.v2`, like Streamlit's `streamlit.components`.

Everything here draws into `where()`, asked at each call. Through `st.components` (or
`col.components`) that is the container the attribute was read on. A declared component
or a v2 mount command lives longer than that read, so the `fastlit.components` facade
modules hand out namespaces from `late(cursor)`: their objects ask the running script's
cursor at each call, following later runs and `with` blocks.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path

from fastlit_core.plugin import Container, cursor

from . import _v1, _v2

Where = Callable[[], Container]


class V1:
    """`st.components.v1`: html, iframe, declare_component."""

    CustomComponent = _v1.CustomComponent
    MarshallComponentException = _v1.MarshallComponentException

    def __init__(self, where: Where) -> None:
        self._where = where

    def html(
        self,
        html: str,
        width: int | None = None,
        height: int | None = None,
        scrolling: bool = False,
        *,
        tab_index: int | None = None,
    ) -> Container:
        """Display an HTML string in a sandboxed iframe (st.components.v1.html)."""
        return _v1.html(self._where(), html, width, height, scrolling, tab_index=tab_index)

    def iframe(
        self,
        src: str,
        width: int | None = None,
        height: int | None = None,
        scrolling: bool = False,
        *,
        tab_index: int | None = None,
    ) -> Container:
        """Load a remote URL in a sandboxed iframe (st.components.v1.iframe)."""
        return _v1.iframe(self._where(), src, width, height, scrolling, tab_index=tab_index)

    def declare_component(
        self, name: str, path: str | Path | None = None, url: str | None = None
    ) -> _v1.CustomComponent:
        """Create a custom component; call it to draw an instance and get its value."""
        frame = inspect.currentframe()
        caller = frame.f_back if frame is not None else None
        module_name = _v1.caller_module_name(caller.f_globals if caller is not None else {})
        del frame, caller
        # The component draws where it is called, not where st.components was read.
        return _v1.declare_component(name, path, url, module_name=module_name, where=cursor)

    def __repr__(self) -> str:
        return "<fastlit st.components.v1>"


class V2:
    """`st.components.v2`: component."""

    ComponentResult = _v2.ComponentResult

    def __init__(self, where: Where) -> None:
        self._where = where

    def component(
        self,
        name: str,
        *,
        html: str | None = None,
        css: str | None = None,
        js: str | None = None,
        isolate_styles: bool = True,
    ) -> _v2.ComponentRenderer:
        """Register a component and return the command that mounts it."""
        return _v2.component(
            name, html=html, css=css, js=js, isolate_styles=isolate_styles, where=cursor
        )

    def __repr__(self) -> str:
        return "<fastlit st.components.v2>"


class Components:
    """`st.components`."""

    def __init__(self, where: Where) -> None:
        self._where = where

    @property
    def v1(self) -> V1:
        return V1(self._where)

    @property
    def v2(self) -> V2:
        return V2(self._where)

    @property
    def container(self) -> Container:
        """Where this namespace draws now."""
        return self._where()

    def late(self, cursor: Where) -> Components:
        """The same namespace, drawing wherever `cursor()` says at each call."""
        return Components(cursor)

    def __repr__(self) -> str:
        return "<fastlit st.components>"


def components(container: Container) -> Components:
    """st.components: `.v1` (html, iframe, declare_component) and `.v2` (component)."""
    return Components(lambda: container)
