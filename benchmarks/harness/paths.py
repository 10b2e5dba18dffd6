"""Where the benchmark's own files live."""

from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = BENCH_DIR.parent
APPS_DIR = BENCH_DIR / "apps"
RESULTS_DIR = BENCH_DIR / "results"
INSTRUMENT_JS_PATH = BENCH_DIR / "instrument.js"
STREAMLIT_FIXED_PATH = BENCH_DIR / "streamlit_fixed.py"
