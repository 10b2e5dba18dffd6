"""st.line_chart under AppTest: the Vega-Lite spec and data, checked against Streamlit's own."""

from __future__ import annotations

import json
import textwrap
import warnings
from typing import Any

import pytest

from fastlit.testing.v1 import AppTest
from fastlit_charts.line_chart._data import to_records

PRELUDE = """
import datetime
import numpy as np
import pandas as pd
"""


def ours(body: str) -> AppTest:
    source = "import fastlit as st\n" + PRELUDE + textwrap.dedent(body)
    return AppTest.from_string(source, default_timeout=10).run()


def chart(body: str) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any]]:
    at = ours(body)
    assert len(at.get("vega_lite_chart")) == 1, at.main.children
    node = at.get("vega_lite_chart")[0]
    return node.spec, node.props["data"], node.props


def streamlit_chart(body: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    pytest.importorskip("streamlit")
    pa = pytest.importorskip("pyarrow")
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    source = "import streamlit as st\n" + PRELUDE + textwrap.dedent(body)
    at = StreamlitAppTest.from_string(source, default_timeout=10).run()
    assert not at.exception, at.exception
    proto = at.get("vega_lite_chart")[0].proto
    spec = json.loads(proto.spec)
    spec.pop("data", None)
    payload = proto.datasets[0].data.data if proto.datasets else proto.data.data
    if not payload:
        return spec, []
    return spec, to_records(pa.ipc.open_stream(payload).read_pandas())


PARITY = {
    "wide_dataframe": 'st.line_chart(pd.DataFrame({"a": [1, 2, 3], "b": [3.5, 4, 1]}))',
    "long_form_x_y_color": """
        df = pd.DataFrame({"x": [1, 2, 1, 2], "v": [1.0, 2, 3, 4], "g": ["u", "u", "w", "w"]})
        st.line_chart(df, x="x", y="v", color="g")
    """,
    "x_and_y_list": """
        df = pd.DataFrame({"t": [10, 20, 30], "a": [1, 2, 3], "b": [4, 5, 6], "c": [7, 8, 9]})
        st.line_chart(df, x="t", y=["a", "c"])
    """,
    "series": "st.line_chart(pd.Series([1, 4, 2]))",
    "named_series": 'st.line_chart(pd.Series([1, 4, 2], name="speed"))',
    "list": "st.line_chart([1, 5, 2])",
    "dict_of_lists": 'st.line_chart({"a": [1, 2], "b": [3, 4]})',
    "dict_of_scalars": 'st.line_chart({"a": 1, "b": 2})',
    "numpy_2d": "st.line_chart(np.arange(6).reshape(3, 2))",
    "dates_and_color_list": """
        df = pd.DataFrame({"d": pd.date_range("2024-01-01", periods=3), "a": [1, 2, 3],
                           "b": [2.0, 1, 0]})
        st.line_chart(df, x="d", color=["#ff0000", (0, 0, 255)])
    """,
    "named_index_builtin_color": """
        df = pd.DataFrame({"a": [1, 2]}, index=pd.Index([5, 6], name="t"))
        st.line_chart(df, color="red")
    """,
    "special_column_names": """
        df = pd.DataFrame({"a.b": [1, 2], "c[0]": [3, 4], "plain": [5, 6]})
        st.line_chart(df)
    """,
    "special_x_name": """
        df = pd.DataFrame({"x.y": [1, 2], "v": [3, 4]})
        st.line_chart(df, x="x.y", y="v")
    """,
    "labels": """
        df = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
        st.line_chart(df, x="x", y="y", x_label="Time", y_label="Speed")
    """,
    "labels_with_index": 'st.line_chart([1, 2], x_label="i", y_label="v")',
    "pixel_size": "st.line_chart([1, 2], width=300, height=200)",
    "content_width": 'st.line_chart([1, 2], width="content", height="stretch")',
    "none": "st.line_chart()",
    "empty_frame": "st.line_chart(pd.DataFrame())",
    "hex_color_column": """
        df = pd.DataFrame({"x": [1, 2, 1, 2], "y": [1, 2, 3, 4],
                           "c": ["#ff0000", "#ff0000", "#00ff00", "#00ff00"]})
        st.line_chart(df, x="x", y="y", color="c")
    """,
    "tuple_color_column": """
        df = pd.DataFrame({"x": [1, 2], "y": [1, 2], "c": [(255, 0, 0), (255, 0, 0)]})
        st.line_chart(df, x="x", y="y", color="c")
    """,
    "large_dataset": "st.line_chart(pd.DataFrame({'a': np.arange(1200), 'b': np.arange(1200)}))",
    "string_x": """
        df = pd.DataFrame({"name": ["a", "b", "c"], "v": [1, 3, 2]})
        st.line_chart(df, x="name")
    """,
    "y_only": 'st.line_chart(pd.DataFrame({"a": [1, 2], "b": [3, 4]}), y="b")',
    "y_includes_x": """
        df = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
        st.line_chart(df, x="a", y=["a", "b"])
    """,
    "numeric_color_column": """
        df = pd.DataFrame({"x": [1, 2, 3], "y": [1, 2, 3], "z": [0.1, 0.5, 0.9]})
        st.line_chart(df, x="x", y="y", color="z")
    """,
    "ordered_category_color": """
        df = pd.DataFrame({"x": [1, 2], "y": [1, 2],
                           "k": pd.Categorical(["lo", "hi"], ["lo", "hi"], ordered=True)})
        st.line_chart(df, x="x", y="y", color="k")
    """,
    "missing_values": 'st.line_chart(pd.DataFrame({"a": [1.0, None, 3.0], "b": [1, 2, 3]}))',
    "single_color_list": 'st.line_chart([3, 1], color=["#00ff00"])',
    "rgba_tuple": "st.line_chart([3, 1], color=(0.5, 0.25, 1.0, 0.5))",
}


@pytest.mark.parametrize("case", PARITY)
def test_spec_and_data_match_streamlit(case: str) -> None:
    expected_spec, expected_data = streamlit_chart(PARITY[case])
    spec, data, _ = chart(PARITY[case])
    assert spec == expected_spec
    assert data == expected_data


# --- spec contents, without Streamlit ------------------------------------------------------


def test_wide_data_is_melted_with_the_index_as_x() -> None:
    spec, data, props = chart('st.line_chart(pd.DataFrame({"a": [1, 2], "b": [3, 4]}))')
    assert props["command"] == "line_chart"
    assert set(props) == {"spec", "data", "command"}  # defaults are omitted
    line = spec["layer"][0]
    assert line["mark"] == {"type": "line"}
    assert line["encoding"]["x"]["field"] == "index -- streamlit-generated"
    assert line["encoding"]["y"]["field"] == "value -- streamlit-generated"
    assert line["encoding"]["color"]["field"] == "color -- streamlit-generated"
    assert line["encoding"]["x"]["title"] == ""
    assert data == [
        {
            "index -- streamlit-generated": 0,
            "color -- streamlit-generated": "a",
            "value -- streamlit-generated": 1,
        },
        {
            "index -- streamlit-generated": 1,
            "color -- streamlit-generated": "a",
            "value -- streamlit-generated": 2,
        },
        {
            "index -- streamlit-generated": 0,
            "color -- streamlit-generated": "b",
            "value -- streamlit-generated": 3,
        },
        {
            "index -- streamlit-generated": 1,
            "color -- streamlit-generated": "b",
            "value -- streamlit-generated": 4,
        },
    ]
    assert spec["autosize"] == {"type": "fit", "contains": "padding"}
    assert [p["name"] for p in spec["params"]] == ["param_1", "param_2"]


def test_long_data_with_x_y_color_keeps_columns() -> None:
    spec, data, _ = chart("""
        df = pd.DataFrame({"day": [1, 2, 1, 2], "sales": [5, 6, 7, 8], "shop": list("aabb")})
        st.line_chart(df, x="day", y="sales", color="shop")
    """)
    enc = spec["layer"][0]["encoding"]
    assert (enc["x"]["field"], enc["x"]["title"]) == ("day", "day")
    assert (enc["y"]["field"], enc["y"]["title"]) == ("sales", "sales")
    assert enc["color"] == {
        "field": "shop",
        "type": "nominal",
        "legend": {"titlePadding": 5, "offset": 5, "orient": "bottom"},
    }
    assert data[0] == {"day": 1, "shop": "a", "sales": 5}
    assert [t["field"] for t in enc["tooltip"]] == ["day", "sales", "shop"]


def test_one_line_per_y_column() -> None:
    _, data, _ = chart("""
        df = pd.DataFrame({"t": [1, 2], "a": [1, 2], "b": [3, 4], "c": [5, 6]})
        st.line_chart(df, x="t", y=["a", "b"])
    """)
    assert sorted({row["color -- streamlit-generated"] for row in data}) == ["a", "b"]
    assert len(data) == 4


def test_color_values_and_labels() -> None:
    spec, _, _ = chart("""
        df = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
        st.line_chart(df, color=["#ff0000", "blue"], x_label="X", y_label="Y")
    """)
    enc = spec["layer"][0]["encoding"]
    assert enc["color"]["scale"] == {"domain": ["a", "b"], "range": ["#ff0000", "blue"]}
    assert enc["x"]["title"] == "X"
    assert enc["y"]["title"] == "Y"


def test_dates_are_sent_as_iso_strings_with_a_temporal_axis() -> None:
    spec, data, _ = chart("""
        df = pd.DataFrame({"d": [datetime.date(2024, 1, 1), datetime.date(2024, 1, 2)],
                           "v": [1, 2]})
        st.line_chart(df, x="d")
    """)
    assert spec["layer"][0]["encoding"]["x"]["type"] == "temporal"
    assert data[0]["d"].startswith("2024-01-01")


def test_size_params_and_alt() -> None:
    _, _, props = chart('st.line_chart([1, 2], width=320, height=240, alt="  Trend  ")')
    assert props["spec"]["width"] == 320 and props["spec"]["height"] == 240
    assert (props["width"], props["height"], props["alt"]) == (320, 240, "Trend")
    _, _, props = chart('st.line_chart([1, 2], alt="   ")')
    assert "alt" not in props


def test_use_container_width_is_deprecated_but_honoured() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, _, props = chart("st.line_chart([1, 2], use_container_width=False)")
        assert props["width"] == "content"
        _, _, props = chart("st.line_chart([1, 2], width=200, use_container_width=False)")
        assert props["width"] == 200
        _, _, props = chart('st.line_chart([1, 2], width="content", use_container_width=True)')
        assert "width" not in props


ERRORS = {
    "missing_x": (
        'st.line_chart(pd.DataFrame({"a": [1]}), x="nope")',
        'Data does not have a column named `"nope"`. Available columns are `a`',
    ),
    "missing_y": (
        'st.line_chart(pd.DataFrame({"a": [1]}), y=["a", "zz"])',
        'Data does not have a column named `"zz"`',
    ),
    "x_type": ('st.line_chart(pd.DataFrame({"a": [1]}), x=1)', "Invalid `x` type."),
    "color_mismatch": (
        'st.line_chart(pd.DataFrame({"a": [1], "b": [2]}), color="#ff0000")',
        "The list of colors `['#ff0000']` must have the same length",
    ),
    "color_list_mismatch": (
        'st.line_chart([1, 2], color=["#ff0000", "#00ff00"])',
        "The list of colors",
    ),
    "bad_color": (
        'st.line_chart([1, 2], color="not-a-color")',
        "This does not look like a valid color argument",
    ),
    "bad_width": ("st.line_chart([1], width=0)", "Invalid width value: 0."),
    "bad_height": ('st.line_chart([1], height="auto")', "Invalid height value: 'auto'."),
}


@pytest.mark.parametrize("case", ERRORS)
def test_errors_match_streamlit_messages(case: str) -> None:
    call, message = ERRORS[case]
    at = ours(f"""
        from fastlit_core.plugin import StreamlitAPIException
        try:
            {call}
        except StreamlitAPIException as exc:
            st.session_state["error"] = str(exc)
    """)
    assert message in at.session_state["error"]
    assert len(at.get("vega_lite_chart")) == 0


@pytest.mark.parametrize(
    "where",
    [
        "st.sidebar",
        "st.columns(2)[1]",
        "st.container(border=True)",
        "st.empty()",
        "st.columns(2)[0].columns(2)[1]",
    ],
)
def test_line_chart_in_any_container(where: str) -> None:
    at = ours(f"{where}.line_chart([1, 2, 3])")
    assert len(at.get("vega_lite_chart")) == 1


def test_chart_replaced_through_its_handle_and_updated_on_rerun() -> None:
    at = ours("""
        st.session_state.setdefault("n", 1)
        handle = st.line_chart(list(range(st.session_state.n)))
        st.session_state.n += 1
    """)
    first = at.get("vega_lite_chart")[0]
    at.run()
    second = at.get("vega_lite_chart")[0]
    assert first.id == second.id
    assert len(second.props["data"]) == len(first.props["data"]) + 1


def test_streamlit_app_test_type_name() -> None:
    pytest.importorskip("streamlit")
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    theirs = StreamlitAppTest.from_string("import streamlit as st\nst.line_chart([1, 2])").run()
    assert theirs.main.children[0].type == ours("st.line_chart([1, 2])").main.children[0].type


def test_runtime_path_does_not_import_altair() -> None:
    import subprocess
    import sys

    code = (
        "import sys\nfrom fastlit.testing.v1 import AppTest\n"
        "AppTest.from_string('import fastlit as st\\nst.line_chart([1, 2])').run()\n"
        "print('altair' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
