"""fastlit.testing.v1.AppTest: Streamlit's AppTest API over Fastlit's in-process runtime."""

from __future__ import annotations

import inspect
import tempfile
import textwrap
from pathlib import Path
from typing import Any

from ..app import App
from ..facade import SessionStateProxy
from ..options import load_config
from ..pages import test_page_key
from ..query_params import QueryParams
from ..registry import Registry, default_registry
from ..runner import Script
from ..secrets import Secrets, secrets_files
from ..session import Session
from ..tree import MAIN_ID, Node, walk
from .errors import AppTestError
from .nodes import BlockNode, ElementList, ElementNode, WidgetNode


class AppTest:
    """Run a script without a server, inspect what it drew, interact, and run again.

    As Streamlit's, it reads the config and secrets files of the home and working
    directories (~/.streamlit/, ./.streamlit/, and Fastlit's ./fastlit.toml), not those
    beside the script; `at.secrets`, once set, are all the secrets the script sees.
    """

    def __init__(
        self,
        script_path: str | Path,
        *,
        default_timeout: float = 3,
        registry: Registry | None = None,
    ) -> None:
        self._path = Path(script_path).resolve()
        self.default_timeout = default_timeout
        self._app = App(Script(self._path), registry or default_registry(), load_config(None))
        self._app.secrets = Secrets(secrets_files(None))
        self._session = Session(self._app)
        self._page: str | None = None  # the page of the last switch_page: every run asks for it
        self._pending: dict[str, Any] = {}
        self._root: Node | None = None

    # --- construction (Streamlit's names) ------------------------------------------------

    @classmethod
    def from_file(
        cls,
        script_path: str | Path,
        *,
        default_timeout: float = 3,
        registry: Registry | None = None,
    ) -> AppTest:
        path = Path(script_path)
        if not path.is_absolute():
            caller = Path(inspect.stack()[1].filename).parent
            if (caller / path).exists():
                path = caller / path
        return cls(path, default_timeout=default_timeout, registry=registry)

    @classmethod
    def from_string(
        cls, script: str, *, default_timeout: float = 3, registry: Registry | None = None
    ) -> AppTest:
        folder = Path(tempfile.mkdtemp(prefix="fastlit-apptest-"))
        path = folder / "app.py"
        path.write_text(textwrap.dedent(script), "utf-8")
        return cls(path, default_timeout=default_timeout, registry=registry)

    @classmethod
    def from_function(
        cls,
        script: Any,
        /,
        *,
        default_timeout: float = 3,
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
        registry: Registry | None = None,
    ) -> AppTest:
        source = textwrap.dedent(inspect.getsource(script))
        call = f"{script.__name__}(*{args or ()!r}, **{kwargs or {}!r})"
        return cls.from_string(
            f"{source}\n{call}\n", default_timeout=default_timeout, registry=registry
        )

    # --- running -------------------------------------------------------------------------

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the script once (a full run) with the values set since the last run."""
        timeout = self.default_timeout if timeout is None else timeout
        values = {
            wid: self._session.state.validate_wire(wid, wire) for wid, wire in self._pending.items()
        }
        self._pending = {}
        if self._page is not None:  # even after the script's own st.switch_page, as Streamlit
            self._session.pages.switch_to(self._page, forget_widgets=False)
        self._session.request_rerun(values, full=True)  # as Streamlit's AppTest
        if not self._session.wait_idle(timeout):
            run = self._session._current
            if run is not None:
                run.stop_requested = True
                run.guard.interrupt()  # a loop that calls no st.* stops too (runs.py)
            self._session.wait_idle(5)
            raise RuntimeError(f"AppTest script run timed out after {timeout}(s)")
        last = self._session.last_run
        self._root = last.root if last is not None else None
        return self

    def switch_page(self, page_path: str) -> AppTest:
        """Go to a file-based page (relative to the main script) on the next `run()`.

        As in Streamlit: the file must exist, and after a run that declared pages with
        `st.navigation`, it must be one of them (ValueError otherwise). Every later run
        asks for that page again, even after the script switched to another one."""
        self._page = test_page_key(self._session.pages, self._path, page_path)
        return self

    @property
    def session_state(self) -> SessionStateProxy:
        return SessionStateProxy(lambda: self._session.state)

    @property
    def query_params(self) -> QueryParams:
        """The URL's query parameters: set them before run, read what the script set."""
        return self._session.query_params

    @property
    def secrets(self) -> _TestSecrets:
        """Set secrets for the script: `at.secrets["api_key"] = "test"` (before run)."""
        return _TestSecrets(self._app.secrets)

    # --- queries -------------------------------------------------------------------------

    @property
    def main(self) -> BlockNode:
        return BlockNode(self._find(MAIN_ID) or Node(MAIN_ID, "main"), self)

    def get(self, element_type: str) -> ElementList[ElementNode]:
        return ElementList(self._query(self._require_root(), element_type))

    def get_by_key(self, key: str) -> ElementNode:
        """The one element, widget or container with this key, whatever its type: KeyError
        when none, AppTestError when several (as Streamlit's AppTest)."""
        return self._by_key(self._require_root(), key)

    def __getattr__(self, name: str) -> Any:
        """`at.<type>` queries nodes of that type; `at.<root container>` (e.g. the sidebar
        a layout plugin adds beside main) is that container, empty if the run drew none."""
        if name.startswith("_"):
            raise AttributeError(name)
        root_block = self._find(name)
        if root_block is not None:
            return BlockNode(root_block, self)
        component = self._app.registry.components.get(name)
        test_node = component.test_node if component is not None else None
        if (
            isinstance(test_node, type)
            and issubclass(test_node, BlockNode)
            and getattr(test_node, "root_container", False)
        ):
            return test_node(Node(name, name), self)
        return ElementList(self._query(self._require_root(), name))

    def __repr__(self) -> str:
        return f"AppTest({self._path.name})"

    # --- used by the node wrappers -------------------------------------------------------

    def _by_key(self, under: Node, key: str) -> ElementNode:
        matches = [
            wrapped
            for node, _ in walk(under)
            if node is not under and (wrapped := self._wrap(node)).key == key
        ]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise KeyError(key)
        raise AppTestError(
            f"Multiple elements have key {key!r}. "
            "Scope the query to a container or use a typed collection."
        )

    def _require_root(self) -> Node:
        if self._root is None:
            raise RuntimeError("call AppTest.run() before querying elements")
        return self._root

    def _find(self, node_id: str) -> Node | None:
        root = self._require_root()
        return next((c for c in root.children if c.id == node_id), None)

    def _query(self, under: Node, name: str) -> list[ElementNode]:
        types = {name}
        if name.endswith("s") and name[:-1] in self._app.registry.components:
            types.add(name[:-1])  # at.columns -> "column" nodes, as in Streamlit
        types.update(  # at.button lists form submit buttons too, as in Streamlit
            node_type
            for node_type, component in self._app.registry.components.items()
            if name in getattr(component.test_node, "listed_as", ())
        )
        found: list[ElementNode] = []

        def visit(node: Node) -> None:
            for child in node.children:
                if child.type in types:
                    found.append(self._wrap(child))
                visit(child)

        visit(under)
        return found

    def _wrap(self, node: Node) -> ElementNode:
        component = self._app.registry.components.get(node.type)
        cls: type[ElementNode] | None = (
            component.test_node if component is not None and component.test_node else None
        )
        if cls is None:
            if self._session.state.widget(node.id) is not None:
                cls = WidgetNode
            elif node.children:
                cls = BlockNode
            else:
                cls = ElementNode
        return cls(node, self)

    def _form_of(self, node_id: str) -> str:
        info = self._session.state.widget(node_id)
        return (info.form or "") if info is not None else ""

    def _key_of(self, node_id: str) -> str | None:
        info = self._session.state.widget(node_id)
        return info.key if info is not None else None

    def _widget_value(self, node_id: str) -> Any:
        state = self._session.state
        if node_id in self._pending:  # set_value() before run(): show it, as Streamlit does
            return state.validate_wire(node_id, self._pending[node_id])
        return state.last_value(node_id)

    def _set_widget(self, node_id: str, value: Any) -> None:
        info = self._session.state.widget(node_id)
        if info is None:
            raise KeyError(f"no widget {node_id} in the last run")
        self._pending[node_id] = info.serialize(value)


class _TestSecrets:
    def __init__(self, secrets: Secrets) -> None:
        self._secrets = secrets

    def __setitem__(self, key: str, value: Any) -> None:
        self._secrets.set_for_test(key, value)

    def __getitem__(self, key: str) -> Any:
        return self._secrets[key]

    def __contains__(self, key: object) -> bool:
        return key in self._secrets
