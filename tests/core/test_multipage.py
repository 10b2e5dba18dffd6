"""Multipage apps: st.navigation, st.Page, st.switch_page, st.page_link and the pages/ folder.

Most tests run the same app under Streamlit's AppTest and under Fastlit's and compare what
the script saw (markdown, exceptions, widget values, session_state keys) after each step.
"""

from __future__ import annotations

import json
import textwrap
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from fastlit_core.protocol import PROTOCOL_VERSION

Step = Callable[[Any], Any]


def write_app(folder: Path, module: str, files: dict[str, str]) -> Path:
    for name, source in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source).replace("{st}", module), "utf-8")
    return folder / "app.py"


def snapshot(at: Any, folder: Path) -> dict[str, Any]:
    def clean(text: Any) -> str:
        return str(text).replace(str(folder.resolve()), "<dir>").replace(str(folder), "<dir>")

    return {
        "markdown": [clean(m.value) for m in at.markdown],
        "exceptions": [clean(e.message) for e in at.exception],
        "text_inputs": [t.value for t in at.text_input],
        "keys": sorted(k for k in at.session_state),
    }


def play(module: str, root: Path, files: dict[str, str], steps: list[Step]) -> list[Any]:
    """Run the app, then each step followed by a run; one snapshot per run (or the error a
    step raised, as `("raised", type, message)`)."""
    if module == "streamlit":
        from streamlit.testing.v1 import AppTest
    else:
        from fastlit.testing.v1 import AppTest  # type: ignore[assignment]
    folder = root / module / "project"  # the same folder name: messages name it
    folder.mkdir(parents=True)
    script = write_app(folder, module, files)
    out: list[Any] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        at = AppTest.from_file(str(script), default_timeout=10).run()
        out.append(snapshot(at, folder))
        for step in steps:
            try:
                step(at)
            except Exception as exc:  # AppTest.switch_page's ValueError, say
                message = str(exc).replace(str(folder.resolve()), "<dir>")
                out.append(("raised", type(exc).__name__, message))
                continue
            at.run()
            out.append(snapshot(at, folder))
    return out


def same(tmp_path: Path, files: dict[str, str], steps: Sequence[Step] = ()) -> list[Any]:
    theirs = play("streamlit", tmp_path, files, list(steps))
    ours = play("fastlit", tmp_path, files, list(steps))
    assert ours == theirs
    return ours


# --- st.navigation and st.Page ----------------------------------------------------------------

PAGES = {
    "app.py": """
        import {st} as st
        from pathlib import Path

        def home():
            st.markdown("home page")

        def settings_page():
            st.markdown("settings page")

        pages = {
            "": [st.Page(home, title="Home", icon="🏠")],
            "Reports": [
                st.Page("reports/sales.py", icon=":material/bar_chart:"),
                st.Page(Path("📈_growth.py")),
            ],
            "Admin": [st.Page(settings_page, url_path="config", visibility="hidden")],
        }
        pg = st.navigation(pages, position="top")
        for section in pages.values():
            for p in section:
                st.markdown(f"{p.title!r} {p.url_path!r} {p.icon!r} {p.visibility}")
        st.markdown(f"selected {pg.title!r} {pg.url_path!r}")
        pg.run()
    """,
    "reports/sales.py": """
        import {st} as st
        st.markdown(f"sales page {__name__} {__file__.rsplit('/', 1)[-1]}")
    """,
    "📈_growth.py": """
        import {st} as st
        st.markdown("growth page")
    """,
}


