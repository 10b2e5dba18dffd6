"""What `import fastlit as st` exposes beyond elements: state, rerun, stop, name lookup."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any, NoReturn

from .container import bind
from .context import current, current_or_none
from .errors import RerunException, StopException
from .query_params import QueryParams
from .registry import default_registry
from .secrets import Secrets
from .state import SessionState


def rerun(*, scope: str = "app") -> NoReturn:
    """Stop this run and start the script again (st.rerun)."""
    if scope not in ("app", "fragment"):
        from .errors import StreamlitAPIException

        raise StreamlitAPIException(
            f"'{scope}' is not a valid rerun scope; use 'app' or 'fragment'"
        )
    ctx = current()
    if scope == "fragment":
        if ctx.fragment_run is None:
            from .errors import StreamlitInvalidLayoutContextError

            raise StreamlitInvalidLayoutContextError(
                'scope="fragment" can only be specified from `@st.fragment`-decorated '
                "functions during fragment reruns."
            )
        executing = ctx.fragment if ctx.fragment is not None else ctx.fragment_run
        if executing != ctx.fragment_run:  # a fragment nested in the one this run reruns
            raise RuntimeError(
                "Could not find current_fragment_id in fragment_id_queue. This should never happen."
            )  # Streamlit's words (its fragment_id_queue holds only the fragment rerunning)
        ctx.session.rerun_from_script(ctx.fragment_run)
    else:
        ctx.session.rerun_from_script()
    raise RerunException()


def stop() -> NoReturn:
    """End this run now; everything drawn so far stays (st.stop)."""
    current()
    raise StopException()


class SessionStateProxy:
    """`st.session_state`: forwards to the state of the session whose script is running."""

    def _state(self) -> SessionState:
        return current().session.state

    def __getattr__(self, name: str) -> Any:
        return getattr(self._state(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._state(), name, value)

    def __delattr__(self, name: str) -> None:
        delattr(self._state(), name)

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
