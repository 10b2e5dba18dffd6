"""st.text_input's per-type defaults and its `validate` and `live` arguments."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import NamedTuple

from fastlit_core.plugin import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)


class TypeDefaults(NamedTuple):
    """What a `type` implies unless the app says otherwise (Material icons are not shown)."""

    placeholder: str | None
    validate: tuple[str, str] | None
    autocomplete: str


# Regexes are JavaScript-flavoured: the browser checks them (flags "us"), as in Streamlit.
_EMAIL = (r"^[^\s@]+@[^\s@]+\.[^\s@]+$", "Enter a valid email address.")
_URL = (r"^([Hh][Tt][Tt][Pp][Ss]?://)?[^\s/.]+\.[^\s]+$", "Enter a valid URL.")

TYPE_DEFAULTS: dict[str, TypeDefaults] = {
    "default": TypeDefaults(None, None, ""),
    "password": TypeDefaults(None, None, "new-password"),
    "email": TypeDefaults("you@example.com", _EMAIL, "email"),
    "url": TypeDefaults("https://example.com", _URL, "url"),
    "phone": TypeDefaults("+1 234 567 8900", None, "tel"),
    "search": TypeDefaults("Search", None, "off"),
}


def validate_rule(validate: object) -> tuple[str | None, str | None]:
    """`validate` as (regex, message); "" turns a type's default rule off."""
    if validate is None:
        return None, None
    if isinstance(validate, str):
        return validate or None, None
    if isinstance(validate, tuple):
        if len(validate) == 2 and all(isinstance(item, str) for item in validate):
            return validate[0] or None, validate[1] or None
        raise StreamlitValueError(
            "validate", ["a regex string", "a (regex, message) tuple of strings"]
        )
    raise StreamlitInvalidParameterTypeError(
        "validate", type(validate).__name__, ["None", "str", "tuple"]
    )


class StreamlitBadTimeStringError(StreamlitAPIException):
    def __init__(self, text: str) -> None:
        super().__init__(
            "Time string doesn't look right. It should be formatted as `'1d2h34m'` "
            f"or `2 days`, for example. Got: {text}"
        )


class StreamlitValueOutOfRangeError(StreamlitAPIException):
    def __init__(self, parameter: str, value: object, low: str, high: str, detail: str) -> None:
        super().__init__(
            f"The `{parameter}` parameter, set to {value}, is outside the required "
            f"range [{low}, {high}]. {detail}"
        )


# The duration strings live= takes (pandas.Timedelta's, for what a typing pause needs).
_DURATION = re.compile(r"^\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-z]*)\s*$")
_UNIT_MS = {
    "ns": 1e-6,
    "us": 1e-3,
    "ms": 1.0,
    "millisecond": 1.0,
    "milliseconds": 1.0,
    "s": 1e3,
    "sec": 1e3,
    "second": 1e3,
    "seconds": 1e3,
    "m": 6e4,
    "min": 6e4,
    "minute": 6e4,
    "minutes": 6e4,
    "h": 3.6e6,
    "hour": 3.6e6,
    "hours": 3.6e6,
}
_MAX_LIVE_MS = 60_000


def live_debounce_ms(live: object) -> int | None:
    """`live` as a typing pause in milliseconds (None: send on Enter and blur only)."""
    if live is False:
        return None
    if live is True:
        return 250
    if not isinstance(live, str):
        detail = None
        if isinstance(live, (int, float, timedelta)):
            detail = (
                "A number or `datetime.timedelta` is not accepted. Use `True` for a 250ms "
                "pause, or a duration string like `'300ms'` or `'0.5s'`. `live=300` is not "
                "milliseconds (and `live=0.3` is not seconds); duration units must be "
                "explicit."
            )
        raise StreamlitInvalidParameterTypeError(
            "live", type(live).__name__, ["bool", "str"], detail=detail
        )
    match = _DURATION.match(live.lower())
    if match is None or (not match.group(2) and "." in match.group(1)):
        raise StreamlitBadTimeStringError(live)
    unit = match.group(2) or "ns"  # a bare integer is nanoseconds, as in pandas
    if unit not in _UNIT_MS:
        raise StreamlitBadTimeStringError(live)
    millis = float(match.group(1)) * _UNIT_MS[unit]
    if millis > _MAX_LIVE_MS:
        raise StreamlitValueOutOfRangeError(
            "live",
            live,
            "0ms",
            "1m",
            "Use `True` for the 250ms default, `'0ms'` to commit on "
            "every change, or a duration string up to `'1m'`.",
        )
    return max(1, round(millis)) if millis > 0 else 0  # only a true zero sends per keystroke
