"""Shared fixtures: AppTest from a source string."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import pytest

from fastlit.testing.v1 import AppTest


@pytest.fixture
def app_test() -> Callable[..., AppTest]:
    """`app_test(source)` -> an AppTest that has run once."""

    def make(source: str, timeout: float = 5) -> AppTest:
        return AppTest.from_string(textwrap.dedent(source), default_timeout=timeout).run()

    return make
