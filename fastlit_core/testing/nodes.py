"""AppTest's view of the tree: typed node wrappers that plugins subclass per element type."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, overload

from ..tree import Node
from .errors import AppTestError

if TYPE_CHECKING:
    from .apptest import AppTest

N = TypeVar("N", bound="ElementNode")


class ElementNode:
    """One element. Props read as attributes (`.label`, `.body`); `.value` is the main value."""

    listed_as: ClassVar[tuple[str, ...]] = ()
    """Further AppTest queries that list this element: `at.<name>`, `at.get("<name>")`
    (Streamlit lists st.form_submit_button's buttons under `at.button`)."""

    def __init__(self, node: Node, app: AppTest) -> None:
        self._node = node
        self._app = app

    @property
    def type(self) -> str:
        return self._node.type

    @property
    def id(self) -> str:
        return self._node.id

    @property
    def props(self) -> dict[str, Any]:
        return self._node.props

    @property
    def key(self) -> str | None:
        """A widget's key, or the `key` prop a keyed element or container carries."""
        key = self._app._key_of(self._node.id)
        if key is None and isinstance(self._node.props.get("key"), str):
            key = self._node.props["key"]
        return key

    @property
    def value(self) -> Any:
        props = self._node.props
        return props["value"] if "value" in props else props.get("body")

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._node.props[name]
        except KeyError:
            raise AttributeError(
                f"{type(self).__name__} ({self.type}) has no attribute {name!r}"
            ) from None

    def run(self, *, timeout: float | None = None) -> AppTest:
        return self._app.run(timeout=timeout)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(type={self.type!r}, props={self._node.props!r})"


class WidgetNode(ElementNode):
    """A widget: `.value` is its Python value; `set_value(v)` takes effect on the next run."""

    @property
    def value(self) -> Any:
        return self._app._widget_value(self._node.id)

    @property
    def label(self) -> Any:
        return self._node.props.get("label")

    @property
    def disabled(self) -> bool:
        return bool(self._node.props.get("disabled", False))

    @property
    def form_id(self) -> str:
        """The key of the form the widget is in; "" outside forms (as Streamlit's)."""
        return self._app._form_of(self._node.id)

    def set_value(self, value: Any) -> WidgetNode:
        if self.disabled:  # as Streamlit's AppTest: a browser user could not do it either
            key = f" (key={self.key!r})" if self.key else ""
            raise AppTestError(
                f"Cannot update a disabled {self.type} widget{key}. "
                "A browser user cannot interact with a disabled widget."
            )
        self._app._set_widget(self._node.id, value)
        return self


class BlockNode(ElementNode):
    """A container; query its descendants like the AppTest itself (`block.button[0]`)."""

    root_container = False
    """True for a top-level container beside main (the sidebar): `at.<its type>` is then
    this block, empty when the run drew nothing in it."""

    @property
    def children(self) -> dict[int, ElementNode]:
        return {i: self._app._wrap(c) for i, c in enumerate(self._node.children)}

    def get(self, type: str) -> ElementList[ElementNode]:
        return ElementList(self._app._query(self._node, type))

    def get_by_key(self, key: str) -> ElementNode:
        """The one element, widget or container inside with this key: KeyError when none,
        AppTestError when several (as Streamlit's AppTest)."""
        return self._app._by_key(self._node, key)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._node.props:
            return self._node.props[name]
        return ElementList(self._app._query(self._node, name))

    def __len__(self) -> int:
        return len(self._node.children)

    def __iter__(self) -> Iterator[ElementNode]:
        return iter(self.children.values())


class ElementList(Sequence[N], Generic[N]):
    """What a typed query returns: index it, iterate it, or read `.values`."""

    def __init__(self, nodes: list[N]) -> None:
        self._nodes = nodes

    @overload
    def __getitem__(self, i: int) -> N: ...
    @overload
    def __getitem__(self, i: slice) -> ElementList[N]: ...
    def __getitem__(self, i: int | slice) -> N | ElementList[N]:
        if isinstance(i, slice):
            return ElementList(self._nodes[i])
        return self._nodes[i]

    def __call__(self, key: str) -> N:
        """Look a widget up by its key: `at.button(key="go")` or `at.button("go")`."""
        for node in self._nodes:
            if node.key == key:
                return node
        raise KeyError(key)

    def __len__(self) -> int:
        return len(self._nodes)

    @property
    def len(self) -> int:
        return len(self._nodes)

    @property
    def values(self) -> list[Any]:
        return [n.value for n in self._nodes]

    def __repr__(self) -> str:
        return f"ElementList({self._nodes!r})"
