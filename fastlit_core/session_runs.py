"""Before and after a session's run: what it reruns, a fragment run's setup, what it leaves."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from . import fragment_timers
from .container import Container
from .errors import StreamlitAPIException
from .fragment_scope import empty
from .fragments import (
    FragmentHandledException,
    FragmentInfo,
    after_fragment_run,
    enter_fragment,
    family,
    outermost,
)
from .tree import snapshot, walk

if TYPE_CHECKING:
    from .context import RunContext
    from .session import Session

Target = tuple[str, ...]
"""What a rerun runs: the fragments (ids) to run again, in order; () for the whole app."""
APP: Target = ()


def merge_targets(pending: Target | None, target: Target) -> Target:
    """Two rerun requests before the run starts: fragment runs join (each fragment once,
    as Streamlit queues them); the whole app includes them all."""
    if pending is None:
        return target
    if not pending or not target:
        return APP
    return pending + tuple(f for f in target if f not in pending)


def fragments_with_keys(fragments: dict[str, FragmentInfo], keys: Sequence[str]) -> Target:
    """Session.fragments_named (see there), among `fragments`."""
    found: dict[str, None] = {}
    for key in keys:
        ids = [fid for fid, info in fragments.items() if info.key == key]
        if not ids:
            raise StreamlitAPIException(
                f"No fragment found for target '{key}'. Pass the same `key` you set "
                "on `@st.fragment(key=...)`, and make sure that fragment has rendered "
                "at least once."
            )
        found.update(dict.fromkeys(ids))
    return tuple(found)


def fragment_body(session: Session, ctx: RunContext, target: Target) -> Callable[[], Any] | None:
    """Set `ctx` up as a run of the fragments in `target`: the last tree, with their
    blocks and the wrappers they (or fragments nested in them) filled elsewhere emptied.
    Returns what to execute: each fragment in turn (one that raises shows the error
    inside it and the next one runs, as in Streamlit), or None when none of them is
    on display any more."""
    last = session.last_run
    if last is None:
        return None
    with last.lock:
        root = snapshot(last.root)
    nodes = {node.id: node for node, _ in walk(root)}
    ids = [fid for fid in outermost(session.fragments, target) if fid in nodes]
    if not ids:
        return None
    fragments = [session.fragments[fid] for fid in ids]
    members = [session.fragments[f] for fid in ids for f in family(session.fragments, fid)]
    empty(nodes, set(ids).union(*(info.outside for info in members)))
    ctx.root = root
    ctx.nodes = nodes
    ctx.fragment_queue = tuple(ids)
    ctx.fragment_run = ids[0]
    ctx.page_scope = fragments[0].page_scope
    ctx.fragments = dict(session.fragments)
    # Widgets and keys outside the fragments still exist: duplicates are still errors.
    redrawn = set().union(*(info.widgets for info in members))
    for wid, widget in session.state.widgets().items():
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


def after_run(session: Session, ctx: RunContext, targets: list[str], *, completed: bool) -> None:
    """A run that was not interrupted (`completed`: nor cut short by st.stop or an
    exception) ended: its forms without a submit button say so, the widgets it did not
    draw are forgotten (within the fragments it ran, for a fragment run), and the session
    keeps its fragments, with their run_every timers restarted."""
    mark_forms_without_submit_button(ctx)
    if not targets:
        session.state.end_run(forget=completed)
        with session._lock:
            session.fragments = dict(ctx.fragments)
            session.fragment_of = {
                wid: fid for fid, wids in ctx.fragment_widgets.items() for wid in wids
            }
            for info in session.fragments.values():
                info.widgets = ctx.fragment_widgets.get(info.id, set())
                info.outside = ctx.fragment_outside.get(info.id, set())
            for fid in list(session._timers):  # a full run restarts every timer
                session._timers.pop(fid).cancel()
            fragment_timers.schedule(session)
    else:
        scope: set[str] = set()
        for fid in targets:
            scope |= session.fragments[fid].widgets | ctx.fragment_widgets.get(fid, set())
        session.state.end_run(scope=scope, forget=completed)
        with session._lock:
            ran = after_fragment_run(session.fragments, session.fragment_of, ctx, targets)
        for fid in ran:
            fragment_timers.restart(session, fid)


def mark_forms_without_submit_button(run: RunContext) -> None:
    """At the end of a run: each form with no submit button says so, for the browser to warn."""
    with run.lock:
        for form_id, node in run.forms.items():
            if form_id not in run.forms_submitted_by:
                node.props = {**node.props, "missing_submit_button": True}
                run.dirty = True
