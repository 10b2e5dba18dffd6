"""Session details that are hard to reach through a socket."""

from __future__ import annotations

import json

from fastlit_core.app import App
from fastlit_core.registry import Registry
from fastlit_core.session import Session


def test_snapshot_between_final_patch_and_loop_end_says_idle(tmp_path):
    script = tmp_path / "app.py"
    script.write_text("import fastlit as st\n")
    session = Session(App(script, Registry()))
    # The run loop has sent its final patch but not yet cleared `running`.
    session.running, session.seq = True, 7
    snapshot = json.loads(session.snapshot_frame())
    assert snapshot["seq"] == 7 and snapshot.get("running", False) is False


def test_snapshot_during_a_run_says_running(tmp_path):
    from fastlit_core.context import RunContext

    script = tmp_path / "app.py"
    script.write_text("import fastlit as st\n")
    session = Session(App(script, Registry()))
    session.running = True
    session._current = RunContext(session, session.app.registry, 1)
    assert json.loads(session.snapshot_frame())["running"] is True
