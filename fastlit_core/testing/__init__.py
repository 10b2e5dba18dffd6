"""AppTest: run an app's script in-process and query/drive its elements like Streamlit's."""

from .apptest import AppTest
from .errors import AppTestError
from .nodes import BlockNode, ElementList, ElementNode, WidgetNode

__all__ = ["AppTest", "AppTestError", "BlockNode", "ElementList", "ElementNode", "WidgetNode"]
