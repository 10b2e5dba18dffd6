"""The per-run context: the tree a script run is building and the rules it runs under."""

from __future__ import annotations

import threading
import time
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from .errors import RerunException, RunTimeoutException, StopException
from .tree import MAIN_ID, ROOT_ID, Node

if TYPE_CHECKING:
    from .container import Container
    from .registry import Registry
    from .session import Session

_current: ContextVar[RunContext | None] = ContextVar("fastlit_run", default=None)


class NoRunContext(RuntimeError):
    """An st.* command was called outside a script run."""


class RunContext:
    """Everything one execution of the script needs; created per run, dropped after it."""

    def __init__(self, session: Session, registry: Registry, run_number: int) -> None:
        self.session = session
        self.registry = registry
        self.run_number = run_number
        self.root = Node(ROOT_ID, "root", {}, [Node(MAIN_ID, "main", {}, [])])
        self.nodes: dict[str, Node] = {ROOT_ID: self.root, MAIN_ID: self.root.children[0]}
        self.ordinals: dict[tuple[str, str], int] = {}
        self.widget_ids: set[str] = set()
        self.keys: set[str] = set()
        self.stack: list[Container] = []
        self._main: Container | None = None
        self.lock = threading.Lock()  # held while the tree changes, so a flush sees it whole
        self.dirty = False
        self.finished = False
        self.started = time.monotonic()
        self.deadline: float | None = None
        self.stop_requested = False

    @property
    def dev(self) -> bool:
        return self.session.app.config.dev

    def main(self) -> Container:
        if self._main is None:
            from .container import Container

            self._main = Container(self, self.nodes[MAIN_ID], root=MAIN_ID)
        return self._main

    def cursor(self) -> Container:
        """Where a module-level `st.x` call goes: the innermost `with` block, else main."""
        return self.stack[-1] if self.stack else self.main()

    def root_container(self, node_id: str, node_type: str, props: dict[str, Any]) -> Node:
        """A top-level container beside main (the sidebar, for one), created on first use."""
        with self.lock:
            node = self.nodes.get(node_id)
            if node is None:
                node = Node(node_id, node_type, props, [])
                self.root.children.append(node)
                self.nodes[node_id] = node
                self.dirty = True
            return node

    def checkpoint(self) -> None:
        """Called on every st.* call: the points where a run may be interrupted."""
        if self.session.rerun_requested:
            raise RerunException()
        if self.stop_requested:
            raise StopException()
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise RunTimeoutException()


def current() -> RunContext:
    ctx = _current.get()
    if ctx is None:
        raise NoRunContext(
            "This st.* command needs a running script: run the app with `fastlit run`, "
            "or test it with fastlit.testing.v1.AppTest."
        )
    return ctx


def current_or_none() -> RunContext | None:
    return _current.get()


def activate(ctx: RunContext | None) -> Any:
    return _current.set(ctx)


def deactivate(token: Any) -> None:
    _current.reset(token)
