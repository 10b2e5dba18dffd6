"""st.* dispatch: `st.<name>` and `container.<name>` resolved to an element's command."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .registry import BrokenElement

if TYPE_CHECKING:
    from .container import Container


def bind(element: Any, name: str, container: Container) -> Any:
    """Resolve `container.<name>` to a callable (or value) for one st.* name."""
    if element is None:
        message = container._run.registry.missing_message(name)  # disabled or uninstalled
        raise AttributeError(
            message or f"Fastlit has no element `st.{name}`; no installed plugin provides it"
        )
    if isinstance(element, BrokenElement):

        def broken(*args: Any, **kwargs: Any) -> None:
            container.error_box(
                f"st.{name} is unavailable: its plugin {element.plugin} failed ({element.reason})"
            )

        return broken
    if element.attribute:
        return element.function(container)

    def command(*args: Any, **kwargs: Any) -> Any:
        return element.function(container, *args, **kwargs)

    command.__name__ = name
    command.__doc__ = element.function.__doc__
    return command
