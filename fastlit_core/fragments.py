"""st.fragment: a function whose widgets rerun only that function (a fragment run)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from .context import current, current_or_none
from .errors import StreamlitAPIException

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
    widgets: set[str] = field(default_factory=set)


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


def _run_fragment(
    function: Callable[..., Any], run_every: float | None, args: Any, kwargs: Any
) -> Any:
    ctx = current_or_none()
    if ctx is None or ctx.fragment is not None:
        return function(*args, **kwargs)  # no run (a plain call), or nested: part of the outer
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
    )
    ctx.fragments[info.id] = info
    return enter_fragment(ctx, info, block)


def enter_fragment(ctx: Any, info: FragmentInfo, block: Any) -> Any:
    """Run the fragment's function with its block as the cursor and its widgets tracked."""
    ctx.fragment = info.id
    ctx.fragment_widgets.setdefault(info.id, set())
    block.__enter__()
    try:
        return info.function(*info.args, **info.kwargs)
    finally:
        block.__exit__(None, None, None)
        ctx.fragment = None


def fragment(
    func: Callable[..., Any] | None = None,
    *,
    run_every: float | int | timedelta | str | None = None,
) -> Any:
    """Decorate a function so widgets inside it rerun only it (st.fragment)."""
    interval = parse_interval(run_every)

    def wrap(function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            return _run_fragment(function, interval, args, kwargs)

        return wrapper

    if func is None:
        return wrap
    return wrap(func)


def current_fragment() -> str | None:
    return current().fragment
