"""The starlette app: the shell page, one websocket per session, hashed assets, health."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

import msgspec
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from . import lifecycle, protocol
from .app import App
from .assets import shell_page
from .client_context import ClientContext, Cookies, Headers, Theme
from .options import theme_options
from .outbox import Outbox
from .session import Session, WidgetValueError

log = logging.getLogger("fastlit.server")
IMMUTABLE = "public, max-age=31536000, immutable"


def create_server(app: App) -> Starlette:
    assets = app.assets
    components = {
        c.type: assets.url(c.static_dir, c.module) for c in app.registry.components.values()
    }

    async def page(request: Request) -> Response:
        theme = theme_options(app.config.theme)
        return HTMLResponse(shell_page(assets, app.script.path.stem, theme), headers=_NO_SNIFF)

    async def static(request: Request) -> Response:
        file = assets.resolve(request.path_params["digest"], request.path_params["path"])
        if file is None:
            return Response("not found", status_code=404)
        return FileResponse(file, headers={"Cache-Control": IMMUTABLE, **_NO_SNIFF})

    async def health(request: Request) -> Response:
        runs = app.pool.stats()  # active, stuck (past the time limit), capacity... (runs.py)
        return JSONResponse({"status": "ok", "sessions": len(app.sessions), "runs": runs})

    async def socket(websocket: WebSocket) -> None:
        await websocket.accept()
        await SocketHandler(app, websocket, components).serve()

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        app.loop = asyncio.get_running_loop()
        app.running_event = asyncio.Event()
        ticker = asyncio.create_task(_flush_ticker(app))
        stop_watching = asyncio.Event()
        watcher = None
        if app.config.dev:
            from .devreload import watch

            watcher = asyncio.create_task(watch(app, stop_watching))
        await lifecycle.server_started()  # st.on_startup hooks registered so far
        try:
            yield
        finally:
            ticker.cancel()
            if watcher is not None:
                stop_watching.set()
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(watcher, 5)
            await lifecycle.server_stopping()  # st.on_shutdown hooks
            app.close()

    return Starlette(
        routes=[
            Route("/_fl/health", health),
            Route("/_fl/static/{digest}/{path:path}", static),
            WebSocketRoute("/_fl/ws", socket),
            Route("/{path:path}", page),
        ],
        lifespan=lifespan,
    )


_NO_SNIFF = {"X-Content-Type-Options": "nosniff"}


class SocketHandler:
    """One websocket: a Hello attaches it to a session; widget values ask for reruns."""

    def __init__(self, app: App, websocket: WebSocket, components: dict[str, str]) -> None:
        self.app = app
        self.websocket = websocket
        self.components = components
        self.session: Session | None = None
        self.outbox: Outbox | None = None

    async def serve(self) -> None:
        loop = asyncio.get_running_loop()
        self.outbox = Outbox(loop, self._snapshot, self.app.config.outbox_max_bytes)
        sender = asyncio.create_task(self._send_loop(self.outbox))
        try:
            while True:
                message = await self.websocket.receive()
                if message["type"] == "websocket.disconnect":
                    break
                data = message.get("text")
                if data is None:
                    data = message.get("bytes") or b""
                self._handle(data)
        except WebSocketDisconnect:
            pass
        finally:
            sender.cancel()
            if self.session is not None:
                self.session.detach(self.outbox)
                self.app.schedule_expiry(self.session)
            else:
                self.outbox.close()

    def _handle(self, data: str | bytes) -> None:
        if len(data) > self.app.config.max_message_bytes:
            return self._reject(
                f"message of {len(data)} bytes exceeds the limit of "
                f"{self.app.config.max_message_bytes}"
            )
        try:
            message = protocol.decode_client(data)
        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
            return self._reject(f"malformed message: {exc}")
        if isinstance(message, protocol.Hello):
            return self._hello(message)
        if self.session is None:
            return self._reject("the first message must be a hello")
        if isinstance(message, protocol.WidgetChanged):
            try:
                values = self.session.validate_changes(message.values)
            except WidgetValueError as exc:
                return self._reject(str(exc))
            self.session.request_rerun(values)
        elif isinstance(message, protocol.LocationChanged):
            self.session.query_params.set_from_url(message.query)
            self.session.pages.set_url(message.path)
            self.session.request_rerun()
        elif isinstance(message, protocol.ResyncRequest):
            assert self.outbox is not None
            self.outbox.request_resync()

    def _hello(self, hello: protocol.Hello) -> None:
        assert self.outbox is not None
        if self.session is not None:
            return self._reject("this socket already has a session")
        if hello.protocol != protocol.PROTOCOL_VERSION:
            return self._reject(
                f"protocol {hello.protocol} is not supported (server speaks "
                f"{protocol.PROTOCOL_VERSION}); reload the page"
            )
        client = _client_context(self.websocket, hello, self.app.config.theme.base)
        session = self.app.sessions.get(hello.session) if hello.session else None
        resumed = session is not None
        if session is None:
            session = self.app.new_session()
            session.query_params.set_from_url(hello.query)
            session.pages.set_url(hello.path)
        self.session = session
        session.client = client
        session.attach(self.outbox)
        self.outbox.put(
            protocol.encode(
                protocol.Welcome(
                    protocol.PROTOCOL_VERSION,
                    session.id,
                    self.components,
                    resumed=resumed,
                    dev=self.app.config.dev,
                    theme=theme_options(self.app.config.theme) or None,
                )
            )
        )
        if not resumed:
            session.request_rerun()
        # Patches of that run made before this snapshot are older than it: the client
        # drops them (seq <= the snapshot's) and applies the ones after.
        self.outbox.put(session.snapshot_frame())

    def _reject(self, reason: str) -> None:
        log.warning("protocol error (session %s): %s", getattr(self.session, "id", None), reason)
        assert self.outbox is not None
        self.outbox.put(protocol.encode(protocol.ProtocolError(reason)))

    def _snapshot(self) -> bytes:
        if self.session is None:
            return protocol.encode(protocol.ProtocolError("no session"))
        return self.session.snapshot_frame()

    async def _send_loop(self, outbox: Outbox) -> None:
        try:
            while (frame := await outbox.next_frame()) is not None:
                await self.websocket.send_text(frame.decode())
                outbox.frames_sent += 1
                outbox.bytes_sent += len(frame)
        except (WebSocketDisconnect, RuntimeError, OSError):
            outbox.close()


def _client_context(
    websocket: WebSocket, hello: protocol.Hello, theme_base: str | None = None
) -> ClientContext:
    """st.context for this socket: its request headers and what the page reported (the
    theme is the configured theme.base when there is one)."""
    return ClientContext(
        headers=Headers(websocket.headers.items()),
        cookies=Cookies(websocket.headers.get("cookie", "")),
        remote_ip=websocket.client.host if websocket.client else None,
        locale=hello.locale,
        timezone=hello.timezone,
        timezone_offset=hello.timezone_offset,
        url=hello.url,
        theme=Theme(type=theme_base or (hello.theme if hello.theme in ("light", "dark") else None)),
        is_embedded=hello.embedded,
    )


async def _flush_ticker(app: App) -> None:
    """While scripts run, send their new elements every flush interval."""
    loop = asyncio.get_running_loop()
    in_flight: set[str] = set()

    def flush(session: Session) -> None:
        try:
            session.flush_running()
        finally:
            in_flight.discard(session.id)

    assert app.running_event is not None
    while True:
        await app.running_event.wait()  # idle pages cost no wake-ups
        await asyncio.sleep(app.config.flush_interval_seconds)
        running = [s for s in list(app.sessions.values()) if s.running or s.threads]
        if not running:
            app.running_event.clear()
        for session in running:
            if session.id not in in_flight:
                in_flight.add(session.id)
                loop.run_in_executor(None, flush, session)
