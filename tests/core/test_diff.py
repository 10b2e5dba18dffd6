"""The diff: apply(diff(a, b), a) == b, with keyed moves and few ops."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fastlit_core.diff import apply, diff
from fastlit_core.protocol import AppendText, Insert, Move, Remove, SetProps
from fastlit_core.tree import Node


def n(node_id: str, *children: Node, type: str = "t", **props: object) -> Node:
    return Node(node_id, type, dict(props), list(children))


def roundtrip(a: Node, b: Node) -> list:
    ops = diff(a, b)
    assert apply(a, ops) == b
    return ops


def test_identical_trees_need_no_ops():
    a = n("root", n("x", v=1), n("y", n("z")))
    assert diff(a, a) == []


def test_rotation_is_one_move():
    a = n("root", n("a"), n("b"), n("c"), n("d"))
    b = n("root", n("b"), n("c"), n("d"), n("a"))
    ops = roundtrip(a, b)
    assert ops == [Move("a", "root", None)]


def test_pure_reorder_is_sent_as_moves_only():
    a = n("root", *[n(str(i)) for i in range(6)])
    b = n("root", *[n(str(i)) for i in (5, 1, 2, 3, 4, 0)])
    ops = roundtrip(a, b)
    assert ops and all(isinstance(op, Move) for op in ops)
    assert len(ops) == 2


def test_insert_and_remove_in_one_container_keep_order():
    a = n("root", n("a"), n("b"), n("c"))
    b = n("root", n("new1"), n("a"), n("c"), n("new2"))
    ops = roundtrip(a, b)
    assert [type(op) for op in ops].count(Remove) == 1
    assert [type(op) for op in ops].count(Insert) == 2
    assert not any(isinstance(op, Move) for op in ops)


def test_node_moves_between_containers_without_reinsert():
    a = n("root", n("col1", n("w", value=3)), n("col2"))
    b = n("root", n("col1"), n("col2", n("w", value=3)))
    ops = roundtrip(a, b)
    assert ops == [Move("w", "col2", None)]


def test_node_leaving_a_removed_container_is_moved_out_first():
    a = n("root", n("box", n("w")), n("z"))
    b = n("root", n("w"), n("z"))
    ops = roundtrip(a, b)
    assert isinstance(ops[0], Move) and ops[0].id == "w"  # out before its container goes
    assert Remove("box") in ops
    assert not any(
        isinstance(op, (Insert, Remove)) and getattr(op, "id", None) == "w" for op in ops
    )


def test_prop_changes_are_deltas():
    a = n("root", n("x", label="a", help="h", value=1))
    b = n("root", n("x", label="a", value=2))
    assert roundtrip(a, b) == [SetProps("x", {"value": 2}, ["help"])]


def test_long_string_extension_is_an_append():
    text = "word " * 20
    a = n("root", n("x", body=text))
    b = n("root", n("x", body=text + "more"))
    assert roundtrip(a, b) == [AppendText("x", "body", "more")]


def test_type_change_with_same_id_is_replace():
    a = n("root", n("x", type="markdown"))
    b = n("root", n("x", type="code"))
    ops = roundtrip(a, b)
    assert isinstance(ops[0], Remove) and isinstance(ops[1], Insert)


# --- property test -------------------------------------------------------------------------

IDS = [f"n{i}" for i in range(14)]


@st.composite
def trees(draw: st.DrawFn) -> Node:
    """Random trees over a small id pool, so that a and b share, move and drop nodes."""
    pool = draw(st.permutations(IDS))
    count = draw(st.integers(0, len(pool)))
    nodes = [
        Node(i, draw(st.sampled_from(["t", "u"])), {"p": draw(st.integers(0, 2))}, [])
        for i in pool[:count]
    ]
    root = Node("root", "root", {}, [])
    placed = [root]
    for node in nodes:
        parent = draw(st.sampled_from(placed))
        parent.children.insert(draw(st.integers(0, len(parent.children))), node)
        placed.append(node)
    return root


@settings(max_examples=400, deadline=None)
@given(trees(), trees())
def test_apply_diff_gives_target(a: Node, b: Node):
    assert apply(a, diff(a, b)) == b


@settings(max_examples=200, deadline=None)
@given(trees())
def test_reorder_only_diff_never_removes_or_inserts(a: Node):
    b = Node(a.id, a.type, a.props, list(reversed(a.children)))
    ops = diff(a, b)
    assert all(isinstance(op, Move) for op in ops)
    assert apply(a, ops) == b
