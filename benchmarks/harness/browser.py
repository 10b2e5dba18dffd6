"""Headless Chromium: launching it, instrumented pages, and measured page loads."""

from __future__ import annotations

import json
import os
import time
from typing import Any

from .apps import AppSpec
from .paths import INSTRUMENT_JS_PATH

CHROMIUM = os.environ.get("FASTLIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTRUMENT_JS = INSTRUMENT_JS_PATH.read_text()

ERRORS_JS = """() => [...document.querySelectorAll(
  '[data-testid="fl-error"], [data-testid="stException"], [data-testid="stAlertContentError"]')]
  .map(e => e.textContent.trim().slice(0, 400))"""


class AppUnsupported(Exception):
    """The app does not run (or lacks the widget a scenario needs) on this target."""


def launch_chromium(pw: Any) -> Any:
    return pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def new_page(browser: Any, app: AppSpec) -> tuple[Any, Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    watch = json.dumps([app.first_text, app.ready_text])
    context.add_init_script(script=f"window.__benchWatch = {watch};\n{INSTRUMENT_JS}")
    page = context.new_page()
    return context, page


def load_page(page: Any, url: str, quiet_ms: int, timeout_ms: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit")
    result = page.evaluate("([q, t]) => __bench.loaded(q, t)", [quiet_ms, timeout_ms])
    result["wall_ms"] = (time.perf_counter() - t0) * 1000
    if not result["ok"]:
        errors = page.evaluate(ERRORS_JS)
        body = page.evaluate("() => document.body ? document.body.innerText.slice(0, 300) : ''")
        raise AppUnsupported(
            f"page not ready after {timeout_ms} ms (missing {result['missing']}, "
            f"busy={result['busy']}); errors on page: {errors or '-'}; page text: {body!r}"
        )
    return result


def measure_loads(
    browser: Any, url: str, app: AppSpec, n: int, warmup: int, quiet_ms: int
) -> list[dict[str, Any]]:
    """Fresh context (empty cache, new session) per load; warm-up loads are not kept."""
    samples = []
    for i in range(warmup + n):
        context, page = new_page(browser, app)
        try:
            r = load_page(page, url, quiet_ms, 30000)
        finally:
            context.close()
        if i >= warmup:
            samples.append(
                {
                    "fcp_ms": r["fcp"],
                    "first_element_ms": r["marks"].get(app.first_text),
                    "ready_ms": r["marks"].get(app.ready_text),
                    "dom_content_loaded_ms": r["domContentLoaded"],
                    "transfer_kb": r["transferBytes"] / 1024,
                    "decoded_kb": r["decodedBytes"] / 1024,
                    "requests": r["resources"],
                    "ws_recv_bytes": r["wsRecvBytes"],
                    "ws_recv_frames": r["wsRecvFrames"],
                    "ws_extensions": r["extensions"],
                    "stuck_busy": r["stuckBusy"],
                }
            )
    return samples
