"""st.fragment: a function whose widgets rerun only that function (a fragment run).

A fragment called inside another is a fragment of its own (its `parent` is the outer one):
its widgets rerun only it, and a run of the outer one runs it again too, as in Streamlit.
A `key` names a fragment for st.rerun(scope=key) from a widget callback: every place its
function was called reruns. `parallel=True` runs it on a worker thread in full runs
(parallel.py).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from .context import current, current_or_none
from .errors import StreamlitAPIException, StreamlitValueError, duplicate_element_key
from .parallel import parallel_fragments

if TYPE_CHECKING:
    from .container import Container
    from .context import RunContext

log = logging.getLogger("fastlit.fragments")

FRAGMENT_NODE = "flex_container"  # drawn as a plain vertical container


@dataclass
class FragmentInfo:
    """What a session remembers of a fragment drawn in the last run."""

    id: str
    function: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    root: str  # the container root it was drawn in (part of widget ids)
    form: str | None
    page_scope: str
    run_every: float | None = None
    parent: str | None = None  # the fragment it was drawn in, when nested
    widgets: set[str] = field(default_factory=set)  # its own, not those of nested fragments
    outside: set[str] = field(default_factory=set)  # wrappers it fills (fragment_scope.py)
    key: str | None = None  # st.fragment(key=): the name st.rerun(scope=) targets it by


class FragmentHandledException(Exception):  # noqa: N818 - Streamlit's name
    """An exception from a fragment's function, already shown inside the fragment. It ends
    the run (an enclosing fragment shows it once more on the way), as in Streamlit; a
    `try/except Exception` around the fragment call catches it."""


def parse_interval(value: float | int | timedelta | str | None) -> float | None:
    """run_every as seconds: a number, a timedelta or a string like "2s" / "1m" / "500ms"."""
    if value is None:
        return None
    if isinstance(value, timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    elif isinstance(value, str):
        seconds = _parse_duration(value)
    else:
        raise StreamlitAPIException(f"run_every must be a number, timedelta or str; got {value!r}")
    if seconds <= 0:
        raise StreamlitAPIException(f"run_every must be positive; got {value!r}")
    return seconds


_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, "w": 604800.0}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?", re.IGNORECASE)


def _parse_duration(text: str) -> float:
    text = text.strip()
    total = 0.0
    pos = 0
    for match in _DURATION.finditer(text):
        if text[pos : match.start()].strip():
            break
        total += float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()]
        pos = match.end()
    if pos == 0 or text[pos:].strip():
        raise StreamlitAPIException(f"Cannot parse the duration {text!r} (try '2s' or '1m').")
    return total


RESERVED_KEYS = ("app", "fragment")  # st.rerun(scope=) reads these as rerun levels


def fragment_key(key: str | int | None) -> str | None:
    """st.fragment's `key` as a str, checked as Streamlit checks it."""
    if key is None:
        return None
    name = str(key)
    if name == "":
        raise StreamlitValueError("key", ["a non-empty string"])
    if name.startswith("$$ID"):
        raise StreamlitAPIException("Keys beginning with $$ID are reserved.")
    if name in RESERVED_KEYS:
        raise StreamlitAPIException(
            f"`{name}` is a reserved name and cannot be used as a fragment key, because "
            "`st.rerun(scope=...)` reads it as a rerun level. Choose a different key for "
            "`@st.fragment(key=...)`."
        )
    return name


def _run_fragment(
    function: Callable[..., Any],
    run_every: float | None,
    key: str | None,
    parallel: bool,
    args: Any,
    kwargs: Any,
) -> Any:
    ctx = current_or_none()
    if ctx is None:
        return function(*args, **kwargs)  # no run: a plain call
    if key is not None:
        # One function per key in a run; the same function may be called in several places.
        name = f"{function.__module__}.{getattr(function, '__qualname__', repr(function))}"
        with ctx.lock:
            if ctx.fragment_keys.setdefault(key, name) != name:
                raise duplicate_element_key(key)
    container = ctx.cursor()
    block = container.add(FRAGMENT_NODE, {}, block=True)
    info = FragmentInfo(
        id=block.id,
        function=function,
        args=tuple(args),
        kwargs=dict(kwargs),
        root=block._root,
        form=block.form_id,
        page_scope=ctx.page_scope,
        run_every=run_every,
        parent=ctx.fragment,
        key=key,
    )
    ctx.fragments[info.id] = info
    if parallel and not ctx.fragment_queue:  # a full run: on a worker; fragment runs: here

        def run_in_worker() -> None:
            try:
                enter_fragment(ctx, info, block)
            except FragmentHandledException:
                pass  # shown inside it; unlike a sequential fragment's, the script goes on

        if parallel_fragments(ctx).submit(run_in_worker):
            return None  # as Streamlit: its return value is not waited for
    return enter_fragment(ctx, info, block)


