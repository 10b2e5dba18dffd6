"""Runs the user's script: a fresh __main__ per run, callbacks first, exceptions as elements."""

from __future__ import annotations

import logging
import os
import sys
import traceback
import types
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .context import RunContext, activate, current, deactivate
from .errors import RerunException, RunTimeoutException, StopException
from .magic import MAGIC_NAME, add_magic

if TYPE_CHECKING:
    from .state import WidgetInfo

log = logging.getLogger("fastlit.runner")


@dataclass(frozen=True)
class Script:
    """The app's entry script, compiled once per modification time."""

    path: Path
    source: str | None = None  # for AppTest.from_string

    def compile(self) -> types.CodeType:
        key = (str(self.path), self.source if self.source is not None else _mtime(self.path))
        code = _compiled.get(key)
        if code is None:
            text = self.source if self.source is not None else self.path.read_text("utf-8")
            code = compile(
                add_magic(text, str(self.path)), str(self.path), "exec", dont_inherit=True
            )
            _compiled.clear() if len(_compiled) > 64 else None
            _compiled[key] = code
        return code


_compiled: dict[tuple[str, Any], types.CodeType] = {}


def _mtime(path: Path) -> float:
    return os.stat(path).st_mtime_ns


def execute(ctx: RunContext, script: Script, callbacks: list[WidgetInfo]) -> str:
    """Run the script once in `ctx`. Returns "completed", "stopped" or "rerun"."""
    token = activate(ctx)
    try:
        try:
            for info in callbacks:
                assert info.on_change is not None
                info.on_change(*info.args, **info.kwargs)
            code = script.compile()
            module = types.ModuleType("__main__")
            module.__file__ = str(script.path)
            module.__dict__["__builtins__"] = __builtins__
            module.__dict__[MAGIC_NAME] = _magic
            folder = str(script.path.parent)
            if folder not in sys.path:
                sys.path.insert(0, folder)
            sys.modules["__main__"] = module
            exec(code, module.__dict__)
            return "completed"
        except RerunException:
            return "rerun"
        except StopException:
            return "stopped"
        except RunTimeoutException:
            exc: BaseException = TimeoutError(
                "The script run exceeded its time limit and was stopped."
            )
        except BaseException as raised:  # noqa: BLE001 - user code may raise anything
            exc = raised
        log.info("script raised %s", "".join(traceback.format_exception_only(exc)).strip())
        try:
            _render_exception(ctx, exc)
        except RerunException:
            return "rerun"
        return "completed"
    finally:
        deactivate(token)


def _magic(*values: Any) -> Any:
    """What a bare expression becomes: show its values where the script is writing."""
    run = current()
    run.registry.magic(run.cursor(), values)
    return values[0] if len(values) == 1 else values


def _render_exception(ctx: RunContext, exc: BaseException) -> None:
    """An uncaught exception becomes an element appended to main; the tree stays whole."""
    ctx.stack.clear()
    ctx.stop_requested = False
    ctx.deadline = None
    container = ctx.main()
    try:
        if ctx.registry.render_exception(container, exc):
            return
    except BaseException:  # noqa: BLE001
        log.exception("rendering the exception failed")
    container.error_box(f"{type(exc).__name__}: {exc}")