def test_navigation_returns_the_selected_page_with_titles_icons_and_url_paths(tmp_path: Path):
    runs = same(
        tmp_path,
        PAGES,
        [
            lambda at: at.switch_page("reports/sales.py"),
            lambda at: at.switch_page("📈_growth.py"),
            lambda at: at.switch_page("missing.py"),
        ],
    )
    assert runs[0]["markdown"][:5] == [
        "'Home' '' '🏠' visible",
        "'sales' 'sales' ':material/bar_chart:' visible",
        "'growth' 'growth' '📈' visible",
        "'settings page' 'config' '' hidden",
        "selected 'Home' ''",
    ]
    assert runs[0]["markdown"][-1] == "home page"
    assert runs[1]["markdown"][-1] == "sales page __main__ sales.py"
    assert runs[2]["markdown"][-1] == "growth page"
    assert runs[3][:2] == ("raised", "ValueError")


def test_default_page_and_callable_pages(tmp_path: Path):
    same(
        tmp_path,
        {
            "app.py": """
                import {st} as st
                def first():
                    st.markdown("first")
                def second():
                    st.markdown("second")
                    if st.button("to first"):
                        st.switch_page(one)
                one = st.Page(first)
                pg = st.navigation([one, st.Page(second, default=True)])
                st.markdown(f"{pg.title} {pg.url_path!r} {one.url_path!r}")
                pg.run()
            """
        },
        [lambda at: at.button[0].click(), lambda at: None],
    )


def test_page_run_only_once_and_only_the_selected_page(tmp_path: Path):
    same(
        tmp_path,
        {
            "app.py": """
                import {st} as st
                def a():
                    st.markdown("a")
                def b():
                    st.markdown("b")
                other = st.Page(b)
                pg = st.navigation([st.Page(a), other])
                pg.run()
                for attempt in (pg.run, other.run):
                    try:
                        attempt()
                    except Exception as e:
                        st.markdown(f"{type(e).__name__}: {e}")
            """
        },
    )


def script_with(body: str) -> dict[str, str]:
    return {
        "app.py": "import {st} as st\n"
        "def a():\n    st.markdown('a')\n"
        "def b():\n    st.markdown('b')\n"
        "try:\n" + textwrap.indent(textwrap.dedent(body), "    ") + "\n"
        "except Exception as e:\n"
        "    st.markdown(f'{type(e).__name__}: {e}')\n",
        "page.py": "import {st} as st\nst.markdown('page file')\n",
        "sub/page.py": "import {st} as st\nst.markdown('sub page file')\n",
    }


@pytest.mark.parametrize(
    "body",
    [
        # duplicate URL paths (inferred and explicit, across sections, with the default page)
        "st.navigation([st.Page('page.py'), st.Page('sub/page.py')])",
        "st.navigation({'One': [st.Page(a, url_path='x')], 'Two': [st.Page(b, url_path='x')]})",
        "st.navigation([st.Page(a, url_path='b', default=True), st.Page(b)])",
        "st.navigation([st.Page(a), st.Page(a, title='again', visibility='hidden')])",
        "st.navigation([st.Page(a), st.Page('https://example.com', title='a')])",
        # other errors
        "st.navigation([st.Page(a, default=True), st.Page(b, default=True)])",
        "st.navigation([])",
        "st.navigation([st.Page(a)], position='left')",
        "st.navigation([st.Page(a)], expanded=-1)",
        "st.navigation([st.Page(a)], expanded='yes')",
        "st.navigation([1])",
        "st.navigation([st.Page('https://example.com', title='Ex')])",
        "st.Page('missing.py')",
        "st.Page(a, url_path='x/y')",
        "st.Page(a, url_path='/')",
        "st.Page(a, title='  ')",
        "st.Page(a, icon='x')",
        "st.Page(a, icon=':material/no such:')",
        "st.Page(a, visibility='gone')",
        "st.Page('https://example.com')",
        "st.Page('https://example.com', title='Ex', default=True)",
        "st.Page(lambda: None)",
        # fine: these draw nothing, but must not raise
        "st.navigation([st.Page(a, url_path='/', default=True), st.Page(b)]).run()",
        "st.navigation(['page.py', a, st.Page(b)], position='hidden', expanded=3).run()",
        "st.markdown(repr(st.Page('https://example.com', title='My Site!').url_path))",
        "st.markdown(repr(st.Page(lambda: None, title='Anon').url_path))",
    ],
)
def test_errors_and_edge_cases_as_streamlit(tmp_path: Path, body: str):
    same(tmp_path, script_with(body))


