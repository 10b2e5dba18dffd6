"""st.on_startup / st.on_shutdown: functions (sync or async) run once per server process.

A hook is known by where it is defined (module, qualified name, file), not by the function
object: the script defines a new function on every run, and registering it again is a no-op.

- Startup hooks registered before the server starts (e.g. at import time) run in its
  lifespan, before the first request. One registered later (by the script, on its first run)
  runs at once, in the calling thread, before `on_startup` returns; concurrent first runs wait
  for it. An async hook runs on the server's event loop.
- Shutdown hooks run when the server stops (the last one, if a process serves several).
- A hook that raises is logged; a startup hook that failed runs again when next registered.
- Without a server (AppTest), startup hooks run when the script registers them and shutdown
  hooks never run.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .context import current_or_none

log = logging.getLogger("fastlit.lifecycle")

_F = TypeVar("_F", bound=Callable[..., Any])


@dataclass
class _Hook:
    key: tuple[str, str, str]
    func: Callable[[], Any]
    lock: threading.Lock = field(default_factory=threading.Lock)  # one runner at a time


_lock = threading.Lock()
_hooks: dict[str, list[_Hook]] = {"startup": [], "shutdown": []}
_done: set[tuple[str, tuple[str, str, str]]] = set()  # (kind, key) of hooks that have run
_servers = 0  # server lifespans active in this process
_loop: asyncio.AbstractEventLoop | None = None  # the serving loop: async hooks run there


def _key(func: Callable[..., Any]) -> tuple[str, str, str]:
    code = getattr(func, "__code__", None)
    return (
        str(getattr(func, "__module__", "")),
        str(getattr(func, "__qualname__", repr(func))),
        code.co_filename if code is not None else "",
    )


class LifecycleHook:
    """A decorator: `@st.on_startup` / `@st.on_shutdown` register a function taking no
    arguments, sync or async, to run once per server process; it returns the function."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __call__(self, func: _F) -> _F:
        if not callable(func):
            raise TypeError(f"st.on_{self.kind} takes a function, not {type(func).__name__}")
        hook = _register(self.kind, func)
        with _lock:
            run_now = (
                self.kind == "startup"
                and (self.kind, hook.key) not in _done
                and (_servers > 0 or current_or_none() is not None)
            )
        if run_now:
            _run_now(self.kind, hook)
        return func

    def __repr__(self) -> str:
        return f"<fastlit lifecycle hook on_{self.kind}>"


on_startup = LifecycleHook("startup")
on_shutdown = LifecycleHook("shutdown")


def _register(kind: str, func: Callable[..., Any]) -> _Hook:
    key = _key(func)
    with _lock:
        for hook in _hooks[kind]:
            if hook.key == key:
                hook.func = func  # the newest definition (its globals are the current run's)
                return hook
        hook = _Hook(key, func)
        _hooks[kind].append(hook)
        return hook


def _run_now(kind: str, hook: _Hook) -> None:
    """Run a hook in this (non-loop) thread, once: callers racing here wait for the first."""
    with hook.lock:
        if (kind, hook.key) in _done:
            return
        result = hook.func()
        if inspect.isawaitable(result):
            loop = _loop
            if loop is not None and loop.is_running():
                asyncio.run_coroutine_threadsafe(_awaited(result), loop).result()
            else:
                asyncio.run(_awaited(result))
        with _lock:
            _done.add((kind, hook.key))
        log.info("on_%s hook %s ran", kind, hook.key[1])


async def _awaited(awaitable: Any) -> Any:
    return await awaitable


async def _run_in_loop(kind: str, hook: _Hook) -> None:
    """Run a hook from the server's lifespan; a failure is logged, the server goes on."""
    if (kind, hook.key) in _done:
        return
    try:
        result = hook.func()
        if inspect.isawaitable(result):
            await result
    except Exception:
        log.exception("on_%s hook %s failed", kind, hook.key[1])
        if kind == "startup":
            return  # it runs again when next registered
    with _lock:
        _done.add((kind, hook.key))
    log.info("on_%s hook %s ran", kind, hook.key[1])


async def server_started() -> None:
    """The server lifespan begins: run the startup hooks registered so far."""
    global _servers, _loop
    with _lock:
        _servers += 1
        if _loop is None or not _loop.is_running():
            _loop = asyncio.get_running_loop()
        pending = list(_hooks["startup"])
    for hook in pending:
        await _run_in_loop("startup", hook)


async def server_stopping() -> None:
    """The server lifespan ends: the last server of the process runs the shutdown hooks."""
    global _servers, _loop
    with _lock:
        _servers = max(0, _servers - 1)
        pending = list(_hooks["shutdown"]) if _servers == 0 else []
    for hook in pending:
        await _run_in_loop("shutdown", hook)
    with _lock:
        if _servers == 0:
            _loop = None
