"""st.components under AppTest: v1 html/iframe props, declare_component identity, defaults and
values, v2 component registration, mounting, state and trigger values, Streamlit parity."""

from __future__ import annotations

import sys
import textwrap
import uuid
import warnings
from pathlib import Path
from typing import Any

import pytest

from fastlit.testing.v1 import AppTest
from fastlit_core.plugin import FastlitUnsupportedWarning
from tests.parity import same_as_streamlit

CATCH = """
import fastlit as st
try:
{call}
    st.session_state["error"] = "no error"
except Exception as exc:
    st.session_state["error"] = f"{{type(exc).__name__}}: {{exc}}"
"""


def error_of(call: str) -> str:
    source = CATCH.format(call=textwrap.indent(textwrap.dedent(call).strip(), "    "))
    return str(AppTest.from_string(source).run().session_state["error"])


def markdowns(at: AppTest) -> list[str]:
    return [str(m.value) for m in at.markdown]


@pytest.fixture
def without_facade(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget an imported `fastlit.components` package, so that `st.components` is the plugin's
    attribute again (importing the facade makes it the `fastlit.components` package, as in
    Streamlit): as in a server process where no code imported the facade."""
    import fastlit

    monkeypatch.delattr(fastlit, "components", raising=False)
    for name in ("fastlit.components", "fastlit.components.v1", "fastlit.components.v2"):
        monkeypatch.delitem(sys.modules, name, raising=False)


@pytest.fixture
def component_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "frontend"
    folder.mkdir()
    (folder / "index.html").write_text("<!doctype html><p>component</p>")
    return folder


# --- v1: html and iframe ---------------------------------------------------------------------


def test_html_is_a_srcdoc_iframe_150px_high_by_default(app_test: Any) -> None:
    at = app_test(
        """
        import fastlit as st
        st.components.v1.html("<b>hi</b>")
        st.components.v1.html("<i>x</i>", width=300, height=80, scrolling=True, tab_index=0)
        """
    )
    first, second = at.get("iframe")
    assert first.props == {"srcdoc": "<b>hi</b>"}  # defaults omitted
    assert first.srcdoc == "<b>hi</b>" and first.src is None and first.height == 150
    assert second.props == {
        "srcdoc": "<i>x</i>",
        "width": 300,
        "height": 80,
        "scrolling": True,
        "tab_index": 0,
    }


def test_iframe_loads_a_url(app_test: Any) -> None:
    at = app_test(
        """
        import fastlit.components.v1 as components
        components.iframe("https://example.com", height=400)
        """
    )
    (frame,) = at.get("iframe")
    assert frame.props == {"src": "https://example.com", "height": 400}
    assert frame.src == "https://example.com" and frame.srcdoc is None


def test_st_components_draws_into_the_current_container(
    app_test: Any, without_facade: None
) -> None:
    at = app_test(
        """
        import fastlit as st
        left, right = st.columns(2)
        with left:
            st.components.v1.html("<p>left</p>")
        right.components.v1.html("<p>right</p>")
        st.components.v1.iframe("https://example.com")
        """
    )
    left, right = at.columns
    assert [f.srcdoc for f in left.get("iframe")] == ["<p>left</p>"]
    assert [f.srcdoc for f in right.get("iframe")] == ["<p>right</p>"]
    assert at.main.children[1].type == "iframe"  # after the columns, in main


def test_facade_draws_into_the_current_container(app_test: Any) -> None:
    at = app_test(
        """
        import fastlit as st
        import fastlit.components.v1 as components
        left, right = st.columns(2)
        with right:
            components.html("<p>right</p>")
            st.components.v1.html("<p>right again</p>")
        """
    )
    assert [f.srcdoc for f in at.columns[1].get("iframe")] == ["<p>right</p>", "<p>right again</p>"]


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (
            "st.components.v1.html('x', tab_index=-2)",
            "StreamlitValueError: Invalid `tab_index` value. Supported values: None, -1, "
            "a non-negative integer.",
        ),
        (
            "st.components.v1.iframe('x', tab_index='1')",
            "StreamlitInvalidParameterTypeError: Invalid `tab_index` type. Expected one of: int. "
            "Provided type: str.",
        ),
        (
            "st.components.v1.html('x', tab_index=True)",
            "StreamlitInvalidParameterTypeError: Invalid `tab_index` type. Expected one of: int. "
            "Provided type: bool.",
        ),
    ],
)
def test_tab_index_is_checked_as_streamlit_does(call: str, error: str) -> None:
    assert error_of(call) == error


def test_facade_modules_import_like_streamlits() -> None:
    import fastlit.components as components_package
    import fastlit.components.v1 as v1
    import fastlit.components.v2 as v2

    assert components_package.v1 is v1 and components_package.v2 is v2
    assert set(v1.__all__) == {"declare_component", "html", "iframe"}
    assert v2.__all__ == ["component"]


# --- v1: declare_component -------------------------------------------------------------------


def test_declared_component_returns_default_until_the_frontend_sends_a_value(
    app_test: Any, component_dir: Path
) -> None:
    at = app_test(
        f"""
        import fastlit as st
        import fastlit.components.v1 as components
        counter = components.declare_component("counter", path={str(component_dir)!r})
        value = counter(label="Clicks", start=3, default=0)
        st.markdown(f"value={{value!r}}")
        """
    )
    (instance,) = at.get("component_instance")
    assert instance.component_name == "app.counter"  # <script name>.<name>, as in Streamlit
    assert instance.args == {"label": "Clicks", "start": 3, "default": 0, "key": None}
    assert instance.url.startswith("/_fl/static/") and instance.url.endswith("/index.html")
    assert instance.value is None
    assert markdowns(at) == ["value=0"]
    instance.set_value({"clicks": 1}).run()  # what Streamlit.setComponentValue does
    assert markdowns(at) == ["value={'clicks': 1}"]
    at.run()
    assert markdowns(at) == ["value={'clicks': 1}"]  # it persists across reruns


def test_a_none_value_falls_back_to_default(app_test: Any) -> None:
    at = app_test(
        """
        import fastlit as st
        c = st.components.v1.declare_component("c", url="http://localhost:3001")
        st.markdown(repr(c(default="fallback")))
        """
    )
    at.get("component_instance")[0].set_value(None).run()
    assert markdowns(at) == ["'fallback'"]


def test_url_wins_over_path_and_is_used_as_given(app_test: Any, component_dir: Path) -> None:
    at = app_test(
        f"""
        import fastlit as st
        c = st.components.v1.declare_component(
            "dev", path={str(component_dir)!r}, url="http://localhost:3001"
        )
        c()
        """
    )
    assert at.get("component_instance")[0].url == "http://localhost:3001"


def test_declare_component_errors() -> None:
    assert error_of("st.components.v1.declare_component('x')") == (
        "StreamlitAPIException: Either 'path' or 'url' must be set."
    )
    missing = error_of("st.components.v1.declare_component('x', path='/no/such/dir')")
    assert missing.startswith("StreamlitAPIException: No such component directory: '")
    assert error_of("st.components.v1.declare_component('x', url='http://h')('positional')") == (
        "MarshallComponentException: Argument 'positional' needs a label"
    )
    assert error_of("st.components.v1.declare_component('x', url='http://h')(bad=object())") == (
        "MarshallComponentException: ('Could not convert component args to JSON', "
        "TypeError('Object of type object is not JSON serializable'))"
    )


def test_identity_without_a_key_follows_the_args(app_test: Any) -> None:
    at = app_test(
        """
        import fastlit as st
        c = st.components.v1.declare_component("c", url="http://h")
        arg = st.session_state.get("arg", 1)
        st.markdown(repr(c(arg=arg, default=0)))
        """
    )
    first = at.get("component_instance")[0].id
    at.get("component_instance")[0].set_value(5).run()
    assert markdowns(at) == ["5"]
    at.session_state["arg"] = 2
    at.run()
    assert at.get("component_instance")[0].id != first  # a new instance: its value starts over
    assert markdowns(at) == ["0"]


def test_identity_with_a_key_survives_new_args(app_test: Any) -> None:
    at = app_test(
        """
        import fastlit as st
        c = st.components.v1.declare_component("c", url="http://h")
        arg = st.session_state.get("arg", 1)
        st.markdown(repr(c(arg=arg, key="k", default=0)))
        """
    )
    at.get("component_instance")[0].set_value(5).run()
    at.session_state["arg"] = 2
    at.run()
    assert markdowns(at) == ["5"]
    assert at.session_state["k"] == 5
    assert at.get("component_instance")[0].args["arg"] == 2


def test_two_identical_unkeyed_instances_are_a_duplicate_id() -> None:
    error = error_of(
        """
        c = st.components.v1.declare_component("c", url="http://h")
        c(a=1)
        c(a=1)
        """
    )
    assert error.startswith("StreamlitDuplicateElementId: There are multiple `component_instance`")


def test_on_change_fires_before_the_script_when_the_value_changes(app_test: Any) -> None:
    at = app_test(
        """
        import fastlit as st
        st.session_state.setdefault("log", [])
        def changed():
            st.session_state.log.append(st.session_state.k)
        c = st.components.v1.declare_component("c", url="http://h")
        c(key="k", on_change=changed)
        """
    )
    at.get("component_instance")[0].set_value("a").run()
    at.get("component_instance")[0].set_value("a").run()  # same value: no callback
    at.get("component_instance")[0].set_value("b").run()
    assert at.session_state["log"] == ["a", "b"]


def test_bytes_travel_both_ways(app_test: Any) -> None:
    at = app_test(
        """
        import fastlit as st
        c = st.components.v1.declare_component("c", url="http://h")
        st.markdown(repr(c(blob=b"\\x00\\x01", default=b"")))
        """
    )
    instance = at.get("component_instance")[0]
    assert instance.bytes_args == {"blob": "AAE=", "default": ""}  # Uint8Arrays in the frontend
    assert "blob" not in instance.args
    instance.set_value(b"\xff").run()
    assert markdowns(at) == ["b'\\xff'"]
    # What the browser sends for dataType "bytes":
    at.get("component_instance")[0].set_value({"__fastlit_bytes__": "AQI="}).run()
    assert markdowns(at) == ["b'\\x01\\x02'"]


def test_dataframe_args_are_sent_as_records_with_a_warning(app_test: Any) -> None:
    with pytest.warns(FastlitUnsupportedWarning, match="JSON records"):
        at = app_test(
            """
            import fastlit as st
            import pandas as pd
            c = st.components.v1.declare_component("c", url="http://h")
            c(df=pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}))
            """
        )
    assert at.get("component_instance")[0].args["df"] == [
        {"a": 1, "b": "x"},
        {"a": 2, "b": "y"},
    ]


def test_a_component_declared_once_at_import_draws_into_later_runs(tmp_path: Path) -> None:
    module = f"pkg_{uuid.uuid4().hex[:8]}"  # a fresh module: sys.modules outlives one AppTest
    (tmp_path / f"{module}.py").write_text(
        textwrap.dedent(
            """
            import fastlit.components.v1 as components
            _func = components.declare_component("widget", url="http://localhost:3001")

            def widget(label, key=None):
                return _func(label=label, key=key, default=0)
            """
        )
    )
    (tmp_path / "app.py").write_text(
        textwrap.dedent(
            f"""
            import fastlit as st
            from {module} import widget
            left, right = st.columns(2)
            with right:
                st.markdown(f"value={{widget('x', key='w')}}")
            """
        )
    )
    at = AppTest.from_file(tmp_path / "app.py").run()
    for _ in range(2):  # the second run uses the object the first run's import made
        (instance,) = at.columns[1].get("component_instance")
        assert instance.component_name == f"{module}.widget"
        assert at.columns[0].get("component_instance").len == 0
        instance.set_value(7).run()
        assert markdowns(at) == ["value=7"]


# --- v2 --------------------------------------------------------------------------------------

V2_APP = """
import fastlit as st
st.session_state.setdefault("log", [])
counter = st.components.v2.component(
    "counter",
    html="<button>+1</button>",
    css="button { color: var(--st-primary-color); }",
    js="export default function(component) {}",
)
result = counter(
    key="c",
    data={"label": "Count"},
    default={"count": 0},
    on_count_change=lambda: st.session_state.log.append("count"),
    on_clicked_change=lambda: st.session_state.log.append("clicked"),
)
st.markdown(f"count={result.count} clicked={result.clicked!r} type={type(result).__name__}")
"""


def test_v2_mount_props_and_first_result(app_test: Any) -> None:
    at = app_test(V2_APP)
    (mount,) = at.get("bidi_component")
    assert mount.props == {
        "component_name": "counter",
        "html": "<button>+1</button>",
        "css": "button { color: var(--st-primary-color); }",
        "js": "export default function(component) {}",
        "data": {"label": "Count"},
    }
    assert mount.component_name == "counter" and mount.data == {"label": "Count"}
    assert mount.state == {"count": 0}
    assert markdowns(at) == ["count=0 clicked=None type=ComponentResult"]
    assert at.session_state["c"] == {"count": 0}


def test_v2_state_persists_and_its_callback_fires_per_changed_key(app_test: Any) -> None:
    at = app_test(V2_APP)
    at.get("bidi_component")[0].set_state("count", 1).run()
    assert markdowns(at) == ["count=1 clicked=None type=ComponentResult"]
    assert at.session_state["log"] == ["count"]
    at.get("bidi_component")[0].set_state("other", "x").run()  # no callback for "other"
    assert at.session_state["log"] == ["count"]
    assert at.get("bidi_component")[0].state == {"count": 1, "other": "x"}
    at.run()
    assert markdowns(at) == ["count=1 clicked=None type=ComponentResult"]


def test_v2_trigger_values_last_one_run(app_test: Any) -> None:
    at = app_test(V2_APP)
    at.get("bidi_component")[0].trigger("clicked", "yes").run()
    assert markdowns(at) == ["count=0 clicked='yes' type=ComponentResult"]
    assert at.session_state["log"] == ["clicked"]
    at.run()
    assert markdowns(at) == ["count=0 clicked=None type=ComponentResult"]
    assert at.session_state["log"] == ["clicked"]


def test_v2_the_browser_sends_lists_of_events(app_test: Any) -> None:
    at = app_test(V2_APP)
    events = at.get("bidi_component_events")[0]
    events.set_value([{"event": "clicked", "value": 1}, {"event": "unknown", "value": 2}]).run()
    assert markdowns(at) == ["count=0 clicked=1 type=ComponentResult"]


def test_v2_result_reads_as_attributes_and_items(app_test: Any) -> None:
    at = app_test(
        """
        import fastlit as st
        c = st.components.v2.component("c", js="export default function() {}")
        r = c(default={"sel": {"a": 1}}, on_sel_change=lambda: None)
        st.markdown(f"{r['sel']} {r.sel.a} {'missing' in r}")
        try:
            r.missing
        except AttributeError as e:
            st.markdown(str(e))
        """
    )
    assert markdowns(at) == [
        "{'a': 1} 1 False",
        "'ComponentResult' object has no attribute 'missing'",
    ]


def test_v2_unkeyed_identity_follows_data(app_test: Any) -> None:
    at = app_test(
        """
        import fastlit as st
        c = st.components.v2.component("c", js="export default function() {}")
        r = c(data=st.session_state.get("data", 1), on_n_change=lambda: None)
        st.markdown(repr(r.get("n")))
        """
    )
    at.get("bidi_component")[0].set_state("n", 5).run()
    assert markdowns(at) == ["5"]
    at.session_state["data"] = 2
    at.run()
    assert markdowns(at) == ["None"]  # new data, new instance, fresh state


def test_v2_props_for_options(app_test: Any) -> None:
    at = app_test(
        """
        import fastlit as st
        c = st.components.v2.component("c", html="<p>x</p>", isolate_styles=False)
        c(width=200, height="stretch", data=b"\\x01")
        """
    )
    assert at.get("bidi_component")[0].props == {
        "component_name": "c",
        "html": "<p>x</p>",
        "isolate_styles": False,
        "width": 200,
        "height": "stretch",
        "data_bytes": "AQ==",
    }


def test_v2_mount_command_draws_where_it_is_called(app_test: Any) -> None:
    at = app_test(
        """
        import fastlit as st
        from fastlit.components.v2 import component
        c = component("c", html="<p>x</p>")
        left, right = st.columns(2)
        with right:
            c()
        """
    )
    assert at.columns[1].get("bidi_component").len == 1
    assert at.columns[0].get("bidi_component").len == 0


def test_st_components_mount_command_draws_where_it_is_called(
    app_test: Any, without_facade: None
) -> None:
    at = app_test(
        """
        import fastlit as st
        c = st.components.v2.component("c", html="<p>x</p>")
        left, right = st.columns(2)
        with right:
            c()
        """
    )
    assert at.columns[1].get("bidi_component").len == 1


def test_v2_component_registered_once_at_import_mounts_in_later_runs(tmp_path: Path) -> None:
    module = f"v2pkg_{uuid.uuid4().hex[:8]}"
    (tmp_path / f"{module}.py").write_text(
        textwrap.dedent(
            """
            from fastlit.components.v2 import component
            mount = component("toggle", js="export default function() {}")
            """
        )
    )
    (tmp_path / "app.py").write_text(
        textwrap.dedent(
            f"""
            import fastlit as st
            from {module} import mount
            result = mount(key="t", default={{"on": False}}, on_on_change=lambda: None)
            st.markdown(f"on={{result.on}}")
            """
        )
    )
    at = AppTest.from_file(tmp_path / "app.py").run()
    assert markdowns(at) == ["on=False"]
    at.get("bidi_component")[0].set_state("on", True).run()
    assert markdowns(at) == ["on=True"]


def test_v2_dataframe_data_is_sent_as_records_with_a_warning(app_test: Any) -> None:
    with pytest.warns(FastlitUnsupportedWarning, match="JSON records"):
        at = app_test(
            """
            import fastlit as st
            import pandas as pd
            c = st.components.v2.component("c", js="export default function() {}")
            c(data={"df": pd.DataFrame({"a": [1]}), "n": 1})
            """
        )
    assert at.get("bidi_component")[0].data == {"df": [{"a": 1}], "n": 1}


def test_v2_errors() -> None:
    assert error_of(
        "st.components.v2.component('c', js='export default function(){}')(default={'x': 1})"
    ) == (
        "BidiComponentInvalidDefaultKeyError: Key `'x'` in `default` is not a valid state name. "
        "Valid state names are those with corresponding `on_{state_name}_change` callbacks. "
        "Available state names: `none`"
    )
    assert error_of(
        "st.components.v2.component('c', html='x')(on__change=lambda: None)"
    ).startswith("BidiComponentInvalidCallbackNameError: The callback name `'on__change'`")
    assert error_of("st.components.v2.component('c', css=1)") == (
        "StreamlitInvalidParameterTypeError: Invalid `css` type. Expected one of: str, None. "
        "Provided type: int. Pass a string path or glob."
    )
    assert error_of("st.components.v2.component('c', js='index-*.js')").startswith(
        "StreamlitAPIException: Component 'c' must be declared in pyproject.toml with asset_dir"
    )
    assert error_of("st.components.v2.component('c', html='x')(width='wide')").startswith(
        "StreamlitInvalidWidthError"
    )


# --- parity with Streamlit ------------------------------------------------------------------

PARITY = [
    "c = st.components.v1.declare_component('c', url='http://localhost:1')\nc(a=1, default=7)",
    "c = st.components.v1.declare_component('c', url='http://localhost:1')\nc(key='k')",
    "c = st.components.v1.declare_component('c', url='http://localhost:1')\nc('x')",
    "c = st.components.v1.declare_component('c', url='http://localhost:1')\nc(tab_index=-3)",
    "c = st.components.v2.component('c', js='export default function(){}')\n"
    "c(default={'n': 1}, on_n_change=lambda: None, on_go_change=lambda: None)",
    "c = st.components.v2.component('c', js='export default function(){}')\nc(default={'n': 1})",
    "c = st.components.v2.component('c', html='x')\nc(data={'a': 1})",
]


@pytest.mark.parametrize("snippet", PARITY)
def test_same_result_as_streamlit(snippet: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        same_as_streamlit(snippet)