def test_duplicate_url_path_message_names_both_pages(tmp_path: Path):
    runs = same(
        tmp_path, script_with("st.navigation([st.Page('page.py'), st.Page('sub/page.py')])")
    )
    (message,) = runs[0]["markdown"]
    assert message.startswith("StreamlitAPIException: Two pages resolve to the URL pathname")
    assert "`page.py`" in message and "`sub/page.py`" in message


# --- switching pages: widget state per page ---------------------------------------------------

SWITCHING = {
    "app.py": """
        import {st} as st
        st.sidebar.text_input("common", key="common")
        pg = st.navigation([st.Page("a.py"), st.Page("b.py", title="Bee", url_path="bee")])
        pg.run()
    """,
    "a.py": """
        import {st} as st
        st.markdown("page a")
        st.text_input("t", key="t")
        st.text_input("anonymous")
        if st.button("to b"):
            st.switch_page("b.py")
    """,
    "b.py": """
        import {st} as st
        st.markdown(f"page b sees t={st.session_state.get('t', '<none>')!r}")
        st.text_input("t", key="t")
        if st.button("to a"):
            st.switch_page("a.py")
        if st.button("to a, with params"):
            st.switch_page("a.py", query_params={"from": "b"})
        if st.button("nowhere"):
            st.switch_page("nope.py")
    """,
}


def test_widget_state_across_pages_as_streamlit(tmp_path: Path):
    """A page's widgets reset when the app moves to another page and back; widgets of the
    entry script keep their values; a keyed widget on another page is another widget."""
    runs = same(
        tmp_path,
        SWITCHING,
        [
            lambda at: (
                at.text_input(key="t").input("AAA"),
                at.text_input(key="common").input("C"),
            ),
            lambda at: at.switch_page("b.py"),  # like a menu click: widget values come along
            lambda at: at.text_input(key="t").input("BBB"),
            lambda at: at.switch_page("a.py"),
            lambda at: at.text_input(key="t").input("again"),
        ],
    )
    assert runs[2]["markdown"] == ["page b sees t='AAA'"]
    assert runs[2]["text_inputs"] == ["", "C"]
    assert runs[4]["text_inputs"] == ["", "", "C"]


def test_st_switch_page_drops_widget_values_as_streamlit(tmp_path: Path):
    """st.switch_page to another page carries no widget values, not even the sidebar's.

    (Streamlit's AppTest keeps asking for the page of its last `at.switch_page` on every
    later run, so this sequence uses the script's own st.switch_page only.)"""
    runs = same(
        tmp_path,
        SWITCHING,
        [
            lambda at: (
                at.text_input(key="t").input("AAA"),
                at.text_input(key="common").input("C"),
            ),
            lambda at: at.button[0].click(),  # st.switch_page("b.py")
            lambda at: at.text_input(key="t").input("BBB"),
            lambda at: at.button[0].click(),  # st.switch_page("a.py")
            lambda at: at.button[0].click(),
            lambda at: at.button[2].click(),  # an unknown page
            lambda at: at.button[1].click(),  # with query params
        ],
    )
    assert runs[2]["markdown"] == ["page b sees t='<none>'"]
    assert runs[2]["text_inputs"] == ["", ""]  # the sidebar's value is gone too
    assert runs[6]["exceptions"][0].startswith("Could not find page: `nope.py`.")
    assert runs[6]["markdown"] == ["page b sees t=''"]
    assert runs[7]["markdown"] == ["page a"]


