"""Config files, command-line flags, Streamlit's option names, st.get_option/st.set_option."""

from __future__ import annotations

import logging
import textwrap
from pathlib import Path

import pytest

from fastlit.testing.v1 import AppTest
from fastlit_core import cli, options
from fastlit_core.config import Config, ThemeConfig
from fastlit_core.options import ConfigError, config_files, load_config
from tests.parity import outcome


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """A home, a working directory and a script folder inside it, each with no files yet."""
    home, cwd = tmp_path / "home", tmp_path / "project"
    folder = cwd / "app"
    folder.mkdir(parents=True)
    home.mkdir()
    script = folder / "app.py"
    script.write_text("import fastlit as st\n")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(options, "_process_config", None)
    return {"home": home, "cwd": cwd, "folder": folder, "script": script}


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))


def test_files_are_read_in_order_later_ones_winning(places):
    home, cwd, folder = places["home"], places["cwd"], places["folder"]
    write(
        home / ".streamlit" / "config.toml",
        """
        [server]
        port = 1111
        [theme]
        base = "light"
        primaryColor = "#111111"
        """,
    )
    write(
        cwd / ".streamlit" / "config.toml",
        """
        [server]
        port = 2222
        maxMessageSize = 3
        [theme]
        textColor = "#222222"
        """,
    )
    write(folder / ".streamlit" / "config.toml", '[theme]\nfont = "serif"\n')
    write(cwd / "fastlit.toml", "[server]\nport = 3333\n[runner]\nmagicEnabled = false\n")
    write(folder / "fastlit.toml", '[theme]\nbase = "dark"\n')

    assert config_files(places["script"]) == [
        (home / ".streamlit" / "config.toml").resolve(),
        (cwd / ".streamlit" / "config.toml").resolve(),
        (folder / ".streamlit" / "config.toml").resolve(),
        (cwd / "fastlit.toml").resolve(),
        (folder / "fastlit.toml").resolve(),
    ]
    config = load_config(places["script"])
    assert config.port == 3333
    assert config.max_message_bytes == 3 * 1024 * 1024
    assert config.magic_enabled is False
    assert config.theme == ThemeConfig(
        base="dark", primary_color="#111111", text_color="#222222", font="serif"
    )


def test_no_files_give_the_defaults(places):
    assert load_config(places["script"]) == Config()


def test_flags_override_files_and_classic_flags_override_dotted_ones(places):
    write(places["folder"] / "fastlit.toml", '[server]\nport = 3333\n[theme]\nbase = "dark"\n')
    config = load_config(
        places["script"], {"server.port": "4444", "theme.base": "light"}, host="0.0.0.0"
    )
    assert (config.port, config.theme.base, config.host) == (4444, "light", "0.0.0.0")
    assert load_config(places["script"], {"server.port": "4444"}, port=5555).port == 5555


def test_fastlit_run_reads_files_then_flags(places, monkeypatch):
    write(
        places["folder"] / "fastlit.toml",
        '[server]\nport = 3333\naddress = "0.0.0.0"\n[theme]\nbase = "dark"\n',
    )
    seen: list[tuple[str, int]] = []

    class Stop(Exception):
        pass

    def listening_socket(host: str, port: int) -> None:
        seen.append((host, port))
        raise Stop

    monkeypatch.setattr(cli, "listening_socket", listening_socket)
    argv = ["run", str(places["script"]), "--port", "4444", "--theme.primaryColor", "#00ff00"]
    with pytest.raises(Stop):
        cli.main(argv)
    assert seen == [("0.0.0.0", 4444)]
    # st.get_option outside a run reads the config `fastlit run` built
    assert options.get_option("theme.base") == "dark"
    assert options.get_option("theme.primaryColor") == "#00ff00"
    assert options.get_option("server.port") == 4444


def test_bad_values_are_reported_with_their_file(places, capsys):
    write(places["folder"] / "fastlit.toml", '[server]\nport = "high"\n')
    with pytest.raises(ConfigError, match=r"fastlit.toml: server.port must be int"):
        load_config(places["script"])
    write(places["folder"] / "fastlit.toml", '[theme]\nbase = "blue"\n')
    with pytest.raises(ConfigError, match=r"theme.base must be 'light', 'dark'"):
        load_config(places["script"])
    write(places["folder"] / "fastlit.toml", "[server\n")
    with pytest.raises(SystemExit) as exited:
        cli.main(["run", str(places["script"])])
    assert exited.value.code == 2
    assert "fastlit.toml" in capsys.readouterr().err
    with pytest.raises(ConfigError, match="runner.magicEnabled must be bool"):
        load_config(None, {"runner.magicEnabled": "maybe"}, files=[])


def test_unknown_keys_warn_in_fastlit_toml_only(places, caplog):
    write(places["cwd"] / ".streamlit" / "config.toml", "[server]\nheadless = true\n")
    write(places["folder"] / "fastlit.toml", "[server]\nheadles = true\n")
    with caplog.at_level(logging.DEBUG, logger="fastlit.options"):
        load_config(places["script"])
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert warnings == [
        f'{(places["folder"] / "fastlit.toml").resolve()}: "server.headles" is not a Fastlit '
        "config option; ignored"
    ]


def test_env_values_as_in_streamlit(places, monkeypatch):
    monkeypatch.setenv("APP_PORT", "6006")
    write(places["folder"] / "fastlit.toml", '[server]\nport = "env:APP_PORT"\n')
    assert load_config(places["script"]).port == 6006


# --- st.get_option / st.set_option ----------------------------------------------------------


