"""The public plugin API: the only Fastlit module an element package (built-in or not) imports."""

from .container import Container
from .context import current
from .elements import Component, Element, ElementPlugin
from .errors import (
    FastlitUnsupportedWarning,
    StreamlitAPIException,
    StreamlitAPIWarning,
    StreamlitInvalidFormCallbackError,
    StreamlitInvalidHeightError,
    StreamlitInvalidLayoutContextError,
    StreamlitInvalidParameterTypeError,
    StreamlitInvalidWidthError,
    StreamlitValueError,
)
from .fragments import fragment
from .hookspecs import hookimpl
from .pages import (
    MenuPage,
    NavigationMenu,
    PageTarget,
    resolve_page,
    split_leading_emoji,
    validate_icon,
)
from .parallel import check_not_parallel_worker
from .params import omit_defaults, validate_choice, validate_height, validate_width
from .testing.nodes import BlockNode, ElementList, ElementNode, WidgetNode


def cursor() -> Container:
    """Where a module-level `st.x` would draw right now: the innermost `with` block of the
    running script, else main. For commands created once and called later (a declared
    component, a fragment), which must draw where they are called."""
    return current().cursor()


__all__ = [
    "BlockNode",
    "Component",
    "Container",
    "Element",
    "ElementList",
    "ElementNode",
    "ElementPlugin",
    "FastlitUnsupportedWarning",
    "MenuPage",
    "NavigationMenu",
    "PageTarget",
    "StreamlitAPIException",
    "StreamlitAPIWarning",
    "StreamlitInvalidFormCallbackError",
    "StreamlitInvalidHeightError",
    "StreamlitInvalidLayoutContextError",
    "StreamlitInvalidParameterTypeError",
    "StreamlitInvalidWidthError",
    "StreamlitValueError",
    "WidgetNode",
    "check_not_parallel_worker",
    "cursor",
    "fragment",
    "hookimpl",
    "omit_defaults",
    "resolve_page",
    "split_leading_emoji",
    "validate_choice",
    "validate_height",
    "validate_icon",
    "validate_width",
]
