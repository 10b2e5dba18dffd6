"""st.echo and st.help, compared with Streamlit's AppTest."""

from __future__ import annotations

import textwrap
import warnings

SCRIPT = '''
import {module} as st
with st.echo():
    x = 1 + 1
    st.write(x)
with st.echo(code_location="below"):
    st.write("after")
class Foo:
    """A foo."""
    a = 1
    def bar(self, y: int) -> int:
        """Bar it."""
        return y
st.help(Foo())
def documented(a, b=2):
    """Adds things."""
st.help(documented)
'''


def shown(module: str):
    if module == "streamlit":
        from streamlit.testing.v1 import AppTest
    else:
        from fastlit.testing.v1 import AppTest
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        at = AppTest.from_string(textwrap.dedent(SCRIPT.format(module=module))).run()
    return at


def test_echo_shows_the_block_where_streamlit_does():
    ours, theirs = shown("fastlit"), shown("streamlit")
    types = [c.type for c in ours.main.children.values()]
    assert types == [c.type for c in theirs.main.children.values()]
    assert ours.code.values == theirs.code.values == ["x = 1 + 1\nst.write(x)", 'st.write("after")']


def test_help_names_the_argument_and_documents_it():
    ours, theirs = shown("fastlit"), shown("streamlit")
    ours_help, theirs_help = ours.get("help_info"), theirs.get("help_info")
    assert [h.props["name"] for h in ours_help] == [h.proto.name for h in theirs_help]
    foo, documented = ours_help
    assert foo.props["doc_string"] == "A foo." and foo.props["type"] == "Foo"
    assert {m["name"] for m in foo.props["members"]} >= {"a", "bar"}
    assert documented.props["value"] == "documented(a, b=2)"
    assert documented.props["doc_string"] == theirs_help[1].proto.doc_string == "Adds things."
