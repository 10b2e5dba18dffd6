"""st.slider: a number, date, time or datetime, or a range of two, picked on a track."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from numbers import Integral, Real
from typing import Any

from fastlit_core.plugin import (
    Component,
    Container,
    Element,
    ElementPlugin,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
    WidgetNode,
)

from .. import STATIC
from .._widgets.policies import (
    label_visibility_checked,
    on_change_callback,
    unsupported_options,
)
from ._values import (
    DATE,
    DATETIME,
    FLOAT,
    INT,
    TIME,
    TIMELIKE,
    SliderSerde,
    StreamlitInvalidMinMaxError,
    as_datetime,
    check_js_bounds,
    check_step,
    data_type_of,
    delta_micros,
    from_wire,
    is_scalar,
    to_micros,
    to_wire,
    window_around,
)


def slider(
    container: Container,
    label: str,
    min_value: Any = None,
    max_value: Any = None,
    value: Any = None,
    step: Any = None,
    format: str | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: tuple[Any, ...] | list[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int = "stretch",
    bind: str | None = None,
    persist_state: Any = None,
) -> Any:
    """Display a slider; returns its value, or a (start, end) tuple for a range (st.slider)."""
    callback = on_change_callback(container, "slider", on_change)
    unsupported_options(container, "slider", bind=bind, persist_state=persist_state)
    key = None if key is None else str(key)
    label = "" if label is None else str(label)
    label_visibility_checked(label_visibility)
    identity = {
        "label": label,
        "min_value": min_value,
        "max_value": max_value,
        "value": value,
        "step": step,
        "format": format,
        "help": help,
        "width": width,
    }
    if value is None:
        value = _default_value(container, key, min_value, max_value)
    serde, wire, step_wire, data_type = _prepare(min_value, max_value, value, step)
    props: dict[str, Any] = {"label": label, "min": serde.min, "max": serde.max, "step": step_wire}
    for name, given, default in (
        ("data_type", data_type, INT),
        ("format", format, None),
        ("help", help, None),
        ("disabled", disabled, False),
        ("label_visibility", label_visibility, "visible"),
        ("width", width, "stretch"),
    ):
        if given != default:
            props[name] = given
    value_type = list[float] if data_type == FLOAT else list[int]
    return container.widget(
        "slider",
        props,
        key=key,
        identity=identity,
        key_identity={"min_value": min_value, "max_value": max_value, "step": step},
        default=serde.deserialize(wire),
        value_type=value_type,
        serialize=serde.serialize,
        deserialize=serde.deserialize,
        validate=serde.validate,
        on_change=callback,
        args=args,
        kwargs=kwargs,
        disabled=disabled,
    )


def _default_value(container: Container, key: str | None, min_value: Any, max_value: Any) -> Any:
    """Streamlit's value=None: min_value, or the full range if session_state holds a range."""
    single = True
    if key is not None:
        state = container.session_state
        if key in state:
            single = is_scalar(state[key])
    low = min_value if min_value is not None else 0
    return low if single else [low, max_value if max_value is not None else 100]


