"""The markdown report: per-app tables, checks, patch checks, anomalies, failures."""

from __future__ import annotations

from typing import Any

from .anomalies import anomalies
from .apps import APPS
from .metrics import CHECKS_APP, TABLE_ROWS
from .summary import fastlit_ratio, median
from .targets import BASELINES


def _fmt(v: float | None, digits: int) -> str:
    if v is None:
        return "-"
    return f"{v:,.{digits}f}"


def _fmt_ratio(v: float | None) -> str:
    if v is None:
        return "-"
    return f"{v:.3f}" if v < 0.1 else f"{v:.2f}"


def _app_section(summary: dict[str, Any], app: str, targets: list[str]) -> list[str]:
    lines = [f"### {app}: {APPS[app].description}", ""]
    cols = [t for t in targets if t in summary[app]]
    ratio_cols = [b for b in BASELINES if b in cols and "fastlit" in cols]
    header = ["metric (median)", *cols, *[f"fastlit/{b}" for b in ratio_cols]]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "|".join(["---", *["---:"] * (len(header) - 1)]) + "|")
    for metric, label, digits in TABLE_ROWS:
        values = [median(summary, app, t, metric) for t in cols]
        if all(v is None for v in values):
            continue
        ratios = [fastlit_ratio(summary, app, b, metric) for b in ratio_cols]
        cells = [label, *[_fmt(v, digits) for v in values], *[_fmt_ratio(r) for r in ratios]]
        lines.append("| " + " | ".join(cells) + " |")
    notes = []
    for t in cols:
        for scen in ("slider", "button"):
            entry = summary[app][t]
            n = (entry.get(f"{scen}.latency_ms") or {}).get("n")
            if n:
                failed = entry.get(f"{scen}.failures", 0)
                stray = entry.get(f"{scen}.stray_frames", 0)
                notes.append(
                    f"{t} {scen}: n={n}, failed={failed}, stray frames between interactions={stray}"
                )
    if notes:
        lines += ["", *[f"- {n}" for n in notes]]
    lines.append("")
    return lines


def _checks_section(checks: list[dict[str, Any]]) -> list[str]:
    lines = [f"### Targets ({CHECKS_APP})", ""]
    for c in checks:
        lines.append(
            f"- {c['label']} fastlit/{c['baseline']} = {_fmt_ratio(c['ratio'])} "
            f"(target <= {c['limit']}): **{c['result']}**"
        )
    lines.append("")
    return lines


def _patch_check_line(rec: dict[str, Any]) -> str:
    """One streamlit-fixed run: did the TCP_NODELAY and gc patches take effect?"""
    rep = rec["patch_report"]
    nd, gcr = rep["nodelay"], rep["gc"]
    if not nd["connections"]:
        nodelay = f"TCP_NODELAY: no websocket connection seen (patch: {nd['patched']})"
    elif all(nd["before"]) and all(nd["after"]):
        nodelay = (
            f"TCP_NODELAY already on before the patch on all {nd['connections']} "
            f"websocket sockets (event loop {nd.get('loop')}), so patch (a) changes "
            f"nothing here"
        )
    elif all(nd["after"]):
        nodelay = (
            f"TCP_NODELAY patch took effect: off before, on after on "
            f"{nd['before'].count(0)}/{nd['connections']} websocket sockets"
        )
    else:
        nodelay = f"TCP_NODELAY patch FAILED: after={nd['after']} errors={nd['errors']}"
    deltas = [
        f"{scen}: {d['patch_delta']['forced_gc_collect_calls_skipped']} skipped in "
        f"{d['patch_delta']['script_runs']} runs, "
        f"{d['patch_delta']['automatic_gen2_collections']} automatic gen-2 collection(s)"
        for scen, d in rec.get("scenarios", {}).items()
        if "patch_delta" in d
    ]
    gc_ok = (
        gcr["forced_collect_calls_skipped"] > 0
        and gcr["forced_collect_calls_skipped"] == gcr["script_runs"]
    )
    gc_text = (
        f"gc patch {'took effect' if gc_ok else 'UNVERIFIED'}: forced "
        f"gc.collect(2) skipped {gcr['forced_collect_calls_skipped']} times in "
        f"{gcr['script_runs']} script runs (measured phases: "
        f"{'; '.join(deltas) or '-'})"
    )
    return f"- {rec['app']} r{rec['round']}: {nodelay}; {gc_text}"


def markdown_report(results: dict[str, Any]) -> str:
    summary, targets = results["summary"], results["meta"]["targets"]
    lines = []
    for app in results["meta"]["apps"]:
        if app in summary:
            lines += _app_section(summary, app, targets)
    if results["checks"] and "fastlit" in targets:
        lines += _checks_section(results["checks"])
    patch_lines = [
        _patch_check_line(rec)
        for rec in results["runs"]
        if rec["target"] == "streamlit-fixed" and rec.get("patch_report")
    ]
    if patch_lines:
        lines += ["### streamlit-fixed patch checks", "", *patch_lines, ""]
    found = anomalies(results["runs"])
    if found:
        lines += ["### Anomalies", "", *[f"- {a}" for a in found], ""]
    errors = [r for r in results["runs"] if "error" in r]
    if errors:
        lines += ["### Not measured", ""]
        for r in errors:
            lines.append(f"- {r['app']} on {r['target']} (round {r['round']}): {r['error']}")
        lines.append("")
    return "\n".join(lines)
