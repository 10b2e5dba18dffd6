"""st.components.v1: html and iframe (a sandboxed iframe), and declare_component.

A declared component is an iframe loading the component's index.html that speaks the
protocol of `streamlit-component-lib`: the frame posts `streamlit:componentReady`, the host
answers with `streamlit:render` (args, dfs, disabled, theme), and the frame sends
`streamlit:setComponentValue` (the widget value Python returns on the next run) and
`streamlit:setFrameHeight`. The host is component_instance.tsx.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastlit_core.plugin import Container, StreamlitAPIException

from ._wire import (
    b64,
    dataframe_records,
    is_bytes_like,
    json_copy,
    validate_tab_index,
    value_from_wire,
    value_to_wire,
    warn_records,
)

Where = Callable[[], Container]
"""Where a call draws: resolved at each call, not when the object was made."""

DEFAULT_HEIGHT = 150


def html(
    container: Container,
    html: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> Container:
    """Display an HTML string in a sandboxed iframe (st.components.v1.html)."""
    return _iframe(container, {"srcdoc": str(html)}, width, height, scrolling, tab_index)


def iframe(
    container: Container,
    src: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> Container:
    """Load a URL in a sandboxed iframe (st.components.v1.iframe)."""
    return _iframe(container, {"src": str(src)}, width, height, scrolling, tab_index)


def _iframe(
    container: Container,
    props: dict[str, Any],
    width: int | None,
    height: int | None,
    scrolling: bool,
    tab_index: int | None,
) -> Container:
    validate_tab_index(tab_index)
    if width is not None:
        props["width"] = width
    if height is not None and height != DEFAULT_HEIGHT:
        props["height"] = height
    if scrolling:
        props["scrolling"] = True
    if tab_index is not None:
        props["tab_index"] = tab_index
    return container.add("iframe", props)


class MarshallComponentException(StreamlitAPIException):
    """Class for exceptions generated during custom component marshalling."""


class CustomComponent:
    """A declared custom component: call it to draw an instance and get its value."""

    def __init__(
        self,
        name: str,
        path: str | None = None,
        url: str | None = None,
        module_name: str | None = None,
        *,
        where: Where,
    ) -> None:
        if path is None and url is None:
            raise StreamlitAPIException("Either 'path' or 'url' must be set.")
        self._name = name
        self._path = path
        self._url = url
        self._module_name = module_name
        self._where = where

    @property
    def name(self) -> str:
        return self._name

    @property
    def path(self) -> str | None:
        return self._path

    @property
    def url(self) -> str | None:
        return self._url

    @property
    def module_name(self) -> str | None:
        return self._module_name

    @property
    def abspath(self) -> str | None:
        return None if self._path is None else os.path.abspath(self._path)

    def __call__(
        self,
        *args: Any,
        default: Any = None,
        key: str | None = None,
        on_change: Callable[..., Any] | None = None,
        tab_index: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """An alias for create_instance."""
        return self.create_instance(
            *args, default=default, key=key, on_change=on_change, tab_index=tab_index, **kwargs
        )

    def create_instance(
        self,
        *args: Any,
        default: Any = None,
        key: str | None = None,
        on_change: Callable[..., Any] | None = None,
        tab_index: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """Draw an instance of the component; return its value (`default` until it sends one).

        Every keyword argument reaches the frontend in `args`, with `default` and `key` too,
        as in Streamlit. Bytes arrive as a Uint8Array; DataFrames (Arrow in Streamlit) arrive
        as lists of JSON records, with a FastlitUnsupportedWarning.
        """
        if len(args) > 0:
            raise MarshallComponentException(f"Argument '{args[0]}' needs a label")
        if on_change is not None and not callable(on_change):
            raise StreamlitAPIException(
                f"The on_change parameter must be a callable; got {type(on_change).__name__}."
            )
        validate_tab_index(tab_index)
        container = self._where()

        json_args: dict[str, Any] = {}
        bytes_args: dict[str, str] = {}
        for arg_name, arg_value in dict(kwargs, default=default, key=key).items():
            if is_bytes_like(arg_value):
                bytes_args[arg_name] = b64(arg_value)
                continue
            records = dataframe_records(arg_value)
            if records is not None:
                warn_records(f"component {self.name}", arg_name)
                arg_value = records
            json_args[arg_name] = arg_value
        try:
            serialized_args = json.dumps(json_args)
        except Exception as ex:
            raise MarshallComponentException("Could not convert component args to JSON", ex) from ex

        props: dict[str, Any] = {
            "name": self.name,
            "url": self.url if self.url else container.static_url(self._folder(), "index.html"),
            "args": json_copy(json_args),
        }
        if bytes_args:
            props["bytes_args"] = bytes_args
        if tab_index is not None:
            props["tab_index"] = tab_index
        special = hashlib.blake2b(
            json.dumps(bytes_args, sort_keys=True).encode(), digest_size=8
        ).hexdigest()
        value = container.widget(
            "component_instance",
            props,
            key=None if key is None else str(key),
            identity={
                "name": self.name,
                "url": self.url,
                "json_args": serialized_args,
                "special_args": special if bytes_args else None,
            },
            key_identity={"name": self.name, "url": self.url},
            default=None,
            value_type=Any,
            deserialize=value_from_wire,
            serialize=value_to_wire,
            on_change=on_change,
        )
        return default if value is None else value

    def _folder(self) -> Path:
        assert self._path is not None
        folder = Path(self._path).resolve()
        if not folder.is_dir():
            raise StreamlitAPIException(f"No such component directory: '{self.abspath}'")
        return folder

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, CustomComponent)
            and self.name == other.name
            and self.path == other.path
            and self.url == other.url
            and self.module_name == other.module_name
        )

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((self.name, self.path, self.url, self.module_name))

    def __str__(self) -> str:
        return f"'{self.name}': {self.path if self.path is not None else self.url}"

    def __repr__(self) -> str:
        return (
            f"CustomComponent(name={self.name!r}, path={self.path!r}, url={self.url!r}, "
            f"module_name={self.module_name!r})"
        )


def declare_component(
    name: str,
    path: str | Path | None = None,
    url: str | None = None,
    *,
    module_name: str,
    where: Where,
) -> CustomComponent:
    """Create a custom component (st.components.v1.declare_component).

    Its name is "<caller module>.<name>", as in Streamlit (the script's own name for the
    main script). `url` wins over `path`; `path` must be a folder holding index.html, served
    under its content hash.
    """
    if path is not None and isinstance(path, Path):
        path = str(path)
    component = CustomComponent(
        name=f"{module_name}.{name}", path=path, url=url, module_name=module_name, where=where
    )
    if component.abspath is not None and not os.path.isdir(component.abspath):
        raise StreamlitAPIException(f"No such component directory: '{component.abspath}'")
    return component


def caller_module_name(globals_: dict[str, Any]) -> str:
    """Streamlit's module name for a declaring frame: `__name__`, or for the main script its
    file name without `.py`."""
    module_name = str(globals_.get("__name__", "__main__"))
    if module_name == "__main__":
        file = globals_.get("__file__")
        if file:
            module_name = os.path.splitext(os.path.basename(str(file)))[0]
    return module_name
