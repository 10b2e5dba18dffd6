"""plugins-template/ end to end: render fastlit-rating (st.rating) with copier, build its wheel
against a fastlit wheel, install both in a fresh venv, run the package's own tests, use it in
Chromium, uninstall it."""

from __future__ import annotations

import ast
import json
import os
import socket
import subprocess
import sys
import textwrap
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import httpx
import pytest

from fastlit_core import SDK_VERSION

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "plugins-template"
CHROMIUM = os.environ.get("FASTLIT_CHROMIUM", "/usr/bin/chromium")
ANSWERS = {
    "package_name": "fastlit-rating",
    "module_name": "fastlit_rating",
    "element_name": "rating",
    "description": "A star-rating widget for Fastlit",
}
pytestmark = pytest.mark.slow


def run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run a command; on failure, fail the test with its output."""
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        pytest.fail(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("plugin-template")


@pytest.fixture(scope="module")
def rendered(work: Path) -> Path:
    from copier import run_copy

    target = work / "fastlit-rating"
    run_copy(str(TEMPLATE), target, data=ANSWERS, defaults=True, quiet=True)
    return target


@pytest.fixture(scope="module")
def fastlit_wheel(work: Path) -> Path:
    out = work / "fastlit-dist"
    run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)])
    return next(out.glob("fastlit-*.whl"))


@pytest.fixture(scope="module")
def env(work: Path, fastlit_wheel: Path) -> dict[str, str]:
    """fastlit is not on PyPI: pip (and build's isolated env) find it beside its wheel."""
    links = f"{fastlit_wheel.parent} {os.environ.get('PIP_FIND_LINKS', '')}".strip()
    return {**os.environ, "PIP_FIND_LINKS": links, "FASTLIT_CACHE_DIR": str(work / "cache")}


@pytest.fixture(scope="module")
def rating_wheel(work: Path, rendered: Path, env: dict[str, str]) -> Path:
    out = work / "dist"
    run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(rendered)], env=env)
    return next(out.glob("fastlit_rating-*.whl"))


@pytest.fixture(scope="module")
def venv(work: Path, fastlit_wheel: Path, rating_wheel: Path, env: dict[str, str]) -> Path:
    """A fresh venv holding fastlit and fastlit-rating (with its test extra) from the wheels."""
    venv = work / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
    run([*pip, str(fastlit_wheel), f"{rating_wheel}[test]"], env=env)
    return venv


def test_the_rendered_package_has_every_part(rendered: Path):
    for part in (
        "pyproject.toml",
        "hatch_build.py",
        "package.json",
        "tsconfig.json",
        "vite.config.ts",
        "README.md",
        "fastlit_rating/__init__.py",
        "fastlit_rating/rating.tsx",
        "tests/test_rating.py",
        "tests/test_rating_browser.py",
    ):
        assert (rendered / part).is_file(), part
    pyproject = (rendered / "pyproject.toml").read_text()
    assert (
        '[project.entry-points."fastlit.elements"]\nrating = "fastlit_rating:plugin"' in pyproject
    )
    assert 'artifacts = ["fastlit_rating/static/**"]' in pyproject
    module = (rendered / "fastlit_rating" / "__init__.py").read_text()
    assert "class RatingProps(msgspec.Struct):" in module
    imported = {
        node.module for node in ast.walk(ast.parse(module)) if isinstance(node, ast.ImportFrom)
    }
    assert {m for m in imported if m and m.startswith("fastlit")} == {"fastlit_core.plugin"}
    # the props type is generated at build time, never committed
    assert "fastlit_rating/rating.props.ts" in (rendered / ".gitignore").read_text()
    assert not list(TEMPLATE.rglob("*.props.ts*"))
    assert "fastlitComponent(" in (rendered / "vite.config.ts").read_text()


def test_the_wheel_carries_the_component_built_against_the_sdk(rating_wheel: Path):
    wheel = zipfile.ZipFile(rating_wheel)
    names = wheel.namelist()
    assert "fastlit_rating/static/rating.js" in names
    assert not any("node_modules" in n or n.endswith(".props.ts") for n in names)
    manifest = json.loads(wheel.read("fastlit_rating/static/manifest.json"))
    assert manifest["sdkVersion"] == SDK_VERSION
    assert manifest["components"] == ["rating.js"]
    bundle = wheel.read("fastlit_rating/static/rating.js").decode()
    assert 'from"@fastlit/component-sdk"' in bundle.replace(" ", "")  # external, not bundled
    assert 'from"react/jsx-runtime"' in bundle.replace(" ", "")
    assert "as sdkVersion" in bundle
    assert len(bundle) < 10_000, "React must not be bundled"
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "rating = fastlit_rating:plugin" in wheel.read(entry_points).decode()


