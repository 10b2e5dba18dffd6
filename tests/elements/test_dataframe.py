"""st.dataframe (basic): conversions, the 200-row cap, the rebuilt value, unsupported params."""

from __future__ import annotations

import textwrap

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from fastlit_core.plugin import FastlitUnsupportedWarning

SOURCE = """
import fastlit as st
import numpy as np
import pandas as pd
st.dataframe(pd.DataFrame({"i": [1, 2], "f": [1.5, None], "s": ["a", "b"], "b": [True, False]}))
st.dataframe(pd.Series([1, 2], name="s"))
st.dataframe({"a": [1, 2], "b": ["x", "y"]})
st.dataframe([{"a": 1}, {"a": 2, "b": 3}])
st.dataframe([[1, 2], [3, 4]])
st.dataframe(np.array([1, 2, 3]))
st.dataframe(np.array([[1, 2], [3, 4]]))
st.dataframe(pd.DataFrame({"a": [1.5, None]}, index=pd.Index(["r1", "r2"], name="row")))
st.dataframe({"k1": 1, "k2": 2})
st.dataframe(None)
"""


def streamlit_run(source: str):
    testing = pytest.importorskip("streamlit.testing.v1")
    return testing.AppTest.from_string(
        textwrap.dedent(source).replace("import fastlit as st", "import streamlit as st")
    ).run()


def test_dataframe_values_round_trip(app_test):
    at = app_test(SOURCE)
    assert len(at.dataframe) == 10
    expected = pd.DataFrame({"i": [1, 2], "f": [1.5, None], "s": ["a", "b"], "b": [True, False]})
    assert_frame_equal(at.dataframe[0].value, expected)
    assert list(at.dataframe[5].value.columns) == ["value"]  # Streamlit's name for one column
    assert list(at.dataframe[6].value.columns) == [0, 1]
    indexed = at.dataframe[7].value
    assert list(indexed.index) == ["r1", "r2"] and indexed.index.name == "row"
    assert at.dataframe[9].value.empty


def test_dataframe_matches_streamlit(app_test):
    ours, theirs = app_test(SOURCE), streamlit_run(SOURCE)
    assert len(ours.dataframe) == len(theirs.dataframe)
    for mine, reference in zip(ours.dataframe, theirs.dataframe):
        assert_frame_equal(
            mine.value,
            reference.value,
            check_dtype=False,
            check_index_type=False,
            check_column_type=False,
        )


def test_dataframe_props_are_json_safe_and_small(app_test):
    at = app_test("""
        import fastlit as st
        import pandas as pd
        df = pd.DataFrame({"t": pd.to_datetime(["2024-01-02", None]), "big": [2**60, 1],
                           "inf": [float("inf"), 0.0], "lst": [[1, 2], {"k": 1}]})
        st.dataframe(df, hide_index=True, height=300, row_height=40, placeholder="-", alt="t")
    """)
    props = at.dataframe[0].props
    assert props["columns"] == ["t", "big", "inf", "lst"]
    assert props["rows"] == [
        ["2024-01-02T00:00:00", str(2**60), "inf", [1, 2]],
        [None, 1, 0.0, {"k": 1}],
    ]
    assert "index" not in props  # a default RangeIndex is not sent
    assert {k: props[k] for k in ("hide_index", "height", "row_height", "placeholder", "alt")} == {
        "hide_index": True,
        "height": 300,
        "row_height": 40,
        "placeholder": "-",
        "alt": "t",
    }
    value = at.dataframe[0].value
    assert str(value["t"].dtype).startswith("datetime64") and value["big"][0] == 2**60


def test_dataframe_caps_rows_at_200(app_test):
    at = app_test("""
        import fastlit as st
        import pandas as pd
        st.dataframe(pd.DataFrame({"n": range(250)}))
        st.dataframe(pd.DataFrame({"n": range(200)}))
    """)
    capped, exact = at.dataframe
    assert len(capped.props["rows"]) == 200 and capped.props["total_rows"] == 250
    assert list(capped.value["n"]) == list(range(200))  # only what the browser got
    assert "total_rows" not in exact.props


def test_dataframe_column_order_and_width(app_test):
    at = app_test("""
        import fastlit as st
        st.dataframe({"a": [1], "b": [2], "c": [3]}, column_order=["c", "a"],
                     use_container_width=False)
    """)
    assert at.dataframe[0].props["columns"] == ["c", "a"]
    assert at.dataframe[0].props["width"] == "content"


def test_dataframe_unsupported_params_warn(app_test):
    with pytest.warns(FastlitUnsupportedWarning) as record:
        at = app_test("""
            import fastlit as st
            st.dataframe({"a": [1]}, column_config={"a": "A"}, on_select="rerun",
                         selection_mode="single-row")
        """)
    messages = " ".join(str(w.message) for w in record)
    for name in ("column_config", "on_select", "selection_mode"):
        assert f"st.dataframe({name}=...)" in messages
    assert len(at.dataframe) == 1  # still drawn


def test_dataframe_rejects_bad_on_select(app_test):
    at = app_test("import fastlit as st\nst.dataframe({'a': [1]}, on_select='nope')\n")
    assert len(at.dataframe) == 0 and "on_select" in at.exception[0].message