def _prepare(
    min_value: Any, max_value: Any, value: Any, step: Any
) -> tuple[SliderSerde, list[int | float], int | float, str]:
    """Streamlit's defaults and checks; returns the serde, the default on the wire, the step."""
    single = is_scalar(value)
    if not single and not (isinstance(value, (list, tuple)) and len(value) in (0, 1, 2)):
        if isinstance(value, (list, tuple)):
            raise StreamlitValueError(
                "value",
                [
                    "int",
                    "float",
                    "date",
                    "time",
                    "datetime",
                    "a list containing up to two such values",
                    "a tuple containing up to two such values",
                ],
            )
        raise StreamlitInvalidParameterTypeError(
            "value",
            type(value).__name__,
            ["int", "float", "date", "time", "datetime", "list", "tuple"],
        )
    values: list[Any] = [value] if single else list(value)
    if len({data_type_of(v) for v in values}) > 1:
        raise StreamlitInvalidParameterTypeError(
            "value",
            ", ".join(type(v).__name__ for v in values),
            ["list or tuple containing values of the same type"],
        )
    data_type = data_type_of(values[0]) if values else INT

    defaults: dict[str, tuple[Any, Any, Any]] = {INT: (0, 100, 1), FLOAT: (0.0, 1.0, 0.01)}
    if data_type == TIME:
        zone = values[0].tzinfo
        defaults[TIME] = (
            time.min.replace(tzinfo=zone),
            time.max.replace(tzinfo=zone),
            timedelta(minutes=15),
        )
    elif data_type in (DATETIME, DATE):
        defaults[data_type] = (*window_around(values[0], timedelta(days=14)), timedelta(days=1))
    default_min, default_max, default_step = defaults[data_type]
    if min_value is None:
        min_value = default_min
    if max_value is None:
        max_value = default_max
    if step is None:
        step = default_step
        if data_type in (DATETIME, DATE) and abs(max_value - min_value) < timedelta(days=1):
            step = timedelta(minutes=15)
    check_step(step)

    bounds = [min_value, max_value, step]
    int_args = all(isinstance(a, Integral) for a in bounds)
    float_args = all(isinstance(a, Real) and not isinstance(a, Integral) for a in bounds)
    timelike_args = (
        data_type in TIMELIKE and isinstance(step, timedelta) and type(min_value) is type(max_value)
    )
    if not (int_args or float_args or timelike_args):
        raise StreamlitInvalidParameterTypeError(
            "value",
            f"min_value={type(min_value).__name__}, "
            f"max_value={type(max_value).__name__}, step={type(step).__name__}",
            ["matching numeric types", "matching date/time types"],
        )
    if not (
        (data_type == INT and int_args)
        or (data_type == FLOAT and float_args)
        or (data_type in TIMELIKE and timelike_args)
    ):
        raise StreamlitInvalidParameterTypeError(
            "value",
            f"value={type(value).__name__}, min_value={type(min_value).__name__}, "
            f"max_value={type(max_value).__name__}",
            ["value and arguments with matching types"],
        )

    if min_value > max_value:
        min_value, max_value = max_value, min_value
    if len(values) == 1:
        min_value, max_value = min(values[0], min_value), max(values[0], max_value)
    elif len(values) == 2:
        values.sort()
        min_value, max_value = min(values[0], min_value), max(values[1], max_value)
    else:
        values = [min_value, max_value]
    if data_type in (INT, FLOAT):
        check_js_bounds(data_type, min_value, max_value)
    shown_min, shown_max = min_value, max_value
    if data_type in (DATE, TIME):  # Streamlit compares (and reports) them as datetimes
        shown_min, shown_max = as_datetime(min_value, data_type), as_datetime(max_value, data_type)
    if shown_min == shown_max:
        raise StreamlitInvalidMinMaxError(shown_min, shown_max)

    zone = values[0].tzinfo if data_type in (TIME, DATETIME) else None
    low: int | float
    high: int | float
    if data_type in TIMELIKE:
        low, high = to_micros(shown_min), to_micros(shown_max)
        check_js_bounds(data_type, low, high)
        step = delta_micros(step)
    else:  # plain numbers for the wire (not bools or numpy scalars)
        low, high = to_wire(data_type, min_value), to_wire(data_type, max_value)
        step = to_wire(data_type, step)
    serde = SliderSerde(data_type, single, len(values), zone, low, high)
    return serde, serde.serialize(values), step, data_type


class SliderNode(WidgetNode):
    """AppTest's slider: `set_value(v)` or `set_range(lo, hi)`, then `run()`."""

    def set_range(self, lower: Any, upper: Any) -> SliderNode:
        self.set_value([lower, upper])
        return self

    @property
    def type(self) -> str:
        return "slider"

    @property
    def data_type(self) -> str:
        return str(self.props.get("data_type", INT))

    @property
    def min(self) -> Any:
        return from_wire(self.data_type, self.props["min"], self._zone())

    @property
    def max(self) -> Any:
        return from_wire(self.data_type, self.props["max"], self._zone())

    @property
    def step(self) -> Any:
        step = self.props["step"]
        return timedelta(microseconds=step) if self.data_type in TIMELIKE else step

    @property
    def format(self) -> str | None:
        return self.props.get("format")

    def _zone(self) -> Any:
        value = self.value
        first = value[0] if isinstance(value, tuple) and value else value
        return first.tzinfo if isinstance(first, (datetime, time)) else None


plugin = ElementPlugin(
    elements=[Element("slider", slider)],
    components=[Component("slider", STATIC, "slider.js", test_node=SliderNode)],
)
