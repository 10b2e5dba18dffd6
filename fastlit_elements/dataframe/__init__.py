"""st.dataframe, basic: a static table of the first rows; selections and column config later."""

from __future__ import annotations

import dataclasses
import datetime
import math
from collections.abc import Callable, Iterable, Mapping
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

MAX_ROWS = 200
"""Rows sent to the browser; the later paged grid lifts this."""
_JS_SAFE_INT = 2**53


def to_pandas(data: Any) -> Any:
    """Convert dataframe-likes, dicts, lists and arrays to a pandas DataFrame as Streamlit does."""
    import numpy as np
    import pandas as pd

    if data is None:
        return pd.DataFrame()
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, (pd.Series, pd.Index, pd.api.extensions.ExtensionArray)):
        return pd.DataFrame(data)
    if type(data).__name__ == "Styler" and isinstance(getattr(data, "data", None), pd.DataFrame):
        return data.data
    if isinstance(data, np.ndarray):
        return pd.DataFrame() if data.ndim == 0 else _name_single_column(pd.DataFrame(data))
    if callable(getattr(data, "to_pandas", None)):
        return pd.DataFrame(data.to_pandas())
    if callable(getattr(data, "__dataframe__", None)):
        return pd.api.interchange.from_dataframe(data)
    if hasattr(data, "_asdict") and isinstance(data, tuple):
        return _key_value(data._asdict())
    if dataclasses.is_dataclass(data) and not isinstance(data, type):
        return _key_value(dataclasses.asdict(data))
    if isinstance(data, Mapping) and not isinstance(data, dict):
        return _key_value(dict(data))
    if isinstance(data, (set, frozenset, map, range)) or (
        isinstance(data, Iterable) and not isinstance(data, (list, tuple, dict, str, bytes))
    ):
        data = list(data)
    try:
        return _name_single_column(pd.DataFrame(data))
    except (ValueError, TypeError) as err:
        if isinstance(data, dict):
            try:
                return _key_value(data)  # {"a": 1, "b": 2}: one row per key
            except (ValueError, TypeError):
                pass
        raise StreamlitAPIException(
            f"Unable to convert object of type `{type(data)}` to `pandas.DataFrame`."
        ) from err


def _name_single_column(df: Any) -> Any:
    # Streamlit calls a lone unnamed column "value" rather than 0.
    if len(df.columns) == 1 and df.columns[0] == 0:
        df = df.rename(columns={0: "value"})
    return df


def _key_value(data: dict[Any, Any]) -> Any:
    import pandas as pd

    return _name_single_column(pd.DataFrame.from_dict(data, orient="index"))


def _cell(value: Any) -> Any:
    """A JSON-safe stand-in for one cell; the dtype sent alongside restores the type."""
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, int):
        return value if -_JS_SAFE_INT < value < _JS_SAFE_INT else str(value)
    if isinstance(value, float):
        return None if math.isnan(value) else value if math.isfinite(value) else str(value)
    item = getattr(value, "item", None)
    if callable(item) and type(value).__module__ == "numpy":
        return _cell(item())
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _cell(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)) or type(value).__name__ == "ndarray":
        return [_cell(v) for v in value]
    return str(value)


def _missing(value: Any) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # list-like cells
        return False


def _labels(index: Any) -> list[Any]:
    return [_cell(list(v) if isinstance(v, tuple) else v) for v in index]


def _is_default_index(index: Any) -> bool:
    import pandas as pd

    return (
        isinstance(index, pd.RangeIndex)
        and index.start == 0
        and index.step == 1
        and index.name is None
    )


def dataframe(
    container: Container,
    data: Any = None,
    width: str | int = "stretch",
    height: str | int = "auto",
    *,
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: Iterable[str] | None = None,
    column_config: Mapping[str, Any] | None = None,
    key: str | int | None = None,
    on_select: str | Callable[..., Any] = "ignore",
    selection_mode: str | Iterable[str] = "multi-row",
    selection_default: Any = None,
    row_height: int | None = None,
    placeholder: str | None = None,
    lazy: bool | None = None,
    alt: str | None = None,
) -> Container:
    """Display a dataframe as a table; for now its first 200 rows (st.dataframe)."""
    if on_select not in ("ignore", "rerun") and not callable(on_select):
        raise StreamlitAPIException(
            f"You have passed {on_select} to `on_select`. But only 'ignore', 'rerun', or a "
            "callable is supported."
        )
    unsupported = {
        "column_config": column_config,
        "selection_default": selection_default,
        "lazy": lazy,
    }
    unsupported = {k: v for k, v in unsupported.items() if v is not None}
    if on_select != "ignore":
        unsupported["on_select"] = on_select
    if selection_mode != "multi-row":
        unsupported["selection_mode"] = selection_mode
    if unsupported:
        container.unsupported("dataframe", **unsupported)
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"

    df = to_pandas(data)
    if column_order is not None:
        order = [c for c in column_order if c in df.columns]
        df = df[order]
    head = df.head(MAX_ROWS)
    rows = [
        [None if _missing(v) else _cell(v) for v in row]
        for row in head.itertuples(index=False, name=None)
    ]
    props: dict[str, Any] = {
        "columns": _labels(df.columns),
        "dtypes": [str(t) for t in df.dtypes],
        "rows": rows,
    }
    if not _is_default_index(df.index):
        props["index"] = _labels(head.index)
        if df.index.name is not None:
            props["index_name"] = _cell(df.index.name)
    if len(df) > MAX_ROWS:
        props["total_rows"] = len(df)
    for name, value, default in (
        ("hide_index", hide_index, None),
        ("width", width, "stretch"),
        ("height", height, "auto"),
        ("row_height", row_height, None),
        ("placeholder", placeholder, None),
        ("alt", alt, None),
    ):
        if value != default:
            props[name] = value
    # `key` names the selection state, which this version does not have yet; an explicit
    # node id from it could collide, so the element keeps its positional id.
    return container.add("dataframe", props)


class DataframeNode(ElementNode):
    """AppTest's dataframe: `.value` is a pandas DataFrame rebuilt from the rows sent.

    It holds only the rows the browser got (the first 200), with the original dtypes
    restored where pandas can convert the JSON values back.
    """

    @property
    def value(self) -> Any:
        import pandas as pd

        props = self.props
        columns = _rebuild_index(props["columns"], pd)
        index = _rebuild_index(props["index"], pd) if "index" in props else None
        df = pd.DataFrame(props["rows"], columns=columns, index=index)
        if index is not None and "index_name" in props:
            df.index.name = props["index_name"]
        for i, dtype in enumerate(props.get("dtypes", [])):
            if dtype != "object" and str(df.dtypes.iloc[i]) != dtype:
                try:
                    df.isetitem(i, df.iloc[:, i].astype(dtype))
                except (TypeError, ValueError):
                    pass  # keep what JSON gave back
        return df


def _rebuild_index(labels: list[Any], pd: Any) -> Any:
    if labels and all(isinstance(label, list) for label in labels):
        return pd.MultiIndex.from_tuples([tuple(label) for label in labels])
    return pd.Index(labels) if labels else pd.RangeIndex(0)


plugin = ElementPlugin(
    elements=[Element("dataframe", dataframe)],
    components=[Component("dataframe", STATIC, "dataframe.js", test_node=DataframeNode)],
)
