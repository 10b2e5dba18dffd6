"""fastlit/__init__.pyi: committed, current, complete, and what mypy makes of `st.*` calls."""

from __future__ import annotations

import ast
import datetime
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any, Literal

import pytest

import fastlit
from fastlit_core import stubs
from fastlit_core.elements import Element, ElementPlugin
from fastlit_core.plugin import Container
from fastlit_core.registry import BrokenElement, Registry

ROOT = Path(__file__).resolve().parents[2]
STUB = ROOT / "fastlit" / "__init__.pyi"
REGENERATE = "python -m fastlit_core.stubs --builtins-only fastlit/__init__.pyi"


def builtin_names() -> set[str]:
    """The st.* names fastlit ships, read from pyproject (not from the installed metadata)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(pyproject["project"]["entry-points"]["fastlit.elements"])


# --- (1) the committed stub is current --------------------------------------------------------


def test_committed_stub_is_current(capsys: pytest.CaptureFixture[str]):
    code = stubs.main(["--builtins-only", "--check", str(STUB)])
    diff = capsys.readouterr().out
    assert code == 0, f"fastlit/__init__.pyi is stale; regenerate it with `{REGENERATE}`\n{diff}"


def test_stub_covers_what_the_facade_exports():
    # A new name in fastlit/__init__.py's __all__ must be typed by the generator too.
    assert list(stubs.FACADE_EXPORTS) == list(fastlit.__all__)
    for name in fastlit.__all__:
        assert hasattr(fastlit, name), name


def test_type_checkers_are_told_to_use_the_stub():
    # PEP 561: an installed package is type-checked only with a py.typed marker; the stub
    # names fastlit_core types (Container, SessionState), so fastlit_core needs one too.
    assert (ROOT / "fastlit" / "py.typed").is_file()
    assert (ROOT / "fastlit_core" / "py.typed").is_file()


def test_check_mode_reports_a_stale_stub_with_a_diff(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    path = tmp_path / "__init__.pyi"
    assert stubs.main(["--builtins-only", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == STUB.read_text(encoding="utf-8")
    assert stubs.main(["--builtins-only", "--check", str(path)]) == 0
    path.write_text(path.read_text(encoding="utf-8").replace("def button(", "def buton("))
    capsys.readouterr()
    assert stubs.main(["--builtins-only", "--check", str(path)]) == 1
    captured = capsys.readouterr()
    assert "-def buton(" in captured.out and "+def button(" in captured.out
    assert "python -m fastlit_core.stubs --builtins-only" in captured.err


def test_runs_as_a_module():
    result = subprocess.run(
        [sys.executable, "-m", "fastlit_core.stubs", "--builtins-only", "--check", str(STUB)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- (2) what mypy sees -----------------------------------------------------------------------

APP = """\
import fastlit as st

reveal_type(st.button("x"))
reveal_type(st.slider("s", 0, 10, 5))
reveal_type(st.text_input("t"))
reveal_type(st.columns(2))
reveal_type(st.sidebar)
reveal_type(st.title("x"))
reveal_type(st.session_state)
reveal_type(st.write("x"))

left, right = st.columns([1, 2])
with st.sidebar:
    st.markdown("**in the sidebar**")
st.session_state["count"] = st.session_state.get("count", 0) + 1
if st.checkbox("more"):
    st.rerun()

