"""Where a container writes: the run it follows, and the id and place of each node it adds."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .context import current_or_none
from .ids import node_id
from .tree import TRANSIENT_MARK, Node, walk

if TYPE_CHECKING:
    from .container import Container
    from .context import RunContext


def live(container: Container) -> RunContext:
    """The run `container` writes into. One kept from an earlier run of the session
    (a fragment's function closing over a column, a placeholder or the sidebar) follows
    its node into the run in progress, which a fragment run copied from the last one."""
    run, now = container._run, current_or_none()
    if now is None or now is run or now.session is not run.session:
        return run
    node = now.nodes.get(container._node.id)
    if node is not None:
        container._run, container._node = now, node
        if container._parent is not None:
            container._parent = now.nodes.get(container._parent.id, container._parent)
    return container._run


def child_id(container: Container, type: str, key: str | None) -> str:
    """The id of a node added to `container` (the run's lock held): from its key if it has
    one; an element's replacement derives it from the element's first id; a block counts
    its children per type."""
    if key is not None:
        return node_id("key", type, str(key))
    if container._mode == "element":
        return node_id(container._base, type)
    ordinal_key = (container._node.id, type)
    ordinal = container._run.ordinals.get(ordinal_key, 0)
    container._run.ordinals[ordinal_key] = ordinal + 1
    return node_id(container._node.id, type, ordinal)


def place(container: Container, node: Node, index: int | None = None) -> None:
    """Put `node` into the tree where `container` adds (the run's lock held): among a
    block's children, as a slot's one child, or in place of an element."""
    if container._mode == "slot":
        container._node.children[:] = [node]
        return
    if container._mode == "block":
        children = container._node.children
        children.insert(len(children) if index is None else index, node)
    else:  # replace this element where it stands
        siblings = container._parent.children if container._parent is not None else []
        for i, sibling in enumerate(siblings):
            if sibling is container._node:
                siblings[i] = node
                break
        container._node = node


def insert_transient(
    container: Container, type: str, props: dict[str, Any] | None
) -> Callable[[], None]:
    """Container.add_transient (see there): show the node, return what removes it."""
    run = live(container)
    run.checkpoint()
    parent = (
        container._node
        if container._mode == "block" or container._parent is None
        else container._parent
    )
    with run.lock:
        ordinal_key = (parent.id, TRANSIENT_MARK + type)
        ordinal = run.ordinals.get(ordinal_key, 0)
        run.ordinals[ordinal_key] = ordinal + 1
        node = Node(TRANSIENT_MARK + node_id(parent.id, type, ordinal), type, props or {}, [])
        siblings = parent.children
        at = len(siblings)
        if parent is not container._node:  # right after the element this handle stands for
            at = next((i + 1 for i, n in enumerate(siblings) if n is container._node), at)
        siblings.insert(at, node)
        run.nodes[node.id] = node
        run.dirty = True

    def remove() -> None:
        with run.lock:
            parent.children[:] = [n for n in parent.children if n is not node]
            run.nodes.pop(node.id, None)
            run.dirty = True

    return remove


def ancestor_types_of(container: Container) -> tuple[str, ...]:
    """Container.ancestor_types (see there)."""
    with container._run.lock:
        parents = {
            child.id: node for node, _ in walk(container._run.root) for child in node.children
        }
    types: list[str] = []
    node: Node | None = container._node
    while node is not None:
        types.append(node.type)
        node = parents.get(node.id)
    return tuple(reversed(types))
