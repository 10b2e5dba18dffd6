"""Shared fixtures: AppTest from a source string."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import pytest

from fastlit.testing.v1 import AppTest


@pytest.fixture(scope="session", autouse=True)
def private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Caches (known elements, persisted cache_data) go to a temp dir, never ~/.cache."""
    import os

    os.environ["FASTLIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("fastlit-cache"))


@pytest.fixture
def app_test() -> Callable[..., AppTest]:
    """`app_test(source)` -> an AppTest that has run once."""

    def make(source: str, timeout: float = 5) -> AppTest:
        return AppTest.from_string(textwrap.dedent(source), default_timeout=timeout).run()

    return make