@pytest.mark.parametrize(
    "snippet",
    [
        "st.get_option('server.port')",
        "st.get_option('theme.primaryColor')",
        "st.get_option('theme.base')",
        "st.get_option('runner.magicEnabled')",
        "st.get_option('client.toolbarMode')",
        "st.get_option('no.such')",
        "st.get_option('server')",
        "st.set_option('no.such', 1)",
        "st.set_option('client.toolbarMode', 'minimal')",
        "st.set_option('client.disableDataExport', True)",
    ],
)
def test_options_match_streamlit(snippet):
    assert outcome("fastlit", snippet) == outcome("streamlit", snippet)


@pytest.mark.parametrize("key", ["theme.primaryColor", "server.port", "runner.magicEnabled"])
def test_options_that_cannot_be_set_at_run_time(key):
    snippet = f"st.set_option({key!r}, 'x')"
    expected = outcome("streamlit", snippet).replace("streamlit run", "fastlit run")
    assert outcome("fastlit", snippet) == expected


def test_set_option_changes_the_app_and_show_error_details_applies():
    at = AppTest.from_string("""
        import fastlit as st
        if st.session_state.get("full"):
            st.set_option("client.showErrorDetails", "full")
        st.markdown(f"details={st.get_option('client.showErrorDetails')}")
        raise ValueError("boom")
    """).run()
    assert at.markdown[0].value == "details=type"  # no --dev: no traceback in the page
    assert at.exception[0].stack_trace == []
    at.session_state["full"] = True
    at.run()
    assert at.markdown[0].value == "details=full"
    assert at.exception[0].stack_trace != []


def test_magic_can_be_turned_off(server, connect):
    source = """
        import fastlit as st
        "a bare string"
        st.markdown("drawn")
    """
    with server(source) as (client, app), connect(client) as browser:
        browser.until_idle()
        assert browser.texts() == ["a bare string", "drawn"]
    with server(source, magic_enabled=False) as (client, app), connect(client) as browser:
        browser.until_idle()
        assert browser.texts() == ["drawn"]


def test_welcome_carries_the_theme_and_context_reports_its_base(server, connect):
    source = """
        import fastlit as st
        st.markdown(f"theme={st.context.theme.type}")
    """
    theme = ThemeConfig(base="dark", primary_color="#123456")
    with server(source, theme=theme) as (client, app), connect(client) as browser:
        welcome = browser.receive()
        assert welcome["t"] == "welcome"
        assert welcome["theme"] == {"base": "dark", "primaryColor": "#123456"}
        browser.until_idle()
        assert browser.texts() == ["theme=dark"]  # the hello said nothing; config wins
        html = client.get("/").text  # the page has it before its script runs: no light flash
        assert '<html lang="en" data-fl-theme-options="{&quot;base&quot;: &quot;dark&quot;' in html
        assert 'data-fl-theme="dark"' in html
    with server(source) as (client, app), connect(client) as browser:
        assert "theme" not in browser.receive()
        browser.until_idle()
        assert browser.texts() == ["theme=None"]


# --- AppTest: the working directory's files, not the script folder's, as Streamlit's ----------

APPTEST_PROBE = """
import json, sys, warnings
warnings.simplefilter("ignore")
from {module}.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1]).run()
print(json.dumps([m.value for m in at.markdown]))
"""

PROBED = """
import {module} as st
"a bare string"
st.markdown(f"primaryColor={{st.get_option('theme.primaryColor')}}")
try:
    st.markdown(f"token={{st.secrets['token']}}")
except Exception as e:
    st.markdown(type(e).__name__)
"""


def probe(module: str, script: Path, cwd: Path, home: Path) -> list[str]:
    """What AppTest shows for `script` run from `cwd`, in a fresh process: Streamlit reads
    its config and secrets once per process."""
    import json
    import os
    import subprocess
    import sys

    script.write_text(PROBED.format(module=module))
    done = subprocess.run(
        [sys.executable, "-c", APPTEST_PROBE.format(module=module), str(script)],
        cwd=cwd,
        env={**os.environ, "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    shown: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return shown


def test_apptest_reads_the_working_directorys_files_as_streamlit(tmp_path: Path):
    home, project, elsewhere = tmp_path / "home", tmp_path / "project", tmp_path / "elsewhere"
    folder = project / "app"
    for place in (home, folder, elsewhere):
        place.mkdir(parents=True)
    write(folder / ".streamlit" / "config.toml", '[theme]\nprimaryColor = "#111111"\n')
    write(folder / ".streamlit" / "secrets.toml", 'token = "beside the script"\n')
    write(
        project / ".streamlit" / "config.toml",
        '[runner]\nmagicEnabled = false\n[theme]\nprimaryColor = "#222222"\n',
    )
    write(project / ".streamlit" / "secrets.toml", 'token = "working directory"\n')
    for cwd, expected in [
        (elsewhere, ["a bare string", "primaryColor=None", "StreamlitSecretNotFoundError"]),
        (project, ["primaryColor=#222222", "token=working directory"]),
    ]:
        theirs = probe("streamlit", folder / "app.py", cwd, home)
        ours = probe("fastlit", folder / "app.py", cwd, home)
        assert theirs == expected
        assert ours == expected  # no secrets file at all: StreamlitSecretNotFoundError


def test_apptest_reads_fastlit_toml_in_the_working_directory(places):
    write(places["cwd"] / "fastlit.toml", "[runner]\nmagicEnabled = false\n")
    write(places["folder"] / "fastlit.toml", '[theme]\nbase = "dark"\n')  # not read
    at = AppTest.from_file(places["script"])
    places["script"].write_text(
        "import fastlit as st\n'bare'\nst.markdown(str(st.get_option('theme.base')))\n"
    )
    assert [m.value for m in at.run().markdown] == ["None"]
