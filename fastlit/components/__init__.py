"""`fastlit.components`, the twin of `streamlit.components`: `v1` and `v2`.

Thin forwarders to the `components` element plugin, found through the registry. What they
hand out draws where the running script's cursor is when it is *called*, so a component
declared once (say, when a component package is imported) draws into every later run and
`with` block.
"""

from __future__ import annotations

from typing import Any

from fastlit_core.context import current_or_none
from fastlit_core.plugin import cursor
from fastlit_core.registry import default_registry


def _namespace() -> Any:
    """The plugin's `st.components`, drawing at the cursor of each call's running script.
    Found without a running script, so a component package may declare at import time."""
    run = current_or_none()
    registry = run.registry if run is not None else default_registry()
    element = registry.element("components")
    if element is None or not hasattr(element, "function"):
        raise AttributeError("st.components is unavailable: its plugin is not installed")
    return element.function(None).late(cursor)


from . import v1, v2  # noqa: E402  (they import `_namespace` from here)

__all__ = ["v1", "v2"]
