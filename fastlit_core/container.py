"""Container: the cursor every element function receives, and the only way to add nodes."""

from __future__ import annotations

import logging
import re
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from types import FrameType, TracebackType
from typing import TYPE_CHECKING, Any

from . import fragment_scope, replay
from .context import current_or_none
from .errors import (
    CachedWidgetWarning,
    FastlitUnsupportedWarning,
    StreamlitDuplicateElementId,
    StreamlitInvalidFormCallbackError,
    duplicate_element_key,
)
from .ids import node_id
from .registry import BrokenElement
from .state import SessionState, WidgetInfo, _identity
from .tree import TRANSIENT_MARK, Node, walk

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
        return self._add(type, props, key, block, id, index, form_id, clear_on_submit)

    def _add(
        self,
        type: str,
        props: dict[str, Any] | None,
        key: str | None,
        block: bool,
        id: str | None,
        index: int | None,
        form_id: str | None,
        clear_on_submit: bool,
        *,
        key_claimed: bool = False,  # by widget(), which checked it with the widget's id
    ) -> Container:
        run = self._live()
        run.checkpoint()
        if run.fragment is not None and (there := fragment_scope.target(self)) is not self:
            return there._add(
                type,
                props,
                key,
                block,
                id,
                index,
                form_id,
                clear_on_submit,
                key_claimed=key_claimed,
            )
        given = props
        if form_id is not None and replay.in_cached_function():
            self._warn_cached_widget()  # as Streamlit does for st.form
        if key is not None:
            key = str(key)
        if (key is not None and not key_claimed) or form_id is not None:
            with run.lock:  # parallel fragments draw at the same time (parallel.py)
                if key is not None and not key_claimed:
                    if key in run.keys:
                        raise duplicate_element_key(key)
                    run.keys.add(key)
                if form_id is not None and form_id in run.forms:
                    raise duplicate_element_key(form_id)
        if form_id is not None:
            props = {**(props or {}), "form_id": form_id}
        with run.lock:
            node = Node(id or self._child_id(type, key), type, props or {}, [])
            self._place(node, index)
            run.nodes[node.id] = node
            run.dirty = True
        if form_id is not None:
            run.forms[form_id] = node
            run.session.state.register_form(form_id, clear_on_submit)
        if self._mode == "element" and not block:
            made = self  # the handle keeps following its place: `ph.x(); ph.empty()` works
        else:
            made = Container(
                run,
                node,
                root=self._root,
                mode="block" if block else "element",
                parent=self._node if self._mode != "element" else self._parent,
                form=self._form if form_id is None else form_id,
                scope=self._scope,
            )
        if replay.in_cached_function():
            options = {"key": key, "block": block, "id": id, "index": index,
                       "form_id": form_id, "clear_on_submit": clear_on_submit}  # fmt: skip
            draw = replay.Draw(self._replay_place(), type, given or {}, options)
            replay.record(self, made, draw)
        return made

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
        run = self._live()
        run.checkpoint()
        if replay.in_cached_function():
            self._warn_cached_widget()
        form = self._form
        submits_form = submits_form and form is not None
        if on_change is not None and form is not None and not submits_form:
            raise StreamlitInvalidFormCallbackError()
        if key is not None:
            key = str(key)
            wid = node_id("widget", type, key, sorted((key_identity or {}).items()))
        else:
            place = (self._root,) if form is None else (self._root, "form", form)
            wid = node_id("widget", type, sorted(identity.items(), key=lambda kv: kv[0]), *place)
        if run.page_scope:  # as Streamlit: the same widget on two pages is two widgets
            wid = node_id(wid, run.page_scope)
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
        with run.lock:  # claimed at once: parallel fragments draw at the same time
            if key is not None and key in run.keys:
                raise duplicate_element_key(key)
            if wid in run.widget_ids:
                raise _duplicate_id(type)
            run.widget_ids.add(wid)
            if key is not None:
                run.keys.add(key)
        try:
            value = run.session.state.register(info)
        except BaseException:
            with run.lock:
                run.widget_ids.discard(wid)
                if key is not None:
                    run.keys.discard(key)
            raise
        if run.fragment is not None:
            run.fragment_widgets.setdefault(run.fragment, set()).add(wid)
        if submits_form:
            assert form is not None
            run.forms_submitted_by.add(form)
            props = {**props, "is_form_submitter": True}
        # A trigger's value lives for one run only; the browser never needs it back.
        if not trigger:
            props = {**props, "value": serialize(run.session.state.shown_value(wid, value))}
        node = self._add(type, props, key, block, wid, None, None, False, key_claimed=True)
        return (value, node) if block else value

    def add_transient(self, type: str, props: dict[str, Any] | None = None) -> Callable[[], None]:
        """Show a node here until the returned function is called (st.spinner does).

        It is none of this container's elements: the ids of later elements do not change,
        a placeholder keeps its element (the node goes right after it), a run that moves on
        never keeps it on display as stale, and cached functions do not record it."""
        run = self._live()
        run.checkpoint()
        parent = self._node if self._mode == "block" or self._parent is None else self._parent
        with run.lock:
            ordinal_key = (parent.id, TRANSIENT_MARK + type)
            ordinal = run.ordinals.get(ordinal_key, 0)
            run.ordinals[ordinal_key] = ordinal + 1
            node = Node(TRANSIENT_MARK + node_id(parent.id, type, ordinal), type, props or {}, [])
            siblings = parent.children
            at = len(siblings)
            if parent is not self._node:  # right after the element this handle stands for
                at = next((i + 1 for i, n in enumerate(siblings) if n is self._node), at)
            siblings.insert(at, node)
            run.nodes[node.id] = node
            run.dirty = True

        def remove() -> None:
            with run.lock:
                parent.children[:] = [n for n in parent.children if n is not node]
                run.nodes.pop(node.id, None)
                run.dirty = True

        return remove

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
        return text if self._run.dev else _PATH.sub("<path>", text)

    def root_container(
        self, node_id: str, type: str, props: dict[str, Any] | None = None, *, fresh: bool = False
    ) -> Container:
        """A top-level container beside main (e.g. the sidebar); created on first use.
        `fresh=True` empties it first, even when a fragment run kept it from the last run
        (e.g. the layer holding the one open dialog)."""
        run = self._live()
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
        with self._run.lock:
            parents = {
                child.id: node for node, _ in walk(self._run.root) for child in node.children
            }
        types: list[str] = []
        node: Node | None = self._node
        while node is not None:
            types.append(node.type)
            node = parents.get(node.id)
        return tuple(reversed(types))

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
        self._live().stack.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        self._run.stack.remove(self)

    def __repr__(self) -> str:
        return f"<fastlit Container {self._node.type} {self._node.id}>"

    # --- placement -----------------------------------------------------------------------

    def _replay_place(self) -> replay.Target:
        """Where this container is, for a cached function's recording (see replay.py)."""
        run = self._run
        if self is run.cursor():
            return replay.CURSOR
        node = self._node
        if self._mode == "block" and any(c is node for c in run.root.children):
            return replay.Root(node.id, node.type, node.props)
        return replay.OUTSIDE

    def _warn_cached_widget(self) -> None:
        """Streamlit's CachedWidgetWarning: logged, and shown where the script is writing
        (an exception element, so a cache hit replays it with the rest)."""
        warning = CachedWidgetWarning().with_traceback(_calling_stack())
        log.warning("%s", warning, stack_info=True)
        cursor = self._run.cursor()
        if not self._run.registry.render_exception(cursor, warning):
            cursor.error_box(f"{type(warning).__name__}: {str(warning).strip()}")

    def _child_id(self, type: str, key: str | None) -> str:
        if key is not None:
            return node_id("key", type, str(key))
        if self._mode == "element":
            return node_id(self._base, type)
        ordinal_key = (self._node.id, type)
        ordinal = self._run.ordinals.get(ordinal_key, 0)
        self._run.ordinals[ordinal_key] = ordinal + 1
        return node_id(self._node.id, type, ordinal)

    def _live(self) -> RunContext:
        """The run this container writes into. One kept from an earlier run of the session
        (a fragment's function closing over a column, a placeholder or the sidebar) follows
        its node into the run in progress, which a fragment run copied from the last one."""
        run, now = self._run, current_or_none()
        if now is None or now is run or now.session is not run.session:
            return run
        node = now.nodes.get(self._node.id)
        if node is not None:
            self._run, self._node = now, node
            if self._parent is not None:
                self._parent = now.nodes.get(self._parent.id, self._parent)
        return self._run

    def _place(self, node: Node, index: int | None = None) -> None:
        if self._mode == "slot":
            self._node.children[:] = [node]
            return
        if self._mode == "block":
            children = self._node.children
            children.insert(len(children) if index is None else index, node)
        else:  # replace this element where it stands
            siblings = self._parent.children if self._parent is not None else []
            for i, sibling in enumerate(siblings):
                if sibling is self._node:
                    siblings[i] = node
                    break
            self._node = node