def enter_fragment(ctx: RunContext, info: FragmentInfo, block: Container) -> Any:
    """Run the fragment's function with its block as the cursor and its widgets tracked.
    An exception it raises shows at the end of its block and ends the run, as Streamlit's
    FragmentHandledException does."""
    outer = ctx.fragment
    ctx.fragment = info.id
    ctx.fragment_widgets.setdefault(info.id, set())  # its keys: the fragments this run ran
    block._scope = info.id  # the block is the fragment's own place (fragment_scope.py)
    block.__enter__()
    try:
        return info.function(*info.args, **info.kwargs)
    except Exception as exc:  # noqa: BLE001 - user code may raise anything
        log.info("fragment raised %s: %s", type(exc).__name__, exc)
        if not ctx.registry.render_exception(block, exc):
            block.error_box(f"{type(exc).__name__}: {exc}")
        raise FragmentHandledException(exc) from exc
    finally:
        block.__exit__(None, None, None)
        ctx.fragment = outer


def fragment(
    func: Callable[..., Any] | None = None,
    *,
    run_every: float | int | timedelta | str | None = None,
    parallel: bool = False,
    key: str | int | None = None,
) -> Any:
    """Decorate a function so widgets inside it rerun only it (st.fragment).

    `key` names it, so that a widget callback can rerun it with `st.rerun("<key>")`;
    `parallel=True` runs it on a worker thread during full runs, concurrently with the
    rest of the script."""
    name = fragment_key(key)
    interval = parse_interval(run_every)

    def wrap(function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            return _run_fragment(function, interval, name, parallel, args, kwargs)

        return wrapper

    if func is None:
        return wrap
    return wrap(func)


def current_fragment() -> str | None:
    return current().fragment


# --- nesting ---------------------------------------------------------------------------------


def family(fragments: dict[str, FragmentInfo], root: str) -> set[str]:
    """`root` and every fragment drawn inside it, at any depth."""
    members = {root}
    grew = True
    while grew:
        grew = False
        for fid, info in fragments.items():
            if fid not in members and info.parent in members:
                members.add(fid)
                grew = True
    return members


def covering(fragments: dict[str, FragmentInfo], owners: set[str | None]) -> str | None:
    """The one fragment whose run reruns every owner given (None: a widget outside any
    fragment), or None when only a full run does."""
    if not owners or None in owners:
        return None
    for candidate in owners:
        assert candidate is not None
        if owners <= family(fragments, candidate):
            return candidate
    return None


def outermost(fragments: dict[str, FragmentInfo], targets: Sequence[str]) -> list[str]:
    """The targets of a fragment run that no other target draws again (a fragment's run
    runs those nested in it), in order, each once."""
    chosen = set(targets)

    def nested_in_another(fid: str) -> bool:
        seen: set[str] = set()
        info = fragments.get(fid)
        parent = info.parent if info is not None else None
        while parent is not None and parent not in seen:
            if parent in chosen:
                return True
            seen.add(parent)
            info = fragments.get(parent)
            parent = info.parent if info is not None else None
        return False

    return [fid for fid in dict.fromkeys(targets) if not nested_in_another(fid)]


def after_fragment_run(
    fragments: dict[str, FragmentInfo],
    owners: dict[str, str],
    ctx: RunContext,
    targets: Sequence[str],
) -> list[str]:
    """Fold a completed run of `targets` into the session's `fragments` and widget `owners`:
    each fragment it ran replaces its old self (keeping the outside blocks it filled before,
    as Streamlit keeps their places); those nested in a target that it did not draw again
    are gone, unless their block is still on the page (a dialog's body, which Streamlit
    keeps until a full run). Returns the ids of the fragments it ran."""
    ran = list(ctx.fragment_widgets)
    nested = set().union(*(family(fragments, target) for target in targets))
    gone = {f for f in nested - set(ran) if f not in ctx.nodes}
    for fid in ran:
        old = fragments.get(fid)
        info = ctx.fragments[fid]
        info.widgets = set(ctx.fragment_widgets[fid])
        info.outside = ctx.fragment_outside.get(fid, set()) | (old.outside if old else set())
        fragments[fid] = info
    for fid in gone:
        fragments.pop(fid, None)
    replaced = gone.union(ran)
    for wid in [w for w, f in owners.items() if f in replaced]:
        del owners[wid]
    for fid in ran:
        owners.update(dict.fromkeys(fragments[fid].widgets, fid))
    return ran
