"""Stable content hashes of function arguments, fast for DataFrames and arrays (for caching)."""

from __future__ import annotations

import datetime
import decimal
import enum
import hashlib
import pickle
import uuid
from collections.abc import Callable, Mapping
from typing import Any

HashFuncs = Mapping[type | str, Callable[[Any], Any]]

_SIMPLE = (
    type(None), bool, int, float, complex, str, bytes, datetime.date, datetime.time,
    datetime.datetime, datetime.timedelta, decimal.Decimal, uuid.UUID, range,
)  # fmt: skip


class UnhashableTypeError(TypeError):
    """A value of this type has no stable content hash."""


def content_hash(value: Any, hash_funcs: HashFuncs | None = None) -> bytes:
    """A digest that is equal for equal contents, across runs and processes."""
    h = hashlib.blake2b(digest_size=16)
    _update(h, value, hash_funcs or {}, set())
    return h.digest()


def _update(h: Any, value: Any, hash_funcs: HashFuncs, seen: set[int]) -> None:
    custom = _custom_hasher(type(value), hash_funcs)
    if custom is not None:
        h.update(b"custom:")
        _update(h, custom(value), {}, seen)
        return
    kind = type(value)
    h.update(f"{kind.__module__}.{kind.__qualname__}:".encode())
    if isinstance(value, _SIMPLE):
        h.update(repr(value).encode())
        return
    if isinstance(value, enum.Enum):
        h.update(repr(value).encode())
        return
    if id(value) in seen:  # a cycle: its shape is already in the digest
        h.update(b"<cycle>")
        return
    seen.add(id(value))
    if isinstance(value, (list, tuple)):
        h.update(str(len(value)).encode())
        for item in value:
            _update(h, item, hash_funcs, seen)
    elif isinstance(value, (set, frozenset)):
        for digest in sorted(content_hash(item, hash_funcs) for item in value):
            h.update(digest)
    elif isinstance(value, Mapping):
        h.update(str(len(value)).encode())
        for key, item in value.items():
            _update(h, key, hash_funcs, seen)
            _update(h, item, hash_funcs, seen)
    elif _is_pandas(value):
        _update_pandas(h, value)
    elif _is_numpy_array(value):
        h.update(f"{value.dtype}{value.shape}".encode())
        h.update(value.tobytes() if value.dtype != object else pickle.dumps(value.tolist()))
    elif callable(value):
        raise UnhashableTypeError(kind)
    else:
        try:
            h.update(pickle.dumps(value, protocol=5))
        except Exception as exc:  # noqa: BLE001 - anything unpicklable is unhashable here
            raise UnhashableTypeError(kind) from exc


def _custom_hasher(kind: type, hash_funcs: HashFuncs) -> Callable[[Any], Any] | None:
    if not hash_funcs:
        return None
    for klass in kind.__mro__:
        for key in (klass, f"{klass.__module__}.{klass.__qualname__}"):
            if key in hash_funcs:
                return hash_funcs[key]
    return None


def _is_pandas(value: Any) -> bool:
    return type(value).__module__.startswith("pandas.") and hasattr(value, "to_numpy")


def _update_pandas(h: Any, value: Any) -> None:
    import pandas as pd  # type: ignore[import-untyped]

    h.update(repr(getattr(value, "dtypes", value.dtype)).encode())
    if isinstance(value, pd.DataFrame):
        h.update(repr(list(value.columns)).encode())
    h.update(repr(value.shape).encode())
    try:
        h.update(pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes())
    except TypeError:  # unhashable cells (lists, dicts): fall back to pickling the frame
        h.update(pickle.dumps(value, protocol=5))


def _is_numpy_array(value: Any) -> bool:
    return type(value).__module__ == "numpy" and type(value).__name__ == "ndarray"
