"""st.query_params: the URL's query string as a mapping of strings, kept in sync both ways."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from typing import Any
from urllib.parse import parse_qsl, urlencode

from .errors import StreamlitAPIException

_RESERVED = ("embed", "embed_options")


class QueryParams(MutableMapping[str, str]):
    """Values are strings; a key may repeat (`get_all`). Item access gives the last value."""

    def __init__(self, query: str = "") -> None:
        self._pairs: dict[str, list[str]] = {}
        self._lock = threading.Lock()
        self.changed = False  # set when the script changes them; the session sends the URL
        self.set_from_url(query)

    # --- the URL side --------------------------------------------------------------------

    def set_from_url(self, query: str) -> None:
        with self._lock:
            self._pairs = {}
            for key, value in parse_qsl(query.lstrip("?"), keep_blank_values=True):
                self._pairs.setdefault(key, []).append(value)

    def to_query_string(self) -> str:
        with self._lock:
            return urlencode([(k, v) for k, values in self._pairs.items() for v in values])

    # --- the script side (Streamlit's API) -----------------------------------------------

    def __getitem__(self, key: str) -> str:
        with self._lock:
            values = self._pairs.get(key)
        if not values:
            raise KeyError(f'st.query_params has no key "{key}".')
        return values[-1]

    def __setitem__(self, key: str, value: Any) -> None:
        if key.lower() in _RESERVED:
            raise StreamlitAPIException(
                f"Query param {key} and embed_options (case-insensitive) cannot be set "
                "programmatically."
            )
        items = value if isinstance(value, Iterable) and not isinstance(value, str) else [value]
        with self._lock:
            self._pairs[key] = [str(item) for item in items]
            self.changed = True

    def __delitem__(self, key: str) -> None:
        with self._lock:
            if key not in self._pairs:
                raise KeyError(f'st.query_params has no key "{key}".')
            del self._pairs[key]
            self.changed = True

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            return iter(list(self._pairs))

    def __len__(self) -> int:
        with self._lock:
            return len(self._pairs)

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f'st.query_params has no attribute "{name}".') from None

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_") or name == "changed":
            object.__setattr__(self, name, value)
        else:
            self[name] = value

    def __delattr__(self, name: str) -> None:
        try:
            del self[name]
        except KeyError:
            raise AttributeError(f'st.query_params has no attribute "{name}".') from None

    def get_all(self, key: str) -> list[str]:
        with self._lock:
            return list(self._pairs.get(key, []))

    def to_dict(self) -> dict[str, str]:
        with self._lock:
            return {k: v[-1] for k, v in self._pairs.items() if v}

    def from_dict(self, params: Mapping[str, Any]) -> None:
        for key in params:
            if key.lower() in _RESERVED:
                self[key] = params[key]  # raises Streamlit's error
        with self._lock:
            self._pairs = {}
        for key, value in params.items():
            self[key] = value
        self.changed = True

    def clear(self) -> None:
        with self._lock:
            self._pairs = {}
            self.changed = True

    def __repr__(self) -> str:
        return repr(self.to_dict())
