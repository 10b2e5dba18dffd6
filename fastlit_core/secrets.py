"""st.secrets: TOML secrets from the usual places, read-only, with Streamlit's error messages."""

from __future__ import annotations

import os
import threading
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .errors import StreamlitAPIException

_HELP = (
    "Did you forget to add it to secrets.toml, mount it to secret directory, or the app "
    "settings on Streamlit Cloud? More info: https://docs.streamlit.io/deploy/"
    "streamlit-community-cloud/deploy-your-app/secrets-management"
)


def secrets_files(script: Path | None) -> list[Path]:
    """Where secrets are read from; later files override earlier ones, key by key. Without
    a script (AppTest, as Streamlit's), only those of the home and working directories."""
    home, cwd = Path.home(), Path.cwd()
    candidates = [
        home / ".streamlit" / "secrets.toml",
        cwd / ".streamlit" / "secrets.toml",
        cwd / "secrets.toml",
    ]
    if script is not None:
        folder = script.parent
        candidates += [folder / ".streamlit" / "secrets.toml", folder / "secrets.toml"]
    return list(dict.fromkeys(p.resolve() for p in candidates))


class StreamlitSecretNotFoundError(StreamlitAPIException, FileNotFoundError):
    """No secrets file exists (Streamlit's class: also a FileNotFoundError)."""


class AttrDict(Mapping[str, Any]):
    """A read-only table of secrets: `secrets.db.user` or `secrets["db"]["user"]`."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = {k: AttrDict(v) if isinstance(v, Mapping) else v for k, v in values.items()}

    def __getitem__(self, key: str) -> Any:
        try:
            return self._values[key]
        except KeyError:
            raise KeyError(f'st.secrets has no key "{key}". {_HELP}') from None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(f'st.secrets has no attribute "{name}". {_HELP}') from None

    def __setattr__(self, name: str, value: Any) -> None:
        if name != "_values":
            raise TypeError("Secrets does not support attribute assignment.")
        object.__setattr__(self, name, value)

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return repr(self.to_dict())

    def to_dict(self) -> dict[str, Any]:
        return {k: v.to_dict() if isinstance(v, AttrDict) else v for k, v in self._values.items()}


class Secrets(AttrDict):
    """The app's secrets, loaded on first use. Top-level strings also become environment
    variables, as Streamlit does."""

    _files: list[Path]
    _lock: threading.Lock
    _loaded: bool
    _overrides: dict[str, Any]

    def __init__(self, files: list[Path]) -> None:
        object.__setattr__(self, "_files", files)
        object.__setattr__(self, "_lock", threading.Lock())
        object.__setattr__(self, "_loaded", False)
        object.__setattr__(self, "_overrides", {})
        object.__setattr__(self, "_values", {})

    def _ensure_loaded(self) -> None:
        with self._lock:
            if self._loaded:
                return
            merged: dict[str, Any] = {}
            if self._overrides:  # AppTest's at.secrets: all the secrets there are
                merged.update(self._overrides)
            else:
                found = [file for file in self._files if file.is_file()]
                if not found:  # as Streamlit: an error, and looked for again next time
                    raise StreamlitSecretNotFoundError(
                        "No secrets found. Valid paths for a secrets.toml file or secret "
                        f"directories are: {', '.join(str(f) for f in self._files)}"
                    )
                for file in found:
                    with file.open("rb") as handle:
                        merged.update(tomllib.load(handle))
                for key, value in merged.items():
                    if isinstance(value, str):
                        os.environ.setdefault(key, value)
            object.__setattr__(self, "_values", AttrDict(merged)._values)
            object.__setattr__(self, "_loaded", True)

    def set_for_test(self, key: str, value: Any) -> None:
        """AppTest's `at.secrets[key] = value`: from then on, the secrets are those set so
        (as Streamlit's AppTest; files are not read, nor environment variables set)."""
        self._overrides[key] = value
        object.__setattr__(self, "_loaded", False)

    def __getitem__(self, key: str) -> Any:
        self._ensure_loaded()
        return super().__getitem__(key)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            self._ensure_loaded()
        except StreamlitSecretNotFoundError:
            raise AttributeError(f'st.secrets has no attribute "{name}". {_HELP}') from None
        return super().__getattr__(name)

    def __iter__(self) -> Iterator[str]:
        self._ensure_loaded()
        return super().__iter__()

    def __len__(self) -> int:
        self._ensure_loaded()
        return super().__len__()

    def to_dict(self) -> dict[str, Any]:
        self._ensure_loaded()
        return super().to_dict()
