"""The public plugin API: the only Fastlit module an element package (built-in or not) imports."""

from .container import Container
from .elements import Component, Element, ElementPlugin
from .errors import (
    FastlitUnsupportedWarning,
    StreamlitAPIException,
    StreamlitAPIWarning,
    StreamlitInvalidHeightError,
    StreamlitInvalidParameterTypeError,
    StreamlitInvalidWidthError,
    StreamlitValueError,
)
from .hookspecs import hookimpl
from .params import omit_defaults, validate_choice, validate_height, validate_width
from .testing.nodes import BlockNode, ElementList, ElementNode, WidgetNode

__all__ = [
    "BlockNode",
    "Component",
    "Container",
    "Element",
    "ElementList",
    "ElementNode",
    "ElementPlugin",
    "FastlitUnsupportedWarning",
    "StreamlitAPIException",
    "StreamlitAPIWarning",
    "StreamlitInvalidHeightError",
    "StreamlitInvalidParameterTypeError",
    "StreamlitInvalidWidthError",
    "StreamlitValueError",
    "WidgetNode",
    "hookimpl",
    "omit_defaults",
    "validate_choice",
    "validate_height",
    "validate_width",
]
