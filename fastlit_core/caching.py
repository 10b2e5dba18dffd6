"""st.cache_data and st.cache_resource: per-function caches shared by every session."""

from __future__ import annotations

import datetime
import functools
import hashlib
import inspect
import os
import pickle
import threading
import time
import warnings
from collections import OrderedDict
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, ParamSpec, TypeVar, overload

from . import replay
from .context import current_or_none
from .errors import FastlitUnsupportedWarning, StreamlitAPIException
from .hashing import HashFuncs, UnhashableTypeError, content_hash


class UnhashableParamError(StreamlitAPIException):
    """An argument has no content hash; Streamlit's advice: prefix it with an underscore."""


class UnserializableReturnValueError(StreamlitAPIException):
    """st.cache_data stores values pickled; this one cannot be."""


@dataclass
class _Entry:
    value: Any  # pickled bytes for cache_data, the object itself for cache_resource
    expires: float | None
    draws: Sequence[replay.Draw] = ()  # what computing it drew, drawn again on each hit


class _Cache:
    """One function's entries: LRU-bounded, TTL-expiring, computed once per key."""

    def __init__(self, ttl: float | None, max_entries: int | None) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self.entries: OrderedDict[bytes, _Entry] = OrderedDict()
        self.lock = threading.Lock()
        self.key_locks: dict[bytes, threading.Lock] = {}

    def get(self, key: bytes) -> _Entry | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry.expires is not None and entry.expires <= time.monotonic():
                del self.entries[key]
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key: bytes, value: Any, draws: Sequence[replay.Draw] = ()) -> _Entry:
        expires = time.monotonic() + self.ttl if self.ttl is not None else None
        entry = _Entry(value, expires, tuple(draws))
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while self.max_entries is not None and len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)
        return entry

    def key_lock(self, key: bytes) -> threading.Lock:
        with self.lock:
            return self.key_locks.setdefault(key, threading.Lock())

    def clear(self, key: bytes | None = None) -> None:
        with self.lock:
            if key is None:
                self.entries.clear()
            else:
                self.entries.pop(key, None)


P = ParamSpec("P")
R = TypeVar("R")


