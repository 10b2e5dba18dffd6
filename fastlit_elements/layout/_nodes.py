"""AppTest views of layout blocks, with Streamlit's type names (flex_container, column, ...)."""

from __future__ import annotations

from typing import Any

from fastlit_core.plugin import BlockNode, ElementNode


class FlexContainerNode(BlockNode):
    """st.container and the row of st.columns: a Block of type "flex_container"."""

    @property
    def type(self) -> str:
        return "flex_container"


class ColumnNode(BlockNode):
    """One column of st.columns: `.weight` is its share of the row (weights sum to 1)."""

    @property
    def type(self) -> str:
        return "column"

    @property
    def weight(self) -> float:
        return float(self._node.props["weight"])

    @property
    def gap(self) -> Any:
        return self._node.props.get("gap", "small")


class SidebarNode(BlockNode):
    """`at.sidebar`: the sidebar block (empty when the run drew nothing there)."""

    root_container = True

    @property
    def type(self) -> str:
        return "sidebar"


class EmptyNode(ElementNode):
    """An st.empty placeholder that has not been filled (yet)."""

    @property
    def type(self) -> str:
        return "empty"
