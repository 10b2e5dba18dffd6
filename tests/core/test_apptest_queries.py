"""AppTest queries that span element types, compared with Streamlit's AppTest."""

from __future__ import annotations

import textwrap
import warnings
from typing import Any

from tests.parity import app_test_class

SCRIPT = """
import {module} as st

with st.container(key="box"):
    st.button("b", key="btn")
with st.form("f"):
    st.text_input("t", key="f2")
    st.form_submit_button()
with st.form("twice"):
    st.checkbox("c", key="twice")
    st.form_submit_button()
st.markdown("x")
"""


def lookups(module: str) -> list[Any]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        at = app_test_class(module).from_string(textwrap.dedent(SCRIPT).format(module=module))
        at.run()
    seen: list[Any] = []
    for where, key in [(at, "box"), (at, "btn"), (at, "f"), (at, "f2"), (at, "nope"),
                       (at, "twice"), (at.get_by_key("box"), "btn"),
                       (at.get_by_key("box"), "f2")]:  # fmt: skip
        try:
            node = where.get_by_key(key)
            label = None if hasattr(node, "children") else node.label  # blocks have none
            seen.append((key, node.type, label))
        except Exception as exc:  # noqa: BLE001 - the error is what is compared
            seen.append((key, type(exc).__name__, str(exc)))
    return seen


def test_get_by_key_finds_widgets_forms_and_keyed_containers_as_streamlit():
    ours = lookups("fastlit")
    assert ours == lookups("streamlit")
    assert ("btn", "button", "b") in ours
    assert ("nope", "KeyError", "'nope'") in ours
    assert any(row[0] == "twice" and row[1] == "AppTestError" for row in ours)
