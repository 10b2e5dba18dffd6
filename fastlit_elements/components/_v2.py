"""st.components.v2.component: register a component (html, css, js) once, mount it with data.

The mounted component's JS module (`export default function(component) {...}`) gets
`{name, key, data, parentElement, setStateValue, setTriggerValue}`, as in Streamlit; the host
is bidi_component.tsx. In the tree a mount is a "bidi_component" block holding two widgets:
"bidi_component_state" (the state dict, persistent across runs) and "bidi_component_events"
(the trigger values: a list of {event, value}, for one run only). `on_<name>_change`
callbacks fire per state key that changed and per trigger event, before the script runs.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from fastlit_core.plugin import (
    Container,
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    validate_height,
    validate_width,
)

from ._wire import b64, dataframe_records, is_bytes_like, warn_records

log = logging.getLogger("fastlit")

Where = Callable[[], Container]


# --- Streamlit's errors, same names and messages --------------------------------------------


class BidiComponentError(StreamlitAPIException):
    """Base class of the errors of st.components.v2 components."""


class BidiComponentInvalidCallbackNameError(BidiComponentError):
    def __init__(self, callback_name: str) -> None:
        super().__init__(
            f"The callback name `'{callback_name}'` is not allowed. Callback names must follow "
            "the pattern `on_{event_name}_change` where `event_name` is not empty."
        )


class BidiComponentInvalidDefaultKeyError(BidiComponentError):
    def __init__(self, state_key: str, available_keys: list[str]) -> None:
        super().__init__(
            f"Key `'{state_key}'` in `default` is not a valid state name. Valid state names are "
            "those with corresponding `on_{state_name}_change` callbacks. Available state "
            f"names: `{available_keys or 'none'}`"
        )


class BidiComponentUnserializableDataError(BidiComponentError):
    def __init__(self) -> None:
        super().__init__(
            "The `data` provided to the bidirectional component could not be serialized. "
            "Please ensure the data is JSON-serializable, or is a supported data structure "
            "like a pandas DataFrame."
        )


# --- the result ------------------------------------------------------------------------------


class AttributeDictionary(dict[Any, Any]):
    """A dict whose items read as attributes too (nested dicts as well)."""

    def __getattr__(self, key: str) -> Any:
        try:
            item = self[key]
        except KeyError as err:
            raise AttributeError(
                f"'{type(self).__name__}' object has no attribute '{key}'"
            ) from err
        return AttributeDictionary(item) if isinstance(item, dict) else item

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value


class ComponentResult(AttributeDictionary):
    """What mounting returns: every state value, and a trigger value (None unless it fired
    this run) for each event that has an `on_<event>_change` callback."""

    def __init__(
        self,
        state_vals: dict[str, Any] | None = None,
        trigger_vals: dict[str, Any] | None = None,
    ) -> None:
        super().__init__({**(trigger_vals or {}), **(state_vals or {})})


# --- registration ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Definition:
    name: str
    html: str | None
    css: str | None
    js: str | None


_definitions: dict[str, Definition] = {}
_definitions_lock = threading.Lock()


def _looks_like_inline(value: str) -> bool:
    """Streamlit's heuristic: a one-line string with a glob, a slash, or a .js/.css ending is
    a path into the component's asset_dir; anything else is inline content."""
    s = value.strip()
    if "\n" in s or "\r" in s:
        return True
    if any(c in s for c in "*?[]"):
        return False
    if s.startswith(("./", "/", "\\")) or "/" in s or "\\" in s:
        return False
    return not s.lower().endswith((".js", ".css", ".mjs", ".cjs"))


