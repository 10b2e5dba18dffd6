"""st.context: what the browser told us about itself (headers, cookies, locale, URL, ...)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any

_LOOPBACK = {"127.0.0.1", "::1"}


class Headers(Mapping[str, str]):
    """Request headers, case-insensitive; `get_all` for repeated ones (Streamlit's API)."""

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        self._headers: dict[str, list[str]] = {}
        for key, value in pairs:
            self._headers.setdefault(_normal(key), []).append(value)

    def get_all(self, key: str) -> list[str]:
        return list(self._headers.get(_normal(key), []))

    def __getitem__(self, key: str) -> str:
        try:
            return self._headers[_normal(key)][0]
        except LookupError:
            raise KeyError(key) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._headers)

    def __len__(self) -> int:
        return len(self._headers)

    def to_dict(self) -> dict[str, str]:
        return {key: self[key] for key in self}


class Cookies(Mapping[str, str]):
    def __init__(self, cookie_header: str = "") -> None:
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(cookie_header)
        except Exception:  # noqa: BLE001 - a malformed Cookie header means no cookies
            jar = SimpleCookie()
        self._cookies = {key: morsel.value for key, morsel in jar.items()}

    def __getitem__(self, key: str) -> str:
        return self._cookies[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._cookies)

    def __len__(self) -> int:
        return len(self._cookies)

    def to_dict(self) -> dict[str, str]:
        return dict(self._cookies)


class Theme(dict[str, Any]):
    """`st.context.theme`: `.type` is "light" or "dark" (attribute or item access)."""

    def __getattr__(self, name: str) -> Any:
        return self.get(name)


@dataclass
class ClientContext:
    headers: Headers = field(default_factory=Headers)
    cookies: Cookies = field(default_factory=Cookies)
    remote_ip: str | None = None
    locale: str | None = None
    timezone: str | None = None
    timezone_offset: int | None = None
    url: str | None = None
    theme: Theme = field(default_factory=lambda: Theme(type=None))
    is_embedded: bool | None = None

    @property
    def ip_address(self) -> str | None:
        """The client's address; None for loopback, as in Streamlit."""
        return None if self.remote_ip in _LOOPBACK else self.remote_ip


def _normal(key: str) -> str:
    return key.lower().replace("_", "-")
