"""st.balloons: a short celebratory animation that replays on every run that calls it."""

from __future__ import annotations

from fastlit_core.plugin import Component, Container, Element, ElementPlugin

from .. import STATIC


def balloons(container: Container) -> Container:
    """Draw celebratory balloons (st.balloons)."""
    # The run number changes the props on every run that calls st.balloons, so the
    # browser replays the animation even when the node itself is unchanged.
    return container.add("balloons", {"nonce": container.run_number})


plugin = ElementPlugin(
    elements=[Element("balloons", balloons)],
    components=[Component("balloons", STATIC, "balloons.js")],
)
