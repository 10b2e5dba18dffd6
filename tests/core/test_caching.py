"""st.cache_data / st.cache_resource: copies vs shared, keys, ttl, LRU, disk, threads."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import numpy as np
import pandas as pd
import pytest

from fastlit_core.caching import CacheAPI, UnhashableParamError, UnserializableReturnValueError


@pytest.fixture
def cache_data(tmp_path, monkeypatch):
    monkeypatch.setenv("FASTLIT_CACHE_DIR", str(tmp_path / "cache"))
    return CacheAPI("data")


@pytest.fixture
def cache_resource():
    return CacheAPI("resource")


def counting(kind_api, **options):
    calls = []

    @kind_api(**options)
    def compute(x, _ignored=None):
        calls.append(x)
        return {"x": x, "items": [x]}

    return compute, calls


def test_cache_data_returns_copies_and_computes_once(cache_data):
    compute, calls = counting(cache_data)
    first = compute(1)
    first["items"].append("mutated")
    assert compute(1) == {"x": 1, "items": [1]}
    assert calls == [1]


def test_cache_resource_returns_the_shared_object(cache_resource):
    compute, calls = counting(cache_resource)
    compute(1)["items"].append("shared")
    assert compute(1)["items"] == [1, "shared"] and calls == [1]


def test_underscore_parameters_are_not_hashed(cache_data):
    compute, calls = counting(cache_data)
    compute(1, _ignored=object())
    compute(1, _ignored=lambda: None)
    assert calls == [1]


def test_unhashable_argument_error_names_parameter_and_function(cache_data):
    @cache_data
    def g(c):
        return 1

    with pytest.raises(UnhashableParamError, match=r"Cannot hash argument 'c' .* in 'g'"):
        g(lambda: 1)


def test_unpicklable_return_value_is_a_clear_error(cache_data):
    @cache_data
    def lock():
        return threading.Lock()

    with pytest.raises(UnserializableReturnValueError, match="st.cache_resource"):
        lock()


def test_hash_funcs_by_type_and_by_name(cache_data):
    class Conn:
        def __init__(self, url):
            self.url = url
            self.socket = threading.Lock()  # unpicklable: hash_funcs must be used

    calls = []

    @cache_data(hash_funcs={Conn: lambda c: c.url})
    def by_type(conn):
        calls.append(conn.url)
        return conn.url

    @cache_data(hash_funcs={f"{Conn.__module__}.{Conn.__qualname__}": lambda c: c.url})
    def by_name(conn):
        calls.append(conn.url)
        return conn.url

    for f in (by_type, by_name):
        f(Conn("a"))
        f(Conn("a"))
        f(Conn("b"))
    assert calls == ["a", "b", "a", "b"]


def test_dataframe_and_array_arguments_hash_by_content(cache_data):
    calls = []

    @cache_data
    def total(df, arr):
        calls.append(1)
        return float(df["a"].sum() + arr.sum())

    df = pd.DataFrame({"a": range(1000)})
    arr = np.arange(10)
    total(df, arr)
    total(df.copy(), arr.copy())
    assert len(calls) == 1
    total(df.assign(a=df["a"] + 1), arr)
    assert len(calls) == 2


def test_ttl_expires_entries(cache_data):
    compute, calls = counting(cache_data, ttl=0.05)
    compute(1)
    compute(1)
    time.sleep(0.15)
    compute(1)
    assert calls == [1, 1]


def test_ttl_accepts_strings_and_timedeltas(cache_data):
    import datetime

    counting(cache_data, ttl="1h")
    counting(cache_data, ttl=datetime.timedelta(minutes=5))


def test_max_entries_evicts_least_recently_used(cache_data):
    compute, calls = counting(cache_data, max_entries=2)
    compute(1), compute(2), compute(1), compute(3)  # 2 is the least recently used
    compute(1)
    assert calls == [1, 2, 3]
    compute(2)
    assert calls == [1, 2, 3, 2]


def test_clear_on_the_function_and_for_one_key(cache_data):
    compute, calls = counting(cache_data)
    compute(1), compute(2)
    compute.clear(2)
    compute(1), compute(2)
    assert calls == [1, 2, 2]
    compute.clear()
    compute(1)
    assert calls == [1, 2, 2, 1]


def test_clear_on_the_decorator_clears_every_function(cache_data):
    calls = []

    @cache_data
    def first(x):
        calls.append(("first", x))

    @cache_data
    def second(x):
        calls.append(("second", x))

    first(1), second(1)
    cache_data.clear()
    first(1), second(1)
    assert calls == [("first", 1), ("second", 1)] * 2


def test_identical_definitions_share_a_cache_like_streamlit(cache_data):
    # A function's cache identity is its module, qualname and source: each rerun defines
    # the function anew and must find the same cache.
    first, _ = counting(cache_data)
    second, second_calls = counting(cache_data)
    first(1)
    assert second(1) == {"x": 1, "items": [1]} and second_calls == []


def test_validate_recomputes_stale_resources(cache_resource):
    healthy = {"ok": True}

    @cache_resource(validate=lambda conn: healthy["ok"])
    def connect():
        return object()

    a = connect()
    assert connect() is a
    healthy["ok"] = False
    assert connect() is not a


def test_persist_disk_survives_a_new_process(tmp_path):
    script = tmp_path / "job.py"
    counter = tmp_path / "calls.txt"
    script.write_text(
        "import sys\nfrom fastlit_core.caching import CacheAPI\n"
        "cache_data = CacheAPI('data')\n"
        "@cache_data(persist='disk')\n"
        "def slow(x):\n"
        f"    open({str(counter)!r}, 'a').write('x')\n"
        "    return x * 2\n"
        "print(slow(21))\n"
    )
    env = {"FASTLIT_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    for _ in range(2):
        out = subprocess.run([sys.executable, str(script)], env=env, capture_output=True,
                             text=True, check=True).stdout  # fmt: skip
        assert out.strip() == "42"
    assert counter.read_text() == "x"


def test_many_threads_compute_a_key_once_and_get_whole_values(cache_data):
    calls = []
    start = threading.Barrier(16)

    @cache_data
    def build(n):
        calls.append(n)
        time.sleep(0.05)  # widen the window in which a second computation could start
        return list(range(n))

    results: list[list[int]] = []

    def worker():
        start.wait()
        results.append(build(1000))

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [1000]
    assert all(r == list(range(1000)) for r in results) and len(results) == 16


def test_caches_survive_reruns_in_apptest(app_test):
    at = app_test("""
        import fastlit as st
        calls = st.session_state.setdefault("calls", [])
        @st.cache_data
        def square(x):
            calls.append(x)
            return x * x
        st.markdown(f"{square(4)} computed {len(calls)}")
        st.button("again")
    """)
    at.button[0].click().run()
    at.run()
    assert at.markdown[0].value == "16 computed 1"


def test_same_results_as_streamlit():
    from tests.parity import outcome

    snippet = (
        "@st.cache_data\n"
        "def f(x):\n    return [x]\n"
        "a = f(1); a.append(2)\n"
        "@st.cache_resource\n"
        "def r():\n    return []\n"
        "r().append(1)\n"
        "(f(1), r())"
    )
    assert outcome("fastlit", snippet) == outcome("streamlit", snippet)
