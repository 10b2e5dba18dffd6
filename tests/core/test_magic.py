"""Magic: the same bare expressions are shown as under Streamlit, and nothing else is."""

from __future__ import annotations

import textwrap
import warnings

import pytest

MAGIC_SCRIPT = '''
"""A module docstring is not shown."""
import {module} as st

"bare string"
42
x = 3
x
x, "pair"
len("call results are not shown")
with st.container():
    "inside with"
for i in range(2):
    f"loop {{i}}"
if x:
    "in if"
else:
    "in else"
try:
    "in try"
except Exception:
    pass
finally:
    "in finally"
def helper():
    """Function docstrings are not shown."""
    "in function"
helper()
class Thing:
    def method(self):
        self.seen = True
        "in method"
Thing().method()
match x:
    case 3:
        "in case"
'''


def rendered(module: str) -> list[tuple[str, str]]:
    if module == "streamlit":
        from streamlit.testing.v1 import AppTest
    else:
        from fastlit.testing.v1 import AppTest
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        at = AppTest.from_string(textwrap.dedent(MAGIC_SCRIPT.format(module=module))).run()

    out: list[tuple[str, str]] = []

    def visit(block):
        for child in block.children.values():
            if getattr(child, "children", None) and child.type != "markdown":
                visit(child)
            else:
                out.append((child.type, str(child.value)))

    visit(at.main)
    return out


def test_magic_shows_what_streamlit_shows():
    ours = rendered("fastlit")
    assert ours == rendered("streamlit")
    assert ("markdown", "bare string") in ours and ("markdown", "in method") in ours
    assert not any("docstring" in value for _, value in ours)
    assert not any("call results" in value for _, value in ours)


@pytest.mark.parametrize("source", ["x = [1]\nx\n", "import fastlit as st\n(yield_ := 1)\n"])
def test_magic_keeps_scripts_valid(app_test, source):
    app_test(source)
