"""st.container: a vertical (or horizontal) flex_container, optionally bordered or scrolling."""

from __future__ import annotations

from typing import Any

from fastlit_core.plugin import (
    Container,
    omit_defaults,
    validate_choice,
    validate_height,
    validate_width,
)

from ._params import (
    HORIZONTAL_ALIGNMENTS,
    VERTICAL_ALIGNMENTS,
    StreamlitIncompatibleParametersError,
    gap_value,
)


def container(
    container: Container,
    *,
    border: bool | None = None,
    key: str | int | None = None,
    width: int | str = "stretch",
    height: int | str = "content",
    horizontal: bool = False,
    wrap: bool = True,
    horizontal_alignment: str = "left",
    vertical_alignment: str = "top",
    gap: str | int | None = "small",
    autoscroll: bool | None = None,
) -> Container:
    """Insert a multi-element container (st.container)."""
    gap = gap_value(gap)
    validate_choice("horizontal_alignment", horizontal_alignment, HORIZONTAL_ALIGNMENTS)
    validate_choice("vertical_alignment", vertical_alignment, VERTICAL_ALIGNMENTS)
    if wrap is False and not horizontal:
        raise StreamlitIncompatibleParametersError(
            "wrap=False",
            "horizontal=False",
            explanation="A vertical container has no horizontal row of elements to keep in a "
            "single, scrolling row. Set `horizontal=True` to use `wrap=False`, or remove the "
            "`wrap` argument.",
        )
    validate_width(width, allow_content=True)
    validate_height(height, allow_content=True)
    fixed_height = isinstance(height, int) and not isinstance(height, bool)
    props: dict[str, Any] = omit_defaults(
        horizontal=(bool(horizontal), False),
        border=(bool(border) if border is not None else fixed_height, False),
        width=(width, "stretch"),
        height=(height, "content"),
        wrap=(wrap, True),
        horizontal_alignment=(horizontal_alignment, "left"),
        vertical_alignment=(vertical_alignment, "top"),
        gap=(gap, "small"),
        autoscroll=(autoscroll, None),
    )
    if key is not None:
        props["key"] = str(key)  # Streamlit's `st-key-<key>` CSS class
    return container.add("flex_container", props, block=True)