st.button(123, unknown_kw=1)  # wrong call
st.no_such_element("x")  # typo
"""

EXPECTED_REVEALED = {
    'st.button("x")': "bool",
    "st.slider(": "Any",  # slider declares `-> Any` (number, date, time or a range of two)
    'st.text_input("t")': "str | None",
    "st.columns(2)": "list[fastlit_core.container.Container]",
    "st.sidebar": "fastlit_core.container.Container",
    'st.title("x")': "fastlit_core.container.Container",
    "st.session_state": "fastlit_core.state.SessionState",
    'st.write("x")': "None",
}


def normalized(revealed: str) -> str:
    """Older mypy prints `builtins.bool` and `Union[builtins.str, None]`; newer, `bool`."""
    revealed = revealed.replace("builtins.", "")
    union = re.fullmatch(r"Union\[(.*)\]", revealed)
    return " | ".join(union.group(1).split(", ")) if union else revealed


def line_of(source: str, fragment: str) -> int:
    return next(i for i, line in enumerate(source.splitlines(), 1) if fragment in line)


@pytest.fixture(scope="module")
def mypy_output(tmp_path_factory: pytest.TempPathFactory) -> str:
    return run_mypy(tmp_path_factory.mktemp("mypy"), APP)


def run_mypy(tmp_path: Path, source: str) -> str:
    (tmp_path / "app.py").write_text(source, encoding="utf-8")
    (tmp_path / "mypy.ini").write_text("[mypy]\n", encoding="utf-8")  # no stray user config
    env = dict(os.environ)
    # Outside the checkout mypy finds fastlit as installed (PEP 561, through py.typed), as a
    # user's editor does. Should the installed fastlit be another checkout, point at this one.
    installed = subprocess.run(
        [sys.executable, "-c", "import fastlit; print(fastlit.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if not installed or Path(installed).resolve().parent != ROOT / "fastlit":
        env["MYPYPATH"] = str(ROOT)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file=mypy.ini",
            f"--cache-dir={tmp_path / 'mypy-cache'}",
            "--no-color-output",
            "--no-error-summary",
            "--show-error-codes",
            "app.py",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout


def test_mypy_reveals_the_element_return_types(mypy_output: str):
    output = mypy_output
    revealed = {
        int(m.group(1)): normalized(m.group(2))
        for m in re.finditer(r'^app\.py:(\d+): note: Revealed type is "(.*)"$', output, re.M)
    }
    expected = {
        line_of(APP, f"reveal_type({call}"): kind for call, kind in EXPECTED_REVEALED.items()
    }
    assert revealed == expected, output


def test_mypy_reports_wrong_calls_and_only_those(mypy_output: str):
    output = mypy_output
    errors = re.findall(r"^app\.py:(\d+): error: (.*)$", output, re.M)
    wrong, typo = line_of(APP, "# wrong call"), line_of(APP, "# typo")
    assert {int(line) for line, _ in errors} == {wrong, typo}, output
    messages = {(int(line), message) for line, message in errors}
    assert any(line == wrong and '"unknown_kw"' in m and "[call-arg]" in m for line, m in messages)
    assert any(line == wrong and "[arg-type]" in m for line, m in messages)
    assert any(line == typo and "no_such_element" in m for line, m in messages)


# --- (3) the stub is valid Python naming every built-in element -------------------------------


def test_stub_parses_and_declares_every_builtin_element():
    tree = ast.parse(STUB.read_text(encoding="utf-8"), str(STUB))
    declared = {
        node.name if isinstance(node, ast.FunctionDef) else node.target.id
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        or (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name))
    }
    assert builtin_names() <= declared, builtin_names() - declared
    assert declared == builtin_names() | set(fastlit.__all__)
    first_parameters = {
        node.args.args[0].arg
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.args.args
    }
    assert "container" not in first_parameters  # the element functions' own first parameter
    docstring = ast.get_docstring(tree)
    assert docstring is not None and "python -m fastlit_core.stubs" in docstring
    assert str(ROOT) not in STUB.read_text(encoding="utf-8")  # nothing machine-specific


def test_attribute_elements_are_module_variables():
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    variables = {
        node.target.id: ast.unparse(node.annotation)
        for node in tree.body
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
    }
    assert variables["sidebar"] == "Container"
    assert variables["session_state"] == "SessionState"
    assert variables["__version__"] == "str"


# --- the generator on elements of other shapes ------------------------------------------------


class Mode:
    """Stands in for a third-party type, imported by the stub from its module."""


def fancy(
    container: Container,
    label: str,
    when: datetime.date | None = None,
    /,
    data: NotDefinedAnywhere | None = None,  # noqa: F821
    mode: Literal["a", "b"] = "a",
    *args: int,
    factor: float = 0.5,
    limit: int = -3,
    start: datetime.datetime = datetime.datetime(2024, 1, 1),
    tags: list[str] = [],  # noqa: B006
    style: Mode | None = None,
    **kwargs: Any,
) -> dict[str, datetime.time]:
    raise NotImplementedError


def unannotated(container, value, flag=True):  # type: ignore[no-untyped-def]
    raise NotImplementedError


def panel(container: Container) -> Container:
    return container


def test_generator_renders_other_shapes_of_elements(caplog: pytest.LogCaptureFixture):
    plugin = ElementPlugin(
        elements=[
            Element("fancy", fancy),
            Element("unannotated", unannotated),
            Element("panel", panel, attribute=True),
            Element("rerun", panel),  # the facade's rerun wins; left out
        ]
    )
    registry = Registry.from_plugins([plugin])
    registry.broken["broken_one"] = BrokenElement("broken_one", "some_plugin", "import failed")
    text = stubs.generate_stub(registry)
    assert text == stubs.generate_stub(registry)  # deterministic
    ast.parse(text)
    assert "from datetime import date, datetime, time" in text
    assert f"from {__name__} import Mode" in text
    assert (
        "def fancy(\n"
        "    label: str,\n"
        "    when: date | None = None,\n"
        "    /,\n"
        "    data: Any | None = None,\n"  # the unresolvable name alone becomes Any
        '    mode: Literal["a", "b"] = "a",\n'
        "    *args: int,\n"
        "    factor: float = 0.5,\n"
        "    limit: int = -3,\n"
        "    start: datetime = ...,\n"
        "    tags: list[str] = ...,\n"
        "    style: Mode | None = None,\n"
        "    **kwargs: Any,\n"
        ") -> dict[str, time]: ..."
    ) in text
    assert "def unannotated(value: Any, flag: Any = True) -> Any: ..." in text
    assert "\npanel: Container\n" in text
    assert "def broken_one(*args: Any, **kwargs: Any) -> None: ..." in text
    assert text.count("def rerun(") == 1
    assert "NotDefinedAnywhere" in caplog.text and "st.rerun" in caplog.text


def test_imported_names_never_shadow_element_names():
    def time(container: Container, at: datetime.time) -> datetime.time:
        raise NotImplementedError

    registry = Registry.from_plugins([ElementPlugin(elements=[Element("time", time)])])
    text = stubs.generate_stub(registry)
    assert "from datetime import time as _datetime_time" in text
    assert "def time(at: _datetime_time) -> _datetime_time: ..." in text
    ast.parse(text)


def test_short_signatures_stay_on_one_line():
    def short(container: Container, x: int = 1) -> int:
        raise NotImplementedError

    registry = Registry.from_plugins([ElementPlugin(elements=[Element("short", short)])])
    assert "\ndef short(x: int = 1) -> int: ...\n" in stubs.generate_stub(registry)
