"""A browser session: its state, the tree its client has, and one script run at a time."""

from __future__ import annotations

import asyncio
import logging
import secrets
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import flushing, fragment_timers, protocol
from .client_context import ClientContext
from .context import RunContext
from .fragments import FragmentInfo, covering
from .outbox import Outbox
from .pages import PageState
from .query_params import QueryParams
from .runner import execute
from .session_runs import APP, Target, after_run, fragment_body, fragments_with_keys, merge_targets
from .state import SessionState, WidgetValueError
from .tree import Node, empty_page

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
            self._target = merge_targets(self._target, target)
            self._replay_triggers = self._replay_triggers or replay_triggers

    def fragments_named(self, keys: Sequence[str]) -> Target:
        """The fragments on display drawn with these `st.fragment(key=)` names: every place
        each one was called, in the order they were drawn (Streamlit's errors otherwise)."""
        with self._lock:
            return fragments_with_keys(self.fragments, keys)

    def request_rerun(self, values: dict[str, Any] | None = None, *, full: bool = False) -> None:
        """Queue values and a rerun; a run in progress stops at its next st.* call.
        Values of one fragment's widgets only rerun that fragment, unless `full`."""
        with self._lock:
            if values:
                self._pending.update(values)
                flushing.record_browser_values(self, values)
            owners = {self.fragment_of.get(wid) for wid in values or ()}
            owner = None if full else covering(self.fragments, owners)
            self._target = merge_targets(self._target, APP if owner is None else (owner,))
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
                        self._target = target if pending is None else merge_targets(target, pending)
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
        body = fragment_body(self, ctx, target) if target else None
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
            after_run(self, ctx, targets, completed=outcome == "completed")
            self.last_run = ctx
            self.flush(ctx, final=True)
        return outcome

    # --- sending the tree (flushing.py) -------------------------------------------------

    def flush(self, ctx: RunContext, final: bool) -> None:
        """Send what changed since the client's tree; mid-run, stale nodes stay in place."""
        flushing.flush(self, ctx, final)

    def flush_background(self) -> None:
        """Send what st.run_in_thread threads added to the run on display after it ended.

        Only while no run is in progress: a newer run replaces the display anyway (and its
        own flushes carry what threads add to it while it runs).
        """
        flushing.flush_background(self)

    def flush_running(self) -> None:
        """Called periodically while a run is in progress (from a helper thread).

        A run younger than one flush interval is left alone: a fast run then costs exactly
        one frame, its final patch.
        """
        flushing.flush_running(self)

    def snapshot_frame(self) -> bytes:
        """The client's whole tree as one frame, for a browser that connects or resyncs."""
        return flushing.snapshot_frame(self)

    # --- sockets -------------------------------------------------------------------------

    def attach(self, outbox: Outbox) -> None:
        if self.expiry is not None:
            self.expiry.cancel()
            self.expiry = None
        if self.outbox is not None:
            self.outbox.close()
        self.outbox = outbox
        with self._lock:
            fragment_timers.schedule(self)

    def detach(self, outbox: Outbox) -> None:
        if self.outbox is outbox:
            self.outbox = None
            with self._lock:
                fragment_timers.schedule(self)  # no client: run_every timers stop
        outbox.close()


__all__ = ["Session", "WidgetValueError"]
