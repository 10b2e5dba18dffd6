"""st.write: shows each argument with the element Streamlit 1.67 picks for its type."""

from __future__ import annotations

import dataclasses
import inspect
import io
import re
import sys
import types
from collections import ChainMap, UserDict, UserList
from collections.abc import ItemsView, KeysView, ValuesView
from typing import Any

from fastlit_core.plugin import Container, Element, ElementPlugin, StreamlitAPIException

# Streamlit's st.help material: functions, methods, modules (and classes, dataclasses).
HELP_TYPES = (
    types.BuiltinFunctionType,
    types.BuiltinMethodType,
    types.FunctionType,
    types.MethodType,
    types.ModuleType,
)
JSON_TYPES = (
    dict,
    list,
    map,
    enumerate,
    types.MappingProxyType,
    UserDict,
    ChainMap,
    UserList,
    ItemsView,
    KeysView,
    ValuesView,
)
_MEM_ADDRESS = re.compile(r"^\<[a-zA-Z_]+[a-zA-Z0-9<>._ ]* at 0x[0-9a-fA-F]+\>$")


def _is_type(obj: Any, *names: str) -> bool:
    return any(f"{c.__module__}.{c.__qualname__}" in names for c in type(obj).__mro__)


def _is_dataframe_like(obj: Any) -> bool:
    # An object can only be a pandas or numpy one if its library is imported already.
    pd, np = sys.modules.get("pandas"), sys.modules.get("numpy")
    if pd is not None:
        styler = getattr(getattr(getattr(pd, "io", None), "formats", None), "style", None)
        kinds = (
            pd.DataFrame,
            pd.Series,
            pd.Index,
            pd.api.extensions.ExtensionArray,
            *((styler.Styler,) if styler is not None else ()),
        )
        if isinstance(obj, kinds):
            return True
        if isinstance(obj, dict) and obj:
            return isinstance(next(iter(obj.values())), pd.Series)
    return np is not None and isinstance(obj, np.ndarray) and obj.ndim in (1, 2)


def _is_json_like(obj: Any) -> bool:
    if isinstance(obj, JSON_TYPES):
        return True
    # st.session_state and other mapping-likes with to_dict (dataframes are handled before).
    if callable(getattr(type(obj), "to_dict", None)) and callable(getattr(type(obj), "keys", None)):
        return True
    if isinstance(obj, tuple) and callable(getattr(obj, "_asdict", None)):
        return True  # a namedtuple
    if _is_type(obj, "pydantic.main.BaseModel") and not isinstance(obj, type):
        return True
    return (
        isinstance(obj, (list, tuple))
        and bool(obj)
        and all(_is_type(o, "pydantic.main.BaseModel") for o in obj)
    )


def _is_stream(obj: Any) -> bool:
    return (
        inspect.isgenerator(obj)
        or inspect.isgeneratorfunction(obj)
        or inspect.isasyncgen(obj)
        or inspect.isasyncgenfunction(obj)
        or _is_type(obj, "openai.Stream")
    )


# Charts and media get their own element when a plugin provides it; else the generic text.
# Matched on the exact type name, as Streamlit does.
_PLUGGABLE = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("altair_chart", r"altair\.vegalite\.v\d+\.api\.\w*Chart"),
        ("pyplot", r"matplotlib\.figure\.Figure"),
        ("plotly_chart", r"plotly\.graph_objs\._figure\.Figure"),
        ("graphviz_chart", r"graphviz\.(dot|graphs|sources)\.(Graph|Digraph|Source)"),
        ("latex", r"sympy\..*"),
        ("image", r"PIL\..*"),
        ("pydeck_chart", r"pydeck\.bindings\.deck\.Deck"),
    )
)


def _type_name(obj: Any) -> str:
    return f"{type(obj).__module__}.{type(obj).__qualname__}"


def _provided(container: Container, name: str) -> Any:
    """`container.<name>` if some plugin provides that element, else None."""
    try:
        return getattr(container, name)
    except AttributeError:
        return None


