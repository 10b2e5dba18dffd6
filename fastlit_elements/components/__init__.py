"""st.components: Streamlit's custom components.

v1: `html` and `iframe` (a sandboxed iframe), and `declare_component` (an iframe speaking the
message protocol of `streamlit-component-lib`). v2: `component` (html, css and a JS module
mounted in the page, sending state and trigger values back).
"""

from __future__ import annotations

from fastlit_core.plugin import Component, Element, ElementPlugin, WidgetNode

from .. import STATIC
from ._namespace import Components, components
from ._nodes import BidiComponentNode, ComponentInstanceNode, IFrameNode

__all__ = ["Components", "plugin"]

plugin = ElementPlugin(
    elements=[Element("components", components, attribute=True)],
    components=[
        Component("iframe", STATIC, "iframe.js", test_node=IFrameNode),
        Component(
            "component_instance", STATIC, "component_instance.js", test_node=ComponentInstanceNode
        ),
        # One module renders a v2 mount and its two hidden widget parts.
        Component("bidi_component", STATIC, "bidi_component.js", test_node=BidiComponentNode),
        Component("bidi_component_state", STATIC, "bidi_component.js", test_node=WidgetNode),
        Component("bidi_component_events", STATIC, "bidi_component.js", test_node=WidgetNode),
    ],
)
