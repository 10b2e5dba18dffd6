"""st.json: pretty, collapsible JSON from a JSON string or any Python object."""

from __future__ import annotations

import array
import json as _json
import logging
from collections import UserList, deque
from collections.abc import ItemsView, KeysView, Mapping, ValuesView
from enum import EnumMeta
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

log = logging.getLogger("fastlit.elements.json")

# What Streamlit turns into a JSON array (its type_util.is_list_like).
LIST_LIKE = (
    list,
    set,
    tuple,
    frozenset,
    array.ArrayType,
    deque,
    EnumMeta,
    enumerate,
    ItemsView,
    KeysView,
    ValuesView,
    map,
    range,
    UserList,
)
PYDANTIC_MODEL = "pydantic.main.BaseModel"
# Their frames have to_dict and keys too, yet Streamlit shows them via repr here.
DATAFRAME_LIBRARIES = ("pandas", "polars", "pyarrow", "numpy", "modin", "dask", "xarray")


def _fallback(value: object) -> Any:
    """json.dumps `default`: sets become arrays, anything else its repr, as in Streamlit."""
    return list(value) if isinstance(value, set) else repr(value)


def _as_dict(obj: Any) -> dict[Any, Any] | None:
    """A mapping, or a mapping-like with `to_dict` (st.session_state), as a dict."""
    kind = type(obj)
    if callable(getattr(kind, "to_dict", None)) and (
        isinstance(obj, Mapping)
        or (
            callable(getattr(kind, "keys", None))
            and kind.__module__.split(".")[0] not in DATAFRAME_LIBRARIES
        )
    ):
        return obj.to_dict()
    return dict(obj) if isinstance(obj, Mapping) else None


def _plain(body: Any) -> Any:
    """Turn dict- and list-likes into what json.dumps accepts, as Streamlit does."""
    if not isinstance(body, dict) and (as_dict := _as_dict(body)) is not None:
        return as_dict
    if isinstance(body, tuple) and callable(getattr(body, "_asdict", None)):
        return body._asdict()  # a namedtuple is an object, not an array
    if not isinstance(body, type) and any(
        f"{c.__module__}.{c.__name__}" == PYDANTIC_MODEL for c in type(body).__mro__
    ):
        return dict(body)
    if isinstance(body, LIST_LIKE):
        return list(body)
    return body


def to_json(container: Container, body: Any) -> str:
    """The JSON text for `body`; a string is taken as JSON already."""
    if isinstance(body, str):
        return body
    body = _plain(body)
    try:
        return _json.dumps(body, default=_fallback)
    except TypeError as err:  # keys json cannot represent (tuples, objects)
        message = (
            "this data structure was not fully serializable as JSON due to one or "
            f"more unexpected keys.  (Error was: {err})"
        )
        log.warning("%s", message)
        container.warning(f"Warning: {message}")
        return _json.dumps(body, skipkeys=True, default=_fallback)


def json(
    container: Container, body: Any, *, expanded: bool | int = True, width: str | int = "stretch"
) -> Container:
    """Display an object or string as pretty-printed, collapsible JSON (st.json)."""
    if not isinstance(expanded, (bool, int)):
        raise StreamlitAPIException(
            f"The type of the `expanded` parameter is `{type(expanded).__name__}`, "
            "but it must be one of: bool, int."
        )
    if width != "stretch" and not (
        isinstance(width, int) and not isinstance(width, bool) and width > 0
    ):
        raise StreamlitAPIException(
            f"Invalid width value: {width!r}. Width must be either an integer (pixels) or "
            "'stretch'."
        )
    props: dict[str, Any] = {"body": to_json(container, body)}
    if expanded is False:
        props["expanded"] = False
    elif not isinstance(expanded, bool):
        props["max_expand_depth"] = expanded
    if width != "stretch":
        props["width"] = width
    return container.add("json", props)


class JsonNode(ElementNode):
    """AppTest's json: `.value` is the JSON text, as in Streamlit."""

    @property
    def value(self) -> str:
        return self.props["body"]

    @property
    def expanded(self) -> bool:
        return bool(self.props.get("expanded", True))


plugin = ElementPlugin(
    elements=[Element("json", json)],
    components=[Component("json", STATIC, "json.js", test_node=JsonNode)],
)
