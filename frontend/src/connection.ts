// The session's websocket: hello/resume, sequence checks, resync, reconnect with backoff.
import { PROTOCOL_VERSION } from "./protocol";
import type { ClientMessage, ServerMessage } from "./protocol";
import type { TreeStore } from "./store";

export interface ConnectionEvents {
  onComponents(components: Record<string, string>, dev: boolean): void;
  onRunning(running: boolean): void;
  onStatus(status: "connecting" | "connected" | "disconnected"): void;
  onProtocolError(message: string): void;
}

export class Connection {
  sessionId: string | null = null;
  /** Component module URL by node type, from the welcome message. */
  components: Record<string, string> = {};
  lastSeq = 0;
  private socket: WebSocket | null = null;
  private retries = 0;
  private awaitingTree = false;
  /** Frames and bytes received, for benchmarks and debugging. */
  stats = { frames: 0, bytes: 0 };

  constructor(private store: TreeStore, private events: ConnectionEvents) {
    // Back and forward change the URL without a page load: the script reruns with it.
    window.addEventListener("popstate", () => {
      this.send({ t: "location", path: location.pathname, query: location.search });
    });
  }

  connect(): void {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const socket = new WebSocket(`${scheme}://${location.host}/_fl/ws`);
    this.socket = socket;
    this.events.onStatus("connecting");
    socket.onopen = () => {
      this.retries = 0;
      this.awaitingTree = true;
      this.send({
        t: "hello", protocol: PROTOCOL_VERSION, session: this.sessionId, path: location.pathname, query: location.search,
        // What st.context reports about the browser.
        url: location.href,
        locale: navigator.language,
        timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        timezone_offset: new Date().getTimezoneOffset(),
        theme: "light",
        embedded: new URLSearchParams(location.search).get("embed") === "true",
      });
    };
    socket.onmessage = (event) => this.receive(String(event.data));
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.events.onStatus("disconnected");
      const delay = Math.min(250 * 2 ** this.retries++, 5000);
      setTimeout(() => this.connect(), delay);
    };
  }

  /** Close the socket as a network drop would; the reconnect resumes the session. */
  drop(): void {
    this.socket?.close();
  }

  send(message: ClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  sendValues(values: Record<string, unknown>): void {
    this.send({ t: "widgets", values });
  }

  private receive(data: string): void {
    this.stats.frames += 1;
    this.stats.bytes += data.length;
    const message = JSON.parse(data) as ServerMessage;
    switch (message.t) {
      case "welcome":
        this.sessionId = message.session;
        this.components = message.components;
        this.events.onComponents(message.components, message.dev ?? false);
        this.events.onStatus("connected");
        break;
      case "tree":
        if (message.seq < this.lastSeq && !this.awaitingTree) break;
        this.store.reset(message.root);
        this.lastSeq = message.seq;
        showQuery(message.query);
        this.awaitingTree = false;
        this.events.onRunning(message.running ?? false);
        break;
      case "patch":
        if (this.awaitingTree || message.seq <= this.lastSeq) break;
        if (message.seq !== this.lastSeq + 1) {
          this.resync();
          break;
        }
        try {
          this.store.apply(message.ops);
        } catch (error) {
          console.error("fastlit: patch failed, resyncing", error);
          this.resync();
          break;
        }
        this.lastSeq = message.seq;
        showQuery(message.query);
        this.events.onRunning(message.running ?? false);
        break;
      case "error":
        console.warn("fastlit protocol error:", message.message);
        this.events.onProtocolError(message.message);
        break;
    }
  }

  private resync(): void {
    this.awaitingTree = true;
    this.send({ t: "resync", last_seq: this.lastSeq });
  }
}

/** Put the script's st.query_params into the address bar, without adding history. */
function showQuery(query: string | null | undefined): void {
  if (query === undefined || query === null) return;
  const search = query ? `?${query}` : "";
  if (search !== location.search) {
    history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
  }
}
