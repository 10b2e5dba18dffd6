"""st.sidebar: the top-level "sidebar" container beside main, created on first use."""

from __future__ import annotations

from fastlit_core.plugin import Container

SIDEBAR_ID = "sidebar"


def sidebar(container: Container) -> Container:
    """The sidebar container: `st.sidebar.button(...)` or `with st.sidebar:` (st.sidebar)."""
    return container.root_container(SIDEBAR_ID, "sidebar")