STICKY = {
    "pages folder": {
        "app.py": """
            import {st} as st
            st.markdown("home page")
        """,
        "pages/one.py": """
            import {st} as st
            st.session_state.n = st.session_state.get("n", 0) + 1
            st.markdown(f"page one, run {st.session_state.n}")
            if st.button("to two"):
                st.switch_page("pages/two.py")
        """,
        "pages/two.py": """
            import {st} as st
            st.markdown("page two")
        """,
    },
    "st.navigation": {
        "app.py": """
            import {st} as st
            pg = st.navigation([
                st.Page("home.py"),
                st.Page("pages/one.py", url_path="uno"),
                st.Page("pages/two.py"),
            ])
            pg.run()
        """,
        "home.py": """
            import {st} as st
            st.markdown("home page")
        """,
        "pages/one.py": """
            import {st} as st
            st.session_state.n = st.session_state.get("n", 0) + 1
            st.markdown(f"page one, run {st.session_state.n}")
            if st.button("to two"):
                st.switch_page("pages/two.py")
        """,
        "pages/two.py": """
            import {st} as st
            st.markdown("page two")
        """,
    },
}


@pytest.mark.parametrize("files", STICKY.values(), ids=STICKY.keys())
def test_apptest_switch_page_holds_for_later_runs_as_streamlit(tmp_path: Path, files):
    """After `at.switch_page`, every `at.run()` asks for that page again, even once the
    script's own st.switch_page went elsewhere (Streamlit's AppTest keeps the page it was
    told to switch to); without it, a run stays where the last one ended."""
    runs = same(
        tmp_path,
        files,
        [
            lambda at: at.switch_page("pages/one.py"),
            lambda at: None,
            lambda at: at.button[0].click(),  # st.switch_page("pages/two.py")
            lambda at: None,
        ],
    )
    assert [r["markdown"] for r in runs] == [
        ["home page"],
        ["page one, run 1"],
        ["page one, run 2"],
        ["page two"],
        ["page one, run 4"],
    ]


def test_switch_page_sets_query_params(tmp_path: Path):
    from fastlit.testing.v1 import AppTest

    script = write_app(tmp_path, "fastlit", SWITCHING)
    at = AppTest.from_file(script).run()
    at.query_params["keep"] = "no"
    at.button[0].click().run()
    assert at.markdown[0].value == "page b sees t='<none>'"
    assert at.query_params.to_dict() == {}  # switch_page without query_params clears them
    at.button[1].click().run()
    assert at.query_params.to_dict() == {"from": "b"}


def test_switch_page_to_a_page_object_and_errors(tmp_path: Path):
    same(
        tmp_path,
        {
            "app.py": """
                import {st} as st
                def a():
                    st.markdown("a")
                    for target in (ext, st.Page("other.py", url_path="b"), 3):
                        if st.button(f"to {target!r}"[:20]):
                            st.switch_page(target)
                    if st.button("to b"):
                        st.switch_page(pb)
                def b():
                    st.markdown("b")
                ext = st.Page("https://example.com", title="Ex")
                pb = st.Page(b)
                st.navigation([st.Page(a), pb, ext]).run()
            """,
            "other.py": "import {st} as st\n",
        },
        [
            lambda at: at.button[0].click(),
            lambda at: at.button[1].click(),
            lambda at: at.button[2].click(),
            lambda at: at.button[3].click(),
        ],
    )


# --- st.page_link -----------------------------------------------------------------------------


def page_links(module: str, root: Path, files: dict[str, str]) -> list[dict[str, Any]]:
    if module == "streamlit":
        from streamlit.testing.v1 import AppTest
    else:
        from fastlit.testing.v1 import AppTest  # type: ignore[assignment]
    folder = root / module
    folder.mkdir()
    at = AppTest.from_file(str(write_app(folder, module, files))).run()
    links: list[dict[str, Any]] = []
    for node in at.get("page_link"):
        if module == "streamlit":
            p = node.proto
            page = p.page if p.external else f"/{p.page}"
            page += f"?{p.query_string}" if p.query_string else ""
            links.append({"label": p.label, "href": page, "icon": p.icon, "help": p.help})
        else:
            props = node.props
            links.append({k: props.get(k, "") for k in ("label", "href", "icon", "help")})
    links.append({"exceptions": [str(e.message) for e in at.exception]})
    return links


