"""Medians and quartiles pooled over rounds, Fastlit/baseline ratios, and the checks."""

from __future__ import annotations

import statistics
from typing import Any

from .metrics import CHECKS, CHECKS_APP, LOAD_METRICS, SAMPLE_METRICS, TABLE_ROWS
from .targets import BASELINES


def _values(samples: list[dict[str, Any]], key: str) -> list[float]:
    return [s[key] for s in samples if s.get("ok", True) and s.get(key) is not None]


def _stats(values: list[float]) -> dict[str, Any] | None:
    if not values:
        return None
    values = sorted(values)
    q = statistics.quantiles(values, n=4) if len(values) >= 2 else [values[0]] * 3
    return {
        "median": statistics.median(values),
        "p25": q[0],
        "p75": q[2],
        "min": values[0],
        "max": values[-1],
        "n": len(values),
    }


def summarize(records: list[dict[str, Any]]) -> dict[str, Any]:
    """summary[app][target][metric] = stats over all rounds (samples pooled)."""
    summary: dict[str, Any] = {}
    for rec in records:
        if "error" in rec:
            continue
        entry = summary.setdefault(rec["app"], {}).setdefault(
            rec["target"], {"_samples": {}, "_cpu": {}, "_loads": [], "_idle": [], "_rss": []}
        )
        entry["_loads"].extend(rec["loads"])
        entry["_idle"].append(rec["idle_cpu_ms_per_s"])
        if rec.get("server_rss_mb"):
            entry["_rss"].append(rec["server_rss_mb"])
        for scen, data in rec["scenarios"].items():
            for s in data["samples"]:
                s["total_bytes"] = s["recv_bytes"] + s["sent_bytes"]
            entry["_samples"].setdefault(scen, []).extend(data["samples"])
            entry["_cpu"].setdefault(scen, []).append(data["cpu_ms_per_rerun"])
    for targets in summary.values():
        for target, entry in targets.items():
            out: dict[str, Any] = {}
            for scen, samples in entry.pop("_samples").items():
                for m in SAMPLE_METRICS:
                    out[f"{scen}.{m}"] = _stats(_values(samples, m))
                out[f"{scen}.failures"] = sum(1 for s in samples if not s["ok"])
                out[f"{scen}.stray_frames"] = sum(s["stray_frames_before"] for s in samples)
            for scen, cpus in entry.pop("_cpu").items():
                out[f"{scen}.cpu_ms_per_rerun"] = _stats(cpus)
            loads = entry.pop("_loads")
            for m in LOAD_METRICS:
                out[f"load.{m}"] = _stats(_values(loads, m))
            out["idle_cpu_ms_per_s"] = _stats(entry.pop("_idle"))
            out["server_rss_mb"] = _stats(entry.pop("_rss"))
            targets[target] = out
    return summary


def median(summary: dict[str, Any], app: str, target: str, metric: str) -> float | None:
    stats = summary.get(app, {}).get(target, {}).get(metric)
    return stats["median"] if isinstance(stats, dict) else None


def _ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return a / b


def fastlit_ratio(summary: dict[str, Any], app: str, baseline: str, metric: str) -> float | None:
    return _ratio(median(summary, app, "fastlit", metric), median(summary, app, baseline, metric))


def ratios_and_checks(summary: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    ratios: dict[str, Any] = {}
    for app in summary:
        for metric, _, _ in TABLE_ROWS:
            for base in BASELINES:
                r = fastlit_ratio(summary, app, base, metric)
                if r is not None:
                    ratios.setdefault(app, {}).setdefault(f"fastlit/{base}", {})[metric] = r
    checks = []
    for metric, label, limit in CHECKS:
        for base in BASELINES:
            r = fastlit_ratio(summary, CHECKS_APP, base, metric)
            checks.append(
                {
                    "app": CHECKS_APP,
                    "metric": metric,
                    "label": label,
                    "baseline": base,
                    "limit": limit,
                    "ratio": r,
                    "result": "N/A" if r is None else ("PASS" if r <= limit else "FAIL"),
                }
            )
    return ratios, checks
