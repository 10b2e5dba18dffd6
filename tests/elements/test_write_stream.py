"""st.write_stream: same output, return values and errors as Streamlit."""

from __future__ import annotations

import textwrap
import warnings

SCRIPT = """
import {module} as st, pandas as pd
def gen():
    yield "Hello "
    yield "world"
    yield pd.DataFrame({{"a": [1]}})
    yield "after"
r = st.write_stream(gen())
st.write(repr(type(r).__name__), repr([type(x).__name__ for x in r]))
async def agen():
    yield "a"
    yield "b"
st.write(repr(st.write_stream(agen())))
st.write(repr(st.write_stream(["x", "y"])))
def from_function():
    yield "from "
    yield "function"
st.write(repr(st.write_stream(from_function)))
try:
    st.write_stream(lambda: iter(["not", "a generator function"]))
except Exception as e:
    st.write(type(e).__name__, str(e))
"""


def shown(module: str) -> list[tuple[str, str]]:
    if module == "streamlit":
        from streamlit.testing.v1 import AppTest
    else:
        from fastlit.testing.v1 import AppTest
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        at = AppTest.from_string(textwrap.dedent(SCRIPT.format(module=module))).run()
    return [
        (c.type, str(c.value) if c.type == "markdown" else "") for c in at.main.children.values()
    ]


def test_same_as_streamlit():
    ours = shown("fastlit")
    assert ours == shown("streamlit")
    assert ("markdown", "Hello world") in ours and ("dataframe", "") in ours


def test_openai_style_chunks_and_cursor(app_test):
    at = app_test("""
        import fastlit as st
        class Delta:
            def __init__(self, content): self.content = content
        class Choice:
            def __init__(self, content): self.delta = Delta(content)
        class Chunk:
            def __init__(self, content): self.choices = [Choice(content)]
        text = st.write_stream(iter([Chunk("o"), Chunk("k"), Chunk(None)]), cursor="▌")
        st.markdown(f"returned {text!r}")
    """)
    assert at.markdown.values == ["ok", "returned 'ok'"]
