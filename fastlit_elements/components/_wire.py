"""What v1 and v2 components share: JSON-safe args, bytes on the wire, DataFrames as records."""

from __future__ import annotations

import base64
import json
import logging
import warnings
from typing import Any

from fastlit_core.plugin import (
    FastlitUnsupportedWarning,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)

log = logging.getLogger("fastlit")

BYTES_TAG = "__fastlit_bytes__"
"""A widget value the browser sent as bytes (a typed array or ArrayBuffer): {tag: base64}."""


def is_bytes_like(value: Any) -> bool:
    return isinstance(value, (bytes, bytearray, memoryview))


def b64(value: bytes | bytearray | memoryview) -> str:
    return base64.b64encode(bytes(value)).decode("ascii")


def value_to_wire(value: Any) -> Any:
    """A component's Python value as the browser sends it (bytes travel as base64)."""
    return {BYTES_TAG: b64(value)} if is_bytes_like(value) else value


def value_from_wire(wire: Any) -> Any:
    """A value from the browser: JSON as is, tagged base64 back to bytes."""
    if isinstance(wire, dict) and len(wire) == 1 and isinstance(wire.get(BYTES_TAG), str):
        return base64.b64decode(wire[BYTES_TAG])
    return wire


def json_copy(value: Any) -> Any:
    """`value` as plain JSON types (tuples become lists), as the browser will see it."""
    return json.loads(json.dumps(value))


def dataframe_records(value: Any) -> list[Any] | None:
    """A dataframe-like value as a list of row records, or None if it is not one.

    Streamlit sends these as Arrow tables; Fastlit does not support Arrow component payloads
    yet, so the caller warns (see `warn_records`).
    """
    module = type(value).__module__.split(".")[0]
    if module not in ("pandas", "numpy", "pyarrow", "polars"):
        return None
    kind = type(value).__name__
    if module == "pandas":
        if kind == "Styler":
            value, kind = value.data, type(value.data).__name__
        if kind == "Series":
            value, kind = value.to_frame(), "DataFrame"
        if kind == "DataFrame":
            records: list[Any] = json.loads(value.to_json(orient="records", date_format="iso"))
            return records
        return None
    if module == "numpy" and kind == "ndarray":
        return json_copy(value.tolist())  # type: ignore[no-any-return]
    if module == "pyarrow" and kind in ("Table", "RecordBatch"):
        return json_copy(value.to_pylist())  # type: ignore[no-any-return]
    if module == "polars" and kind == "DataFrame":
        return json_copy(value.to_dicts())  # type: ignore[no-any-return]
    return None


def warn_records(command: str, argument: str) -> None:
    """Say, clearly, that a DataFrame went to the browser as JSON records, not Arrow."""
    message = (
        f"{command}: the DataFrame `{argument}` is sent to the component as a list of JSON "
        "records; Streamlit sends an Arrow table (ArrowTable), which Fastlit does not support yet"
    )
    warnings.warn(message, FastlitUnsupportedWarning, stacklevel=4)
    log.warning("%s", message)


def validate_tab_index(tab_index: int | None) -> None:
    """Streamlit's check: None, -1, or a non-negative integer."""
    if tab_index is None:
        return
    if isinstance(tab_index, bool) or not isinstance(tab_index, int):
        raise StreamlitInvalidParameterTypeError("tab_index", type(tab_index).__name__, ["int"])
    if tab_index < -1:
        raise StreamlitValueError("tab_index", ["None", "-1", "a non-negative integer"])