def component(
    name: str,
    *,
    html: str | None = None,
    css: str | None = None,
    js: str | None = None,
    isolate_styles: bool = True,
    where: Where,
) -> ComponentRenderer:
    """Register a component under `name`; return the callable that mounts it."""
    for param, value in (("css", css), ("js", js)):
        if value is not None and not isinstance(value, str):
            raise StreamlitInvalidParameterTypeError(
                param, type(value).__name__, ["str", "None"], detail="Pass a string path or glob."
            )
        if value is not None and not _looks_like_inline(value):
            raise StreamlitAPIException(
                f"Component '{name}' must be declared in pyproject.toml with asset_dir to use "
                f"file-backed {param}. (Fastlit does not read component manifests yet: pass "
                f"the {param} inline.)"
            )
    definition = Definition(name, html, css, js)
    with _definitions_lock:
        existing = _definitions.get(name)
        _definitions[name] = definition
    if existing is not None and existing != definition:
        log.warning("st.components.v2 component %r re-registered with different content", name)
    return ComponentRenderer(definition, isolate_styles=isolate_styles, where=where)


# --- mounting --------------------------------------------------------------------------------


class ComponentRenderer:
    """The mounting command `st.components.v2.component(...)` returns."""

    def __init__(self, definition: Definition, *, isolate_styles: bool, where: Where) -> None:
        self._definition = definition
        self._isolate_styles = isolate_styles
        self._where = where

    @property
    def name(self) -> str:
        return self._definition.name

    def __repr__(self) -> str:
        return f"ComponentRenderer(name={self.name!r})"

    def __call__(
        self,
        *,
        key: str | int | None = None,
        data: Any | None = None,
        default: dict[str, Any] | None = None,
        width: int | str = "stretch",
        height: int | str = "content",
        **on_callbacks: Callable[..., Any] | None,
    ) -> ComponentResult:
        """Mount the component; return its state and trigger values."""
        if "isolate_styles" in on_callbacks:
            on_callbacks.pop("isolate_styles", None)
            log.warning(
                "Passing `isolate_styles` when mounting a component created via "
                "`st.components.v2.component` is deprecated and will be ignored. Set "
                "`isolate_styles` when creating the component instead "
                "(`st.components.v2.component(..., isolate_styles=...)`)."
            )
        container = self._where()
        with _definitions_lock:
            definition = _definitions.get(self.name, self._definition)
        key = None if key is None else str(key)

        callbacks: dict[str, Callable[..., Any]] = {}
        for kwarg, value in on_callbacks.items():
            if not callable(value) or not (kwarg.startswith("on_") and kwarg.endswith("_change")):
                continue
            event = kwarg[3:-7]
            if not event or event == "_":
                raise BidiComponentInvalidCallbackNameError(kwarg)
            callbacks[event] = value
        if default is not None:
            for state_key in default:
                if state_key not in callbacks:
                    raise BidiComponentInvalidDefaultKeyError(state_key, list(callbacks))
        validate_width(width, allow_content=True)
        validate_height(height, allow_content=True)

        props: dict[str, Any] = {"component_name": definition.name}
        for prop, content in (("html", definition.html), ("css", definition.css)):
            if content and content.strip():
                props[prop] = content.strip()
        if definition.js:
            props["js"] = definition.js
        if not self._isolate_styles:
            props["isolate_styles"] = False
        if width != "stretch":
            props["width"] = width
        if height != "content":
            props["height"] = height
        payload = _serialize_data(data, props)

        identity: dict[str, Any] = {
            "component_name": definition.name,
            "isolate_styles": self._isolate_styles,
            "width": width,
            "height": height,
            "default": json.dumps(default, sort_keys=True, default=repr),
            "data": payload,
        }
        token = f"key:{key}" if key is not None else f"id:{identity}:{container.id}"
        cell = _cell(container, token)
        defaults = dict(default or {})

        def state_from_wire(wire: Any) -> dict[str, Any]:
            if isinstance(wire, str):
                try:
                    wire = json.loads(wire)
                except ValueError:
                    wire = None
            state = dict(wire) if isinstance(wire, dict) else {}
            for name, value in defaults.items():
                state.setdefault(name, value)
            cell["incoming"] = state
            return state

        def events_from_wire(wire: Any) -> list[Any] | None:
            if isinstance(wire, str):
                try:
                    wire = json.loads(wire)
                except ValueError:
                    pass
            if wire is None or wire is False:
                return None
            events = wire if isinstance(wire, list) else [wire]
            cell["events"] = events
            return events

        def state_changed() -> None:
            old = cell.get("state") or {}
            new = cell.pop("incoming", None)
            if not isinstance(new, dict):
                return
            for name in {**new, **old}:
                if old.get(name) != new.get(name) and name in callbacks:
                    callbacks[name]()

        def events_fired() -> None:
            for payload in cell.pop("events", None) or []:
                if isinstance(payload, dict) and isinstance(payload.get("event"), str):
                    callback = callbacks.get(payload["event"])
                    if callback is not None:
                        callback()

        block = container.add("bidi_component", props, block=True)
        state = block.widget(
            "bidi_component_state",
            {"group": block.id},
            key=key,
            identity=identity,
            key_identity={},
            default=defaults,
            value_type=Any,
            deserialize=state_from_wire,
            on_change=state_changed if callbacks else None,
        )
        events = block.widget(
            "bidi_component_events",
            {"group": block.id},
            key=None,
            identity={"events_of": token},
            default=None,
            value_type=Any,
            deserialize=events_from_wire,
            on_change=events_fired if callbacks else None,
            trigger=True,
            assignable=False,
        )
        state_vals = dict(state) if isinstance(state, dict) else {}
        cell["state"] = state_vals
        fired: dict[str, Any] = {}
        for payload in events if isinstance(events, list) else []:
            if isinstance(payload, dict) and isinstance(payload.get("event"), str):
                fired[payload["event"]] = payload.get("value")
        return ComponentResult(dict(state_vals), {name: fired.get(name) for name in callbacks})


