"""Element replay for cached functions: what one draws on a miss is drawn again on each hit."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from types import FrameType, TracebackType
from typing import TYPE_CHECKING, Any

from .errors import CachedWidgetWarning, StreamlitAPIException

if TYPE_CHECKING:
    from .container import Container
    from .context import RunContext

log = logging.getLogger("fastlit")


@dataclass(frozen=True)
class Root:
    """A top-level container (main, the sidebar), recreated on replay if need be."""

    node_id: str
    type: str
    props: dict[str, Any]


CURSOR = "cursor"  # where a module-level `st.x` would draw when the hit happens
OUTSIDE = "outside"  # a block made outside the function: it may not exist on a hit

Target = int | str | Root
"""Where a draw goes: the container an earlier draw of the recording returned (its index),
CURSOR, OUTSIDE or a Root."""


@dataclass(frozen=True)
class Draw:
    """One `Container.add` call made while a cached function computed."""

    target: Target
    type: str
    props: dict[str, Any]
    options: dict[str, Any]  # add()'s keyword arguments


class Recording:
    """The draws of one cached function call, in order."""

    def __init__(self) -> None:
        self.draws: list[Draw] = []
        self._made: dict[Container, int] = {}  # containers the draws returned -> draw index

    def add(self, where: Container, made: Container, draw: Draw) -> None:
        index = self._made.get(where)
        if index is not None:  # drawn into a container made inside: that one, on replay too
            draw = Draw(index, draw.type, draw.props, draw.options)
        self.draws.append(draw)
        self._made[made] = len(self.draws) - 1


_recordings: ContextVar[tuple[Recording, ...]] = ContextVar("fastlit_recordings", default=())


def in_cached_function() -> bool:
    """Whether a cached function is computing (on a miss) in this context."""
    return bool(_recordings.get())


@contextmanager
def recording() -> Iterator[Recording]:
    """Record what the code in the block draws (an enclosing recording records it too)."""
    rec = Recording()
    token = _recordings.set((*_recordings.get(), rec))
    try:
        yield rec
    finally:
        _recordings.reset(token)


def record(where: Container, made: Container, draw: Draw) -> None:
    """Called by `Container.add` once it added a node: `where` is the container it was
    called on, `made` what it returned, and `draw.target` where `where` is (CURSOR, OUTSIDE
    or a Root) in case no earlier draw of a recording made it."""
    for rec in _recordings.get():
        rec.add(where, made, draw)


def target_of(container: Container) -> Target:
    """Where `container` is, for a draw's recording: CURSOR, a Root or OUTSIDE."""
    run = container._run
    if container is run.cursor():
        return CURSOR
    node = container._node
    if container._mode == "block" and any(c is node for c in run.root.children):
        return Root(node.id, node.type, node.props)
    return OUTSIDE


def warn_cached_widget(run: RunContext) -> None:
    """Streamlit's CachedWidgetWarning, for a widget drawn while a cached function computes:
    logged, and shown where the script is writing (an exception element, so a cache hit
    replays it with the rest)."""
    warning = CachedWidgetWarning().with_traceback(_calling_stack())
    log.warning("%s", warning, stack_info=True)
    cursor = run.cursor()
    if not run.registry.render_exception(cursor, warning):
        cursor.error_box(f"{type(warning).__name__}: {str(warning).strip()}")


def _calling_stack() -> TracebackType | None:
    """The stack as a traceback, for a warning shown but never raised (Streamlit tacks the
    stack onto its warnings too): with --dev, it says where the widget was called."""
    tb: TracebackType | None = None
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        tb = TracebackType(tb, frame, frame.f_lasti, frame.f_lineno)
        frame = frame.f_back
    return tb


def replay(run: RunContext, draws: Sequence[Draw], closure_error: Exception) -> None:
    """Draw the recorded nodes again; raise `closure_error` at a draw on an OUTSIDE block.

    Widgets come back as plain nodes: drawn, not registered, as Streamlit replays them."""
    from .container import Container

    made: list[Container] = []
    for draw in draws:
        target = draw.target
        if isinstance(target, int):
            where = made[target]
        elif isinstance(target, Root):
            node = run.root_container(target.node_id, target.type, target.props)
            where = Container(run, node, root=target.node_id)
        elif target == CURSOR:
            where = run.cursor()
        else:
            raise closure_error
        made.append(where.add(draw.type, draw.props, **draw.options))


class CacheReplayClosureError(StreamlitAPIException):
    """A cached function drew into a block made outside it: a hit cannot replay that."""

    def __init__(self, decorator: str, func_name: str) -> None:
        name = f"`{func_name}()`"
        super().__init__(
            f"While running {name}, a streamlit element is called on some layout block\n"
            "created outside the function. This is incompatible with replaying the cached\n"
            "effect of that element, because the referenced block might not exist when\n"
            "the replay happens.\n\n"
            "How to fix this:\n"
            f"* Move the creation of that layout block inside {name}.\n"
            f"* Move the call to the streamlit element outside of {name}.\n"
            f"* Remove the `@st.{decorator}` decorator from {name}."
        )
