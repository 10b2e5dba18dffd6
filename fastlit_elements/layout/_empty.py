"""st.empty: a placeholder holding one element; each command on it replaces that element."""

from __future__ import annotations

from fastlit_core.plugin import Container


def empty(container: Container) -> Container:
    """Insert a single-element placeholder (st.empty).

    The returned handle replaces the placeholder in place on every command (`ph.text(...)`,
    `with ph:`), as Streamlit does: its content takes the placeholder's position, and
    `ph.empty()` turns it back into an empty placeholder.
    """
    return container.add("empty", {})
