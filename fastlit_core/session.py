"""A browser session: its state, the tree its client has, and one script run at a time."""

from __future__ import annotations

import asyncio
import logging
import secrets
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import protocol
from .client_context import ClientContext
from .container import Container, mark_forms_without_submit_button
from .context import RunContext
from .diff import diff
from .fragment_scope import empty
from .fragments import FragmentInfo, after_fragment_run, covering, enter_fragment, family
from .outbox import Outbox
from .pages import Location, PageState
from .query_params import QueryParams
from .runner import execute
from .state import SessionState, WidgetValueError
from .tree import Node, empty_page, merge_stale, snapshot, walk

if TYPE_CHECKING:
    from .app import App

log = logging.getLogger("fastlit.session")


class Session:
    """State that survives reruns and reconnects; runs are serialized by `running`."""

    def __init__(self, app: App, session_id: str | None = None) -> None:
        self.app = app
        self.id = session_id or secrets.token_urlsafe(16)
        self.state = SessionState()
        self.query_params = QueryParams()
        self.pages = PageState()  # the page the browser asked for and the one shown
        self.page_config = protocol.PageConfig()  # what st.set_page_config set so far
        self.page_config_changed = False  # ... and not yet sent (set under a run's lock)
        self.client = ClientContext()
        self.client_tree: Node = empty_page()  # what the browser has, as of `seq`
        self.seq = 0
        self.outbox: Outbox | None = None
        self.running = False
        self.rerun_requested = False
        self.run_count = 0
        self.last_run: RunContext | None = None
        self.expiry: asyncio.TimerHandle | None = None
        self._pending: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._run_done = threading.Event()
        self._run_done.set()
        self._current: RunContext | None = None
        self.threads = 0  # live st.run_in_thread threads: the flusher keeps sending their work
        # Fragments (st.fragment) drawn in the runs on display, and which widget is whose.
        self.fragments: dict[str, FragmentInfo] = {}
        self.fragment_of: dict[str, str] = {}  # widget id -> fragment id
        self._target: str | None = None  # what the requested rerun runs: APP or a fragment id
        self._due: list[str] = []  # fragments whose run_every timer fired, not run yet
        self._timers: dict[str, threading.Timer] = {}

    # --- requests from the browser (event loop) ------------------------------------------

    def validate_changes(self, values: dict[str, Any]) -> dict[str, Any]:
        """Browser values converted to Python values; raises WidgetValueError."""
        return {wid: self.state.validate_wire(wid, wire) for wid, wire in values.items()}

    def rerun_from_script(self, fragment: str | None = None) -> None:
        """st.rerun(): the run loop starts the script (or only `fragment`) again once this
        run unwinds."""
        with self._lock:
            self.rerun_requested = True
            self._target = _merge(self._target, fragment or APP)

    def request_rerun(self, values: dict[str, Any] | None = None, *, full: bool = False) -> None:
        """Queue values and a rerun; a run in progress stops at its next st.* call.
        Values of one fragment's widgets only rerun that fragment, unless `full`."""
        with self._lock:
            if values:
                self._pending.update(values)
                self._record_browser_values(values)
            owners = {self.fragment_of.get(wid) for wid in values or ()}
            owner = None if full else covering(self.fragments, owners)
            self._target = _merge(self._target, owner or APP)
            self.rerun_requested = True
            start = not self.running
            if start:
                self.running = True
                self._run_done.clear()
        if start:
            # A first render is admitted even when stuck runs fill the pool (runs.py).
            self.app.submit_run(self._run_loop, first=self.last_run is None)
            self.app.runs_started()

    def request_fragment_run(self, fragment: str) -> None:
        """A run_every timer fired: run the fragment once no other run is in progress
        (it never interrupts one)."""
        with self._lock:
            self._timers.pop(fragment, None)
            if fragment not in self.fragments or self.outbox is None:
                return
            if fragment not in self._due:
                self._due.append(fragment)
            start = not self.running
            if start:
                self.running = True
                self._run_done.clear()
        if start:
            self.app.submit_run(self._run_loop)
            self.app.runs_started()

    def _schedule_timers(self) -> None:
        """(Re)arm run_every timers for the fragments on display; drop the others (lock held)."""
        for fid in list(self._timers):
            if fid not in self.fragments or self.outbox is None:
                self._timers.pop(fid).cancel()
        if self.outbox is None:
            return
        for fid, info in self.fragments.items():
            if info.run_every is not None and fid not in self._timers and fid not in self._due:
                timer = threading.Timer(info.run_every, self.request_fragment_run, (fid,))
                timer.daemon = True
                self._timers[fid] = timer
                timer.start()

    def _restart_timer(self, fragment: str) -> None:
        with self._lock:
            old = self._timers.pop(fragment, None)
            if old is not None:
                old.cancel()
            self._schedule_timers()

    def _record_browser_values(self, values: dict[str, Any]) -> None:
        """The browser already shows the values its user entered: note them in client_tree,
        so a run that sets a widget back (say, to "" from a callback) sends that change."""
        for node, _ in walk(self.client_tree):
            info = self.state.widget(node.id) if node.id in values else None
            if info is not None and "value" in node.props:
                node.props = {**node.props, "value": info.serialize(values[node.id])}

    def wait_idle(self, timeout: float | None = None) -> bool:
        return self._run_done.wait(timeout)

    # --- the run loop (a worker thread) --------------------------------------------------

    def _run_loop(self) -> None:
        try:
            while True:
                with self._lock:
                    changes, self._pending = self._pending, {}
                    if self.rerun_requested or not self._due:
                        target, self._target = self._target or APP, None
                    else:
                        target = self._due.pop(0)
                    self.rerun_requested = False
                    if target != APP and (target not in self.fragments or self.last_run is None):
                        target = APP  # not on display any more: the whole script runs
                if self._run_once(changes, target) == "rerun":
                    with self._lock:
                        self._target = _merge(self._target, target)
                with self._lock:
                    done = not self.rerun_requested and not self._due
                    if done:
                        self.running = False
                        self._run_done.set()
                if done:
                    self.flush_background()  # what an st.run_in_thread thread added meanwhile
                    return
        except BaseException:
            log.exception("session %s: run loop failed", self.id)
            with self._lock:
                self.running = False
                self._run_done.set()

    def _run_once(self, changes: dict[str, Any], target: str = "") -> str:
        fragment = self.fragments.get(target) if target and target != APP else None
        self.run_count += 1
        ctx = RunContext(self, self.app.registry, self.run_count)
        if self.app.config.run_timeout_seconds:
            ctx.deadline = ctx.started + self.app.config.run_timeout_seconds
        body = self._fragment_body(ctx, fragment) if fragment is not None else None
        if body is None:
            fragment = None
        self._current = ctx
        self.state.begin_run()
        if fragment is None and self.pages.take_forget_widgets():
            self.state.end_run()  # st.switch_page to another page: as if nothing was drawn
        callbacks = self.state.apply_changes(changes)
        self.app.pool.track(ctx, f"session {self.id} run {ctx.run_number}")
        try:
            outcome = execute(ctx, self.app.script, callbacks, body)
        finally:
            self.app.pool.untrack(ctx)
        self._current = None
        if outcome == "rerun":
            with ctx.lock:
                ctx.finished = True  # abandoned: the next run takes over its display
        else:
            mark_forms_without_submit_button(ctx)
            completed = outcome == "completed"  # not cut short by st.stop or an exception
            if fragment is None:
                self.state.end_run(forget=completed)
                with self._lock:
                    self.fragments = dict(ctx.fragments)
                    self.fragment_of = {
                        wid: fid for fid, wids in ctx.fragment_widgets.items() for wid in wids
                    }
                    for info in self.fragments.values():
                        info.widgets = ctx.fragment_widgets.get(info.id, set())
                        info.outside = ctx.fragment_outside.get(info.id, set())
                    for fid in list(self._timers):  # a full run restarts every timer
                        self._timers.pop(fid).cancel()
                    self._schedule_timers()
            else:
                drawn = ctx.fragment_widgets.get(fragment.id, set())
                self.state.end_run(scope=fragment.widgets | drawn, forget=completed)
                with self._lock:
                    ran = after_fragment_run(self.fragments, self.fragment_of, ctx, fragment.id)
                for fid in ran:
                    self._restart_timer(fid)
            self.last_run = ctx
            self.flush(ctx, final=True)
        return outcome

    def _fragment_body(self, ctx: RunContext, fragment: FragmentInfo) -> Callable[[], Any] | None:
        """Set `ctx` up as a fragment run: the last tree, with the fragment's block and the
        wrappers it (or a fragment nested in it) filled elsewhere emptied.
        Returns what to execute, or None when the fragment is not on display any more."""
        last = self.last_run
        if last is None:
            return None
        with last.lock:
            root = snapshot(last.root)
        nodes = {node.id: node for node, _ in walk(root)}
        block = nodes.get(fragment.id)
        if block is None:
            return None
        members = [self.fragments[f] for f in family(self.fragments, fragment.id)]
        empty(nodes, {fragment.id}.union(*(info.outside for info in members)))
        ctx.root = root
        ctx.nodes = nodes
        ctx.fragment_run = fragment.id
        ctx.page_scope = fragment.page_scope
        ctx.fragments = dict(self.fragments)
        # Widgets and keys outside the fragment still exist: duplicates are still errors.
        redrawn = set().union(*(info.widgets for info in members))
        for wid, info in self.state.widgets().items():
            if wid not in redrawn:
                ctx.widget_ids.add(wid)
                if info.key is not None:
                    ctx.keys.add(info.key)
        container = Container(ctx, block, root=fragment.root, form=fragment.form, scope=fragment.id)
        ctx.error_container = container
        return lambda: enter_fragment(ctx, fragment, container)

    # --- sending the tree ----------------------------------------------------------------

    def flush(self, ctx: RunContext, final: bool) -> None:
        """Send what changed since the client's tree; mid-run, stale nodes stay in place."""
        # The run's lock is held throughout, so a late mid-run flush can never follow (and
        # undo) the final one; the session lock keeps client_tree and seq in step.
        with ctx.lock:
            if ctx.finished or (not final and not ctx.dirty):
                return
            ctx.dirty = False
            ctx.finished = final
            with self._lock:
                # client_tree is private to the session (browser values are recorded into
                # it), so it never shares nodes with a run's tree.
                display = snapshot(ctx.root) if final else merge_stale(ctx.root, self.client_tree)
                ops = diff(self.client_tree, display)
                self.client_tree = display
                query = self._query_change()
                page = _page_location(self.pages.take_change())
                page_config = self._page_config_change()
                if not ops and not final and query is None and page is None and not page_config:
                    return
                self.seq += 1
                batch = protocol.PatchBatch(
                    self.seq, ops, running=not final, query=query, page=page
                )
                batch.page_config = page_config
                frame = protocol.encode(batch)
                outbox = self.outbox
            if outbox is not None:
                outbox.put(frame)

    def flush_background(self) -> None:
        """Send what st.run_in_thread threads added to the run on display after it ended.

        Only while no run is in progress: a newer run replaces the display anyway (and its
        own flushes carry what threads add to it while it runs).
        """
        ctx = self.last_run
        if ctx is None or not ctx.dirty:
            return
        with ctx.lock:
            with self._lock:
                if not ctx.finished or not ctx.dirty or self.running or ctx is not self.last_run:
                    return
                ctx.dirty = False
                display = snapshot(ctx.root)
                ops = diff(self.client_tree, display)
                if not ops:
                    return
                self.client_tree = display
                self.seq += 1
                frame = protocol.encode(protocol.PatchBatch(self.seq, ops, running=False))
                outbox = self.outbox
            if outbox is not None:
                outbox.put(frame)

    def _page_config_change(self) -> protocol.PageConfig | None:
        if not self.page_config_changed:
            return None
        self.page_config_changed = False
        return self.page_config

    def _query_change(self) -> str | None:
        if not self.query_params.changed:
            return None
        self.query_params.changed = False
        return self.query_params.to_query_string()

    def flush_running(self) -> None:
        """Called periodically while a run is in progress (from a helper thread).

        A run younger than one flush interval is left alone: a fast run then costs exactly
        one frame, its final patch.
        """
        ctx = self._current
        if ctx is None:
            if self.threads:
                self.flush_background()
            return
        if not ctx.dirty:
            return
        if time.monotonic() - ctx.started >= self.app.config.flush_interval_seconds:
            self.flush(ctx, final=False)

    def snapshot_frame(self) -> bytes:
        with self._lock:
            # "Running" means a script is executing now, not merely that the run loop has
            # yet to wind down: a snapshot taken just after the final patch must say idle,
            # or the client (which drops that older patch) would show "Running..." forever.
            # A run requested but not started yet (say, queued for a worker) is running too:
            # its final patch comes after this snapshot.
            executing = (self._current is not None and not self._current.finished) or (
                self.running and self.rerun_requested
            )
            query = self.query_params.to_query_string()
            page = _page_location(self.pages.location())
            tree = protocol.TreeSnapshot(
                self.seq, self.client_tree, running=executing, query=query, page=page
            )
            if self.page_config != protocol.PageConfig():
                tree.page_config = self.page_config
            return protocol.encode(tree)

    # --- sockets -------------------------------------------------------------------------

    def attach(self, outbox: Outbox) -> None:
        if self.expiry is not None:
            self.expiry.cancel()
            self.expiry = None
        if self.outbox is not None:
            self.outbox.close()
        self.outbox = outbox
        with self._lock:
            self._schedule_timers()

    def detach(self, outbox: Outbox) -> None:
        if self.outbox is outbox:
            self.outbox = None
            with self._lock:
                self._schedule_timers()  # no client: run_every timers stop
        outbox.close()


APP = "app"  # a rerun target: the whole script (otherwise a fragment id)


def _merge(pending: str | None, target: str) -> str:
    """Two rerun requests before the run starts: one fragment stays a fragment run."""
    return target if pending is None or pending == target else APP


def _page_location(location: Location | None) -> protocol.PageLocation | None:
    if location is None:
        return None
    return protocol.PageLocation(location.path, location.title, replace=location.replace)


__all__ = ["Session", "WidgetValueError"]
