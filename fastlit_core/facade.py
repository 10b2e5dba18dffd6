"""What `import fastlit as st` exposes beyond elements: state, rerun, stop, name lookup."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from typing import Any, NoReturn

from .context import RunContext, current, current_or_none
from .dispatch import bind
from .errors import (
    RerunException,
    StopException,
    StreamlitAPIException,
    StreamlitInvalidLayoutContextError,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)
from .query_params import QueryParams
from .registry import default_registry
from .secrets import Secrets
from .state import SessionState, missing_message


def rerun(scope: str | int | Sequence[str | int] = "app") -> NoReturn:
    """Stop this run and start the script again (st.rerun).

    `scope`: "app" (the whole script); "fragment" (the fragment calling it, during a
    fragment run); or, from a widget callback only, a fragment key or a list of keys
    (`@st.fragment(key=...)`): only those fragments rerun, every place each was called."""
    level = _rerun_scope(scope)
    ctx = current()
    callback = ctx.in_callback()
    target: tuple[str, ...]
    if level == "app":
        target = ()
    elif level == "fragment":
        target = _this_fragment(ctx, callback)
    else:
        if callback is None:
            raise StreamlitAPIException(
                "Passing a fragment key to `st.rerun()` is only allowed from a widget "
                "callback (e.g. `on_change` / `on_click`). Calling it from the main script "
                "body or a fragment body would abort the current run. If you meant to rerun "
                "the whole app or the current fragment, use `scope='app'` or "
                "`scope='fragment'`."
            )
        target = ctx.session.fragments_named(level)
    if callback is not None:
        raise RerunException(target)  # the runner weighs it once every callback has run
    ctx.session.rerun_from_script(target)
    raise RerunException()


_SCOPES = ["'app'", "'fragment'", "a fragment key", "a list of keys"]


def _rerun_scope(scope: object) -> str | list[str]:
    """st.rerun's `scope`, checked as Streamlit checks it: "app", "fragment", or keys."""
    if isinstance(scope, int):
        return [str(scope)]
    if isinstance(scope, bytes | bytearray) or not isinstance(scope, str | Sequence):
        raise StreamlitInvalidParameterTypeError(
            "scope", type(scope).__name__, ["str", "int", "list[str | int]"]
        )
    if isinstance(scope, str):
        if scope == "":
            raise StreamlitValueError("scope", _SCOPES, detail="Got an empty string.")
        return scope if scope in ("app", "fragment") else [scope]
    if len(scope) == 0:
        raise StreamlitValueError("scope", _SCOPES, detail="Got an empty list.")
    keys: list[str] = []
    for name in scope:
        if isinstance(name, int):
            keys.append(str(name))
        elif not isinstance(name, str):
            raise StreamlitInvalidParameterTypeError(
                "scope list items", type(name).__name__, ["str", "int"]
            )
        elif name == "":
            raise StreamlitValueError(
                "scope list items",
                ["non-empty strings or ints"],
                detail="Found an empty string in the list.",
            )
        else:
            keys.append(name)
    for name in keys:
        if name in ("app", "fragment"):
            raise StreamlitValueError(
                "scope",
                ["fragment keys"],
                detail=f"'{name}' is a reserved scope name and cannot appear inside a list. "
                f"Pass '{name}' directly as a string.",
            )
    return keys


def _this_fragment(ctx: RunContext, callback: str | None) -> tuple[str, ...]:
    """st.rerun(scope="fragment"): the fragment calling it (in a callback: the widget's),
    and those this fragment run was to run after it, as Streamlit's queue has them."""
    queue = ctx.fragment_queue
    if not queue:
        raise StreamlitInvalidLayoutContextError(
            'scope="fragment" can only be specified from `@st.fragment`-decorated '
            "functions during fragment reruns."
        )
    if callback is not None:
        with ctx.session._lock:
            executing = ctx.session.fragment_of.get(callback)
    else:
        executing = ctx.fragment if ctx.fragment is not None else ctx.fragment_run
    if executing not in queue:  # a fragment nested in the ones this run reruns
        raise RuntimeError(
            "Could not find current_fragment_id in fragment_id_queue. This should never happen."
        )  # Streamlit's words (its fragment_id_queue holds only the fragments rerunning)
    return queue[queue.index(executing) :]


