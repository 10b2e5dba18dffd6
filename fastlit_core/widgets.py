"""Widget identity and registration: a widget's id, claimed once per run, and its value."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import StreamlitDuplicateElementId, duplicate_element_key
from .ids import node_id
from .state import WidgetInfo

if TYPE_CHECKING:
    from .context import RunContext


def widget_id(
    type: str,
    key: str | None,
    identity: dict[str, Any],
    key_identity: dict[str, Any] | None,
    *,
    root: str,
    form: str | None,
    page_scope: str,
) -> str:
    """A widget's id, as Streamlit's: without a key, the type and `identity` params plus the
    root container and the form; with a key, the key plus the small `key_identity`
    whitelist."""
    if key is not None:
        wid = node_id("widget", type, key, sorted((key_identity or {}).items()))
    else:
        place = (root,) if form is None else (root, "form", form)
        wid = node_id("widget", type, sorted(identity.items(), key=lambda kv: kv[0]), *place)
    if page_scope:  # as Streamlit: the same widget on two pages is two widgets
        wid = node_id(wid, page_scope)
    return wid


def register(run: RunContext, info: WidgetInfo) -> Any:
    """Claim the widget's id (and key) in `run`, register it with the session state and
    return its value; note it as its fragment's, and as its form's submit button."""
    wid, key = info.id, info.key
    with run.lock:  # claimed at once: parallel fragments draw at the same time
        if key is not None and key in run.keys:
            raise duplicate_element_key(key)
        if wid in run.widget_ids:
            raise _duplicate_id(info.type)
        run.widget_ids.add(wid)
        if key is not None:
            run.keys.add(key)
    try:
        value = run.session.state.register(info)
    except BaseException:
        with run.lock:
            run.widget_ids.discard(wid)
            if key is not None:
                run.keys.discard(key)
        raise
    if run.fragment is not None:
        run.fragment_widgets.setdefault(run.fragment, set()).add(wid)
    if info.submits_form:
        assert info.form is not None
        run.forms_submitted_by.add(info.form)
    return value


def node_props(
    run: RunContext, info: WidgetInfo, props: dict[str, Any], value: Any
) -> dict[str, Any]:
    """The props of the widget's node: those given, plus whether it submits its form and
    the value the browser shows."""
    if info.submits_form:
        props = {**props, "is_form_submitter": True}
    # A trigger's value lives for one run only; the browser never needs it back.
    if not info.trigger:
        props = {**props, "value": info.serialize(run.session.state.shown_value(info.id, value))}
    return props


def _duplicate_id(type: str) -> StreamlitDuplicateElementId:
    return StreamlitDuplicateElementId(
        f"There are multiple `{type}` elements with the same auto-generated ID. When this "
        "element is created, it is assigned an internal ID based on the element type and "
        "provided parameters. Multiple elements with the same type and parameters will cause "
        "this error.\n\nTo fix this error, please pass a unique `key` argument to the "
        f"`{type}` element."
    )
