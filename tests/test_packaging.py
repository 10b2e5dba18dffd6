"""The wheel: built by the standard build tool, it carries the bundles and serves without node."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("fastlit-*.whl"))


def test_wheel_carries_built_bundles_and_no_sources_of_node(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    for required in (
        "fastlit_core/static/manifest.json",
        "fastlit_core/static/shell/shell.js",
        "fastlit_elements/static/button.js",
        "fastlit_elements/static/heading.js",
    ):
        assert required in names
    assert not any("node_modules" in n for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[fastlit.elements]" in text and "button = fastlit_elements.button:plugin" in text


def test_wheel_serves_a_page_without_node(wheel: Path, tmp_path: Path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True)
    app = tmp_path / "app.py"
    app.write_text("import fastlit as st\nst.title('From the wheel')\nst.button('Press')\n")
    # PATH without node or npm: the venv's bin and the system's basics only.
    path = os.pathsep.join(
        p
        for p in [str(venv / "bin"), "/usr/bin", "/bin"]
        if p == str(venv / "bin") or not _has_node(p)
    )
    env = {"PATH": path, "HOME": str(tmp_path)}
    assert shutil.which("node", path=path) is None
    port = 8700 + os.getpid() % 200
    server = subprocess.Popen(
        [str(venv / "bin" / "fastlit"), "run", str(app), "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                if httpx.get(f"{base}/_fl/health").status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        page = httpx.get(base).text
        entry = page.split('<script type="module" src="')[1].split('"')[0]
        assert httpx.get(base + entry).status_code == 200
        components = _welcome_components(port)
        assert httpx.get(base + components["title"]).status_code == 200
    finally:
        server.terminate()
        server.wait(5)


def _has_node(folder: str) -> bool:
    return Path(folder, "node").exists() or Path(folder, "npm").exists()


def _welcome_components(port: int) -> dict[str, str]:
    # The sync client: in the full suite, Playwright's event loop already runs in this thread.
    from websockets.sync.client import connect

    with connect(f"ws://127.0.0.1:{port}/_fl/ws") as ws:
        ws.send(json.dumps({"t": "hello", "protocol": 1}))
        components: dict[str, str] = json.loads(ws.recv())["components"]
        return components