def stop() -> NoReturn:
    """End this run now; everything drawn so far stays (st.stop)."""
    ctx = current()
    if ctx.in_parallel_worker():
        ctx.stop_requested = True  # the script stops at its next st.* call (parallel.py)
    raise StopException()


class SessionStateProxy:
    """`st.session_state` (and AppTest's `at.session_state`): the mapping of one session's
    state, `ss.x` being `ss["x"]` for every name (as Streamlit: `lock` or `_x` are keys like
    any other). `st.session_state` follows the session whose script is running."""

    def __init__(self, state: Callable[[], SessionState] | None = None) -> None:
        object.__setattr__(self, "_get_state", state or (lambda: current().session.state))

    def _state(self) -> SessionState:
        state: SessionState = self._get_state()
        return state

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return self._state()[name]
        except KeyError:
            raise AttributeError(missing_message(name, "attribute")) from None

    def __setattr__(self, name: str, value: Any) -> None:
        self._state()[name] = value

    def __delattr__(self, name: str) -> None:
        try:
            del self._state()[name]
        except KeyError:
            raise AttributeError(missing_message(name, "attribute")) from None

    def __getitem__(self, key: str) -> Any:
        return self._state()[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._state()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._state()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._state()

    def __iter__(self) -> Iterator[str]:
        return iter(self._state())

    def __len__(self) -> int:
        return len(self._state())

    def __repr__(self) -> str:
        return repr(self._state())

    def keys(self) -> Any:
        return self._state().keys()

    def values(self) -> Any:
        return self._state().values()

    def items(self) -> Any:
        return self._state().items()

    def get(self, key: str, default: Any = None) -> Any:
        return self._state().get(key, default)

    def setdefault(self, key: str, default: Any = None) -> Any:
        return self._state().setdefault(key, default)

    def pop(self, key: str, *default: Any) -> Any:
        return self._state().pop(key, *default)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._state().update(*args, **kwargs)

    def clear(self) -> None:
        self._state().clear()

    def to_dict(self) -> dict[str, Any]:
        return self._state().to_dict()


class SecretsProxy(Mapping[str, Any]):
    """`st.secrets`: the running app's secrets (attribute or item access, read-only)."""

    def _secrets(self) -> Secrets:
        return current().session.app.secrets

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._secrets(), name)

    def __getitem__(self, key: str) -> Any:
        return self._secrets()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._secrets())

    def __len__(self) -> int:
        return len(self._secrets())

    def to_dict(self) -> dict[str, Any]:
        return self._secrets().to_dict()


secrets = SecretsProxy()


class QueryParamsProxy(MutableMapping[str, str]):
    """`st.query_params`: the running session's URL query parameters."""

    def _params(self) -> QueryParams:
        return current().session.query_params

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._params(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._params(), name, value)

    def __delattr__(self, name: str) -> None:
        delattr(self._params(), name)

    def __getitem__(self, key: str) -> str:
        return self._params()[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._params()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._params()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._params())

    def __len__(self) -> int:
        return len(self._params())

    def __repr__(self) -> str:
        return repr(self._params())

    def get_all(self, key: str) -> list[str]:
        return self._params().get_all(key)

    def to_dict(self) -> dict[str, str]:
        return self._params().to_dict()

    def from_dict(self, params: Mapping[str, Any]) -> None:
        self._params().from_dict(params)

    def clear(self) -> None:
        self._params().clear()


query_params = QueryParamsProxy()


class ContextProxy:
    """`st.context`: the running session's browser context, read-only."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(current().session.client, name)


context = ContextProxy()
MutableMapping.register(SessionStateProxy)
session_state = SessionStateProxy()


def element_attribute(name: str) -> Any:
    """Resolve `st.<name>` through the registry of the running app (else the installed one)."""
    ctx = current_or_none()
    registry = ctx.registry if ctx is not None else default_registry()
    element = registry.element(name)
    if element is None:
        message = registry.missing_message(name)  # a disabled or uninstalled plugin's name
        raise AttributeError(message or f"module 'fastlit' has no attribute '{name}'")
    if getattr(element, "attribute", False):
        return bind(element, name, current().cursor())

    def command(*args: Any, **kwargs: Any) -> Any:
        run = current()
        return bind(run.registry.element(name), name, run.cursor())(*args, **kwargs)

    command.__name__ = command.__qualname__ = name
    command.__doc__ = getattr(getattr(element, "function", None), "__doc__", None)
    return command
