"""AppTest views: iframes (html/iframe), v1 component instances and v2 component mounts."""

from __future__ import annotations

from typing import Any

from fastlit_core.plugin import BlockNode, ElementNode, WidgetNode


class IFrameNode(ElementNode):
    """components.v1.html / iframe: `.srcdoc` or `.src`, `.height` (150 unless set)."""

    @property
    def srcdoc(self) -> str | None:
        return self._node.props.get("srcdoc")

    @property
    def src(self) -> str | None:
        return self._node.props.get("src")

    @property
    def height(self) -> int:
        return int(self._node.props.get("height", 150))

    @property
    def scrolling(self) -> bool:
        return bool(self._node.props.get("scrolling", False))


class ComponentInstanceNode(WidgetNode):
    """A declared v1 component: `.args` as the frontend gets them; `set_value(v)` is what
    `Streamlit.setComponentValue(v)` does (the call returns v on the next run)."""

    @property
    def component_name(self) -> str:
        return str(self._node.props["name"])

    @property
    def args(self) -> dict[str, Any]:
        return dict(self._node.props.get("args", {}))


class BidiComponentNode(BlockNode):
    """A mounted v2 component: `.state`, and what its JS does through `set_state(name, value)`
    (setStateValue) and `trigger(event, value)` (setTriggerValue), for the next run."""

    def _part(self, type: str) -> WidgetNode:
        for child in self.children.values():
            if child.type == type and isinstance(child, WidgetNode):
                return child
        raise LookupError(f"this component has no {type} part")

    @property
    def component_name(self) -> str:
        return str(self._node.props["component_name"])

    @property
    def data(self) -> Any:
        return self._node.props.get("data")

    @property
    def state(self) -> dict[str, Any]:
        value = self._part("bidi_component_state").value
        return dict(value) if isinstance(value, dict) else {}

    def set_state(self, name: str, value: Any) -> BidiComponentNode:
        self._part("bidi_component_state").set_value({**self.state, name: value})
        return self

    def trigger(self, event: str, value: Any = True) -> BidiComponentNode:
        """One trigger for the next run (a second call before `run()` replaces it)."""
        self._part("bidi_component_events").set_value([{"event": event, "value": value}])
        return self