@pytest.mark.parametrize(
    "call",
    [
        "st.page_link('b.py')",
        "st.page_link(pb, label='Bee!', icon='🐝', help='go')",
        "st.page_link(home_page)",
        "st.page_link('app.py')",
        "st.page_link('https://example.com', label='ext')",
        "st.page_link(ext)",
        "st.page_link('b.py', query_params={'x': ['1', '2'], 'y': 3})",
        "st.page_link('https://example.com')",
        "st.page_link('missing.py')",
        "st.page_link('b.py', icon_position='top')",
        "st.page_link('b.py', width=0)",
    ],
)
def test_page_link_as_streamlit(tmp_path: Path, call: str):
    files = {
        "app.py": f"""
            import {{st}} as st
            def home():
                st.markdown("home")
                {call}
            pb = st.Page("b.py", title="B page", url_path="bee", help="about b")
            ext = st.Page("https://example.com", title="Example", icon="🌍")
            home_page = st.Page(home, default=True)
            st.navigation([pb, home_page, ext]).run()
        """,
        "b.py": "import {st} as st\nst.markdown('b')\n",
    }
    theirs = page_links("streamlit", tmp_path, files)
    ours = page_links("fastlit", tmp_path, files)
    assert ours == theirs


# --- the pages/ folder ------------------------------------------------------------------------

CLASSIC = {
    "streamlit_app.py": """
        import {st} as st
        st.markdown("home")
        if st.button("to b"):
            st.switch_page("pages/02_b_page.py")
        if st.button("to nowhere"):
            st.switch_page("pages/missing.py")
    """,
    "pages/02_b_page.py": """
        import {st} as st
        st.markdown(f"b {__file__.rsplit('/', 1)[-1]}")
        st.page_link("streamlit_app.py")
        st.page_link("pages/10_c.py")
        st.page_link("pages/a page.py")
    """,
    "pages/10_c.py": "import {st} as st\nst.markdown('c')\n",
    "pages/a page.py": "import {st} as st\nst.markdown('a')\n",
    "pages/1_🎈_balloons.py": "import {st} as st\nst.markdown('balloons')\n",
    "pages/__init__.py": "",
    "pages/notes.txt": "not a page",
}


def classic_files() -> dict[str, str]:
    return {("app.py" if k == "streamlit_app.py" else k): v for k, v in CLASSIC.items()}


def test_pages_folder_is_a_multipage_app_as_in_streamlit(tmp_path: Path):
    files = classic_files()
    files["app.py"] = files["app.py"].replace("streamlit_app.py", "app.py")
    files["pages/02_b_page.py"] = files["pages/02_b_page.py"].replace("streamlit_app.py", "app.py")
    runs = same(
        tmp_path,
        files,
        [
            lambda at: at.button[0].click(),
            lambda at: at.switch_page("pages/10_c.py"),
            lambda at: at.switch_page("pages/1_🎈_balloons.py"),
            lambda at: at.switch_page("app.py"),
            lambda at: at.button[1].click(),
            lambda at: at.switch_page("pages/notes.txt"),
        ],
    )
    assert [r["markdown"] for r in runs[:5]] == [
        ["home"],
        ["b 02_b_page.py"],
        ["c"],
        ["balloons"],
        ["home"],
    ]


