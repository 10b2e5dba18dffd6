"""Sending a session's tree to its browser: patches during and after runs, and snapshots."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from . import protocol
from .diff import diff
from .pages import Location
from .tree import merge_stale, snapshot, walk

if TYPE_CHECKING:
    from .context import RunContext
    from .session import Session


def flush(session: Session, ctx: RunContext, final: bool) -> None:
    """Session.flush (see there)."""
    # The run's lock is held throughout, so a late mid-run flush can never follow (and
    # undo) the final one; the session lock keeps client_tree and seq in step.
    with ctx.lock:
        if ctx.finished or (not final and not ctx.dirty):
            return
        ctx.dirty = False
        ctx.finished = final
        with session._lock:
            # client_tree is private to the session (browser values are recorded into
            # it), so it never shares nodes with a run's tree.
            display = snapshot(ctx.root) if final else merge_stale(ctx.root, session.client_tree)
            ops = diff(session.client_tree, display)
            session.client_tree = display
            query = _query_change(session)
            page = _page_location(session.pages.take_change())
            page_config = _page_config_change(session)
            if not ops and not final and query is None and page is None and not page_config:
                return
            session.seq += 1
            batch = protocol.PatchBatch(session.seq, ops, running=not final, query=query, page=page)
            batch.page_config = page_config
            frame = protocol.encode(batch)
            outbox = session.outbox
        if outbox is not None:
            outbox.put(frame)


def flush_background(session: Session) -> None:
    """Session.flush_background (see there)."""
    ctx = session.last_run
    if ctx is None or not ctx.dirty:
        return
    with ctx.lock:
        with session._lock:
            if not ctx.finished or not ctx.dirty or session.running or ctx is not session.last_run:
                return
            ctx.dirty = False
            display = snapshot(ctx.root)
            ops = diff(session.client_tree, display)
            if not ops:
                return
            session.client_tree = display
            session.seq += 1
            frame = protocol.encode(protocol.PatchBatch(session.seq, ops, running=False))
            outbox = session.outbox
        if outbox is not None:
            outbox.put(frame)


def flush_running(session: Session) -> None:
    """Session.flush_running (see there)."""
    ctx = session._current
    if ctx is None:
        if session.threads:
            flush_background(session)
        return
    if not ctx.dirty:
        return
    if time.monotonic() - ctx.started >= session.app.config.flush_interval_seconds:
        flush(session, ctx, final=False)


def snapshot_frame(session: Session) -> bytes:
    """Session.snapshot_frame (see there)."""
    with session._lock:
        # "Running" means a script is executing now, not merely that the run loop has
        # yet to wind down: a snapshot taken just after the final patch must say idle,
        # or the client (which drops that older patch) would show "Running..." forever.
        # A run requested but not started yet (say, queued for a worker) is running too:
        # its final patch comes after this snapshot.
        executing = (session._current is not None and not session._current.finished) or (
            session.running and (session.rerun_requested or session._starting)
        )
        query = session.query_params.to_query_string()
        page = _page_location(session.pages.location())
        tree = protocol.TreeSnapshot(
            session.seq, session.client_tree, running=executing, query=query, page=page
        )
        if session.page_config != protocol.PageConfig():
            tree.page_config = session.page_config
        return protocol.encode(tree)


def record_browser_values(session: Session, values: dict[str, Any]) -> None:
    """The browser already shows the values its user entered: note them in client_tree,
    so a run that sets a widget back (say, to "" from a callback) sends that change."""
    for node, _ in walk(session.client_tree):
        info = session.state.widget(node.id) if node.id in values else None
        if info is not None and "value" in node.props:
            node.props = {**node.props, "value": info.serialize(values[node.id])}


def _page_config_change(session: Session) -> protocol.PageConfig | None:
    if not session.page_config_changed:
        return None
    session.page_config_changed = False
    return session.page_config


def _query_change(session: Session) -> str | None:
    if not session.query_params.changed:
        return None
    session.query_params.changed = False
    return session.query_params.to_query_string()


def _page_location(location: Location | None) -> protocol.PageLocation | None:
    if location is None:
        return None
    return protocol.PageLocation(location.path, location.title, replace=location.replace)
