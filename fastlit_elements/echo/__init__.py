"""st.echo: show the code of a `with` block above (or below) what it draws."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastlit_core.plugin import Container, Element, ElementPlugin, validate_choice

from .._source import block_after, caller_frame


@contextmanager
def echo(container: Container, code_location: str = "above") -> Iterator[None]:
    """Run the block and display its source code (st.echo)."""
    validate_choice("code_location", code_location, ("above", "below"))
    frame = caller_frame()
    code = block_after(frame.f_code.co_filename, frame.f_lineno) if frame is not None else ""
    del frame
    if code_location == "above":
        container.code(code, "python")
    yield
    if code_location == "below":
        container.code(code, "python")


plugin = ElementPlugin(elements=[Element("echo", echo)])
