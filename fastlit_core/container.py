"""Container: the cursor every element function receives, and the only way to add nodes."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import replay
from .dispatch import bind
from .drawing import draw
from .errors import FastlitUnsupportedWarning, StreamlitInvalidFormCallbackError
from .placement import ancestor_types_of, insert_transient, live
from .redaction import redact_paths
from .state import SessionState, WidgetInfo, _identity
from .tree import Node
from .widgets import node_props, register, widget_id

if TYPE_CHECKING:
    from .context import RunContext

log = logging.getLogger("fastlit")

ERROR_NODE = "fl_error"  # rendered by the shell itself; no plugin needed


class Container:
    """A place in the UI tree.

    `mode` says what adding does: "block" appends children (main, sidebar, columns);
    "element" replaces the element itself: the handle a non-container element returns,
    and `st.empty()`, a placeholder element each command replaces; "slot" is a block
    holding one element at a time (a fragment's wrapper in a placeholder).
    `form` is the id of the form the place is inside, if any (see `add(form_id=)`).
    `scope` is the fragment whose block (or wrapper) the place is in, None for the app's:
    a fragment writing to a place outside it writes into a wrapper (fragment_scope.py).
    """

    def __init__(
        self,
        run: RunContext,
        node: Node,
        *,
        root: str,
        mode: str = "block",
        parent: Node | None = None,
        form: str | None = None,
        scope: str | None = None,
    ) -> None:
        self._run = run
        self._node = node
        self._root = root
        self._mode = mode
        self._parent = parent
        self._form = form
        self._scope = scope
        self._base = node.id  # a replaced element keeps deriving ids from its first id

    # --- what element functions use ------------------------------------------------------

    @property
    def id(self) -> str:
        return self._node.id

    @property
    def is_block(self) -> bool:
        """True when commands append here; False for an element handle or `st.empty()`,
        where each command replaces the one element."""
        return self._mode == "block"

    @property
    def form_id(self) -> str | None:
        """The id of the form this container is inside (`add(form_id=)`), else None."""
        return self._form

    @property
    def dev(self) -> bool:
        """Whether the app runs with --dev (tracebacks and paths may be shown)."""
        return self._run.dev

    @property
    def session_state(self) -> SessionState:
        """The running session's state (e.g. to read a keyed widget's pending value)."""
        return self._run.session.state

    @property
    def run_number(self) -> int:
        return self._run.run_number

    def add(
        self,
        type: str,
        props: dict[str, Any] | None = None,
        *,
        key: str | None = None,
        block: bool = False,
        id: str | None = None,
        index: int | None = None,
        form_id: str | None = None,
        clear_on_submit: bool = False,
    ) -> Container:
        """Add a node; return a Container for it (a block to add into, or an element handle).

        `index` places it among this block's children (0: first) instead of at the end.

        `form_id` (with `block=True`) makes the block a form: the ids of keyless widgets
        drawn inside include it, the browser holds their values until a widget drawn with
        `submits_form=True` inside sends them all at once, and with `clear_on_submit` they
        show their defaults after each submit. Its node gets the prop `form_id`; a form that
        ends a run without a submit button also gets `missing_submit_button`. Form ids are
        unique per run (StreamlitDuplicateElementKey), apart from element keys.

        Inside a cached function computing, each call is recorded, to be replayed on the
        function's cache hits (see replay.py)."""
        return draw(self, type, props, key, block, id, index, form_id, clear_on_submit)

    def widget(
        self,
        type: str,
        props: dict[str, Any],
        *,
        key: str | None,
        identity: dict[str, Any],
        default: Any,
        value_type: Any = Any,
        deserialize: Callable[[Any], Any] = _identity,
        serialize: Callable[[Any], Any] = _identity,
        validate: Callable[[Any], Any] | None = None,
        on_change: Callable[..., Any] | None = None,
        args: Any = None,
        kwargs: dict[str, Any] | None = None,
        disabled: bool = False,
        trigger: bool = False,
        assignable: bool = True,
        key_identity: dict[str, Any] | None = None,
        submits_form: bool = False,
        block: bool = False,
    ) -> Any:
        """Draw a widget and return its value (plain Python, never a proxy).

        Identity follows Streamlit: without a key, the type and `identity` params plus the
        root container and the form; with a key, the key plus the small `key_identity`
        whitelist. Inside a form only its submit button (`submits_form=True`, a trigger;
        its node gets the prop `is_form_submitter`) may have a callback.

        With `block=True` the widget's node is also a block (a dialog, whose dismissal is a
        trigger) and the return value is `(value, Container to draw into)`.
        """
        run = live(self)
        run.checkpoint()
        if replay.in_cached_function():
            replay.warn_cached_widget(run)
        form = self._form
        submits_form = submits_form and form is not None
        if on_change is not None and form is not None and not submits_form:
            raise StreamlitInvalidFormCallbackError()
        if key is not None:
            key = str(key)
        wid = widget_id(
            type, key, identity, key_identity, root=self._root, form=form, page_scope=run.page_scope
        )
        info = WidgetInfo(
            id=wid,
            type=type,
            key=key,
            default=default,
            value_type=value_type,
            deserialize=deserialize,
            serialize=serialize,
            validate=validate,
            on_change=on_change,
            # The objects given, not copies: the callback sees later changes to them.
            args=() if args is None else args,
            kwargs={} if kwargs is None else kwargs,
            disabled=disabled,
            trigger=trigger,
            assignable=assignable,
            form=form,
            submits_form=submits_form,
        )
        value = register(run, info)
        props = node_props(run, info, props, value)
        node = draw(self, type, props, key, block, wid, None, None, False, key_claimed=True)
        return (value, node) if block else value

    def add_transient(self, type: str, props: dict[str, Any] | None = None) -> Callable[[], None]:
        """Show a node here until the returned function is called (st.spinner does).

        It is none of this container's elements: the ids of later elements do not change,
        a placeholder keeps its element (the node goes right after it), a run that moves on
        never keeps it on display as stale, and cached functions do not record it."""
        return insert_transient(self, type, props)

    def unsupported(self, command: str, **params: Any) -> None:
        """Warn, clearly, about Streamlit parameters passed but not implemented yet."""
        for name, value in params.items():
            message = f"st.{command}({name}=...) is not supported by Fastlit yet and is ignored"
            warnings.warn(message, FastlitUnsupportedWarning, stacklevel=3)
            log.warning("%s (got %r)", message, value)

    def static_url(self, folder: Path, file: str) -> str:
        """A URL for `file` inside `folder`, served under the folder's content hash with
        immutable caching (e.g. a custom component's build folder)."""
        return self._run.session.app.assets.url(folder, file)

    def error_box(self, message: str) -> Container:
        """Show a kernel error box here (used when a plugin or component is missing)."""
        return self.add(ERROR_NODE, {"message": self.redact(message)})

    def redact(self, text: str) -> str:
        """Outside --dev, hide absolute server paths from text bound for the browser."""
        return text if self._run.dev else redact_paths(text)

    def root_container(
        self, node_id: str, type: str, props: dict[str, Any] | None = None, *, fresh: bool = False
    ) -> Container:
        """A top-level container beside main (e.g. the sidebar); created on first use.
        `fresh=True` empties it first, even when a fragment run kept it from the last run
        (e.g. the layer holding the one open dialog)."""
        run = live(self)
        node = run.root_container(node_id, type, props or {}, fresh=fresh)
        # Made anew, it is the executing fragment's own place (Streamlit's event container):
        # no wrapper, and that fragment's next run leaves it be unless it draws it again.
        if fresh:
            run.fresh_roots[node_id] = run.fragment
        return Container(run, node, root=node_id, scope=run.fresh_roots.get(node_id))

    @property
    def ancestor_types(self) -> tuple[str, ...]:
        """The types of the blocks around this place, outermost first, ending with its own
        (e.g. to refuse a dialog inside a dialog)."""
        return ancestor_types_of(self)

    @property
    def run_memo(self) -> dict[str, Any]:
        """A dict that lives for the current run only, for per-run rules a plugin keeps
        (e.g. one dialog per run). Key it by your plugin's name."""
        return self._run.memo

    # --- st.* dispatch: every element works on every container ---------------------------

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return bind(self._run.registry.element(name), name, self)

    def __enter__(self) -> Container:
        live(self).stack.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        self._run.stack.remove(self)

    def __repr__(self) -> str:
        return f"<fastlit Container {self._node.type} {self._node.id}>"
