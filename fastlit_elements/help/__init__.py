"""st.help: an object's name, type, signature, docstring and members."""

from __future__ import annotations

import inspect
import sys
from typing import Any

from fastlit_core.plugin import Component, Container, Element, ElementPlugin, validate_width

from .. import STATIC
from .._source import call_argument, caller_frame

_MEMBER_LIMIT = 200


_FASTLIT = object()  # the default: document `fastlit` itself, as Streamlit's st.help() does


def help(container: Container, obj: Any = _FASTLIT, *, width: str | int = "stretch") -> Container:
    """Display an object's documentation (st.help)."""
    validate_width(width)
    frame = caller_frame()
    name = None
    if frame is not None:  # Streamlit names the object by its source text in the call
        where = (frame.f_code.co_filename, frame.f_lineno)
        name = call_argument(*where, "help") or call_argument(*where, "write")
    del frame
    if obj is _FASTLIT:
        obj, name = sys.modules.get("fastlit"), "fastlit"
    props = describe(obj, name)
    if width != "stretch":
        props["width"] = width
    return container.add("help_info", props)


def describe(obj: Any, name: str | None) -> dict[str, Any]:
    props: dict[str, Any] = {
        "name": name or getattr(obj, "__qualname__", None) or type(obj).__name__,
        "type": _kind(obj),
        "doc_string": inspect.getdoc(obj) or "",
    }
    signature = _signature(obj)
    if signature:
        props["value"] = signature
    elif not callable(obj) and not inspect.ismodule(obj):
        props["value"] = _short_repr(obj)
    members = [_member(n, v) for n, v in _public_members(obj)]
    if members:
        props["members"] = members
    return props


def _kind(obj: Any) -> str:
    if inspect.ismodule(obj):
        return "module"
    if inspect.isclass(obj):
        return "class"
    if inspect.ismethod(obj):
        return "method"
    if inspect.isfunction(obj) or inspect.isbuiltin(obj):
        return "function"
    return type(obj).__name__


def _signature(obj: Any) -> str | None:
    if not callable(obj):
        return None
    try:
        return f"{getattr(obj, '__qualname__', type(obj).__name__)}{inspect.signature(obj)}"
    except (TypeError, ValueError):
        return None


def _public_members(obj: Any) -> list[tuple[str, Any]]:
    if inspect.isfunction(obj) or inspect.ismethod(obj) or inspect.isbuiltin(obj):
        return []
    found = []
    for member in dir(obj)[: _MEMBER_LIMIT * 4]:
        if member.startswith("_"):
            continue
        try:
            found.append((member, getattr(obj, member)))
        except Exception:  # noqa: BLE001 - a property may raise; skip it
            continue
    return found[:_MEMBER_LIMIT]


def _member(name: str, value: Any) -> dict[str, Any]:
    doc = inspect.getdoc(value) if callable(value) else None
    member = {"name": name, "type": _kind(value)}
    if callable(value):
        member["value"] = _signature(value) or ""
    else:
        member["value"] = _short_repr(value)
    if doc:
        member["doc_string"] = doc.split("\n\n")[0]
    return member


def _short_repr(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 200 else text[:197] + "..."


plugin = ElementPlugin(
    elements=[Element("help", help)],
    components=[Component("help_info", STATIC, "help.js")],
)
