"""st.secrets: TOML files, attribute and item access, Streamlit's errors, AppTest overrides."""

from __future__ import annotations

import os
import textwrap
import warnings

import pytest

from tests.parity import app_test_class

SCRIPT = """
import {module} as st
st.write(st.secrets.api_key, st.secrets["db"]["user"], st.secrets.db.port, "db" in st.secrets)
for attempt in (lambda: st.secrets.nope, lambda: st.secrets["nope"], lambda: st.secrets.db.nope):
    try:
        attempt()
    except Exception as e:
        st.write(type(e).__name__, str(e))
st.write(sorted(st.secrets.keys()))
st.write(st.secrets.db.to_dict())
"""


def values(module: str, folder) -> list[str]:
    if module == "streamlit":
        from streamlit.testing.v1 import AppTest
    else:
        from fastlit.testing.v1 import AppTest
    (folder / "app.py").write_text(textwrap.dedent(SCRIPT.format(module=module)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        at = AppTest.from_file(str(folder / "app.py")).run()
    return [str(m.value) for m in at.markdown] + [str(j.value) for j in at.json]


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text(
        'api_key = "abc"\n[db]\nuser = "u"\nport = 5432\n'
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("api_key", raising=False)
    return tmp_path


def test_same_as_streamlit(project):
    ours = values("fastlit", project)
    assert ours == values("streamlit", project)
    assert ours[0] == "abc u `5432` `True`"
    assert any('st.secrets has no key "nope"' in v for v in ours)


def test_top_level_strings_become_environment_variables(project, app_test):
    app_test("import fastlit as st\nst.secrets.api_key\n")
    assert os.environ.get("api_key") == "abc"


def test_secrets_toml_beside_the_script_is_for_fastlit_run_not_apptest(project, tmp_path_factory):
    """`fastlit run` reads secrets beside the script too; AppTest, like Streamlit's, reads
    only the home and working directories' (tests/core/test_config.py compares the two)."""
    from fastlit.testing.v1 import AppTest
    from fastlit_core.app import App
    from fastlit_core.registry import Registry

    app_dir = tmp_path_factory.mktemp("app")
    (app_dir / "secrets.toml").write_text('api_key = "from-app-folder"\n')
    (app_dir / "app.py").write_text("import fastlit as st\nst.markdown(st.secrets.api_key)\n")
    assert App(app_dir / "app.py", Registry()).secrets["api_key"] == "from-app-folder"
    assert AppTest.from_file(app_dir / "app.py").run().markdown[0].value == "abc"


def test_apptest_secrets_replace_the_files_as_streamlit(project):
    source = "import {m} as st\nst.markdown(str(sorted(st.secrets.keys())))\n"
    seen = []
    for module in ("streamlit", "fastlit"):
        at = app_test_class(module).from_string(source.format(m=module))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            at.secrets["token"] = "t0k3n"
            seen.append(at.run().markdown[0].value)
    assert seen[0] == seen[1] == "['token']"  # not the project's api_key and db


def test_apptest_can_set_secrets(tmp_path, monkeypatch):
    from fastlit.testing.v1 import AppTest

    monkeypatch.chdir(tmp_path)
    at = AppTest.from_string("import fastlit as st\nst.markdown(st.secrets['token'])\n")
    at.secrets["token"] = "t0k3n"
    assert at.run().markdown[0].value == "t0k3n"


def test_secrets_are_read_only(project, app_test):
    at = app_test("""
        import fastlit as st
        try:
            st.secrets.db.user = "x"
        except TypeError as e:
            st.markdown(str(e))
    """)
    assert "does not support attribute assignment" in at.markdown[0].value


def test_no_secrets_file_at_all_is_streamlits_error(tmp_path, monkeypatch):
    # As Streamlit 1.67 (checked under its AppTest in a fresh process): item access, get,
    # `in`, len and iteration raise StreamlitSecretNotFoundError (a FileNotFoundError) naming
    # the paths looked at; attribute access raises the usual AttributeError.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    source = """
    import fastlit as st
    for expr in ['st.secrets["x"]', 'st.secrets.x', 'st.secrets.get("x", 1)', '"x" in st.secrets',
                 'len(st.secrets)', 'list(st.secrets)']:
        try:
            st.text(repr(eval(expr)))
        except BaseException as e:
            st.text(type(e).__name__ + " " + str(e) + " " + str(isinstance(e, FileNotFoundError)))
    """
    at = app_test_class("fastlit").from_string(textwrap.dedent(source)).run()
    shown = [t.value for t in at.text]
    assert shown[1].startswith('AttributeError st.secrets has no attribute "x"')
    for line in shown[:1] + shown[2:]:
        assert line.startswith("StreamlitSecretNotFoundError No secrets found. Valid paths")
        assert str(tmp_path / ".streamlit" / "secrets.toml") in line
        assert line.endswith(" True")