class CachedFunc(Generic[P, R]):
    """The decorated function. Equal arguments (by content) share one computed value."""

    def __init__(self, func: Callable[P, R], kind: str, cache: _Cache, *,
                 hash_funcs: HashFuncs | None, persist_dir: Path | None,
                 validate: Callable[[Any], bool] | None, show_spinner: bool | str = True,
                 show_time: bool = False) -> None:  # fmt: skip
        self._func = func
        self._kind = kind
        self._cache = cache
        self._hash_funcs = hash_funcs
        self._persist_dir = persist_dir
        self._validate = validate
        self._show_spinner = show_spinner
        self._show_time = show_time
        self._signature = inspect.signature(func)
        functools.update_wrapper(self, func)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        key = self._key(args, kwargs)
        entry = self._lookup(key)
        if entry is not None:
            return self._hit(entry)
        with self._busy_indicator(args, kwargs):
            with self._cache.key_lock(key):  # concurrent callers with one key compute once
                entry = self._lookup(key)
                if entry is not None:
                    return self._hit(entry)
                with replay.recording() as drawn:
                    result = self._func(*args, **kwargs)
                entry = self._store(key, result, drawn.draws)
        return self._value(entry) if self._kind == "data" else result  # data: a copy

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Forget every entry, or with arguments, the entry for those arguments."""
        key = self._key(args, kwargs) if args or kwargs else None
        self._cache.clear(key)
        if self._persist_dir is not None:
            for file in self._persist_dir.glob(
                "*.pickle" if key is None else f"{key.hex()}.pickle"
            ):
                file.unlink(missing_ok=True)

    def _key(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> bytes:
        bound = self._signature.bind(*args, **kwargs)
        bound.apply_defaults()
        h = hashlib.blake2b(digest_size=16)
        for name, value in bound.arguments.items():
            if name.startswith("_"):
                continue  # Streamlit's rule: underscore parameters are not hashed
            try:
                h.update(name.encode() + content_hash(value, self._hash_funcs))
            except UnhashableTypeError as exc:
                raise UnhashableParamError(_unhashable_message(self._func, name, value)) from exc
        return h.digest()

    def _busy_indicator(
        self, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> AbstractContextManager[object]:
        """Streamlit's spinner while a miss computes: only in a run, only for the outermost
        cached function (an inner one's caller waits anyway)."""
        run = current_or_none()
        if isinstance(self._show_spinner, str):
            text = self._show_spinner
        elif self._show_spinner is True:
            text = f"Running `{self._func.__qualname__}({'...' if args or kwargs else ''})`."
        else:
            return nullcontext()
        if run is None or replay.in_cached_function():
            return nullcontext()
        return run.registry.busy_indicator(run.cursor(), text, self._show_time)

    def _lookup(self, key: bytes) -> _Entry | None:
        entry = self._cache.get(key)
        if entry is None and self._persist_dir is not None:
            entry = self._load_persisted(key)
        if entry is None:
            return None
        if self._validate is not None and not self._validate(entry.value):
            self._cache.clear(key)
            return None
        return entry

    def _value(self, entry: _Entry) -> R:
        if self._kind == "data":
            return pickle.loads(entry.value)  # type: ignore[no-any-return]  # a copy each
        return entry.value  # type: ignore[no-any-return]

    def _hit(self, entry: _Entry) -> R:
        """The cached value, after drawing again what computing it drew (as Streamlit)."""
        run = current_or_none()
        if run is not None and entry.draws:
            decorator, name = f"cache_{self._kind}", self._func.__name__
            closure_error = replay.CacheReplayClosureError(decorator, name)
            replay.replay(run, entry.draws, closure_error)
        return self._value(entry)

    def _store(self, key: bytes, result: Any, draws: Sequence[replay.Draw]) -> _Entry:
        if self._kind == "resource":
            return self._cache.put(key, result, draws)
        try:
            data = pickle.dumps(result, protocol=5)
        except Exception as exc:  # noqa: BLE001 - whatever pickling raises
            raise UnserializableReturnValueError(
                f"Cannot serialize the return value (of type `{type(result).__name__}`) in "
                f"`{self._func.__name__}()`. `st.cache_data` uses pickle to serialize the "
                "function's return value and safely store it in the cache without mutating "
                "the original object. Please convert the return value to a pickle-serializable "
                "type. If you want to cache unserializable objects such as database "
                "connections or Tensorflow sessions, use `st.cache_resource` instead."
            ) from exc
        entry = self._cache.put(key, data, draws)
        if self._persist_dir is not None:
            self._persist_dir.mkdir(parents=True, exist_ok=True)
            expires = time.time() + self._cache.ttl if self._cache.ttl is not None else None
            tmp = self._persist_dir / f"{key.hex()}.tmp{threading.get_ident()}"
            tmp.write_bytes(pickle.dumps((expires, data, entry.draws)))
            os.replace(tmp, self._persist_dir / f"{key.hex()}.pickle")  # never a torn file
        return entry

    def _load_persisted(self, key: bytes) -> _Entry | None:
        assert self._persist_dir is not None
        file = self._persist_dir / f"{key.hex()}.pickle"
        try:
            expires, data, *draws = pickle.loads(file.read_bytes())  # older files: no draws
        except (OSError, pickle.UnpicklingError, ValueError, EOFError, TypeError):
            return None
        if expires is not None and expires <= time.time():
            file.unlink(missing_ok=True)
            return None
        return self._cache.put(key, data, draws[0] if draws else ())


class CacheAPI:
    """`st.cache_data` / `st.cache_resource`: a decorator (bare or with options) with .clear()."""

    def __init__(self, kind: str) -> None:
        self._kind = kind
        self._caches: dict[str, _Cache] = {}
        self._lock = threading.Lock()

    @overload
    def __call__(self, func: Callable[P, R], /) -> CachedFunc[P, R]: ...
    @overload
    def __call__(
        self,
        func: None = None,
        *,
        ttl: Any = None,
        max_entries: int | None = None,
        max_size: int | str | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: str | bool | None = None,
        validate: Callable[[Any], bool] | None = None,
        hash_funcs: HashFuncs | None = None,
        on_release: Callable[[Any], Any] | None = None,
        scope: str = "global",
        refresh_mode: str = "foreground",
    ) -> Callable[[Callable[P, R]], CachedFunc[P, R]]: ...
    def __call__(
        self,
        func: Callable[P, R] | None = None,
        *,
        ttl: Any = None,
        max_entries: int | None = None,
        max_size: int | str | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: str | bool | None = None,
        validate: Callable[[Any], bool] | None = None,
        hash_funcs: HashFuncs | None = None,
        on_release: Callable[[Any], Any] | None = None,
        scope: str = "global",
        refresh_mode: str = "foreground",
    ) -> Any:
        """Decorate `func` (or return a decorator when called with options only)."""
        _warn_unsupported(
            max_size=(max_size, None),
            on_release=(on_release, None), scope=(scope, "global"),
            refresh_mode=(refresh_mode, "foreground"),
        )  # fmt: skip
        if self._kind == "resource" and persist:
            raise TypeError("st.cache_resource() got an unexpected keyword argument 'persist'")
        if self._kind == "data" and validate is not None:
            raise TypeError("st.cache_data() got an unexpected keyword argument 'validate'")
        if persist not in (None, False, True, "disk"):
            raise StreamlitAPIException(
                f"Unsupported persist option '{persist}'. Valid values are 'disk' or None."
            )

        def decorate(f: Callable[P, R]) -> CachedFunc[P, R]:
            identity = _function_identity(f)
            with self._lock:
                cache = self._caches.get(identity)
                if cache is None or (cache.ttl, cache.max_entries) != (_seconds(ttl), max_entries):
                    cache = self._caches[identity] = _Cache(_seconds(ttl), max_entries)
            persist_dir = _cache_root() / identity if persist in (True, "disk") else None
            return CachedFunc(f, self._kind, cache, hash_funcs=hash_funcs,
                              persist_dir=persist_dir, validate=validate,
                              show_spinner=show_spinner, show_time=show_time)  # fmt: skip

        return decorate(func) if func is not None else decorate

    def clear(self) -> None:
        """Forget every entry of every function cached this way (st.cache_data.clear())."""
        with self._lock:
            caches = list(self._caches.values())
        for cache in caches:
            cache.clear()
        if self._kind == "data":
            for file in _cache_root().glob("*/*.pickle"):
                file.unlink(missing_ok=True)


def _warn_unsupported(**params: tuple[Any, Any]) -> None:
    for name, (value, default) in params.items():
        if value != default:
            warnings.warn(
                f"st.cache_data/st.cache_resource({name}=...) is not supported by Fastlit yet "
                "and is ignored",
                FastlitUnsupportedWarning,
                stacklevel=4,
            )


def _function_identity(func: Callable[..., Any]) -> str:
    """Stable across reruns (each run re-creates the function in a fresh __main__)."""
    try:
        source = inspect.getsource(func)
    except (OSError, TypeError):
        source = repr(getattr(func, "__code__", func))
    text = f"{func.__module__}.{func.__qualname__}:{source}"
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def _seconds(ttl: Any) -> float | None:
    if ttl is None or ttl == float("inf"):
        return None
    if isinstance(ttl, datetime.timedelta):
        return ttl.total_seconds()
    if isinstance(ttl, str):
        import pandas as pd  # type: ignore[import-untyped]

        return float(pd.Timedelta(ttl).total_seconds())
    return float(ttl)


def _cache_root() -> Path:
    base = os.environ.get("FASTLIT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "fastlit"
    )
    return Path(base) / "cache_data"


def _unhashable_message(func: Callable[..., Any], name: str, value: Any) -> str:
    kind = type(value)
    return (
        f"Cannot hash argument '{name}' (of type `{kind.__module__}.{kind.__qualname__}`) in "
        f"'{func.__name__}'.\n\nTo address this, you can tell Streamlit not to hash this "
        "argument by adding a\nleading underscore to the argument's name in the function "
        f"signature:\n\n```\n@st.cache_data\ndef {func.__name__}(_{name}, ...):\n    ...\n```"
    )


cache_data = CacheAPI("data")
cache_resource = CacheAPI("resource")
