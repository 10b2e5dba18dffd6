"""Fastlit vs Streamlit: interaction latency, websocket traffic, server CPU, page load.

    .venv/bin/python benchmarks/run.py                 # everything (~10 min)
    .venv/bin/python benchmarks/run.py --quick --targets streamlit   # smoke run

For every app and target: start the server on a free port, drive headless Chromium with
Playwright, measure, stop the server. Writes benchmarks/results/<timestamp>.json and prints
a markdown table with Fastlit/Streamlit ratios. See benchmarks/README.md for what each
number means and how it is measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # for `harness`, however run.py is run

from harness.apps import APPS, DEFAULT_APPS
from harness.browser import AppUnsupported
from harness.measure import measure_one
from harness.metadata import metadata
from harness.paths import RESULTS_DIR
from harness.report import markdown_report
from harness.summary import ratios_and_checks, summarize
from harness.targets import TARGETS


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--apps",
        type=_csv,
        default=DEFAULT_APPS,
        help=f"comma-separated, of {', '.join(APPS)} (default: %(default)s)",
    )
    parser.add_argument(
        "--targets",
        type=_csv,
        default=list(TARGETS),
        help=f"comma-separated, of {', '.join(TARGETS)} (default: all)",
    )
    parser.add_argument(
        "--interactions",
        type=int,
        default=30,
        help="measured interactions per scenario and round (default: 30)",
    )
    parser.add_argument(
        "--button-interactions",
        type=int,
        default=None,
        help="measured button clicks (default: --interactions)",
    )
    parser.add_argument(
        "--warmup",
        type=int,
        default=5,
        help="unmeasured interactions before each scenario (default: 5)",
    )
    parser.add_argument("--loads", type=int, default=5, help="measured page loads (default: 5)")
    parser.add_argument("--warmup-loads", type=int, default=1, help="default: 1")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="repeat everything, rotating the target order (default: 1)",
    )
    parser.add_argument(
        "--quiet-ms",
        type=int,
        default=200,
        help="no websocket frame for this long = idle (default: 200)",
    )
    parser.add_argument(
        "--idle-seconds",
        type=float,
        default=3.0,
        help="window for the idle-CPU measurement (default: 3)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: 5 interactions, 2 warm-up, 2 loads, 1 round",
    )
    parser.add_argument("--out", type=Path, default=None, help="results JSON path")
    opts = parser.parse_args(argv)
    if opts.quick:
        opts.interactions, opts.warmup, opts.loads, opts.warmup_loads = 5, 2, 2, 0
        opts.rounds, opts.idle_seconds = 1, 1.0
        opts.button_interactions = None
    for name in opts.apps:
        if name not in APPS:
            parser.error(f"unknown app {name!r}; choose from {', '.join(APPS)}")
    for name in opts.targets:
        if name not in TARGETS:
            parser.error(f"unknown target {name!r}; choose from {', '.join(TARGETS)}")
    return opts


def measure_or_error(
    pw: Any, app_name: str, target_name: str, opts: argparse.Namespace, logs: Path, round_no: int
) -> dict[str, Any]:
    """One app on one target, with progress on stderr; a failure becomes a record with "error"."""
    t0 = time.perf_counter()
    print(f"[bench] round {round_no}: {app_name} on {target_name} ...", file=sys.stderr, flush=True)
    try:
        rec = measure_one(pw, TARGETS[target_name], APPS[app_name], opts, logs, round_no)
    except AppUnsupported as exc:
        rec = {
            "target": target_name,
            "app": app_name,
            "round": round_no,
            "error": f"app does not run: {exc}",
        }
    except Exception as exc:  # keep going: other targets still get measured
        rec = {
            "target": target_name,
            "app": app_name,
            "round": round_no,
            "error": f"{type(exc).__name__}: {exc}",
            "traceback": traceback.format_exc(),
        }
    rec["seconds"] = time.perf_counter() - t0
    status = "error: " + rec["error"][:300] if "error" in rec else "ok"
    print(f"[bench]   {status} ({rec['seconds']:.0f} s)", file=sys.stderr, flush=True)
    return rec


def main(argv: list[str] | None = None) -> int:
    opts = parse_args(argv)

    from playwright.sync_api import sync_playwright

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    RESULTS_DIR.mkdir(exist_ok=True)
    out = opts.out or RESULTS_DIR / f"{stamp}.json"
    logs = RESULTS_DIR / f"{stamp}-logs"
    logs.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"meta": metadata(opts), "runs": []}
    started = time.perf_counter()
    with sync_playwright() as pw:
        for round_no in range(1, opts.rounds + 1):
            shift = (round_no - 1) % len(opts.targets)
            order = opts.targets[shift:] + opts.targets[:shift]
            for app_name in opts.apps:
                for target_name in order:
                    rec = measure_or_error(pw, app_name, target_name, opts, logs, round_no)
                    results["runs"].append(rec)
    results["meta"]["seconds"] = time.perf_counter() - started
    results["meta"]["loadavg_end"] = os.getloadavg()
    results["meta"]["logs"] = str(logs)
    results["summary"] = summarize(results["runs"])
    results["ratios"], results["checks"] = ratios_and_checks(results["summary"])
    report = markdown_report(results)
    results["markdown"] = report
    out.write_text(json.dumps(results, indent=1, default=str))
    print(report)
    print(f"results: {out}\nserver logs: {logs}\ntook {results['meta']['seconds']:.0f} s")
    return 0 if all("error" not in r for r in results["runs"]) else 1


if __name__ == "__main__":
    sys.exit(main())
