"""st.columns, st.container, st.empty and st.sidebar: the layout blocks."""

from __future__ import annotations

from fastlit_core.plugin import Component, Element, ElementPlugin

from .. import STATIC
from ._columns import columns
from ._container import container
from ._empty import empty
from ._nodes import ColumnNode, EmptyNode, FlexContainerNode, SidebarNode
from ._sidebar import sidebar

plugin = ElementPlugin(
    elements=[
        Element("columns", columns),
        Element("container", container),
        Element("empty", empty),
        Element("sidebar", sidebar, attribute=True),
    ],
    components=[
        Component("flex_container", STATIC, "flex_container.js", test_node=FlexContainerNode),
        Component("column", STATIC, "column.js", test_node=ColumnNode),
        Component("empty", STATIC, "empty.js", test_node=EmptyNode),
        Component("sidebar", STATIC, "sidebar.js", test_node=SidebarNode),
    ],
)
