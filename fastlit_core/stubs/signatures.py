"""Function signatures as stub parameters and a return type."""

from __future__ import annotations

import builtins
import inspect
import math
import typing
from collections.abc import Callable
from typing import Any

from .layout import quoted
from .renderer import Renderer, Unresolved


def _default(value: object) -> str:
    """Simple literals keep their value; anything else is `...`."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "..."
    if isinstance(value, str):
        return quoted(value)
    return "..."


def _hints(function: Callable[..., Any], where: str, problems: list[str]) -> dict[str, Any]:
    try:
        return typing.get_type_hints(function)
    except Exception as exc:  # one unresolvable name: resolve the others one by one
        problems.append(f"{where}: get_type_hints failed ({type(exc).__name__}: {exc})")
        return {}


def _annotation(
    renderer: Renderer,
    function: Callable[..., Any],
    name: str,
    raw: Any,
    hints: dict[str, Any],
    where: str,
) -> str:
    before = len(renderer.problems)
    text = _resolve(renderer, function, name, raw, hints)
    renderer.problems[before:] = [f"{where} ({name}): {p}" for p in renderer.problems[before:]]
    return text


def _resolve(
    renderer: Renderer,
    function: Callable[..., Any],
    name: str,
    raw: Any,
    hints: dict[str, Any],
) -> str:
    if raw is inspect.Parameter.empty:
        return renderer.any()
    unwrapped = inspect.unwrap(function)
    unwrapped = getattr(unwrapped, "func", unwrapped)  # functools.partial
    namespace = dict(getattr(unwrapped, "__globals__", {}))
    namespace.setdefault("__builtins__", builtins)
    value = raw
    if name in hints:
        value = hints[name]
    elif isinstance(raw, str):
        try:
            value = eval(raw, namespace)
        except Exception:  # keep the string's structure, naming what can be named
            return renderer.text(raw, namespace)
    try:
        return renderer.strict(value)
    except Unresolved as exc:
        if isinstance(raw, str):  # e.g. a quoted forward reference inside: go name by name
            return renderer.text(raw, namespace)
        renderer.problems.append(str(exc))
        return renderer.any()


def signature_parts(
    renderer: Renderer,
    function: Callable[..., Any],
    where: str,
    skip_first: bool,
) -> tuple[list[str], str]:
    """A signature as stub parameters (with `/` and `*` where they go) and a return type."""
    signature = inspect.signature(function)
    hints = _hints(function, where, renderer.problems)
    params = list(signature.parameters.values())[1 if skip_first else 0 :]
    out: list[str] = []
    star_done = False
    for i, param in enumerate(params):
        kind = param.kind
        if kind is param.KEYWORD_ONLY and not star_done:
            out.append("*")
        star_done = star_done or kind in (param.VAR_POSITIONAL, param.KEYWORD_ONLY)
        text = _annotation(renderer, function, param.name, param.annotation, hints, where)
        prefix = "*" if kind is param.VAR_POSITIONAL else "**" if kind is param.VAR_KEYWORD else ""
        item = f"{prefix}{param.name}: {text}"
        if param.default is not param.empty:
            item += f" = {_default(param.default)}"
        out.append(item)
        following = params[i + 1] if i + 1 < len(params) else None
        if kind is param.POSITIONAL_ONLY and (
            following is None or following.kind is not param.POSITIONAL_ONLY
        ):
            out.append("/")
    result = _annotation(renderer, function, "return", signature.return_annotation, hints, where)
    return out, result
