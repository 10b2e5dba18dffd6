"""The registry: built-ins load through entry points; broken plugins fail alone."""

from __future__ import annotations

import json
import subprocess
import sys

from importlib_metadata import EntryPoint, entry_points

from fastlit.testing.v1 import AppTest
from fastlit_core.elements import Component, Element, ElementPlugin
from fastlit_core.hookspecs import hookimpl
from fastlit_core.registry import ENTRY_POINT_GROUP, Registry

BUILT_INS = {"title", "header", "subheader", "markdown", "caption", "button"}


def test_built_ins_are_declared_and_loaded_as_entry_points():
    declared = {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}
    assert BUILT_INS <= set(declared)
    assert all(
        declared[n].dist is not None and declared[n].dist.name == "fastlit" for n in BUILT_INS
    )
    registry = Registry.from_entry_points()
    for name in BUILT_INS:
        element = registry.elements[name]
        record = next(r for r in registry.plugins.values() if name in r.names)
        assert record.distribution == "fastlit" and record.status == "ok"
        assert element.function.__module__.startswith(declared[name].module)


def test_an_empty_entry_point_group_means_no_elements():
    registry = Registry.from_entry_points(group="fastlit.no-such-group")
    assert registry.elements == {} and registry.components == {}


def test_plugin_that_fails_to_import_is_isolated(tmp_path, monkeypatch):
    (tmp_path / "broken_plugin.py").write_text("raise ImportError('missing native lib')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = Registry()
    good = [ep for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name in BUILT_INS]
    bad = EntryPoint("rating", "broken_plugin:plugin", ENTRY_POINT_GROUP)
    registry.load_entry_points([*good, bad])
    assert registry.plugins["broken_plugin"].status == "error"
    assert "missing native lib" in (registry.plugins["broken_plugin"].reason or "")
    assert BUILT_INS <= set(registry.elements)
    at = AppTest.from_string(
        "import fastlit as st\nst.title('ok')\nst.rating(3)\nst.markdown('after')\n",
        registry=registry,
    ).run()
    assert at.title.values == ["ok"] and at.markdown.values == ["after"]
    box = at.get("fl_error")[0]
    assert "st.rating is unavailable" in box.message and "missing native lib" in box.message


class RaisingPlugin:
    @hookimpl
    def fastlit_elements(self):
        raise RuntimeError("hook exploded")


def good_plugin() -> ElementPlugin:
    def hello(container, name):
        return container.add("hello", {"body": f"hi {name}"})

    return ElementPlugin(
        [Element("hello", hello)], [Component("hello", __import__("pathlib").Path("."), "hello.js")]
    )


def test_hook_that_raises_is_isolated():
    registry = Registry.from_plugins([RaisingPlugin(), good_plugin()])
    statuses = sorted(r.status for r in registry.plugins.values())
    assert statuses == ["error", "ok"]
    at = AppTest.from_string("import fastlit as st\nst.hello('you')\n", registry=registry).run()
    assert at.get("hello")[0].value == "hi you"


def test_unknown_name_is_an_attribute_error():
    at = AppTest.from_string(
        "import fastlit as st\ntry:\n    st.no_such_thing\nexcept AttributeError as e:\n"
        "    st.markdown(str(e))\n"
    ).run()
    assert "no_such_thing" in at.markdown[0].value


def test_plugins_list_cli_reports_status_json():
    out = subprocess.run(
        [sys.executable, "-m", "fastlit", "plugins", "list", "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = json.loads(out)
    heading = next(r for r in rows if r["plugin"] == "fastlit_elements.heading")
    assert heading["status"] == "ok" and heading["distribution"] == "fastlit"
    assert set(heading["names"]) == {"st.title", "st.header", "st.subheader"}
    assert heading["bundles"] == ["heading.js"]


def test_plugins_list_cli_table():
    out = subprocess.run(
        [sys.executable, "-m", "fastlit", "plugins", "list"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.splitlines()[0].split() == [
        "plugin",
        "distribution",
        "st.*",
        "names",
        "bundle",
        "status",
    ]
    assert any("fastlit_elements.button" in line and " ok" in line for line in out.splitlines())


def test_import_fastlit_does_not_discover_plugins():
    code = (
        "import fastlit, fastlit_core.registry as r, sys\n"
        "assert r._default is None\n"
        "assert 'fastlit_elements.button' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
