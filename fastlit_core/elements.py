"""What a plugin declares: st.* commands (Element) and the components that render nodes."""

from __future__ import annotations

import builtins
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .hookspecs import hookimpl


@dataclass(frozen=True)
class Element:
    """One `st.*` name.

    `function(container, *args, **kwargs)` implements the command. With `attribute=True`
    the name is a value, not a call: `st.sidebar` is `function(container)`.
    """

    name: str
    function: Callable[..., Any]
    attribute: bool = False


@dataclass(frozen=True)
class Component:
    """The frontend module that renders nodes of one type.

    `module` is a JS file inside `static_dir`; the server serves that folder under a
    content hash, so relative imports of shared chunks keep working. `test_node` is the
    AppTest wrapper for nodes of this type.
    """

    type: str
    static_dir: Path
    module: str
    test_node: builtins.type | None = None


@dataclass
class ElementPlugin:
    """A plugin object: register it under one entry point per `st.*` name it provides."""

    elements: list[Element] = field(default_factory=list)
    components: list[Component] = field(default_factory=list)
    render_exception: Callable[..., bool | None] | None = None
    magic: Callable[..., bool | None] | None = None
    navigation_menu: Callable[..., bool | None] | None = None
    busy_indicator: Callable[..., AbstractContextManager[object] | None] | None = None

    @hookimpl
    def fastlit_elements(self) -> list[Element]:
        return self.elements

    @hookimpl
    def fastlit_components(self) -> list[Component]:
        return self.components

    @hookimpl
    def fastlit_render_exception(self, container: Any, exception: BaseException) -> bool | None:
        if self.render_exception is None:
            return None
        return self.render_exception(container, exception)

    @hookimpl
    def fastlit_magic(self, container: Any, values: tuple[object, ...]) -> bool | None:
        if self.magic is None:
            return None
        return self.magic(container, values)

    @hookimpl
    def fastlit_navigation_menu(self, container: Any, menu: Any) -> bool | None:
        if self.navigation_menu is None:
            return None
        return self.navigation_menu(container, menu)

    @hookimpl
    def fastlit_busy_indicator(
        self, container: Any, text: str, show_time: bool
    ) -> AbstractContextManager[object] | None:
        if self.busy_indicator is None:
            return None
        return self.busy_indicator(container, text, show_time)
