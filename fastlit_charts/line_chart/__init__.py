"""st.line_chart: a Vega-Lite line chart built from the data's columns and index."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Sequence
from typing import Any

from fastlit_core.plugin import (
    Component,
    Container,
    Element,
    ElementNode,
    ElementPlugin,
    StreamlitAPIException,
)

from .. import STATIC
from ._data import to_dataframe, to_records
from ._spec import chart_spec

log = logging.getLogger("fastlit.charts")


def line_chart(
    container: Container,
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    width: int | str = "stretch",
    height: int | str = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> Container:
    """Display a line chart (st.line_chart)."""
    if use_container_width is not None:
        warnings.warn(
            "The `use_container_width` parameter is deprecated. For `use_container_width=True`,"
            " use `width='stretch'`. For `use_container_width=False`, use `width='content'` or "
            "specify an integer width.",
            DeprecationWarning,
            stacklevel=3,
        )
        if use_container_width:
            width = "stretch"
        elif not isinstance(width, int):
            width = "content"
    _check_size("width", width)
    _check_size("height", height)
    spec, df = chart_spec(
        to_dataframe(data),
        "line",
        x,
        y,
        x_label,
        y_label,
        color,
        width if isinstance(width, int) else None,
        height if isinstance(height, int) else None,
    )
    props: dict[str, Any] = {"spec": spec, "data": to_records(df), "command": "line_chart"}
    if width != "stretch":
        props["width"] = width
    if height != "content":
        props["height"] = height
    if alt is not None:
        if str(alt).strip():
            props["alt"] = str(alt).strip()
        else:
            log.warning("st.line_chart(alt=%r): an empty alt is treated as None", alt)
    return container.add("vega_lite_chart", props)


def _is_pixels(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_size(name: str, value: Any) -> None:
    if _is_pixels(value) and value > 0 or value in ("stretch", "content"):
        return
    raise StreamlitAPIException(
        f"Invalid {name} value: {value!r}. {name.capitalize()} must be either a positive integer "
        "(pixels), 'stretch', or 'content'."
    )


class VegaLiteChartNode(ElementNode):
    """AppTest's chart: `.spec` (the Vega-Lite spec, a dict), `.data` (rows), `.command`."""

    @property
    def type(self) -> str:
        return "vega_lite_chart"

    @property
    def spec(self) -> dict[str, Any]:
        spec: dict[str, Any] = self._node.props["spec"]
        return spec

    @property
    def value(self) -> dict[str, Any]:
        return self.spec


plugin = ElementPlugin(
    elements=[Element("line_chart", line_chart)],
    components=[
        Component("vega_lite_chart", STATIC, "vega_lite_chart.js", test_node=VegaLiteChartNode)
    ],
)
