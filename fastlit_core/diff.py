"""Pure diff of two UI trees into patch ops: keyed moves, anchored inserts, prop deltas."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from .protocol import AppendText, Insert, Move, Op, Remove, SetProps
from .tree import Node, index, snapshot, walk

# Below this length a changed string is re-sent whole; above it a pure extension is an append.
APPEND_MIN_LENGTH = 32


def diff(old: Node, new: Node) -> list[Op]:
    """Ops that turn `old` into `new` when applied in order (see `apply`).

    A node is *kept* when its id and type match and its new parent is kept too; a kept
    node that changes place is moved, never removed and re-inserted. Within each kept
    container the children on a longest increasing subsequence stay put, so a pure
    reorder costs the fewest moves.
    """
    if old.id != new.id or old.type != new.type:
        raise ValueError("the roots of both trees must be the same node")
    old_index = index(old)
    kept = _kept_ids(old_index, new)

    new_parent = {n.id: p.id for n, p in walk(new) if p is not None}
    live_children = {n.id: [c.id for c in n.children] for n, _ in walk(old)}

    ops: list[Op] = []
    # 1. Removes first, so child lists are short before placing. A dropped container that
    #    holds kept nodes first hands them to their new (kept) parents, at the end; step 2
    #    then puts them in place. Nothing of the old container may outlive it: its id may
    #    come back inside an inserted subtree.
    for node_id in _topmost_dropped(old, kept):
        dropped = old_index[node_id][0]
        for moved in _topmost_kept_below(dropped, kept):
            target = new_parent[moved]
            live_children[old_index[moved][1]].remove(moved)  # type: ignore[index]
            live_children[target].append(moved)
            ops.append(Move(moved, target, None))
        parent_id = old_index[node_id][1]
        live_children[parent_id].remove(node_id)  # type: ignore[index]
        ops.append(Remove(node_id))

    # 2. Place children, top down, anchoring each on the sibling that follows it.
    for node in _walk_kept(new, kept):
        ops.extend(_place_children(node, live_children.get(node.id, []), kept))
        ops.extend(_prop_ops(old_index[node.id][0], node))
    return ops


def _kept_ids(old_index: dict[str, tuple[Node, str | None]], new: Node) -> set[str]:
    kept = {new.id}
    for node, parent in walk(new):
        if parent is None or parent.id not in kept:
            continue
        match = old_index.get(node.id)
        if match is not None and match[0].type == node.type:
            kept.add(node.id)
    return kept


def _topmost_dropped(old: Node, kept: set[str]) -> list[str]:
    """Dropped nodes whose parent is kept (a dropped subtree goes with its top)."""
    return [
        child.id
        for node, _ in walk(old)
        if node.id in kept
        for child in node.children
        if child.id not in kept
    ]


def _topmost_kept_below(node: Node, kept: set[str]) -> list[str]:
    found: list[str] = []
    for child in node.children:
        if child.id in kept:
            found.append(child.id)
        else:
            found.extend(_topmost_kept_below(child, kept))
    return found


def _walk_kept(new: Node, kept: set[str]) -> list[Node]:
    return [n for n, _ in walk(new) if n.id in kept]


def _place_children(node: Node, current: list[str], kept: set[str]) -> list[Op]:
    """Ops that make `current` (the client's child ids of `node`) equal node.children."""
    target = [c.id for c in node.children]
    if target == current:
        return []
    position = {child_id: i for i, child_id in enumerate(current)}
    staying = _longest_increasing([position.get(t, -1) for t in target])
    ops: list[Op] = []
    anchor: str | None = None
    for i in range(len(target) - 1, -1, -1):
        child = node.children[i]
        if child.id not in kept:
            ops.append(Insert(node.id, child, anchor))
        elif i not in staying:
            ops.append(Move(child.id, node.id, anchor))
        anchor = child.id
    return ops


def _longest_increasing(positions: list[int]) -> set[int]:
    """Indexes (into `positions`) of a longest strictly increasing run of positions >= 0."""
    tails: list[int] = []  # position values
    tail_index: list[int] = []  # index into positions for each tail
    previous: list[int] = [-1] * len(positions)
    for i, pos in enumerate(positions):
        if pos < 0:
            continue
        k = bisect_left(tails, pos)
        if k == len(tails):
            tails.append(pos)
            tail_index.append(i)
        else:
            tails[k] = pos
            tail_index[k] = i
        previous[i] = tail_index[k - 1] if k > 0 else -1
    result: set[int] = set()
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        result.add(i)
        i = previous[i]
    return result


def _prop_ops(old: Node, new: Node) -> list[Op]:
    if old.props is new.props or old.props == new.props:
        return []
    changed: dict[str, Any] = {}
    ops: list[Op] = []
    for key, value in new.props.items():
        if key in old.props:
            before = old.props[key]
            if before == value:
                continue
            if (
                isinstance(value, str)
                and isinstance(before, str)
                and len(before) >= APPEND_MIN_LENGTH
                and value.startswith(before)
            ):
                ops.append(AppendText(new.id, key, value[len(before) :]))
                continue
        changed[key] = value
    unset = [key for key in old.props if key not in new.props]
    if changed or unset:
        ops.insert(0, SetProps(new.id, changed, unset))
    return ops


# --- applying ops (the client's job; used by tests, AppTest and resync checks) -----------


def apply(root: Node, ops: list[Op]) -> Node:
    """Apply ops to a copy of `root` and return it. The browser implements the same rules."""
    tree = snapshot(root)
    nodes: dict[str, Node] = {}
    parents: dict[str, str | None] = {}
    for n, p in walk(tree):
        nodes[n.id] = n
        parents[n.id] = p.id if p is not None else None

    def detach(node_id: str) -> Node:
        parent = nodes[parents[node_id]]  # type: ignore[index]
        for i, c in enumerate(parent.children):
            if c.id == node_id:
                return parent.children.pop(i)
        raise KeyError(node_id)

    def attach(parent_id: str, node: Node, before: str | None) -> None:
        siblings = nodes[parent_id].children
        at = len(siblings) if before is None else [c.id for c in siblings].index(before)
        siblings.insert(at, node)
        parents[node.id] = parent_id

    def forget(node: Node) -> None:
        for n, _ in walk(node):
            nodes.pop(n.id, None)
            parents.pop(n.id, None)

    for op in ops:
        if isinstance(op, Insert):
            node = snapshot(op.node)
            attach(op.parent, node, op.before)
            for n, p in walk(node):
                nodes[n.id] = n
                if p is not None:
                    parents[n.id] = p.id
        elif isinstance(op, Move):
            attach(op.parent, detach(op.id), op.before)
        elif isinstance(op, Remove):
            forget(detach(op.id))
        elif isinstance(op, SetProps):
            node = nodes[op.id]
            props = {k: v for k, v in node.props.items() if k not in op.unset}
            props.update(op.props)
            node.props = props
        elif isinstance(op, AppendText):
            node = nodes[op.id]
            node.props = {**node.props, op.prop: node.props[op.prop] + op.text}
    return tree
