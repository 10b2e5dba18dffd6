"""Runs the user's script: a fresh __main__ per run, callbacks first, exceptions as elements."""

from __future__ import annotations

import logging
import os
import sys
import traceback
import types
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .context import RunContext, activate, current, current_or_none, deactivate
from .errors import RerunException, RunTimeoutException, StopException
from .fragments import FragmentHandledException
from .magic import MAGIC_NAME, add_magic
from .pages import run_app

if TYPE_CHECKING:
    from .state import WidgetInfo

log = logging.getLogger("fastlit.runner")


@dataclass(frozen=True)
class Script:
    """The app's entry script, compiled once per modification time."""

    path: Path

    def compile(self) -> types.CodeType:
        run = current_or_none()
        magic = run is None or run.session.app.config.magic_enabled  # runner.magicEnabled
        key = (str(self.path), _mtime(self.path), magic)
        code = _compiled.get(key)
        if code is None:
            text = self.path.read_text("utf-8")
            code = compile(
                add_magic(text, str(self.path)) if magic else text,
                str(self.path),
                "exec",
                dont_inherit=True,
            )
            _compiled.clear() if len(_compiled) > 64 else None
            _compiled[key] = code
        return code


_compiled: dict[tuple[str, Any, bool], types.CodeType] = {}


def _mtime(path: Path) -> float:
    return os.stat(path).st_mtime_ns


def execute(
    ctx: RunContext,
    script: Script,
    callbacks: list[WidgetInfo],
    body: Callable[[], Any] | None = None,
) -> str:
    """Run the script once in `ctx` (or only `body`: a fragment run).
    Returns "completed", "stopped", "failed" (an uncaught exception, shown), "rerun", or
    "redirected" (a callback's st.rerun asked for another run instead of this one)."""
    token = activate(ctx)
    guard = ctx.guard
    try:
        try:
            # Armed, a run past its deadline can be interrupted anywhere (runs.py); disarmed
            # before any handler runs, so the timeout surfaces only in the one below.
            guard.arm()
            try:
                if _run_callbacks(ctx, callbacks):
                    return "redirected"
                if body is not None:
                    body()
                else:
                    code = script.compile()
                    module = new_main_module(script.path)
                    sys.modules["__main__"] = module
                    run_app(ctx, script, lambda: exec(code, module.__dict__))  # pages/ or not
                if ctx.parallel is not None:
                    ctx.parallel.join()  # the run ends when its parallel fragments have
            finally:
                guard.disarm()
                if ctx.parallel is not None:
                    ctx.parallel.drain()  # cut short: they stop at their next st.* call
            return "completed"
        except RerunException:
            return "rerun"
        except StopException:
            return "stopped"
        except FragmentHandledException:  # raised in a fragment, and shown there
            return "completed" if body is not None else "failed"  # as Streamlit counts it
        except RunTimeoutException as stopped:
            guard.disarm()  # in case the interrupt landed while disarming
            exc: BaseException = TimeoutError(
                "The script run exceeded its time limit and was stopped."
            ).with_traceback(stopped.__traceback__)  # where it stopped (shown with --dev)
        except BaseException as raised:  # noqa: BLE001 - user code may raise anything
            exc = raised
            if isinstance(exc, SyntaxError) and exc.filename == str(script.path):
                exc.__traceback__ = None  # compiling the script: its frames are Fastlit's own
        log.info("script raised %s", "".join(traceback.format_exception_only(exc)).strip())
        try:
            _render_exception(ctx, exc)
        except RerunException:
            return "rerun"
        return "failed"
    finally:
        deactivate(token)


def _run_callbacks(ctx: RunContext, callbacks: list[WidgetInfo]) -> bool:
    """Call the widgets' callbacks; True when their st.rerun calls ask for another run
    instead of this one (then requested).

    As in Streamlit, st.rerun() ends the callback calling it, and the requests are weighed
    once every callback has run: the whole app wins over fragments; fragments join; a
    callback asking for fragments beside one that returned (wanting this interaction's own
    run) makes a full run of it, unless this is a fragment run. Buttons clicked for this
    run still read True in the fragments' run."""
    requests: list[tuple[str, ...]] = []
    returned = False
    for info in callbacks:
        assert info.on_change is not None
        ctx.callback = info.id
        try:
            info.on_change(*info.args, **info.kwargs)
        except RerunException as rerun:
            if rerun.scope is None:
                raise  # a newer request for this session (or st.switch_page): start over
            requests.append(rerun.scope)
        else:
            returned = True
        finally:
            ctx.callback = None
    if not requests:
        return False
    fragments = [fid for request in requests for fid in request]
    whole_app = () in requests or (returned and not ctx.fragment_queue)
    target = () if whole_app else tuple(dict.fromkeys(fragments))
    ctx.session.rerun_from_script(target, replay_triggers=bool(fragments))
    return True


def new_main_module(path: Path) -> types.ModuleType:
    """A fresh `__main__` for a script (the entry script or a page): its own `__file__`,
    magic, and its folder first on sys.path."""
    module = types.ModuleType("__main__")
    module.__file__ = str(path)
    module.__dict__["__builtins__"] = __builtins__
    module.__dict__[MAGIC_NAME] = _magic
    folder = str(path.parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return module


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
    container = ctx.error_container or ctx.main()
    try:
        if ctx.registry.render_exception(container, exc):
            return
    except RerunException:
        raise  # a newer rerun superseded this run while it was showing its error
    except BaseException:  # noqa: BLE001
        log.exception("rendering the exception failed")
    container.error_box(f"{type(exc).__name__}: {exc}")
