"""st.switch_page: stop this run and run another page, as if its menu link was clicked."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NoReturn

from ..context import current
from ..errors import (
    RerunException,
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
)
from ..parallel import check_not_parallel_worker
from .lookup import find_by_path, validate_registered
from .page import StreamlitPage
from .page_state import state_of


def switch_page(
    page: str | Path | StreamlitPage,
    *,
    query_params: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None,
) -> NoReturn:
    """Stop this run and run `page` instead, as if its menu link was clicked."""
    check_not_parallel_worker("st.switch_page")
    ctx = current()
    if isinstance(page, StreamlitPage):
        if page.is_external:
            raise StreamlitAPIException(
                "Cannot use st.switch_page with external URL pages. Use st.page_link instead "
                "to create a link to external pages."
            )
        validate_registered(page)
        key = page._url_path
    else:
        key = find_by_path(str(page)).key
    params = ctx.session.query_params
    if query_params is None:
        params.clear()
    elif isinstance(query_params, Mapping):
        params.from_dict(query_params)
    elif isinstance(query_params, Iterable) and not isinstance(query_params, str | bytes):
        merged: dict[str, list[str]] = {}
        for name, value in query_params:
            many = isinstance(value, Iterable) and not isinstance(value, str)
            values = value if many else [value]
            merged.setdefault(name, []).extend(str(v) for v in values)
        params.from_dict(merged)
    else:
        raise StreamlitInvalidParameterTypeError(
            "query_params",
            type(query_params).__name__,
            ["mapping", "iterable of (key, value) pairs"],
        )
    state_of(ctx).switch_to(key)
    ctx.session.rerun_from_script()
    raise RerunException()