def _serialize_data(data: Any, props: dict[str, Any]) -> str | None:
    """Put `data` in props (`data`, or `data_bytes` as base64); return a digest of it."""
    if data is None:
        return None
    if is_bytes_like(data):
        props["data_bytes"] = b64(data)
        return "bytes:" + _digest(bytes(data))
    if isinstance(data, Mapping):
        processed: Any = {}
        for name, value in data.items():
            records = dataframe_records(value)
            if records is not None:
                warn_records("st.components.v2 component data", str(name))
                value = records
            processed[name] = value
        text = _dumps_or_str(processed)
    elif isinstance(data, (list, tuple)):
        text = _dumps_or_str(data)
    else:
        records = dataframe_records(data)
        if records is not None:
            warn_records("st.components.v2 component data", "data")
            data = records
        try:
            text = json.dumps(data)
        except Exception:
            raise BidiComponentUnserializableDataError() from None
    props["data"] = json.loads(text)
    return "json:" + _digest(json.dumps(props["data"], sort_keys=True).encode())


def _dumps_or_str(value: Any) -> str:
    # Streamlit's fallback for containers it cannot serialize: their string form.
    try:
        return json.dumps(value)
    except TypeError:
        return json.dumps(str(value))


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=12).hexdigest()


# --- per-session memory for callbacks --------------------------------------------------------
# A widget callback gets no arguments, but per-key dispatch needs the state before and after
# the change. The converters note what arrives; the callbacks read it. Keyed by session (its
# SessionState, weakly) and by the mount's identity, so it survives the run that made it.

_cells: dict[int, dict[str, dict[str, Any]]] = {}
_cells_lock = threading.Lock()
_KEEP_RUNS = 10  # a mount's memory outlives runs that do not draw it by this many


def _cell(container: Container, token: str) -> dict[str, Any]:
    state, run = container.session_state, container.run_number
    with _cells_lock:
        session = _cells.get(id(state))
        if session is None:
            session = _cells[id(state)] = {}
            weakref.finalize(state, _forget, id(state))
        for stale in [t for t, c in session.items() if c["run"] < run - _KEEP_RUNS]:
            del session[stale]
        cell = session.setdefault(token, {"run": run})
        cell["run"] = run
        return cell


def _forget(session: int) -> None:
    with _cells_lock:
        _cells.pop(session, None)
