"""st.slider under AppTest and over the websocket: values, ranges, dates, checks, parity."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from fastlit_core.state import WidgetValueError
from tests.parity import same_as_streamlit


def test_int_defaults(app_test):
    at = app_test("import fastlit as st\nv = st.slider('Level')\nst.markdown(repr(v))")
    s = at.slider[0]
    assert s.value == 0 and type(s.value) is int
    assert (s.min, s.max, s.step) == (0, 100, 1)
    assert all(type(x) is int for x in (s.min, s.max, s.step))
    assert s.props == {"label": "Level", "min": 0, "max": 100, "step": 1, "value": [0]}


def test_float_defaults_and_format(app_test):
    at = app_test("import fastlit as st\nst.slider('F', 0.0, 10.0, format='%0.1f%%')")
    s = at.slider[0]
    assert s.value == 0.0 and type(s.value) is float
    assert (s.min, s.max, s.step) == (0.0, 10.0, 0.01)
    assert s.props["data_type"] == "float" and s.props["format"] == "%0.1f%%"


def test_set_value_over_several_runs(app_test):
    at = app_test("""
        import fastlit as st
        v = st.slider("L", 0, 10, 5)
        st.markdown(f"{v!r} {type(v).__name__}")
    """)
    assert at.markdown[0].value == "5 int"
    for target in (7, 0, 10, 3):
        at.slider[0].set_value(target).run()
        assert at.markdown[0].value == f"{target} int"
    at.run()
    assert at.slider[0].value == 3


def test_float_step_values_stay_plain_floats(app_test):
    at = app_test("import fastlit as st\nst.slider('F', -1.0, 1.0, 0.5, 0.25)")
    at.slider[0].set_value(-0.75).run()
    assert at.slider[0].value == -0.75 and type(at.slider[0].value) is float


def test_range_returns_a_tuple_and_set_range(app_test):
    at = app_test("import fastlit as st\nst.markdown(repr(st.slider('R', 0, 100, (20, 80))))")
    assert at.slider[0].value == (20, 80) and at.markdown[0].value == "(20, 80)"
    at.slider[0].set_range(30, 40).run()
    assert at.markdown[0].value == "(30, 40)"
    at.slider[0].set_value([0, 100]).run()
    assert at.slider[0].value == (0, 100)
    assert at.slider[0].props["value"] == [0, 100]


def test_empty_tuple_is_the_full_range(app_test):
    at = app_test("import fastlit as st\nst.slider('R', 10, 20, ())")
    assert at.slider[0].value == (10, 20)


def test_dates_times_and_datetimes(app_test):
    at = app_test("""
        import datetime as dt
        import fastlit as st
        d = st.slider("d", dt.date(2024, 1, 1), dt.date(2024, 12, 31), dt.date(2024, 6, 1))
        t = st.slider("t", value=(dt.time(9), dt.time(17)))
        zone = dt.timezone(dt.timedelta(hours=2))
        w = st.slider("w", value=dt.datetime(2024, 1, 1, 12, tzinfo=zone))
        st.markdown(repr((d, t, w)))
    """)
    d, t, w = at.slider
    assert d.value == dt.date(2024, 6, 1) and type(d.value) is dt.date
    assert d.step == dt.timedelta(days=1) and d.min == dt.date(2024, 1, 1)
    assert "format" not in d.props  # Streamlit's "YYYY-MM-DD" default is the component's
    assert t.value == (dt.time(9), dt.time(17))
    assert (t.min, t.max, t.step) == (dt.time(0), dt.time.max, dt.timedelta(minutes=15))
    zone = dt.timezone(dt.timedelta(hours=2))
    assert w.value == dt.datetime(2024, 1, 1, 12, tzinfo=zone)
    assert w.min == dt.datetime(2023, 12, 18, 12, tzinfo=zone)  # 14 days either side
    d.set_value(dt.date(2024, 2, 29))
    t.set_range(dt.time(8, 15), dt.time(12))
    w.set_value(dt.datetime(2024, 1, 5, 6, 30, tzinfo=zone))
    at.run()
    assert at.slider[0].value == dt.date(2024, 2, 29)
    assert at.slider[1].value == (dt.time(8, 15), dt.time(12))
    assert at.slider[2].value == dt.datetime(2024, 1, 5, 6, 30, tzinfo=zone)
    assert at.slider[2].value.tzinfo == zone  # the zone survives the wire (wall-clock micros)


def test_wire_form_of_dates_is_epoch_microseconds(app_test):
    at = app_test("import datetime as dt, fastlit as st\nst.slider('d', value=dt.date(1970, 1, 2))")
    props = at.slider[0].props
    assert props["value"] == [86_400_000_000]
    assert props["data_type"] == "date" and props["step"] == 86_400_000_000


def test_on_change_fires_once_per_change_before_the_body(app_test):
    at = app_test("""
        import fastlit as st
        st.session_state.setdefault("log", [])
        def moved(tag):
            st.session_state.log.append((tag, st.session_state.s))
        st.session_state.log.append("body")
        st.slider("S", 0, 10, key="s", on_change=moved, args=("cb",))
    """)
    at.slider[0].set_value(4).run()
    assert at.session_state["log"] == ["body", ("cb", 4), "body"]
    at.slider[0].set_value(4).run()  # unchanged: no callback
    assert at.session_state["log"] == ["body", ("cb", 4), "body", "body"]
    at.slider[0].set_value(9).run()
    assert at.session_state["log"][-2:] == [("cb", 9), "body"]


def test_session_state_mirrors_and_a_preset_value_wins(app_test):
    at = app_test("""
        import fastlit as st
        if "s" not in st.session_state:
            st.session_state.s = 42
        st.markdown(repr(st.slider("S", key="s")))
    """)
    assert at.markdown[0].value == "42"
    at.slider[0].set_value(7).run()
    assert at.session_state["s"] == 7 and at.markdown[0].value == "7"


def test_a_range_in_session_state_makes_value_none_a_range(app_test):
    at = app_test("""
        import fastlit as st
        if "r" not in st.session_state:
            st.session_state.r = (10, 20)
        st.markdown(repr(st.slider("R", key="r")))
    """)
    assert at.markdown[0].value == "(10, 20)"
    at.slider[0].set_range(5, 6).run()
    assert at.markdown[0].value == "(5, 6)"


def test_session_state_out_of_range_raises_like_streamlit(app_test):
    at = app_test("""
        import fastlit as st
        st.session_state.s = 200
        try:
            st.slider("S", key="s")
        except Exception as e:
            st.markdown(f"{type(e).__name__}: {e}")
    """)
    assert at.markdown[0].value == (
        "StreamlitValueAboveMaxError: The `value` 200 is greater than the `max_value` 100."
    )


@pytest.mark.parametrize(
    "bad",
    [
        [11],
        [-1],
        [5.5],
        ["x"],
        [],
        [1, 2],
        5,
        None,
        [float("nan")],
        [float("inf")],
    ],
)
def test_out_of_range_or_malformed_wire_values_are_rejected(app_test, bad):
    at = app_test("import fastlit as st\nst.slider('S', 0, 10)")
    wid = at.slider[0].id
    assert at._session.state.validate_wire(wid, [10]) == 10
    with pytest.raises(WidgetValueError):
        at._session.state.validate_wire(wid, bad)


@pytest.mark.parametrize("bad", [[1, 11], [5, 2], [3], [-1e300, 2]])
def test_bad_ranges_are_rejected(app_test, bad):
    at = app_test("import fastlit as st\nst.slider('R', 0, 10, (2, 8))")
    with pytest.raises(WidgetValueError):
        at._session.state.validate_wire(at.slider[0].id, bad)


def test_huge_date_numbers_are_rejected_not_crashing(app_test):
    at = app_test("import datetime as dt, fastlit as st\nst.slider('d', value=dt.date(2024, 1, 1))")
    with pytest.raises(WidgetValueError):
        at._session.state.validate_wire(at.slider[0].id, [1e300])


def test_set_value_out_of_range_fails_the_run(app_test):
    at = app_test("import fastlit as st\nst.slider('S', 0, 10)")
    at.slider[0].set_value(50)
    with pytest.raises(WidgetValueError):
        at.run()


def test_min_max_and_step_are_in_the_key_identity(app_test):
    at = app_test("""
        import fastlit as st
        big = st.session_state.get("big", False)
        label = st.session_state.get("label", "S")
        st.slider(label, 0, 100 if big else 10, key="s")
    """)
    at.slider[0].set_value(7).run()
    at.session_state["label"] = "Renamed"  # not identity with a key: the value stays
    at.run()
    assert at.slider[0].value == 7
    at.session_state["big"] = True  # max_value is: a new widget with its default
    at.run()
    assert at.slider[0].value == 0


def test_disabled_and_label_options_are_props(app_test):
    at = app_test("""
        import fastlit as st
        st.slider("S", disabled=True, help="h", label_visibility="hidden", width=300)
    """)
    props = at.slider[0].props
    assert props["disabled"] is True and props["help"] == "h"
    assert props["label_visibility"] == "hidden" and props["width"] == 300


# --- through the real server: the browser's message is refused, the session goes on -------


@pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")
def test_server_rejects_out_of_range_and_accepts_in_range(tmp_path: Path):
    from starlette.testclient import TestClient

    from fastlit_core.app import App
    from fastlit_core.registry import default_registry
    from fastlit_core.server import create_server

    script = tmp_path / "app.py"
    script.write_text("import fastlit as st\nv = st.slider('S', 0, 10, 3)\nst.markdown(f'v={v}')\n")
    with TestClient(create_server(App(script, default_registry()))) as client:
        with client.websocket_connect("/_fl/ws") as ws:
            ws.send_text(json.dumps({"t": "hello", "protocol": 1}))
            frames = receive_until(ws, lambda frame: "v=3" in json.dumps(frame))
            wid = find_node(frames, "slider")["id"]
            ws.send_text(json.dumps({"t": "widgets", "values": {wid: [11]}}))
            error = receive_until(ws, lambda frame: frame["t"] == "error")[-1]
            assert "greater than the `max_value` 10" in error["message"]
            ws.send_text(json.dumps({"t": "widgets", "values": {wid: [7]}}))
            receive_until(ws, lambda frame: "v=7" in json.dumps(frame))


def receive_until(ws, done, limit: int = 50) -> list[dict]:
    """Frames up to the first one `done` accepts (the shell's order: welcome, tree, patches)."""
    frames = []
    for _ in range(limit):
        frames.append(ws.receive_json())
        if done(frames[-1]):
            return frames
    raise AssertionError(f"no matching frame in {frames}")


def find_node(value, node_type):
    if isinstance(value, dict):
        if value.get("type") == node_type and "id" in value:
            return value
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            found = find_node(item, node_type)
            if found is not None:
                return found
    return None


# --- the same snippets under Streamlit's AppTest ------------------------------------------

PARITY = [
    "st.slider('a')",
    "st.slider('a', 0.0, 10.0)",
    "st.slider('a', value=(3, 7))",
    "st.slider('a', value=())",
    "st.slider('a', value=(5,))",
    "st.slider('a', 5, 5)",
    "st.slider('a', 10, 0)",
    "st.slider('a', 0, 10, 20)",
    "st.slider('a', 0, 10.0)",
    "st.slider('a', 0, 10, step=0)",
    "st.slider('a', value='x')",
    "st.slider('a', value=[1, 2, 3])",
    "st.slider('a', value=[1, 2.0])",
    "st.slider('a', value=dt.date(2024, 1, 1))",
    "st.slider('a', value=dt.time(12, 0))",
    "st.slider('a', value=dt.datetime(2024, 1, 1, 12))",
    "st.slider('a', 0, 2**60)",
    "st.slider('a', label_visibility='x')",
    "st.slider('a', on_change='bogus')",
    "st.slider('a', step=0.5)",
    "st.slider('a', 1.5)",
    "st.slider('a', True, False)",
    "st.slider('a', 0.0, float('inf'))",
    "st.slider('a', min_value=dt.date(2024, 1, 1), max_value=dt.date(2024, 1, 1))",
    "st.slider('a', value=(dt.time(1), dt.time(3)), step=dt.timedelta(0))",
    "st.slider('a', dt.datetime(2024, 1, 1), dt.datetime(2024, 1, 1, 5))",
    "st.slider('a', value=(7, 3))",
    "st.slider('a', -5.5, 5.5, (1.0, 2.0), 0.5)",
    "st.slider('a', value=dt.date(1, 1, 1))",
    "st.slider('a', value=dt.datetime(9999, 12, 31))",
    "st.slider('a', value=[dt.date(2024, 1, 1), dt.datetime(2024, 1, 1)])",
    "st.slider('a', 0, 10, value=5.0)",
    "st.session_state['k'] = 200\nst.slider('a', key='k')",
    "st.session_state['k'] = (2, 3)\nst.slider('a', key='k')",
    "st.session_state['k'] = -1\nst.slider('c', key='k')",
    "st.session_state['k'] = (2, 300)\nst.slider('c', 0, 100, (1, 5), key='k')",
    "st.slider('a')\nst.slider('a')",
    "st.slider('a', key='x')\nst.slider('b', key='x')",
]

PARITY_ACTIONS = [
    ("st.slider('a', 0, 10)", lambda at: at.slider[0].set_value(7)),
    ("st.slider('a', 0, 10, (2, 3))", lambda at: at.slider[0].set_range(4, 9)),
    ("st.slider('a', 0.0, 1.0)", lambda at: at.slider[0].set_value(0.25)),
    ("st.slider('a', value=dt.time(12))", lambda at: at.slider[0].set_value(dt.time(13, 15))),
    (
        "st.slider('a', value=(dt.datetime(2024, 1, 1), dt.datetime(2024, 1, 5)))",
        lambda at: at.slider[0].set_range(dt.datetime(2024, 1, 2), dt.datetime(2024, 1, 3)),
    ),
]


@pytest.mark.parametrize("snippet", PARITY)
def test_same_result_as_streamlit(snippet):
    same_as_streamlit(snippet)


@pytest.mark.parametrize(("snippet", "act"), PARITY_ACTIONS)
def test_same_interaction_result_as_streamlit(snippet, act):
    same_as_streamlit(snippet, act)
