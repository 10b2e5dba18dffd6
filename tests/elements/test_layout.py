"""st.columns, st.container, st.empty, st.sidebar under AppTest: structure, params, semantics."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from fastlit.testing.v1 import AppTest
from fastlit_core.plugin import Component, Container, Element, ElementPlugin, WidgetNode
from fastlit_core.registry import Registry, default_registry


def run(app_test: Any, body: str) -> AppTest:
    return app_test("import fastlit as st\n" + textwrap.dedent(body))


def shape(node: Any) -> Any:
    """(type, [children shapes]) for blocks, the type for leaves."""
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        return (node.type, [shape(c) for c in children.values()])
    return node.type


def raised(at: AppTest) -> str:
    """The `Name: message` an app stored in st.session_state['error']."""
    return at.session_state["error"]


CATCH = """
import fastlit as st
from fastlit_core.plugin import StreamlitAPIException
try:
    {call}
    st.session_state["error"] = "no error"
except StreamlitAPIException as exc:
    st.session_state["error"] = f"{{type(exc).__name__}}: {{exc}}"
"""


def error_of(call: str) -> str:
    return raised(AppTest.from_string(CATCH.format(call=call)).run())


# --- st.columns ------------------------------------------------------------------------------


def test_columns_make_a_horizontal_flex_container_of_weighted_columns(app_test: Any) -> None:
    at = run(
        app_test,
        """
        a, b = st.columns([2, 1])
        a.markdown("left")
        with b:
            st.markdown("right")
    """,
    )
    row = at.main.children[0]
    assert row.type == "flex_container"
    assert row.props == {"horizontal": True, "kind": "columns"}
    assert [c.type for c in row.children.values()] == ["column", "column"]
    assert [c.weight for c in at.columns] == pytest.approx([2 / 3, 1 / 3])
    assert at.columns[0].markdown[0].value == "left"
    assert at.columns[1].markdown[0].value == "right"
    assert at.columns[0].gap == "small"


def test_columns_int_spec_and_return_type(app_test: Any) -> None:
    at = run(
        app_test,
        """
        cols = st.columns(3)
        st.markdown(f"{type(cols).__name__} {len(cols)}")
    """,
    )
    assert at.markdown[0].value == "list 3"
    assert [c.weight for c in at.columns] == pytest.approx([1 / 3] * 3)
    assert all(c.props == {"weight": pytest.approx(1 / 3)} for c in at.columns)


def test_columns_params_become_props(app_test: Any) -> None:
    at = run(
        app_test,
        """
        st.columns((1, 3), gap="large", vertical_alignment="center", border=True, width=400,
                   wrap=False)
        st.columns(1, gap=None)
        st.columns(1, gap=12)
    """,
    )
    row = at.main.children[0]
    assert row.props == {
        "horizontal": True,
        "kind": "columns",
        "gap": "large",
        "width": 400,
        "wrap": False,
    }
    assert at.columns[0].props == {
        "weight": 0.25,
        "gap": "large",
        "vertical_alignment": "center",
        "border": True,
    }
    assert at.columns[0].gap == "large"
    assert at.main.children[1].props["gap"] == 0
    assert at.main.children[2].props["gap"] == 12


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (
            "st.columns(0)",
            "StreamlitInvalidColumnSpecError: The `spec` argument to `st.columns` must",
        ),
        ("st.columns(-2)", "StreamlitInvalidColumnSpecError"),
        ("st.columns([])", "StreamlitInvalidColumnSpecError"),
        ("st.columns([1, 0])", "StreamlitInvalidColumnSpecError"),
        ("st.columns([1, -1])", "StreamlitInvalidColumnSpecError"),
        ("st.columns(['a', 'b'])", "StreamlitInvalidParameterTypeError: Invalid `spec` type."),
        (
            "st.columns(2, vertical_alignment='middle')",
            "StreamlitValueError: Invalid `vertical_alignment`",
        ),
        ("st.columns(2, gap='huge')", "StreamlitValueError: Invalid `gap` value."),
        ("st.columns(2, width='content')", "StreamlitInvalidWidthError"),
        ("st.columns(2, width=0)", "StreamlitInvalidWidthError"),
        ("st.columns(2, wrap='yes')", "StreamlitValueError: Invalid `wrap` value."),
    ],
)
def test_columns_validation_matches_streamlit(call: str, error: str) -> None:
    assert error_of(call).startswith(error)


@pytest.mark.parametrize(
    "call",
    [
        "st.columns(0)",
        "st.columns(['a'])",
        "st.columns(2, gap='huge')",
        "st.columns(2, width=0)",
        "st.container(wrap=False)",
        "st.container(height=-1)",
        "st.container(width='x')",
        "st.container(horizontal_alignment='middle')",
    ],
)
def test_validation_errors_have_streamlits_names(call: str) -> None:
    streamlit = pytest.importorskip("streamlit")
    from streamlit.errors import StreamlitAPIException as StreamlitError

    try:
        exec(call, {"st": streamlit})
        expected = "no error"
    except StreamlitError as exc:
        expected = type(exc).__name__
    assert error_of(call).split(":")[0] == expected


def test_nested_columns(app_test: Any) -> None:
    at = run(
        app_test,
        """
        outer = st.columns(2)
        with outer[1]:
            inner = st.columns([1, 1, 2])
            inner[2].markdown("deep")
    """,
    )
    assert shape(at.main) == (
        "main",
        [
            (
                "flex_container",
                [
                    ("column", []),
                    (
                        "column",
                        [
                            (
                                "flex_container",
                                [("column", []), ("column", []), ("column", ["markdown"])],
                            )
                        ],
                    ),
                ],
            )
        ],
    )
    assert len(at.columns) == 5
    assert at.columns[1].columns[2].markdown[0].value == "deep"


# --- st.container ----------------------------------------------------------------------------


def test_container_defaults_and_with_block(app_test: Any) -> None:
    at = run(
        app_test,
        """
        with st.container():
            st.markdown("inside")
        st.markdown("after")
    """,
    )
    block = at.main.children[0]
    assert block.type == "flex_container"
    assert block.props == {}
    assert block.markdown[0].value == "inside"
    assert at.main.children[1].value == "after"


def test_container_can_be_filled_out_of_order(app_test: Any) -> None:
    at = run(
        app_test,
        """
        box = st.container()
        st.markdown("below")
        box.markdown("above")
    """,
    )
    assert shape(at.main) == ("main", [("flex_container", ["markdown"]), "markdown"])
    assert at.main.children[0].markdown[0].value == "above"


def test_container_params_become_props(app_test: Any) -> None:
    at = run(
        app_test,
        """
        st.container(border=True, key="card", width=300, height=200, horizontal=True, wrap=False,
                     horizontal_alignment="right", vertical_alignment="center", gap="medium",
                     autoscroll=True)
        st.container(height=250)
        st.container(height=250, border=False)
        st.container(width="content", height="stretch")
    """,
    )
    a, b, c, d = (at.main.children[i] for i in range(4))
    assert a.props == {
        "horizontal": True,
        "border": True,
        "width": 300,
        "height": 200,
        "wrap": False,
        "horizontal_alignment": "right",
        "vertical_alignment": "center",
        "gap": "medium",
        "autoscroll": True,
        "key": "card",
    }
    assert b.props == {"border": True, "height": 250}  # a fixed height implies a border
    assert c.props == {"height": 250}
    assert d.props == {"width": "content", "height": "stretch"}
    assert all(n.type == "flex_container" for n in (a, b, c, d))


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (
            "st.container(wrap=False)",
            "StreamlitIncompatibleParametersError: `wrap=False` and "
            "`horizontal=False` cannot be used together.",
        ),
        ("st.container(height=0)", "StreamlitInvalidHeightError"),
        ("st.container(height='auto')", "StreamlitInvalidHeightError"),
        ("st.container(width=-5)", "StreamlitInvalidWidthError"),
        (
            "st.container(horizontal_alignment='middle')",
            "StreamlitValueError: Invalid `horizontal_alignment`",
        ),
        (
            "st.container(vertical_alignment='left')",
            "StreamlitValueError: Invalid `vertical_alignment`",
        ),
        ("st.container(gap='tiny')", "StreamlitValueError: Invalid `gap`"),
    ],
)
def test_container_validation(call: str, error: str) -> None:
    assert error_of(call).startswith(error)


def test_nested_containers_and_columns_inside_containers(app_test: Any) -> None:
    at = run(
        app_test,
        """
        with st.container(border=True):
            with st.container(horizontal=True):
                st.button("a")
                st.button("b")
            left, right = st.columns(2)
            right.markdown("r")
    """,
    )
    assert shape(at.main) == (
        "main",
        [
            (
                "flex_container",
                [
                    ("flex_container", ["button", "button"]),
                    ("flex_container", [("column", []), ("column", ["markdown"])]),
                ],
            )
        ],
    )


# --- st.empty --------------------------------------------------------------------------------


def test_empty_is_a_placeholder_until_filled(app_test: Any) -> None:
    at = run(
        app_test,
        """
        st.markdown("before")
        st.empty()
        st.markdown("after")
    """,
    )
    assert shape(at.main) == ("main", ["markdown", "empty", "markdown"])
    assert at.empty[0].type == "empty"


def test_each_command_on_empty_replaces_its_content_in_place(app_test: Any) -> None:
    at = run(
        app_test,
        """
        st.markdown("before")
        placeholder = st.empty()
        st.markdown("after")
        placeholder.markdown("one")
        placeholder.markdown("two")
        placeholder.caption("three")
    """,
    )
    assert shape(at.main) == ("main", ["markdown", "caption", "markdown"])
    assert at.caption[0].value == "three"
    assert [m.value for m in at.markdown] == ["before", "after"]


def test_with_empty_keeps_only_the_last_element(app_test: Any) -> None:
    at = run(
        app_test,
        """
        placeholder = st.empty()
        with placeholder:
            st.markdown("one")
            st.markdown("two")
        st.markdown("after")
    """,
    )
    assert [m.value for m in at.markdown] == ["two", "after"]


def test_empty_clears_and_refills(app_test: Any) -> None:
    at = run(
        app_test,
        """
        placeholder = st.empty()
        placeholder.markdown("shown, then cleared")
        placeholder.empty()
        other = st.empty()
        other.markdown("x")
        other.empty()
        other.markdown("refilled")
    """,
    )
    assert shape(at.main) == ("main", ["empty", "markdown"])
    assert at.markdown[0].value == "refilled"


def test_empty_container_holds_many_elements_and_is_replaced_whole(app_test: Any) -> None:
    at = run(
        app_test,
        """
        placeholder = st.empty()
        with placeholder.container():
            st.markdown("a")
            st.markdown("b")
        second = st.empty()
        with second.container():
            st.markdown("gone")
        second.markdown("replaced the container")
    """,
    )
    assert shape(at.main) == ("main", [("flex_container", ["markdown", "markdown"]), "markdown"])
    assert at.main.children[1].value == "replaced the container"


def test_empty_content_follows_reruns(app_test: Any) -> None:
    at = run(
        app_test,
        """
        st.session_state.setdefault("n", 0)
        st.session_state.n += 1
        placeholder = st.empty()
        if st.session_state.n % 2:
            placeholder.markdown(f"odd {st.session_state.n}")
        st.button("again")
    """,
    )
    assert shape(at.main) == ("main", ["markdown", "button"])
    at.run()
    assert shape(at.main) == ("main", ["empty", "button"])
    at.run()
    assert at.markdown[0].value == "odd 3"


def test_placeholder_still_works_after_its_content_handle_was_used(app_test: Any) -> None:
    at = run(
        app_test,
        """
        placeholder = st.empty()
        bar = placeholder.markdown("0%")
        bar.markdown("100%")
        placeholder.empty()
        st.markdown("after")
    """,
    )
    assert shape(at.main) == ("main", ["empty", "markdown"])


def test_empty_inside_a_column_and_sidebar(app_test: Any) -> None:
    at = run(
        app_test,
        """
        col = st.columns(2)[1]
        slot = col.empty()
        slot.markdown("in column")
        side = st.sidebar.empty()
        side.button("in sidebar")
    """,
    )
    assert at.columns[1].markdown[0].value == "in column"
    assert shape(at.sidebar) == ("sidebar", ["button"])


# --- st.sidebar ------------------------------------------------------------------------------


def test_sidebar_is_a_root_container_beside_main(app_test: Any) -> None:
    at = run(
        app_test,
        """
        st.sidebar.button("side")
        with st.sidebar:
            st.markdown("also side")
        st.markdown("main")
    """,
    )
    assert at.sidebar.type == "sidebar"
    assert at.sidebar.id == "sidebar"
    assert at.sidebar.button[0].label == "side"
    assert at.sidebar.markdown[0].value == "also side"
    assert [m.value for m in at.main.markdown] == ["main"]
    assert at.main.type == "main"


def test_sidebar_absent_until_used(app_test: Any) -> None:
    at = run(app_test, 'st.markdown("main only")')
    assert len(at.sidebar) == 0
    assert len(at.sidebar.markdown) == 0


def test_sidebar_is_the_same_from_anywhere(app_test: Any) -> None:
    at = run(
        app_test,
        """
        with st.columns(2)[0]:
            st.sidebar.markdown("from a column")
        with st.container():
            st.sidebar.markdown("from a container")
        st.sidebar.columns(2)[1].markdown("columns in the sidebar")
    """,
    )
    assert [m.value for m in at.sidebar.markdown] == [
        "from a column",
        "from a container",
        "columns in the sidebar",
    ]
    assert shape(at.sidebar) == (
        "sidebar",
        ["markdown", "markdown", ("flex_container", [("column", []), ("column", ["markdown"])])],
    )


# --- every element in every container --------------------------------------------------------

TARGETS = {
    "column": ("target = st.columns([1, 2])[1]", lambda at: at.columns[1]),
    "nested_column": ("target = st.columns(2)[0].columns(3)[2]", lambda at: at.columns[3]),
    "sidebar": ("target = st.sidebar", lambda at: at.sidebar),
    "container": ("target = st.container(border=True)", lambda at: at.main.children[0]),
    "horizontal": ("target = st.container(horizontal=True)", lambda at: at.main.children[0]),
}

CALLS = {
    "markdown": ('markdown("hi")', "markdown"),
    "caption": ('caption("small")', "caption"),
    "title": ('title("T")', "title"),
    "header": ('header("H")', "header"),
    "subheader": ('subheader("S")', "subheader"),
    "button": ('button("go {n}")', "button"),
    "balloons": ("balloons()", "balloons"),
    "line_chart": ("line_chart([1, 2, 3])", "vega_lite_chart"),
    "columns": ("columns(2)", "column"),
    "container": ("container(border=True)", "flex_container"),
    "empty": ("empty()", "empty"),
}


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("call", CALLS)
def test_every_element_works_in_every_container(app_test: Any, target: str, call: str) -> None:
    make, find = TARGETS[target]
    code, node_type = CALLS[call]
    at = run(
        app_test,
        f"""
        {make}
        target.{code.format(n=1)}
        with target:
            st.{code.format(n=2)}
    """,
    )
    block = find(at)
    assert len(block.get(node_type)) == (4 if call == "columns" else 2), shape(block)


@pytest.mark.parametrize("call", CALLS)
def test_every_element_works_in_empty(app_test: Any, call: str) -> None:
    code, node_type = CALLS[call]
    at = run(
        app_test,
        f"""
        slot = st.empty()
        slot.markdown("replaced")
        slot.{code.format(n=1)}
        st.markdown("after")
        other = st.empty()
        with other:
            st.{code.format(n=2)}
    """,
    )
    expected = {"columns": 4, "markdown": 3}.get(call, 2)  # "after" is a markdown too
    assert len(at.get(node_type)) == expected
    assert "replaced" not in [m.value for m in at.markdown]
    assert len(at.main.children) == 3  # each placeholder still holds exactly one element


# --- widgets in layout blocks keep their state -----------------------------------------------


def counter(container: Container, label: str, key: str | None = None) -> int:
    return container.widget(
        "fl_test_counter",
        {"label": label},
        key=key,
        identity={"label": label},
        default=0,
        value_type=int,
    )


class CounterNode(WidgetNode):
    @property
    def type(self) -> str:
        return "fl_test_counter"


COUNTER = ElementPlugin(
    elements=[Element("fl_test_counter", counter)],
    components=[Component("fl_test_counter", Path("."), "none.js", test_node=CounterNode)],
)


def registry_with_counter() -> Registry:
    registry = Registry.from_plugins([COUNTER])
    for name, element in default_registry().elements.items():
        registry.elements.setdefault(name, element)
    for name, component in default_registry().components.items():
        registry.components.setdefault(name, component)
    return registry


def test_a_widget_in_a_column_keeps_its_value_across_reruns() -> None:
    at = AppTest.from_string(
        textwrap.dedent("""
        import fastlit as st
        left, right = st.columns(2)
        value = right.fl_test_counter("clicks")
        with st.sidebar:
            side = st.fl_test_counter("side")
        with st.container():
            st.markdown(f"value={value} side={side}")
    """),
        registry=registry_with_counter(),
    ).run()
    assert at.columns[1].fl_test_counter[0].value == 0
    at.columns[1].fl_test_counter[0].set_value(5)
    at.sidebar.fl_test_counter[0].set_value(2)
    at.run()
    assert at.markdown[0].value == "value=5 side=2"
    at.run()
    assert at.markdown[0].value == "value=5 side=2"
    assert at.columns[1].fl_test_counter[0].value == 5


def test_button_in_a_column_and_in_the_sidebar(app_test: Any) -> None:
    at = run(
        app_test,
        """
        st.session_state.setdefault("clicks", 0)
        if st.columns(3)[2].button("col"):
            st.session_state.clicks += 1
        if st.sidebar.button("side"):
            st.session_state.clicks += 10
        st.markdown(str(st.session_state.clicks))
    """,
    )
    at.columns[2].button[0].click().run()
    assert at.markdown[0].value == "1"
    at.sidebar.button[0].click().run()
    assert at.markdown[0].value == "11"
    at.run()
    assert at.markdown[0].value == "11"


# --- the same tree as Streamlit's AppTest ----------------------------------------------------

PARITY_SCRIPT = """
a, b = st.columns([3, 1])
a.markdown("a")
with b:
    st.button("b")
    inner = st.columns(2)
    inner[0].markdown("nested")
with st.container(border=True):
    st.markdown("boxed")
slot = st.empty()
slot.markdown("one")
slot.markdown("two")
st.empty()
with st.empty():
    st.markdown("x")
    st.button("last wins")
st.sidebar.button("side")
st.sidebar.markdown("side text")
"""


def test_tree_shape_matches_streamlit(app_test: Any) -> None:
    pytest.importorskip("streamlit")
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    ours = run(app_test, PARITY_SCRIPT)
    theirs = StreamlitAppTest.from_string("import streamlit as st\n" + PARITY_SCRIPT).run()
    assert shape(ours.main)[1] == shape(theirs.main)[1]
    assert shape(ours.sidebar)[1] == shape(theirs.sidebar)[1]
    assert [c.weight for c in ours.columns] == pytest.approx([c.weight for c in theirs.columns])
    assert [c.type for c in ours.columns] == [c.type for c in theirs.columns]