def test_pages_folder_menu_order_titles_and_links(tmp_path: Path):
    from streamlit.source_util import page_icon_and_name, page_sort_key

    from fastlit.testing.v1 import AppTest

    files = classic_files()
    files["app.py"] = files["app.py"].replace("streamlit_app.py", "app.py")
    files["pages/02_b_page.py"] = files["pages/02_b_page.py"].replace("streamlit_app.py", "app.py")
    script = write_app(tmp_path, "fastlit", files)
    at = AppTest.from_file(script).run()
    (menu,) = at.get("navigation_menu")
    ordered = sorted(
        (p for p in (tmp_path / "pages").glob("*.py") if p.name != "__init__.py"),
        key=page_sort_key,
    )
    expected = ["app"] + [page_icon_and_name(p)[1].replace("_", " ") for p in ordered]
    assert [p["title"] for p in menu.pages] == expected == [
        "app", "balloons", "b page", "c", "a page"
    ]  # fmt: skip
    assert [p["href"] for p in menu.pages] == ["/", "/balloons", "/b_page", "/c", "/a_page"]
    assert menu.pages[1]["icon"] == "🎈" and menu.pages[0].get("current") is True
    assert at.sidebar.children[0].type == "navigation_menu"  # first in the sidebar


def test_st_navigation_turns_the_pages_folder_off(tmp_path: Path):
    from fastlit.testing.v1 import AppTest

    files = {
        "app.py": """
            import {st} as st
            def only():
                st.markdown("declared page")
            st.navigation([st.Page(only)]).run()
        """,
        "pages/x.py": "import {st} as st\nst.markdown('x')\n",
    }
    at = AppTest.from_file(write_app(tmp_path, "fastlit", files)).run()
    assert [m.value for m in at.markdown] == ["declared page"]
    at.run()
    assert [m.value for m in at.markdown] == ["declared page"]
    assert len(at.get("navigation_menu")) == 0  # a single page: no menu


# --- the menu ---------------------------------------------------------------------------------


def test_menu_lists_visible_pages_with_sections_and_the_current_one(tmp_path: Path):
    from fastlit.testing.v1 import AppTest

    at = AppTest.from_file(write_app(tmp_path, "fastlit", PAGES)).run()
    assert len(at.sidebar) == 0  # position="top": a bar above the app, not the sidebar
    (menu,) = at.get("navigation_menu")
    assert menu.props["position"] == "top"
    assert menu.titles == ["Home", "sales", "growth"]  # the hidden page is not listed
    assert [p.get("section", "") for p in menu.pages] == ["", "Reports", "Reports"]
    assert [p.get("current", False) for p in menu.pages] == [True, False, False]
    at.switch_page("reports/sales.py").run()
    (menu,) = at.get("navigation_menu")
    assert [p.get("current", False) for p in menu.pages] == [False, True, False]


def test_menu_in_the_sidebar_comes_before_sidebar_content(tmp_path: Path):
    from fastlit.testing.v1 import AppTest

    at = AppTest.from_file(write_app(tmp_path, "fastlit", SWITCHING)).run()
    types = [child.type for child in at.sidebar.children.values()]
    assert types == ["navigation_menu", "text_input"]
    (menu,) = at.get("navigation_menu")
    assert menu.titles == ["a", "Bee"] and [p["href"] for p in menu.pages] == ["/", "/bee"]


# --- the browser side: URL paths in, URL paths out --------------------------------------------

SERVED = """
import fastlit as st
def home():
    st.markdown("home page")
    if st.button("go"):
        st.switch_page(other)
def second():
    st.markdown("second page")
other = st.Page(second, title="Second", url_path="second")
st.navigation([st.Page(home, title="Home"), other]).run()
"""


def hello(browser: Any, path: str, query: str = "") -> None:
    browser.send({"t": "hello", "protocol": PROTOCOL_VERSION, "path": path, "query": query})


def run_done(browser: Any) -> dict[str, Any]:
    """Receive until a run is over: its final patch, or a snapshot taken after it (the
    snapshot sent on connect may also come before the run starts)."""
    while True:
        message = browser.until_idle()
        if message["t"] == "patch" or message["seq"] > 0:
            return message


