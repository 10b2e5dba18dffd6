"""Things in the raw runs that look wrong, with the evidence, for a human to follow up."""

from __future__ import annotations

from typing import Any


def anomalies(records: list[dict[str, Any]]) -> list[str]:
    out = []
    for rec in records:
        if "error" in rec:
            continue
        where = f"{rec['app']} on {rec['target']} (round {rec['round']})"
        stuck = [ld["stuck_busy"] for ld in rec["loads"] if ld.get("stuck_busy")]
        if rec.get("interactive_load_stuck_busy"):
            stuck.append(rec["interactive_load_stuck_busy"])
        if stuck:
            out.append(
                f"{where}: after {len(stuck)} page load(s) the first run was on screen "
                f"and no frame came for 3 s, but the page still showed it as running "
                f"({stuck[0]})"
            )
        for scen, data in rec["scenarios"].items():
            samples = data["samples"]
            failed = [s for s in samples if not s["ok"]]
            if failed:
                out.append(
                    f"{where} {scen}: {len(failed)}/{len(samples)} interactions failed; "
                    f"first: {failed[0].get('failure')}"
                )
            stray = sum(s["stray_frames_before"] for s in samples)
            if stray:
                out.append(
                    f"{where} {scen}: {stray} websocket frame(s) arrived between "
                    f"interactions, after the page looked idle"
                )
            mismatch = [
                s
                for s in samples
                if s["recv_frames"] != s["page_recv_frames"]
                or s["sent_frames"] != s["page_sent_frames"]
            ]
            if mismatch:
                s = mismatch[0]
                out.append(
                    f"{where} {scen}: Playwright and the page counted different frames "
                    f"in {len(mismatch)} interaction(s) (e.g. recv {s['recv_frames']} vs "
                    f"{s['page_recv_frames']}, sent {s['sent_frames']} vs "
                    f"{s['page_sent_frames']})"
                )
            counts = sorted({(s["recv_frames"], s["sent_frames"]) for s in samples if s["ok"]})
            if len(counts) > 1:
                out.append(f"{where} {scen}: frames per interaction vary (recv, sent): {counts}")
    return out