# Absolute paths: POSIX ones not inside a URL or a fraction (`https://a/b`, `1/2/3`), and
# Windows ones with a drive letter.
_PATH = re.compile(
    r"(?<![\w:/.])/(?:[\w.\-]+/)+[\w.\-]*"
    r"|\b[A-Za-z]:\\(?:[^\\\s'\"]+\\)+[^\\\s'\"]*"
)


def mark_forms_without_submit_button(run: RunContext) -> None:
    """At the end of a run: each form with no submit button says so, for the browser to warn."""
    with run.lock:
        for form_id, node in run.forms.items():
            if form_id not in run.forms_submitted_by:
                node.props = {**node.props, "missing_submit_button": True}
                run.dirty = True


def _calling_stack() -> TracebackType | None:
    """The stack as a traceback, for a warning shown but never raised (Streamlit tacks the
    stack onto its warnings too): with --dev, it says where the widget was called."""
    tb: TracebackType | None = None
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        tb = TracebackType(tb, frame, frame.f_lasti, frame.f_lineno)
        frame = frame.f_back
    return tb


def _duplicate_id(type: str) -> StreamlitDuplicateElementId:
    return StreamlitDuplicateElementId(
        f"There are multiple `{type}` elements with the same auto-generated ID. When this "
        "element is created, it is assigned an internal ID based on the element type and "
        "provided parameters. Multiple elements with the same type and parameters will cause "
        "this error.\n\nTo fix this error, please pass a unique `key` argument to the "
        f"`{type}` element."
    )


def bind(element: Any, name: str, container: Container) -> Any:
    """Resolve `container.<name>` to a callable (or value) for one st.* name."""
    if element is None:
        message = container._run.registry.missing_message(name)  # disabled or uninstalled
        raise AttributeError(
            message or f"Fastlit has no element `st.{name}`; no installed plugin provides it"
        )
    if isinstance(element, BrokenElement):

        def broken(*args: Any, **kwargs: Any) -> None:
            container.error_box(
                f"st.{name} is unavailable: its plugin {element.plugin} failed ({element.reason})"
            )

        return broken
    if element.attribute:
        return element.function(container)

    def command(*args: Any, **kwargs: Any) -> Any:
        return element.function(container, *args, **kwargs)

    command.__name__ = name
    command.__doc__ = element.function.__doc__
    return command
