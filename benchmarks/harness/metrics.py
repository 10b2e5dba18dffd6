"""The metrics: what gets summarized, the table's rows, and the targets' limits."""

SAMPLE_METRICS = [
    "latency_ms",
    "latency_from_evaluate_ms",
    "next_frame_ms",
    "last_frame_ms",
    "client_send_ms",
    "server_first_reply_ms",
    "dom_after_send_ms",
    "recv_bytes",
    "recv_frames",
    "sent_bytes",
    "sent_frames",
    "total_bytes",
]
LOAD_METRICS = [
    "fcp_ms",
    "first_element_ms",
    "ready_ms",
    "dom_content_loaded_ms",
    "transfer_kb",
    "requests",
    "ws_recv_bytes",
    "ws_recv_frames",
]

TABLE_ROWS = [  # (metric, label, digits); Fastlit/baseline ratios are kept for these metrics
    ("slider.latency_ms", "slider: key → new text in DOM (ms)", 1),
    ("slider.next_frame_ms", "slider: key → next animation frame (ms)", 1),
    ("slider.last_frame_ms", "slider: key → last websocket frame (ms)", 1),
    ("slider.client_send_ms", "slider: key → first frame sent (ms)", 1),
    ("slider.server_first_reply_ms", "slider: frame sent → first reply (ms)", 1),
    ("slider.dom_after_send_ms", "slider: frame sent → new text in DOM (ms)", 1),
    ("slider.recv_bytes", "slider: server→client bytes", 0),
    ("slider.recv_frames", "slider: server→client frames", 0),
    ("slider.sent_bytes", "slider: client→server bytes", 0),
    ("slider.sent_frames", "slider: client→server frames", 0),
    ("slider.total_bytes", "slider: bytes, both directions", 0),
    ("slider.cpu_ms_per_rerun", "slider: server CPU per rerun (ms)", 1),
    ("button.latency_ms", "button: click → text in DOM (ms)", 1),
    ("button.last_frame_ms", "button: click → last websocket frame (ms)", 1),
    ("button.client_send_ms", "button: click → first frame sent (ms)", 1),
    ("button.server_first_reply_ms", "button: frame sent → first reply (ms)", 1),
    ("button.recv_bytes", "button: server→client bytes", 0),
    ("button.recv_frames", "button: server→client frames", 0),
    ("button.sent_bytes", "button: client→server bytes", 0),
    ("button.sent_frames", "button: client→server frames", 0),
    ("button.cpu_ms_per_rerun", "button: server CPU per rerun (ms)", 1),
    ("load.fcp_ms", "load: first contentful paint (ms)", 0),
    ("load.first_element_ms", "load: first app element in DOM (ms)", 0),
    ("load.ready_ms", "load: first run on screen (ms)", 0),
    ("load.transfer_kb", "load: HTTP transfer (KB)", 0),
    ("load.requests", "load: HTTP requests", 0),
    ("load.ws_recv_bytes", "load: websocket bytes received", 0),
    ("idle_cpu_ms_per_s", "idle server CPU, one open page (ms per s)", 2),
    ("server_rss_mb", "server RSS after the run (MB)", 0),
]

CHECKS_APP = "page300"
CHECKS = [  # (metric, label, limit) on CHECKS_APP, against both baselines
    ("slider.total_bytes", "bytes per interaction", 0.05),
    ("slider.latency_ms", "interaction latency", 0.5),
]
