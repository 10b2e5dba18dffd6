"""Drawing a node into a container: the one way elements and widgets reach a run's tree."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import fragment_scope, replay
from .errors import duplicate_element_key
from .placement import child_id, live, place
from .tree import Node

if TYPE_CHECKING:
    from .container import Container


def draw(
    container: Container,
    type: str,
    props: dict[str, Any] | None,
    key: str | None,
    block: bool,
    id: str | None,
    index: int | None,
    form_id: str | None,
    clear_on_submit: bool,
    *,
    key_claimed: bool = False,  # by Container.widget, which checked it with the widget's id
) -> Container:
    """Container.add (see there); Container.widget draws its node through it too."""
    run = live(container)
    run.checkpoint()
    if run.fragment is not None and (there := fragment_scope.target(container)) is not container:
        return draw(
            there,
            type,
            props,
            key,
            block,
            id,
            index,
            form_id,
            clear_on_submit,
            key_claimed=key_claimed,
        )
    given = props
    if form_id is not None and replay.in_cached_function():
        replay.warn_cached_widget(run)  # as Streamlit does for st.form
    if key is not None:
        key = str(key)
    if key is not None and not key_claimed:
        with run.lock:  # parallel fragments draw at the same time (parallel.py)
            if key in run.keys:
                raise duplicate_element_key(key)
            run.keys.add(key)
    if form_id is not None:
        props = {**(props or {}), "form_id": form_id}
    with run.lock:
        if form_id is not None:  # checked and claimed at once, as keys are
            if form_id in run.forms:
                raise duplicate_element_key(form_id)
        node = Node(id or child_id(container, type, key), type, props or {}, [])
        place(container, node, index)
        run.nodes[node.id] = node
        run.dirty = True
        if form_id is not None:
            run.forms[form_id] = node
    if form_id is not None:
        run.session.state.register_form(form_id, clear_on_submit)
    if container._mode == "element" and not block:
        made = container  # the handle keeps following its place: `ph.x(); ph.empty()` works
    else:
        from .container import Container

        made = Container(
            run,
            node,
            root=container._root,
            mode="block" if block else "element",
            parent=container._node if container._mode != "element" else container._parent,
            form=container._form if form_id is None else form_id,
            scope=container._scope,
        )
    if replay.in_cached_function():
        options = {"key": key, "block": block, "id": id, "index": index,
                   "form_id": form_id, "clear_on_submit": clear_on_submit}  # fmt: skip
        recorded = replay.Draw(replay.target_of(container), type, given or {}, options)
        replay.record(container, made, recorded)
    return made
