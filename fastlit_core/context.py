"""The per-run context: the tree a script run is building and the rules it runs under."""

from __future__ import annotations

import threading
import time
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from .errors import RerunException, RunTimeoutException, StopException
from .runs import RunGuard
from .tree import MAIN_ID, ROOT_ID, Node, walk

if TYPE_CHECKING:
    from .container import Container
    from .fragments import FragmentInfo
    from .parallel import ParallelFragments
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
        self.forms: dict[str, Node] = {}  # form id -> its block, drawn in this run
        self.forms_submitted_by: set[str] = set()  # forms with a submit button in this run
        self._stacks: dict[int, list[Container]] = {}  # open `with` blocks, per thread
        self._main: Container | None = None
        self.lock = threading.Lock()  # held while the tree changes, so a flush sees it whole
        self.dirty = False
        self.finished = False
        self.started = time.monotonic()
        self.deadline: float | None = None
        self.stop_requested = False
        self.guard = RunGuard()  # the run's threads; lets the watchdog interrupt them (runs.py)
        self.page_scope = ""  # the page running now (st.navigation); part of widget ids
        self._fragment: dict[int, str] = {}  # per thread: the innermost fragment executing
        self.fragment_queue: tuple[str, ...] = ()  # a fragment run: the fragments it reruns
        self.fragment_run: str | None = None  # ... and the one of them executing now
        self.fragments: dict[str, FragmentInfo] = {}  # fragments drawn in this run
        self.fragment_keys: dict[str, str] = {}  # st.fragment(key=) -> the function's name
        self.parallel: ParallelFragments | None = None  # parallel fragments' workers
        self.callback: str | None = None  # the widget whose callback runs now
        self.fragment_widgets: dict[str, set[str]] = {}  # fragment id -> its widget ids
        self.fragment_outside: dict[str, set[str]] = {}  # fragment id -> blocks it filled
        self.fresh_roots: dict[str, str | None] = {}  # root made anew -> fragment that did
        self.error_container: Container | None = None  # where an uncaught exception shows
        self.memo: dict[str, Any] = {}  # per-run facts plugins keep (Container.run_memo)

    @property
    def dev(self) -> bool:
        """Tracebacks and server paths may reach the browser (--dev, client.showErrorDetails)."""
        return self.session.app.config.error_details_shown()

    def main(self) -> Container:
        if self._main is None:
            from .container import Container

            self._main = Container(self, self.nodes[MAIN_ID], root=MAIN_ID)
        return self._main

    @property
    def fragment(self) -> str | None:
        """The innermost fragment executing in the calling thread (a parallel fragment runs
        in a thread of its own), None outside fragments."""
        return self._fragment.get(threading.get_ident())

    @fragment.setter
    def fragment(self, fragment_id: str | None) -> None:
        ident = threading.get_ident()
        if fragment_id is None:
            self._fragment.pop(ident, None)
        else:
            self._fragment[ident] = fragment_id

    def in_callback(self) -> str | None:
        """The widget whose on_change/on_click callback the calling thread is running."""
        return self.callback if threading.get_ident() == self.guard.thread_id else None

    def in_parallel_worker(self) -> bool:
        """Whether the calling thread runs a parallel fragment (parallel.py)."""
        return threading.get_ident() in self.guard.workers

    @property
    def stack(self) -> list[Container]:
        """The `with` blocks open in the calling thread: a thread started with
        st.run_in_thread has its own, so it never moves the script's cursor."""
        ident = threading.get_ident()
        stack = self._stacks.get(ident)
        if stack is None:
            stack = self._stacks[ident] = []
        return stack

    def cursor(self) -> Container:
        """Where a module-level `st.x` call goes: the innermost `with` block, else main."""
        return self.stack[-1] if self.stack else self.main()

    def root_container(
        self, node_id: str, node_type: str, props: dict[str, Any], fresh: bool = False
    ) -> Node:
        """A top-level container beside main (the sidebar, for one), created on first use.
        With `fresh`, an existing one (kept from the last run by a fragment run) is
        replaced by an empty one in its place."""
        with self.lock:
            node = self.nodes.get(node_id)
            if node is not None and not fresh:
                return node
            new = Node(node_id, node_type, props, [])
            if node is None:
                self.root.children.append(new)
            else:
                for old, _ in walk(node):
                    self.nodes.pop(old.id, None)
                siblings = self.root.children
                siblings[siblings.index(node)] = new
            self.nodes[node_id] = new
            self.dirty = True
            return new

    def checkpoint(self) -> None:
        """Called on every st.* call: the points where a run may be interrupted."""
        ident = threading.get_ident()
        if not self.guard.stops(ident):
            return  # a thread from st.run_in_thread: reruns and time limits stop the run only
        if ident in self.guard.workers and self.parallel is not None and self.parallel.stopping:
            raise StopException()  # the script ended: its parallel fragments end too
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
