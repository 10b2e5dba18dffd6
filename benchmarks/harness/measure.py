"""One app on one target: page loads, idle CPU, then each scenario's interactions."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from .apps import AppSpec
from .browser import launch_chromium, load_page, measure_loads, new_page
from .interactions import Interactor, WsCounter
from .procfs import CLK_TCK, process_rss_mb, threads_cpu_seconds
from .targets import Server, Target


def run_scenario(
    name: str, step: Any, server: Server, warmup: int, n: int, reruns_per_step: int
) -> dict[str, Any]:
    failures = 0
    for _ in range(warmup):
        s = step()
        if not s["ok"]:
            failures += 1
            if failures >= 3:
                raise RuntimeError(f"{name}: warm-up interactions fail: {s.get('failure')}")
    patch_before = server.read_patch_report()
    cpu0, t0 = server.cpu(), time.perf_counter()
    samples: list[dict[str, Any]] = []
    consecutive = 0
    for _ in range(n):
        s = step()
        samples.append(s)
        consecutive = 0 if s["ok"] else consecutive + 1
        if consecutive >= 3:
            raise RuntimeError(f"{name}: 3 interactions in a row failed: {s.get('failure')}")
        if not server.alive():
            raise RuntimeError(f"server died:\n{server.log_tail()}")
    cpu1, t1 = server.cpu(), time.perf_counter()
    patch_after = server.read_patch_report()
    reruns = n * reruns_per_step
    out = {
        "samples": samples,
        "interactions": n,
        "reruns": reruns,
        "cpu_seconds": cpu1 - cpu0,
        "cpu_ms_per_rerun": (cpu1 - cpu0) * 1000 / reruns,
        "cpu_resolution_ms": 1000 / CLK_TCK,
        "wall_seconds": t1 - t0,
    }
    if patch_before and patch_after:
        out["patch_delta"] = {
            "forced_gc_collect_calls_skipped": patch_after["gc"]["forced_collect_calls_skipped"]
            - patch_before["gc"]["forced_collect_calls_skipped"],
            "script_runs": patch_after["gc"]["script_runs"] - patch_before["gc"]["script_runs"],
            "automatic_gen2_collections": patch_after["gc"]["collections"]["2"]
            - patch_before["gc"]["collections"]["2"],
            "websocket_connections": patch_after["nodelay"]["connections"],
        }
    return out


def measure_one(
    pw: Any, target: Target, app: AppSpec, opts: argparse.Namespace, logs: Path, round_no: int
) -> dict[str, Any]:
    record: dict[str, Any] = {"target": target.name, "app": app.name, "round": round_no}
    log_path = logs / f"{app.name}-{target.name}-r{round_no}.log"
    patch_report = (
        logs / f"{app.name}-{target.name}-r{round_no}.patch.json"
        if target.name == "streamlit-fixed"
        else None
    )
    server = Server(target, app, log_path, patch_report)
    record.update(command=server.command, port=server.port, startup_seconds=server.startup_seconds)
    browser = launch_chromium(pw)
    record["browser_version"] = browser.version
    try:
        # Page loads, each in a fresh context.
        record["loads"] = measure_loads(
            browser, server.url, app, opts.loads, opts.warmup_loads, opts.quiet_ms
        )
        # Interactions, in one page.
        context, page = new_page(browser, app)
        try:
            counter = WsCounter(page)
            first = load_page(page, server.url, opts.quiet_ms, 30000)
            record["interactive_load_stuck_busy"] = first["stuckBusy"]
            cpu0, precise0 = server.cpu(), threads_cpu_seconds(server.pid)
            page.wait_for_timeout(opts.idle_seconds * 1000)
            record["idle_cpu_ms_per_s"] = (
                (threads_cpu_seconds(server.pid) - precise0) * 1000 / opts.idle_seconds
            )
            record["idle_cpu_ms_per_s_ticks"] = (server.cpu() - cpu0) * 1000 / opts.idle_seconds
            it = Interactor(page, counter, opts.quiet_ms)
            scenarios: dict[str, Any] = {}
            if app.slider_text:
                scenarios["slider"] = run_scenario(
                    "slider", lambda: it.slider_step(app), server, opts.warmup, opts.interactions, 1
                )
            if app.button:
                per_step = 2 if app.button.reset_with_slider else 1
                scenarios["button"] = run_scenario(
                    "button",
                    lambda: it.button_step(app),
                    server,
                    opts.warmup,
                    opts.button_interactions or opts.interactions,
                    per_step,
                )
            record["scenarios"] = scenarios
            record["websocket_urls"] = counter.sockets
        finally:
            context.close()
        record["server_rss_mb"] = process_rss_mb(server.pid)
        record["patch_report"] = server.read_patch_report()
    finally:
        browser.close()
        server.stop()
    return record
