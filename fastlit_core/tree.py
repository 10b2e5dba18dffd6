"""The UI tree as a value: nodes with an id, a type, props and children."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import msgspec


class Node(msgspec.Struct, omit_defaults=True):
    """One element or container. Props are never mutated after the node is built:
    a change is a new Node with the same id, so snapshots can share leaves."""

    id: str
    type: str
    props: dict[str, Any] = {}
    children: list[Node] = []


ROOT_ID = "root"
MAIN_ID = "main"
TRANSIENT_MARK = "~"  # starts the id of a node shown only for a while (Container.add_transient)


def empty_page() -> Node:
    """The tree every session starts from: a root holding the main container."""
    return Node(ROOT_ID, "root", {}, [Node(MAIN_ID, "main", {}, [])])


def walk(node: Node, parent: Node | None = None) -> Iterator[tuple[Node, Node | None]]:
    """Yield (node, parent) pairs, depth first, parents before children."""
    stack: list[tuple[Node, Node | None]] = [(node, parent)]
    while stack:
        current, above = stack.pop()
        yield current, above
        if current.children:
            stack.extend((child, current) for child in reversed(current.children))


def index(node: Node) -> dict[str, tuple[Node, str | None]]:
    """Map every id in the tree to (node, parent id)."""
    return {n.id: (n, p.id if p is not None else None) for n, p in walk(node)}


def snapshot(node: Node) -> Node:
    """Copy the tree's structure (children lists), sharing the immutable props."""
    if not node.children:
        return Node(node.id, node.type, node.props, [])
    return Node(node.id, node.type, node.props, [snapshot(c) for c in node.children])


def merge_stale(fresh: Node, previous: Node, fresh_ids: set[str] | None = None) -> Node:
    """The tree to show while a run is in progress.

    `fresh` holds what the run has produced so far; where a container of `fresh` is
    shorter than its counterpart in `previous`, the previous run's trailing children
    stay visible (stale) until the run completes, as in Streamlit. Transient nodes take
    no place there, and never stay: once gone from `fresh`, they are gone.
    """
    if fresh_ids is None:
        fresh_ids = {n.id for n, _ in walk(fresh)}
    children = [
        merge_stale(c, old, fresh_ids)
        if (old := _child(previous, c.id)) is not None
        else snapshot(c)
        for c in fresh.children
    ]
    placed = sum(1 for c in fresh.children if not is_transient(c))
    for stale in [c for c in previous.children if not is_transient(c)][placed:]:
        if stale.id not in fresh_ids:
            pruned = _prune(stale, fresh_ids)
            if pruned is not None:
                children.append(pruned)
    return Node(fresh.id, fresh.type, fresh.props, children)


def _child(node: Node, child_id: str) -> Node | None:
    for c in node.children:
        if c.id == child_id:
            return c
    return None


def is_transient(node: Node) -> bool:
    return node.id.startswith(TRANSIENT_MARK)


def _prune(node: Node, drop: set[str]) -> Node | None:
    if node.id in drop or is_transient(node):
        return None
    kept = [p for c in node.children if (p := _prune(c, drop)) is not None]
    return Node(node.id, node.type, node.props, kept)