def test_a_deep_link_opens_its_page_and_the_title_follows(server):
    with server(SERVED) as (client, _), client.websocket_connect("/_fl/ws") as ws:
        from tests.core.conftest import Browser

        browser = Browser(ws)
        hello(browser, "/second")
        run_done(browser)
        assert "second page" in browser.texts()
        pages = [f["page"] for f in browser.frames if f.get("page")]
        assert pages[-1] == {"path": "/second", "title": "Second"}


def test_location_changes_switch_pages_and_switch_page_moves_the_url(server):
    with server(SERVED) as (client, _), client.websocket_connect("/_fl/ws") as ws:
        from tests.core.conftest import Browser

        browser = Browser(ws)
        hello(browser, "/")
        run_done(browser)
        assert "home page" in browser.texts()
        # a menu link: the browser pushed /second and says so
        browser.send({"t": "location", "path": "/second", "query": ""})
        message = run_done(browser)
        assert "second page" in browser.texts() and "home page" not in browser.texts()
        assert message.get("page") == {"path": "/second", "title": "Second"}  # the title
        # back: the browser is at / again
        browser.send({"t": "location", "path": "/", "query": ""})
        message = run_done(browser)
        assert "home page" in browser.texts()
        assert message.get("page") == {"path": "/", "title": "Home"}
        # st.switch_page: the server tells the browser the new URL path
        (button,) = browser.find("button")
        browser.send({"t": "widgets", "values": {button.id: True}})
        message = run_done(browser)
        assert "second page" in browser.texts()
        assert message.get("page") == {"path": "/second", "title": "Second"}
        # a rerun on the same page says nothing more about the location
        browser.send({"t": "location", "path": "/second", "query": "a=1"})
        assert "page" not in run_done(browser)


def test_an_unknown_path_runs_the_default_page_and_replaces_the_url(server):
    with server(SERVED) as (client, _), client.websocket_connect("/_fl/ws") as ws:
        from tests.core.conftest import Browser

        browser = Browser(ws)
        hello(browser, "/nowhere")
        run_done(browser)
        assert "home page" in browser.texts()
        assert browser.find("page_not_found")
        pages = [f["page"] for f in browser.frames if f.get("page")]
        assert pages[-1] == {"path": "/", "title": "Home", "replace": True}
        # the next run stays on the default page, without the notice
        (button,) = browser.find("button")
        browser.send({"t": "widgets", "values": {button.id: False}})
        run_done(browser)
        assert "home page" in browser.texts() and not browser.find("page_not_found")


def test_a_reconnect_snapshot_carries_the_page(server):
    with server(SERVED) as (client, app), client.websocket_connect("/_fl/ws") as ws:
        from tests.core.conftest import Browser

        browser = Browser(ws)
        hello(browser, "/second")
        run_done(browser)
        session = next(iter(app.sessions.values()))
        snapshot = json.loads(session.snapshot_frame())
        assert snapshot["page"] == {"path": "/second", "title": "Second"}


def test_apps_without_navigation_send_no_page(server):
    with server("import fastlit as st\nst.markdown('one page')\n") as (client, app):
        with client.websocket_connect("/_fl/ws") as ws:
            from tests.core.conftest import Browser

            browser = Browser(ws)
            hello(browser, "/anything")
            run_done(browser)
            assert "one page" in browser.texts()
            assert not [f for f in browser.frames if f.get("page")]


def test_show_sidebar_navigation_false_hides_the_menu(tmp_path: Path):
    from fastlit.testing.v1 import AppTest

    entry = textwrap.dedent(SWITCHING["app.py"])
    hide = "import {st} as st\nst.set_option('client.showSidebarNavigation', False)\n"
    files = {**SWITCHING, "app.py": entry.replace("import {st} as st\n", hide)}
    at = AppTest.from_file(write_app(tmp_path, "fastlit", files)).run()
    assert [m.value for m in at.markdown] == ["page a"]
    assert len(at.get("navigation_menu")) == 0
