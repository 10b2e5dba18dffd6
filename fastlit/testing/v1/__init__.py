"""`from fastlit.testing.v1 import AppTest`: the same API as streamlit.testing.v1."""

from fastlit_core.testing import AppTest, AppTestError
from fastlit_core.testing.nodes import BlockNode, ElementList, ElementNode, WidgetNode

__all__ = ["AppTest", "AppTestError", "BlockNode", "ElementList", "ElementNode", "WidgetNode"]
