"""st.write_stream: show a stream of text as it arrives; returns the text (or all chunks)."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

from fastlit_core.plugin import Container, Element, ElementPlugin, StreamlitAPIException


class StreamingOutput(list[Any]):
    """What write_stream returns when the stream held more than text (Streamlit's name)."""


def write_stream(container: Container, stream: Any, *, cursor: str | None = None) -> Any:
    """Stream chunks into the page: text grows one markdown element in place (the browser
    receives only what was appended); other objects are written with st.write."""
    chunks = _chunks(stream)
    written: list[Any] = []
    text = ""
    handle: Container | None = None
    for chunk in chunks:
        piece = _text_of(chunk)
        if piece is None:  # not text: close the current text and write the object
            if handle is not None and cursor:
                handle.markdown(text)
            if text:
                written.append(text)
            text, handle = "", None
            container.write(chunk)
            written.append(chunk)
            continue
        text += piece
        if handle is None:
            handle = container.markdown(text + (cursor or ""))
        else:
            handle.markdown(text + (cursor or ""))
    if handle is not None and cursor:
        handle.markdown(text)
    if text or not written:
        if handle is None:
            container.markdown(text)
        written.append(text)
    if len(written) == 1 and isinstance(written[0], str):
        return written[0]
    return StreamingOutput(written)


def _chunks(stream: Any) -> Iterator[Any]:
    if inspect.isgeneratorfunction(stream) or inspect.isasyncgenfunction(stream):
        stream = stream()
    if inspect.isasyncgen(stream) or isinstance(stream, AsyncIterator):
        return _drain_async(stream)
    if isinstance(stream, str):
        return iter([stream])
    if isinstance(stream, Iterable):
        return iter(stream)
    raise StreamlitAPIException(
        f"The provided input (type: {type(stream)}) cannot be iterated. Please make sure that "
        "it is a generator, generator function or iterable."
    )


def _drain_async(stream: AsyncIterator[Any]) -> Iterator[Any]:
    """Iterate an async generator from the script's (synchronous) thread, chunk by chunk."""
    loop = asyncio.new_event_loop()
    try:
        while True:
            try:
                yield loop.run_until_complete(stream.__anext__())
            except StopAsyncIteration:
                return
    finally:
        loop.close()


def _text_of(chunk: Any) -> str | None:
    """The text in a chunk: a string, an OpenAI-style delta, or a LangChain message chunk."""
    if isinstance(chunk, str):
        return chunk
    choices = getattr(chunk, "choices", None)
    if isinstance(choices, list):
        if not choices:
            return ""
        delta = getattr(choices[0], "delta", None)
        content = getattr(delta, "content", None)
        return content if isinstance(content, str) else ""
    content = getattr(chunk, "content", None)
    if isinstance(content, str) and type(chunk).__name__.endswith("MessageChunk"):
        return content
    return None


plugin = ElementPlugin(elements=[Element("write_stream", write_stream)])
