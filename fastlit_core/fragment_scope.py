"""Where a fragment writes: its own block, or a wrapper it owns inside a container made
outside it (`st.sidebar`, a column or placeholder drawn before the fragment ran).

As in Streamlit, the first write from a fragment to such a container adds a transparent
wrapper block there, at that place; the fragment's writes go into it, so a fragment run
redraws them in place (the wrapper is emptied first) and the container's other children
stay. A fragment run can only fill wrappers made in the full run before it (or in
containers that it made itself): anything else raises StreamlitInvalidLayoutContextError.
A parallel fragment running on its worker (parallel.py) cannot write outside at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import StreamlitInvalidLayoutContextError
from .ids import node_id
from .placement import place
from .tree import Node, walk

if TYPE_CHECKING:
    from .container import Container
    from .fragments import FragmentInfo

TRANSPARENT = "transparent"  # a wrapper: the shell shows its children as its parent's own

_NO_PLACE = (
    "A fragment tried to write to a container created outside it, but the fragment did not "
    "write to that container during the last full app run, so Streamlit could not reserve "
    "a stable position for it.\n\n"
    "If this fragment uses `parallel=True`, writing to containers created outside it is not "
    "supported, including `st.sidebar` and `st.bottom`. Move the element inside the "
    "fragment body.\n\n"
    "Otherwise, inside the fragment function, write to the container on every full app run "
    "(e.g. `outside_container.empty()` or `with outside_container: st.empty()`), then fill "
    "it during fragment reruns."
)


_PARALLEL = (
    "Writing to a container created outside a parallel fragment, including `st.sidebar` and "
    "`st.bottom`, is not supported on a full app run or a later fragment rerun.\n\n"
    "To fix this, move the element inside the fragment body."
)


def owns(fragments: dict[str, FragmentInfo], scope: str | None, fragment: str) -> bool:
    """Whether a place in `scope` (the fragment whose block or wrapper it is in; None: the
    app's) belongs to `fragment`: its own, or that of a fragment nested in it."""
    seen: set[str] = set()
    while scope is not None and scope not in seen:
        if scope == fragment:
            return True
        seen.add(scope)
        info = fragments.get(scope)
        scope = info.parent if info is not None else None
    return False


def target(container: Container) -> Container:
    """Where a write to `container` goes: itself, unless a fragment is executing and the
    container is outside it; then into the fragment's wrapper there, made on first use."""
    run = container._run
    fragment = run.fragment
    if fragment is None or owns(run.fragments, container._scope, fragment):
        return container
    if run.in_parallel_worker():  # no place can be reserved while the script goes on
        raise StreamlitInvalidLayoutContextError(_PARALLEL)
    wrapper_id = node_id("fragment-outside", fragment, container._base)
    block = container._mode == "block"
    parent = container._node if container._mode != "element" else container._parent
    with run.lock:
        node = run.nodes.get(wrapper_id)
        if node is None:
            if run.fragment_run is not None and container._scope != run.fragment_run:
                raise StreamlitInvalidLayoutContextError(_NO_PLACE)
            node = Node(wrapper_id, TRANSPARENT, {}, [])
            place(container, node)  # a placeholder's element: the wrapper replaces it
            run.nodes[wrapper_id] = node
            run.dirty = True
    run.fragment_outside.setdefault(fragment, set()).add(wrapper_id)
    from .container import Container

    return Container(
        run,
        node,
        root=container._root,
        mode="block" if block else "slot",  # in a placeholder: one element at a time
        parent=parent,
        form=container.form_id,
        scope=fragment,
    )


def empty(nodes: dict[str, Node], block_ids: set[str]) -> None:
    """Empty these blocks of a tree (a fragment's own and its wrappers) before a fragment
    run fills them again; `nodes` (the tree's index) forgets what they held."""
    for block_id in block_ids:
        block = nodes.get(block_id)
        if block is None:
            continue
        for child in block.children:
            for node, _ in walk(child):
                nodes.pop(node.id, None)
        block.children = []
