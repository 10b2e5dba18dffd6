"""Chart data: anything st.line_chart accepts as a pandas DataFrame, and back to JSON rows."""

from __future__ import annotations

import array
import dataclasses
import json
from collections import ChainMap, UserDict, UserList, deque
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from fastlit_core.plugin import StreamlitAPIException

if TYPE_CHECKING:
    import pandas as pd


def to_dataframe(data: Any) -> pd.DataFrame:
    """A private copy of `data` as a DataFrame, following Streamlit's conversion rules."""
    import numpy as np
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        return data.copy()
    if isinstance(data, (pd.Series, pd.Index, pd.api.extensions.ExtensionArray)):
        return pd.DataFrame(data)
    if type(data).__name__ == "Styler" and isinstance(getattr(data, "data", None), pd.DataFrame):
        return data.data.copy()
    if isinstance(data, np.ndarray):
        return pd.DataFrame([]) if data.ndim == 0 else _name_single_column(pd.DataFrame(data))
    if callable(getattr(data, "to_pandas", None)):  # polars, pyarrow, ...
        return pd.DataFrame(data.to_pandas())
    if isinstance(data, (deque, map, array.ArrayType, UserList)):
        return _name_single_column(pd.DataFrame(list(data)))
    if isinstance(data, tuple) and hasattr(data, "_asdict"):
        return _from_dict(data._asdict())
    if dataclasses.is_dataclass(data) and not isinstance(data, type):
        return _from_dict(dataclasses.asdict(data))
    if isinstance(data, (ChainMap, MappingProxyType, UserDict)):
        return _from_dict(dict(data))
    try:
        return _name_single_column(pd.DataFrame(data))
    except (ValueError, TypeError) as exc:
        if isinstance(data, Mapping):
            try:
                return _from_dict(dict(data))
            except (ValueError, TypeError):
                pass
        raise StreamlitAPIException(
            f"Unable to convert object of type `{type(data)}` to `pandas.DataFrame`."
        ) from exc


def _name_single_column(df: pd.DataFrame) -> pd.DataFrame:
    """A lone unnamed column (pandas calls it 0) is called "value", as in Streamlit."""
    if len(df.columns) == 1 and df.columns[0] == 0:
        return df.rename(columns={0: "value"})
    return df


def _from_dict(data: dict[Any, Any]) -> pd.DataFrame:
    import pandas as pd

    return _name_single_column(pd.DataFrame.from_dict(data, orient="index"))


def to_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """JSON-ready rows: dates as ISO strings, NaN as null, numpy scalars as plain numbers."""
    if df.empty:
        return []
    rows: list[dict[str, Any]] = json.loads(
        df.to_json(orient="records", date_format="iso", default_handler=str)
    )
    return rows
