"""Every wire message as a msgspec Struct: patch ops, server->client and client->server unions."""

from __future__ import annotations

from typing import Any

import msgspec

from .tree import Node

PROTOCOL_VERSION = 1

# --- patch ops (verbs) -------------------------------------------------------------------


class Insert(msgspec.Struct, tag="insert", tag_field="op", omit_defaults=True):
    """Insert a whole subtree into `parent`, before sibling `before` (None: at the end)."""

    parent: str
    node: Node
    before: str | None = None


class Move(msgspec.Struct, tag="move", tag_field="op", omit_defaults=True):
    """Move an existing node (with its subtree) under `parent`, before `before`."""

    id: str
    parent: str
    before: str | None = None


class Remove(msgspec.Struct, tag="remove", tag_field="op"):
    """Remove a node and its subtree."""

    id: str


class SetProps(msgspec.Struct, tag="set", tag_field="op", omit_defaults=True):
    """Set (and unset) some props of a node; other props are unchanged."""

    id: str
    props: dict[str, Any] = {}
    unset: list[str] = []


class AppendText(msgspec.Struct, tag="append", tag_field="op"):
    """Append text to a string prop: streaming never re-sends what the client has."""

    id: str
    prop: str
    text: str


Op = Insert | Move | Remove | SetProps | AppendText

# --- server -> client (nouns) ------------------------------------------------------------


class Welcome(msgspec.Struct, tag="welcome", tag_field="t", omit_defaults=True):
    """First message on a socket: the session it is attached to and the component map."""

    protocol: int
    session: str
    components: dict[str, str]
    resumed: bool = False
    dev: bool = False
    theme: dict[str, str] | None = None  # the configured theme.* options, Streamlit's names


class PageLocation(msgspec.Struct, omit_defaults=True):
    """The page a multipage app shows: its URL path ("/x") and title (the document title).

    `replace`: the requested page was not found, so the browser replaces its history entry
    rather than adding one."""

    path: str
    title: str
    replace: bool = False


class MenuItems(msgspec.Struct, omit_defaults=True):
    """The app menu's items from st.set_page_config: two URLs and the About text."""

    get_help: str | None = None
    report_a_bug: str | None = None
    about: str | None = None


class PageConfig(msgspec.Struct, omit_defaults=True):
    """What st.set_page_config set so far in this session; None: the shell's default."""

    title: str | None = None
    favicon: str | None = None  # a URL (emoji become SVG data URLs)
    layout: str | None = None  # "centered" or "wide"
    initial_sidebar_state: str | int | None = None  # "auto" ... "locked", or a width in px
    menu_items: MenuItems | None = None


class PatchBatch(msgspec.Struct, tag="patch", tag_field="t", omit_defaults=True):
    """Ops to apply in one pass. `seq` increases by one per tree message."""

    seq: int
    ops: list[Op]
    running: bool = False
    query: str | None = None  # the script changed st.query_params: the new query string
    page: PageLocation | None = None  # the run shows another page (or its title changed)
    page_config: PageConfig | None = None  # st.set_page_config changed it: all of it


class TreeSnapshot(msgspec.Struct, tag="tree", tag_field="t", omit_defaults=True):
    """The whole tree: sent on connect, reconnect and when the client reports a gap."""

    seq: int
    root: Node
    running: bool = False
    query: str | None = None
    page: PageLocation | None = None  # in a multipage app: the page shown
    page_config: PageConfig | None = None


class ProtocolError(msgspec.Struct, tag="error", tag_field="t", omit_defaults=True):
    """A client message was rejected; the session goes on."""

    message: str


ServerMessage = Welcome | PatchBatch | TreeSnapshot | ProtocolError

# --- client -> server (nouns) ------------------------------------------------------------


class Hello(msgspec.Struct, tag="hello", tag_field="t", omit_defaults=True):
    """First message from the client; `session` asks to resume a session after a reconnect."""

    protocol: int
    session: str | None = None
    path: str = "/"
    query: str = ""
    url: str | None = None
    locale: str | None = None
    timezone: str | None = None
    timezone_offset: int | None = None
    theme: str | None = None  # "light" or "dark"
    embedded: bool | None = None


class WidgetChanged(msgspec.Struct, tag="widgets", tag_field="t"):
    """New widget values (by node id), applied together before one rerun."""

    values: dict[str, Any]


class ResyncRequest(msgspec.Struct, tag="resync", tag_field="t"):
    """The client saw a sequence gap and wants the whole tree."""

    last_seq: int


class LocationChanged(msgspec.Struct, tag="location", tag_field="t"):
    """The browser moved through its history (back/forward) or followed a link to another
    page of the app: rerun with this URL."""

    path: str
    query: str


ClientMessage = Hello | WidgetChanged | ResyncRequest | LocationChanged

_decoder = msgspec.json.Decoder(ClientMessage)
_encoder = msgspec.json.Encoder()


def decode_client(data: bytes | str) -> ClientMessage:
    """Decode one client message; raises msgspec.ValidationError / DecodeError when malformed."""
    message: ClientMessage = _decoder.decode(data)
    return message


def encode(message: ServerMessage | Op | Node) -> bytes:
    return _encoder.encode(message)
