"""st.columns: a horizontal flex_container holding one "column" block per weight."""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Integral
from typing import Any

from fastlit_core.plugin import (
    Container,
    StreamlitInvalidParameterTypeError,
    omit_defaults,
    validate_choice,
    validate_width,
)

from ._params import (
    StreamlitInvalidColumnSpecError,
    gap_value,
    validate_wrap,
)


def columns(
    container: Container,
    spec: int | Sequence[int | float],
    *,
    gap: str | int | None = "small",
    vertical_alignment: str = "top",
    border: bool = False,
    width: int | str = "stretch",
    wrap: bool = True,
) -> list[Container]:
    """Insert side-by-side columns; returns one container per column (st.columns)."""
    weights = _weights(spec)
    validate_wrap(wrap)
    validate_choice("vertical_alignment", vertical_alignment, ("top", "center", "bottom"))
    gap = gap_value(gap)
    validate_width(width)
    row = container.add(
        "flex_container",
        {
            "horizontal": True,
            "kind": "columns",
            **omit_defaults(gap=(gap, "small"), width=(width, "stretch"), wrap=(wrap, True)),
        },
        block=True,
    )
    total = sum(weights)
    column_props = omit_defaults(
        gap=(gap, "small"), vertical_alignment=(vertical_alignment, "top"), border=(border, False)
    )
    return [
        row.add("column", {"weight": float(w / total), **column_props}, block=True) for w in weights
    ]


def _weights(spec: Any) -> Sequence[Any]:
    if isinstance(spec, int):
        weights: Sequence[Any] = (1,) * spec  # zero or negative -> () -> error below
    elif isinstance(spec, Integral):
        weights = (1,) * int(spec)
    else:
        weights = spec
    try:
        invalid = len(weights) == 0 or any(w <= 0 for w in weights)
    except TypeError as exc:
        raise StreamlitInvalidParameterTypeError(
            "spec", type(spec).__name__, ["int", "sequence of numbers"]
        ) from exc
    if invalid:
        raise StreamlitInvalidColumnSpecError()
    return list(weights)
