"""A browser session: its state, the tree its client has, and one script run at a time."""

from __future__ import annotations

import asyncio
import logging
import secrets
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from . import protocol
from .client_context import ClientContext
from .container import Container, mark_forms_without_submit_button
from .context import RunContext
from .diff import diff
from .errors import StreamlitAPIException
from .fragment_scope import empty
from .fragments import (
    FragmentHandledException,
    FragmentInfo,
    after_fragment_run,
    covering,
    enter_fragment,
    family,
    outermost,
)
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
        self._starting = False  # the run loop took a request and is setting its run up
        self.threads = 0  # live st.run_in_thread threads: the flusher keeps sending their work
        # Fragments (st.fragment) drawn in the runs on display, and which widget is whose.
        self.fragments: dict[str, FragmentInfo] = {}
        self.fragment_of: dict[str, str] = {}  # widget id -> fragment id
        self._target: Target | None = None  # what the requested rerun runs
        self._replay_triggers = False  # ... with the triggers of the run it replaces
        self._due: list[str] = []  # fragments whose run_every timer fired, not run yet
        self._timers: dict[str, threading.Timer] = {}

    # --- requests from the browser (event loop) ------------------------------------------

    def validate_changes(self, values: dict[str, Any]) -> dict[str, Any]:
        """Browser values converted to Python values; raises WidgetValueError."""
        return {wid: self.state.validate_wire(wid, wire) for wid, wire in values.items()}

    def rerun_from_script(self, target: Target = (), *, replay_triggers: bool = False) -> None:
        """st.rerun(): the run loop starts the script (or only the fragments in `target`)
        again once this run unwinds; with `replay_triggers`, the buttons clicked for this
        run still read True in that one (a callback's st.rerun(scope=...), as Streamlit)."""
        with self._lock:
            self.rerun_requested = True
            self._target = _merge(self._target, target)
            self._replay_triggers = self._replay_triggers or replay_triggers

    def fragments_named(self, keys: Sequence[str]) -> Target:
        """The fragments on display drawn with these `st.fragment(key=)` names: every place
        each one was called, in the order they were drawn (Streamlit's errors otherwise)."""
        with self._lock:
            found: dict[str, None] = {}
            for key in keys:
                ids = [fid for fid, info in self.fragments.items() if info.key == key]
                if not ids:
                    raise StreamlitAPIException(
                        f"No fragment found for target '{key}'. Pass the same `key` you set "
                        "on `@st.fragment(key=...)`, and make sure that fragment has rendered "
                        "at least once."
                    )
                found.update(dict.fromkeys(ids))
            return tuple(found)

    def request_rerun(self, values: dict[str, Any] | None = None, *, full: bool = False) -> None:
        """Queue values and a rerun; a run in progress stops at its next st.* call.
        Values of one fragment's widgets only rerun that fragment, unless `full`."""
        with self._lock:
            if values:
                self._pending.update(values)
                self._record_browser_values(values)
            owners = {self.fragment_of.get(wid) for wid in values or ()}
            owner = None if full else covering(self.fragments, owners)
            self._target = _merge(self._target, APP if owner is None else (owner,))
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
                    replay, self._replay_triggers = self._replay_triggers, False
                    target: Target
                    if self.rerun_requested or not self._due:
                        target, self._target = self._target or APP, None
                    else:
                        target = (self._due.pop(0),)
                    self.rerun_requested = False
                    self._starting = True  # taken, not executing yet: still "running"
                    if self.last_run is None:
                        target = APP
                    # Fragments not on display any more are skipped; if none is left, the
                    # whole script runs.
                    target = tuple(f for f in target if f in self.fragments)
                outcome = self._run_once(changes, target, replay_triggers=replay)
                if outcome == "rerun":  # interrupted: what it was doing still has to be done
                    with self._lock:
                        pending = self._target
                        self._target = target if pending is None else _merge(target, pending)
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
                self._starting = False
                self.running = False
                self._run_done.set()

    def _run_once(
        self, changes: dict[str, Any], target: Target = (), *, replay_triggers: bool = False
    ) -> str:
        self.run_count += 1
        ctx = RunContext(self, self.app.registry, self.run_count)
        if self.app.config.run_timeout_seconds:
            ctx.deadline = ctx.started + self.app.config.run_timeout_seconds
        body = self._fragment_body(ctx, target) if target else None
        targets = list(ctx.fragment_queue)  # empty: a full run
        with self._lock:
            self._current = ctx
            self._starting = False
        self.state.begin_run(keep_triggers=replay_triggers)
        if not targets and self.pages.take_forget_widgets():
            self.state.end_run()  # st.switch_page to another page: as if nothing was drawn
        callbacks = self.state.apply_changes(changes)
        self.app.pool.track(ctx, f"session {self.id} run {ctx.run_number}")
        try:
            outcome = execute(ctx, self.app.script, callbacks, body)
        finally:
            self.app.pool.untrack(ctx)
        self._current = None
        if outcome in ("rerun", "redirected"):
            with ctx.lock:
                ctx.finished = True  # abandoned: the next run takes over its display
        else:
            mark_forms_without_submit_button(ctx)
            completed = outcome == "completed"  # not cut short by st.stop or an exception
            if not targets:
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
                scope: set[str] = set()
                for fid in targets:
                    scope |= self.fragments[fid].widgets | ctx.fragment_widgets.get(fid, set())
                self.state.end_run(scope=scope, forget=completed)
                with self._lock:
                    ran = after_fragment_run(self.fragments, self.fragment_of, ctx, targets)
                for fid in ran:
                    self._restart_timer(fid)
            self.last_run = ctx
            self.flush(ctx, final=True)
        return outcome

    def _fragment_body(self, ctx: RunContext, target: Target) -> Callable[[], Any] | None:
        """Set `ctx` up as a run of the fragments in `target`: the last tree, with their
        blocks and the wrappers they (or fragments nested in them) filled elsewhere emptied.
        Returns what to execute: each fragment in turn (one that raises shows the error
        inside it and the next one runs, as in Streamlit), or None when none of them is
        on display any more."""
        last = self.last_run
        if last is None:
            return None
        with last.lock:
            root = snapshot(last.root)
        nodes = {node.id: node for node, _ in walk(root)}
        ids = [fid for fid in outermost(self.fragments, target) if fid in nodes]
        if not ids:
            return None
        fragments = [self.fragments[fid] for fid in ids]
        members = [self.fragments[f] for fid in ids for f in family(self.fragments, fid)]
        empty(nodes, set(ids).union(*(info.outside for info in members)))
        ctx.root = root
        ctx.nodes = nodes
        ctx.fragment_queue = tuple(ids)
        ctx.fragment_run = ids[0]
        ctx.page_scope = fragments[0].page_scope
        ctx.fragments = dict(self.fragments)
        # Widgets and keys outside the fragments still exist: duplicates are still errors.
        redrawn = set().union(*(info.widgets for info in members))
        for wid, widget in self.state.widgets().items():
            if wid not in redrawn:
                ctx.widget_ids.add(wid)
                if widget.key is not None:
                    ctx.keys.add(widget.key)
        places = [
            Container(ctx, nodes[info.id], root=info.root, form=info.form, scope=info.id)
            for info in fragments
        ]
        ctx.error_container = places[0]

        def body() -> None:
            for info, place in zip(fragments, places, strict=True):
                ctx.fragment_run = info.id
                ctx.page_scope = info.page_scope
                ctx.error_container = place
                try:
                    enter_fragment(ctx, info, place)
                except FragmentHandledException:
                    continue

        return body

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
                self.running and (self.rerun_requested or self._starting)
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


Target = tuple[str, ...]
"""What a rerun runs: the fragments (ids) to run again, in order; () for the whole app."""
APP: Target = ()


def _merge(pending: Target | None, target: Target) -> Target:
    """Two rerun requests before the run starts: fragment runs join (each fragment once,
    as Streamlit queues them); the whole app includes them all."""
    if pending is None:
        return target
    if not pending or not target:
        return APP
    return pending + tuple(f for f in target if f not in pending)


def _page_location(location: Location | None) -> protocol.PageLocation | None:
    if location is None:
        return None
    return protocol.PageLocation(location.path, location.title, replace=location.replace)


__all__ = ["Session", "WidgetValueError"]
