"""Session state with Streamlit's rules: widget values, user keys, triggers and callbacks."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import msgspec

from .errors import (
    StreamlitValueAssignmentNotAllowedError,
    StreamlitWidgetAlreadyInstantiatedError,
)


def _identity(value: Any) -> Any:
    return value


@dataclass
class WidgetInfo:
    """What the session remembers of a widget from the last run that drew it."""

    id: str
    type: str
    key: str | None
    default: Any
    value_type: Any = Any
    deserialize: Callable[[Any], Any] = _identity
    serialize: Callable[[Any], Any] = _identity
    validate: Callable[[Any], Any] | None = None
    on_change: Callable[..., Any] | None = None
    args: Sequence[Any] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    disabled: bool = False
    trigger: bool = False
    assignable: bool = True
    form: str | None = None  # the form it is drawn in: its value waits for the form's submit
    submits_form: bool = False  # its form's submit button: its trigger sends the form's values


class WidgetValueError(ValueError):
    """A value from the browser does not fit the widget's schema."""


class SessionState(MutableMapping[str, Any]):
    """The object behind `st.session_state`.

    Widget values live by widget id; a keyed widget is also reachable by its key. A value
    the script sets for a key before that widget is drawn wins over the widget's own value.
    """

    def __init__(self) -> None:
        self._user: dict[str, Any] = {}  # keys set by the script (or pending for a widget)
        self._widget_values: dict[str, Any] = {}  # widget id -> Python value
        self._widgets: dict[str, WidgetInfo] = {}  # widget id -> info
        self._id_of_key: dict[str, str] = {}
        self._drawn: set[str] = set()  # widget ids drawn in the current run
        self._drawn_forms: set[str] = set()  # form ids drawn in the current run
        self._triggered: set[str] = set()  # triggers that fired for the current (or last) run
        self._forms: dict[str, bool] = {}  # form id -> clear_on_submit, as last drawn
        # Widgets of a form submitted with clear_on_submit: they show their default, which
        # their form's next submit sends unless the user changes them first (as Streamlit).
        self._cleared: set[str] = set()
        self._lock = threading.RLock()

    # --- mapping protocol (what the script sees) -----------------------------------------

    def __getitem__(self, key: str) -> Any:
        with self._lock:
            if key in self._user:
                return self._user[key]
            wid = self._id_of_key.get(key)
            if wid is not None and wid in self._widget_values:
                return self._widget_values[wid]
        raise KeyError(missing_message(key, "key"))

    def __setitem__(self, key: str, value: Any) -> None:
        """Set a key; a widget that may not be set (a button) raises when it is drawn."""
        with self._lock:
            wid = self._id_of_key.get(key)
            if (wid is not None and wid in self._drawn) or key in self._drawn_forms:
                raise StreamlitWidgetAlreadyInstantiatedError(key)
            self._user[key] = value

    def __delitem__(self, key: str) -> None:
        with self._lock:
            found = self._user.pop(key, _MISSING) is not _MISSING
            wid = self._id_of_key.pop(key, None)
            if wid is not None:
                found = self._widget_values.pop(wid, _MISSING) is not _MISSING or found
            if not found:
                raise KeyError(missing_message(key, "key"))

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            keys = dict.fromkeys(self._user)
            keys.update(
                (k, None) for k, wid in self._id_of_key.items() if wid in self._widget_values
            )
        return iter(list(keys))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, key: object) -> bool:
        try:
            self[key]  # type: ignore[index]
        except KeyError:
            return False
        return True

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError:
            raise AttributeError(missing_message(name, "attribute")) from None

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        else:
            self[name] = value

    def __delattr__(self, name: str) -> None:
        try:
            del self[name]
        except KeyError:
            raise AttributeError(missing_message(name, "attribute")) from None

    def __repr__(self) -> str:
        return repr(self.to_dict())

    def to_dict(self) -> dict[str, Any]:
        return {k: self[k] for k in self}

    def clear(self) -> None:
        with self._lock:
            self._user.clear()
            for key in list(self._id_of_key):
                self._widget_values.pop(self._id_of_key.pop(key), None)

    # --- the run lifecycle (what the kernel calls) ---------------------------------------

    def begin_run(self, *, keep_triggers: bool = False) -> None:
        """A run starts: triggers from the last run fall back to False, unless it was cut
        short by a callback's st.rerun(scope=...) (`keep_triggers`): this run replaces it."""
        with self._lock:
            if not keep_triggers:
                for wid in self._triggered:
                    if wid in self._widget_values:
                        self._widget_values[wid] = False
                self._triggered.clear()
            self._drawn.clear()
            self._drawn_forms.clear()

    def apply_changes(self, values: dict[str, Any]) -> list[WidgetInfo]:
        """Apply browser values (already validated); return the widgets whose callbacks fire.

        A value of a widget inside a form counts only with a click of that form's submit
        button in the same batch (the browser holds them until then).
        """
        fired: list[WidgetInfo] = []
        with self._lock:
            submitted = self._submitted_forms(values)
            values = dict(values)
            for wid in list(self._cleared):
                info = self._widgets.get(wid)
                if info is not None and info.form in submitted:
                    self._cleared.discard(wid)
                    values.setdefault(wid, info.default)
            for wid, value in values.items():
                info = self._widgets.get(wid)
                if info is None or info.disabled:
                    continue
                if info.form is not None and not info.submits_form:
                    if info.form not in submitted:
                        continue
                    self._cleared.discard(wid)
                if info.trigger:
                    self._widget_values[wid] = value
                    if value:
                        self._triggered.add(wid)
                        fired.append(info)
                elif self._widget_values.get(wid, _MISSING) != value:
                    self._widget_values[wid] = value
                    fired.append(info)
            for form in submitted:
                if self._forms.get(form):  # clear_on_submit
                    self._cleared.update(
                        w
                        for w, i in self._widgets.items()
                        if i.form == form and not i.trigger and not i.disabled
                    )
        return [info for info in fired if info.on_change is not None]

    def _submitted_forms(self, values: dict[str, Any]) -> set[str]:
        forms: set[str] = set()
        for wid, value in values.items():
            info = self._widgets.get(wid)
            if info is not None and info.submits_form and info.form and value:
                if not info.disabled:
                    forms.add(info.form)
        return forms

    def register_form(self, form_id: str, clear_on_submit: bool) -> None:
        """A form is drawn; its clear_on_submit applies to its next submit."""
        with self._lock:
            self._forms[form_id] = clear_on_submit
            self._drawn_forms.add(form_id)

    def shown_value(self, wid: str, value: Any) -> Any:
        """What the browser should show for a widget whose value is `value`: its default
        while it is cleared by its form's clear_on_submit."""
        with self._lock:
            info = self._widgets.get(wid)
            return info.default if info is not None and wid in self._cleared else value

    def register(self, info: WidgetInfo) -> Any:
        """A widget is drawn: remember it and return its current Python value."""
        with self._lock:
            self._drawn.add(info.id)
            self._widgets[info.id] = info
            if info.key is not None:
                old = self._id_of_key.get(info.key)
                if old is not None and old != info.id:
                    self._widget_values.pop(old, None)  # the widget's identity changed
                self._id_of_key[info.key] = info.id
                if info.key in self._user:
                    if not info.assignable:
                        raise StreamlitValueAssignmentNotAllowedError(info.key)
                    value = self._user.pop(info.key)
                    if info.validate is not None:
                        value = info.validate(value)
                    self._widget_values[info.id] = value
                    self._cleared.discard(info.id)
            return self._widget_values.setdefault(info.id, info.default)

    def end_run(self, scope: set[str] | None = None, *, forget: bool = True) -> None:
        """A run ended (not for a rerun): until the next one, any key may be set.

        A completed run (`forget`) also forgets the widgets it did not draw, with their
        keys, and its triggers read False again (a clicked button's key too); as in
        Streamlit, a run cut short by st.stop or an exception does neither. A fragment run
        passes `scope`, its fragment's widgets: only those can be forgotten."""
        with self._lock:
            if forget:
                self._forget_undrawn(scope)
            if scope is not None:
                # A key set for a widget the fragment run did not draw (one outside it):
                # as in Streamlit, the value the browser shows wins on the next run.
                for key in [k for k, w in self._id_of_key.items() if w not in self._drawn]:
                    self._user.pop(key, None)
            self._drawn.clear()
            self._drawn_forms.clear()

    def _forget_undrawn(self, scope: set[str] | None) -> None:
        for wid in self._triggered:
            if wid in self._widget_values:
                self._widget_values[wid] = False
        candidates = self._widgets if scope is None else scope
        for wid in [w for w in candidates if w in self._widgets and w not in self._drawn]:
            del self._widgets[wid]
            self._widget_values.pop(wid, None)
            self._triggered.discard(wid)
            self._cleared.discard(wid)
        forms = {info.form for info in self._widgets.values()}
        self._forms = {f: clear for f, clear in self._forms.items() if f in forms}
        for key in [k for k, w in self._id_of_key.items() if w not in self._widgets]:
            del self._id_of_key[key]

    def last_value(self, wid: str) -> Any:
        """A widget's value as the last run returned it (a trigger: whether it fired);
        its default if it has none yet, None for an unknown widget (AppTest reads it)."""
        with self._lock:
            info = self._widgets.get(wid)
            if info is not None and info.trigger:
                return wid in self._triggered
            if wid in self._widget_values:
                return self._widget_values[wid]
            return info.default if info is not None else None

    def widgets(self) -> dict[str, WidgetInfo]:
        with self._lock:
            return dict(self._widgets)

    def widget(self, wid: str) -> WidgetInfo | None:
        with self._lock:
            return self._widgets.get(wid)

    def validate_wire(self, wid: str, wire: Any) -> Any:
        """Convert a browser value to the widget's Python value, or raise WidgetValueError."""
        info = self.widget(wid)
        if info is None:
            raise WidgetValueError(f"unknown widget id {wid!r}")
        try:
            value = info.deserialize(msgspec.convert(wire, info.value_type, strict=False))
            if info.validate is not None:
                value = info.validate(value)
        except Exception as exc:  # noqa: BLE001 - whatever a plugin's converter raises
            raise WidgetValueError(f"bad value for {info.type} widget: {exc}") from None
        return value


_MISSING = object()


def missing_message(name: str, kind: str) -> str:
    """Streamlit's message for a missing session_state key or attribute."""
    return (
        f'st.session_state has no {kind} "{name}". Did you forget to initialize it? '
        "More info: https://docs.streamlit.io/develop/concepts/architecture/"
        "session-state#initialization"
    )
