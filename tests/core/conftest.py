"""Kernel fixtures: an in-process server (Starlette TestClient) for a script source."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import msgspec
import pytest
from starlette.testclient import TestClient

from fastlit_core.app import App
from fastlit_core.config import Config
from fastlit_core.diff import apply
from fastlit_core.protocol import PROTOCOL_VERSION, Op
from fastlit_core.registry import Registry
from fastlit_core.server import create_server
from fastlit_core.tree import Node


class Browser:
    """A minimal client: applies patches to its own copy of the tree, like the shell does."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.tree: Node | None = None
        self.seq = -1
        self.session: str | None = None
        self.errors: list[str] = []
        self.frames: list[dict[str, Any]] = []

    def hello(self, session: str | None = None) -> None:
        self.ws.send_text(
            json.dumps({"t": "hello", "protocol": PROTOCOL_VERSION, "session": session})
        )

    def receive(self) -> dict[str, Any]:
        message = json.loads(self.ws.receive_text())
        self.frames.append(message)
        if message["t"] == "welcome":
            self.session = message["session"]
        elif message["t"] == "tree":
            self.tree = msgspec.convert(message["root"], Node)
            self.seq = message["seq"]
        elif message["t"] == "patch":
            if self.tree is None or message["seq"] <= self.seq:
                return message  # older than the snapshot: the shell drops these too
            assert message["seq"] == self.seq + 1, "sequence gap"
            ops = msgspec.convert(message["ops"], list[Op])
            assert self.tree is not None
            self.tree = apply(self.tree, ops)
            self.seq = message["seq"]
        elif message["t"] == "error":
            self.errors.append(message["message"])
        return message

    def until_idle(self) -> dict[str, Any]:
        """Receive until a patch or tree that says the run is over."""
        while True:
            message = self.receive()
            if (
                message["t"] in ("patch", "tree")
                and message["seq"] == self.seq  # applied, not dropped
                and not message.get("running", False)
            ):
                return message

    def until_error(self) -> str:
        while True:
            message = self.receive()
            if message["t"] == "error":
                return message["message"]

    def send(self, message: dict[str, Any]) -> None:
        self.ws.send_text(json.dumps(message))

    def texts(self) -> list[str]:
        """Every `body`/`label` prop in page order."""
        out: list[str] = []

        def visit(node: Node) -> None:
            for key in ("body", "label", "message"):
                if key in node.props:
                    out.append(str(node.props[key]))
            for child in node.children:
                visit(child)

        assert self.tree is not None
        visit(self.tree)
        return out

    def find(self, type: str) -> list[Node]:
        found: list[Node] = []

        def visit(node: Node) -> None:
            if node.type == type:
                found.append(node)
            for child in node.children:
                visit(child)

        assert self.tree is not None
        visit(self.tree)
        return found


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """`server(source, **config)` -> a context manager yielding (TestClient, App)."""

    @contextmanager
    def start(source: str, registry: Registry | None = None, **config: Any) -> Iterator[Any]:
        script = tmp_path / "app.py"
        script.write_text(textwrap.dedent(source))
        app = App(script, registry or Registry.from_entry_points(), Config(**config))
        with TestClient(create_server(app)) as client:
            yield client, app

    yield start


@pytest.fixture
def connect() -> Callable[..., Any]:
    @contextmanager
    def open_browser(client: TestClient, session: str | None = None) -> Iterator[Browser]:
        with client.websocket_connect("/_fl/ws") as ws:
            browser = Browser(ws)
            browser.hello(session)
            yield browser

    return open_browser
