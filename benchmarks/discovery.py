"""What plugin discovery costs, and proof that `import fastlit` does not pay it.

    .venv/bin/python benchmarks/discovery.py            # 15 fresh processes per row
    .venv/bin/python benchmarks/discovery.py --runs 40 --json out.json

Every sample runs in a fresh subprocess (nothing warm in sys.modules), and the table shows
the median, min and max over the runs:

- `python -c pass`: the interpreter alone, the floor under the next rows.
- `python -c "import fastlit"`: wall time of the whole process, as the parent sees it.
- `Registry.from_entry_points()`: timed inside a process where `fastlit_core.registry` is
  already imported: the entry-point scan, the plugin imports, the checks, the cache update.
- `st.title` (first access): timed inside a process after `import fastlit`: discovery as an
  app pays it, once, on the first `st.*` attribute.

The known-elements cache goes to a temporary FASTLIT_CACHE_DIR, so runs leave nothing behind.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

IN_PROCESS = {
    "Registry.from_entry_points()": (
        "import time\n"
        "from fastlit_core.registry import Registry\n"
        "t = time.perf_counter()\n"
        "Registry.from_entry_points()\n"
        "print(time.perf_counter() - t)\n"
    ),
    "st.title (first access, after import)": (
        "import time\n"
        "import fastlit as st\n"
        "t = time.perf_counter()\n"
        "st.title\n"
        "print(time.perf_counter() - t)\n"
    ),
}
WALL = {
    "python -c pass": "pass",
    'python -c "import fastlit"': "import fastlit",
}


def wall_time(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    return time.perf_counter() - start


def inner_time(code: str, env: dict[str, str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, env=env, capture_output=True, text=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15, help="fresh processes per row")
    parser.add_argument("--json", type=Path, help="also write every sample here")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "FASTLIT_CACHE_DIR": cache}
        inner_time(IN_PROCESS["Registry.from_entry_points()"], env)  # warm the OS file cache
        samples: dict[str, list[float]] = {}
        for _ in range(args.runs):  # interleaved, so drift affects every row alike
            for label, code in WALL.items():
                samples.setdefault(label, []).append(wall_time(code, env))
            for label, code in IN_PROCESS.items():
                samples.setdefault(label, []).append(inner_time(code, env))

    print(f"Plugin discovery, {args.runs} fresh processes per row (milliseconds)\n")
    print("| measured | median | min | max |")
    print("|---|---:|---:|---:|")
    for label, values in samples.items():
        ms = [v * 1000 for v in values]
        print(f"| {label} | {statistics.median(ms):.1f} | {min(ms):.1f} | {max(ms):.1f} |")
    floor = statistics.median(samples["python -c pass"])
    imported = statistics.median(samples['python -c "import fastlit"'])
    print(f"\n`import fastlit` over the bare interpreter: {(imported - floor) * 1000:.1f} ms")
    if args.json:
        args.json.write_text(json.dumps({"runs": args.runs, "seconds": samples}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
