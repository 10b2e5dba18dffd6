"""Slider values: Streamlit's data types, defaults and checks, and their wire form (numbers)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from numbers import Integral, Real
from typing import Any

from fastlit_core.plugin import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)

INT, FLOAT, DATETIME, DATE, TIME = "int", "float", "datetime", "date", "time"
TIMELIKE = (DATETIME, DATE, TIME)
MAX_SAFE_INTEGER = (1 << 53) - 1
MAX_FLOAT = 1.7976931348623157e308
UTC_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Timelike values travel as microseconds since the epoch in a JS number, exact up to 2**53.
_SAFE_SPAN = timedelta(microseconds=MAX_SAFE_INTEGER)
MIN_SAFE_DAY = (datetime(1970, 1, 1) - _SAFE_SPAN).date() + timedelta(days=1)
MAX_SAFE_DAY = (datetime(1970, 1, 1) + _SAFE_SPAN).date() - timedelta(days=1)


class StreamlitValueBelowMinError(StreamlitAPIException, ValueError):
    def __init__(self, value: Any, min_value: Any) -> None:
        super().__init__(f"The `value` {value} is less than the `min_value` {min_value}.")


class StreamlitValueAboveMaxError(StreamlitAPIException, ValueError):
    def __init__(self, value: Any, max_value: Any) -> None:
        super().__init__(f"The `value` {value} is greater than the `max_value` {max_value}.")


class StreamlitInvalidMinMaxError(StreamlitAPIException):
    def __init__(self, min_value: Any, max_value: Any) -> None:
        super().__init__(
            f"The `min_value` and `max_value` parameters are both set to "
            f"{min_value}. They must not be equal."
        )


class StreamlitJSNumberBoundsError(StreamlitAPIException):
    pass


def data_type_of(value: Any) -> str:
    if isinstance(value, Integral):
        return INT
    if isinstance(value, Real):
        return FLOAT
    for kind, name in ((datetime, DATETIME), (date, DATE), (time, TIME)):
        if isinstance(value, kind):
            return name
    raise StreamlitInvalidParameterTypeError(
        "value", type(value).__name__, ["int", "float", "date", "time", "datetime"]
    )


def is_scalar(value: Any) -> bool:
    return isinstance(value, (Integral, Real, date, time))  # datetime is a date


def to_micros(value: datetime) -> int:
    # Wall-clock time read as UTC: the browser shows it as given; only Python knows the zone.
    delta = value.replace(tzinfo=UTC) - UTC_EPOCH
    return delta.days * 86_400_000_000 + delta.seconds * 1_000_000 + delta.microseconds


def delta_micros(delta: timedelta) -> int:
    return delta.days * 86_400_000_000 + delta.seconds * 1_000_000 + delta.microseconds


def as_datetime(value: Any, data_type: str) -> datetime:
    if data_type == TIME:
        return datetime.combine(date(2000, 1, 1), value)  # a date well after the epoch
    if data_type == DATE:
        return datetime.combine(value, time())
    return value


def to_wire(data_type: str, value: Any) -> int | float:
    if data_type == FLOAT:
        return float(value)
    if data_type == INT:
        return int(value) if isinstance(value, Integral) else float(value)
    return to_micros(as_datetime(value, data_type))


def from_wire(data_type: str, number: float, tz: tzinfo | None = None) -> Any:
    if data_type == INT:
        return int(number)
    if data_type == FLOAT:
        return float(number)
    moment = (UTC_EPOCH + timedelta(microseconds=int(number))).replace(tzinfo=tz)
    if data_type == DATE:
        return moment.date()
    if data_type == TIME:
        return moment.time().replace(tzinfo=tz)
    return moment


@dataclass(frozen=True)
class SliderSerde:
    """Python value <-> wire list (one number per thumb), and the server-side bounds check."""

    data_type: str
    single: bool
    count: int
    tz: tzinfo | None
    min: int | float
    max: int | float

    def serialize(self, value: Any) -> list[int | float]:
        items = list(value) if isinstance(value, (list, tuple)) else [value]
        return [to_wire(self.data_type, item) for item in items]

    def deserialize(self, wire: list[Any]) -> Any:
        if len(wire) != self.count:
            raise ValueError(f"expected {self.count} slider value(s), got {len(wire)}")
        for number in wire:
            self._check(number)  # before converting: huge numbers overflow datetime
        if self.count == 2 and wire[0] > wire[1]:
            raise ValueError("the range's start is after its end")
        values = [self.python(number) for number in wire]
        return values[0] if self.single else tuple(values)

    def validate(self, value: Any) -> Any:
        """Reject values outside [min, max], from the browser or from st.session_state."""
        for number in self.serialize(value):
            self._check(number)
        return value

    def python(self, number: float) -> Any:
        return from_wire(self.data_type, number, self.tz)

    def _check(self, number: float) -> None:
        if not math.isfinite(number):
            raise ValueError(f"slider value {number} is not finite")
        if number < self.min:
            raise StreamlitValueBelowMinError(self._shown(number), self.python(self.min))
        if number > self.max:
            raise StreamlitValueAboveMaxError(self._shown(number), self.python(self.max))

    def _shown(self, number: float) -> Any:
        try:
            return self.python(number)
        except (OverflowError, ValueError):  # far outside what a datetime can hold
            return number


def check_step(step: Any) -> None:
    if isinstance(step, timedelta):
        if step == timedelta(0):
            raise StreamlitValueError("step", ["a timedelta"], detail="Zero is not allowed.")
    elif step == 0:
        raise StreamlitValueError("step", ["a number"], detail="Zero is not allowed.")


def check_js_bounds(data_type: str, min_value: Any, max_value: Any) -> None:
    for name, number in (("`min_value`", min_value), ("`max_value`", max_value)):
        if data_type == INT:
            if number < -MAX_SAFE_INTEGER:
                raise StreamlitJSNumberBoundsError(f"{name} ({number}) must be >= -((1 << 53) - 1)")
            if number > MAX_SAFE_INTEGER:
                raise StreamlitJSNumberBoundsError(f"{name} ({number}) must be <= (1 << 53) - 1")
        elif data_type == FLOAT:
            if number < -MAX_FLOAT:
                raise StreamlitJSNumberBoundsError(f"{name} ({number}) must be >= -1.797e+308")
            if number > MAX_FLOAT:
                raise StreamlitJSNumberBoundsError(f"{name} ({number}) must be <= 1.797e+308")
        elif abs(number) > MAX_SAFE_INTEGER:  # microseconds
            raise StreamlitJSNumberBoundsError(
                f"{name} is too far from 1970 for Streamlit to represent exactly. Use a value "
                f"between {MIN_SAFE_DAY:%Y-%m-%d} and {MAX_SAFE_DAY:%Y-%m-%d}."
            )


def window_around(anchor: date, window: timedelta) -> tuple[date, date]:
    """Default bounds for dates/datetimes: anchor -/+ window, kept representable."""
    if isinstance(anchor, datetime):
        floor: date = datetime.combine(MIN_SAFE_DAY, time.min, tzinfo=anchor.tzinfo)
        ceiling: date = datetime.combine(MAX_SAFE_DAY, time.max, tzinfo=anchor.tzinfo)
    else:
        floor, ceiling = MIN_SAFE_DAY, MAX_SAFE_DAY
    try:
        low = min(anchor, max(anchor - window, floor))
    except OverflowError:
        low = anchor
    try:
        high = max(anchor, min(anchor + window, ceiling))
    except OverflowError:
        high = anchor
    return low, high