def _wrap_code(text: str) -> str:
    """Inline code (or a fence when multi-line) with more backticks than the text holds."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    if "\n" in text:
        fence = "`" * max(3, longest + 1)
        return f"{fence}\n{text}\n{fence}"
    ticks = "`" * (longest + 1)
    return f"{ticks}{text}{ticks}"


def _describe(obj: Any) -> str:
    """The st.help stand-in: a one-line description of a function, class, module or object."""
    if inspect.ismodule(obj):
        return f"module {obj.__name__}"
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    if (inspect.isclass(obj) or callable(obj)) and isinstance(name, str):
        try:
            signature = str(inspect.signature(obj))
        except (TypeError, ValueError):
            signature = "(...)"
        return f"{'class ' if inspect.isclass(obj) else ''}{name}{signature}"
    text = repr(obj)
    return f"{_type_name(obj)} object" if _MEM_ADDRESS.match(text) else text


def write(container: Container, *args: Any, unsafe_allow_html: bool = False) -> None:
    """Show each argument the way Streamlit's st.write does (st.write)."""
    if len(args) == 1 and isinstance(args[0], str):
        container.markdown(args[0], unsafe_allow_html=unsafe_allow_html)
        return
    # An element handle or st.empty() slot holds one element; several would replace each other.
    # (Container has no public "is this a block" flag yet, hence the private read.)
    if len(args) > 1 and not container.is_block:
        raise StreamlitAPIException(
            "Cannot replace a single element with multiple elements.\n\nThe `write()` method "
            "only supports multiple elements when inserting elements rather than replacing. "
            "That is, only when called as `st.write()` or `st.sidebar.write()`."
        )
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            container.markdown(" ".join(buffer), unsafe_allow_html=unsafe_allow_html)
            buffer.clear()

    def show_help(obj: Any) -> None:
        flush()
        helper = _provided(container, "help")
        if helper is not None:
            helper(obj)
        else:  # no st.help plugin yet: describe the object as inline code
            container.markdown(_wrap_code(_describe(obj)))

    for arg in args:
        if isinstance(arg, str):
            buffer.append(arg)
        elif isinstance(arg, Exception):
            flush()
            container.exception(arg)
        elif isinstance(arg, Container):
            show_help(arg)
        elif _is_dataframe_like(arg):
            flush()
            container.dataframe(arg)
        elif (
            element := next(
                (
                    _provided(container, name)
                    for name, kind in _PLUGGABLE
                    if kind.fullmatch(_type_name(arg))
                ),
                None,
            )
        ) is not None:
            flush()
            element(arg)
        elif _is_json_like(arg):
            flush()
            container.json(arg)
        elif isinstance(arg, io.StringIO):
            flush()
            container.markdown(arg.getvalue())
        elif _is_stream(arg):
            flush()
            stream = _provided(container, "write_stream")
            if stream is None:
                raise StreamlitAPIException(
                    "st.write() of a generator or stream needs st.write_stream, which Fastlit "
                    "does not provide yet. Collect the items first, e.g. `st.write(*list(gen))`."
                )
            stream(arg)
        elif isinstance(arg, HELP_TYPES) or dataclasses.is_dataclass(arg) or inspect.isclass(arg):
            show_help(arg)
        elif (
            unsafe_allow_html
            and callable(getattr(arg, "_repr_html_", None))
            and (html := _provided(container, "html")) is not None
        ):
            flush()
            html(arg._repr_html_())
        elif any(callable(getattr(arg, name, None)) for name in ("to_pandas", "__dataframe__")):
            flush()
            container.dataframe(arg)
        else:
            text = str(arg)
            if _MEM_ADDRESS.match(text):
                show_help(arg)
            else:
                buffer.append(_wrap_code(text))
    flush()


def show_magic(container: Container, values: tuple[object, ...]) -> bool:
    """Magic: a bare expression in the script is written as st.write would."""
    write(container, *values)
    return True


plugin = ElementPlugin(elements=[Element("write", write)], magic=show_magic)
