"""What fastlit/__init__.py exports besides elements, as the stub declares it."""

from __future__ import annotations

from .. import __version__
from ..caching import cache_data, cache_resource
from ..client_context import ClientContext
from ..facade import rerun, stop
from ..fragments import fragment
from ..lifecycle import LifecycleHook
from ..options import get_option, set_option
from ..page_config import set_page_config
from ..pages import StreamlitPage, navigation, switch_page
from ..query_params import QueryParams
from ..secrets import Secrets
from ..state import SessionState
from ..threads import run_in_thread, run_with_session_context

FACADE_EXPORTS: dict[str, object] = {
    "__version__": __version__,
    "Page": type[StreamlitPage],
    "cache_data": cache_data,
    "cache_resource": cache_resource,
    "context": ClientContext,
    "fragment": fragment,
    "get_option": get_option,
    "navigation": navigation,
    "on_shutdown": LifecycleHook,
    "on_startup": LifecycleHook,
    "query_params": QueryParams,
    "rerun": rerun,
    "run_in_thread": run_in_thread,
    "run_with_session_context": run_with_session_context,
    "secrets": Secrets,
    "session_state": SessionState,  # a proxy at run time; typed as the mapping it forwards to
    "set_option": set_option,
    "set_page_config": set_page_config,
    "stop": stop,
    "switch_page": switch_page,
}
"""What fastlit/__init__.py exports besides elements (its `__all__`), in that order.
A value that is a class stands for "an instance of it" (`type[X]` for the class itself);
functions keep their signature."""