def test_the_packages_own_tests_pass_in_a_fresh_venv(
    venv: Path, rendered: Path, env: dict[str, str], work: Path
):
    report = work / "report.xml"
    result = subprocess.run(
        [str(venv / "bin" / "pytest"), "-p", "no:cacheprovider", f"--junitxml={report}"],
        cwd=rendered,
        env={**env, "FASTLIT_CHROMIUM": CHROMIUM},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    cases = ElementTree.parse(report).getroot().iter("testcase")
    ran = {
        case.get("classname", "").split(".")[-1]
        for case in cases
        if all(case.find(tag) is None for tag in ("skipped", "failure", "error"))
    }
    assert {"test_rating", "test_rating_browser"} <= ran, result.stdout  # nothing skipped


def test_plugins_list_shows_it_ok(venv: Path, env: dict[str, str]):
    result = run([str(venv / "bin" / "fastlit"), "plugins", "list", "--json"], env=env)
    rows = [r for r in json.loads(result.stdout) if r["distribution"] == "fastlit-rating"]
    assert len(rows) == 1, result.stdout
    assert rows[0]["status"] == "ok", rows[0]
    assert rows[0]["names"] == ["st.rating"]
    assert rows[0]["bundles"] == ["rating.js"]


WITH_RATING = """
import fastlit as st
st.title("Rate us")
stars = st.rating("How was it?")
st.markdown(f"stars: {stars}")
"""
WITHOUT_RATING = """
import fastlit as st
st.title("No rating here")
if st.button("Again"):
    st.markdown("ran again")
"""
# Playwright runs in its own process: the real-browser suite's sync Playwright may still hold
# this one's event loop.
DRIVER = """
import json, sys
from playwright.sync_api import expect, sync_playwright

with_rating, without_rating, chromium = sys.argv[1:]
out = {}
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(
        executable_path=chromium, args=["--headless=new", "--no-sandbox", "--disable-gpu"]
    )
    for name, url in (("with", with_rating), ("without", without_rating)):
        page = browser.new_page()
        requested, errors = [], []
        page.on("request", lambda request: requested.append(request.url))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url)
        expect(page.get_by_test_id("stHeading")).to_be_visible()
        if name == "with":
            expect(page.get_by_test_id("stRating")).to_be_visible()
            expect(page.get_by_text("stars: None")).to_be_visible()
            page.get_by_role("button", name="3 stars").click()
            expect(page.get_by_text("stars: 3")).to_be_visible()
        else:
            page.get_by_role("button", name="Again").click()
            expect(page.get_by_text("ran again")).to_be_visible()
        bundle = page.evaluate("window.__fastlit.connection.components.rating")
        out[name] = {"requested": requested, "errors": errors, "bundle": bundle}
        page.close()
    browser.close()
print(json.dumps(out))
"""


@pytest.fixture
def serve(venv: Path, env: dict[str, str], tmp_path: Path) -> Iterator[Callable[[str, str], str]]:
    """`serve(source, name)`: the app run by the venv's `fastlit run` on a free port; its URL."""
    servers: list[subprocess.Popen[bytes]] = []

    def start(source: str, name: str) -> str:
        (tmp_path / name).write_text(textwrap.dedent(source))
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        command = [str(venv / "bin" / "fastlit"), "run", name, "--port", str(port)]
        log = (tmp_path / f"{name}.log").open("w")
        servers.append(
            subprocess.Popen(command, cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/_fl/health", timeout=0.5).status_code == 200:
                    return url
            except httpx.HTTPError:
                time.sleep(0.1)
        pytest.fail(f"fastlit run {name} did not start:\n{(tmp_path / f'{name}.log').read_text()}")

    yield start
    for server in servers:
        server.terminate()
        server.wait(10)


def test_an_app_renders_it_in_chromium_and_only_its_pages_load_the_bundle(serve):
    with_rating = serve(WITH_RATING, "with_rating.py")
    without_rating = serve(WITHOUT_RATING, "without_rating.py")
    driven = run([sys.executable, "-c", DRIVER, with_rating, without_rating, CHROMIUM])
    seen = json.loads(driven.stdout)
    for name, url in (("with", with_rating), ("without", without_rating)):
        page = seen[name]
        assert page["errors"] == [], page["errors"]
        assert page["bundle"].endswith("/rating.js")
        folder = url + page["bundle"].rsplit("/", 1)[0] + "/"  # /_fl/static/<digest>/
        from_bundle = [u for u in page["requested"] if u.startswith(folder)]
        if name == "with":
            assert url + page["bundle"] in from_bundle
        else:
            assert from_bundle == [], "a page without st.rating downloaded its bundle"


def test_once_uninstalled_st_rating_names_the_missing_plugin(
    venv: Path, env: dict[str, str], tmp_path: Path
):
    python = str(venv / "bin" / "python")
    run([python, "-m", "pip", "uninstall", "-y", "-q", "fastlit-rating"], env=env)
    app = tmp_path / "app.py"
    app.write_text('import fastlit as st\nst.rating("How was it?")\n')
    check = (
        "import json, sys\nfrom fastlit.testing.v1 import AppTest\n"
        "at = AppTest.from_file(sys.argv[1]).run()\n"
        "print(json.dumps(at.exception[0].props))\n"
    )
    shown = json.loads(run([python, "-c", check, str(app)], env=env).stdout)
    assert shown["exc_type"] == "AttributeError"
    assert "st.rating" in shown["message"] or "'rating'" in shown["message"]
    assert "fastlit-rating" in shown["message"], shown["message"]
