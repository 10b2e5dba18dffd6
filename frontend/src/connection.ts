// The session's websocket: hello/resume, sequence checks, resync, reconnect with backoff.
import { PROTOCOL_VERSION } from "./protocol";
import type { ClientMessage, PageLocation, ServerMessage } from "./protocol";
import type { TreeStore } from "./store";
import { showPageConfig } from "./page";
import { configureTheme, currentTheme } from "./theme";

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
  private unsent: Record<string, unknown> = {};
  /** Frames and bytes received, for benchmarks and debugging. */
  stats = { frames: 0, bytes: 0 };

  constructor(private store: TreeStore, private events: ConnectionEvents) {
    // Back and forward change the URL without a page load: the script reruns with it.
    window.addEventListener("popstate", () => {
      this.send({ t: "location", path: location.pathname, query: location.search });
    });
  }

  /** Follow a link to a page of this app: a new history entry, and a rerun on that page. */
  navigate(href: string): void {
    const url = new URL(href, location.href);
    if (url.origin !== location.origin) {
      location.assign(url.href);
      return;
    }
    if (url.pathname !== location.pathname || url.search !== location.search) {
      history.pushState(null, "", `${url.pathname}${url.search}${url.hash}`);
    }
    this.send({ t: "location", path: url.pathname, query: url.search });
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
        theme: currentTheme().base,
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
    if (this.socket?.readyState === WebSocket.OPEN) {
      this.send({ t: "widgets", values });
    } else {
      // Offline (a dropped socket, reconnecting): keep the latest values and deliver them
      // once the session is resumed, instead of losing the user's input.
      Object.assign(this.unsent, values);
    }
  }

  private receive(data: string): void {
    this.stats.frames += 1;
    this.stats.bytes += data.length;
    const message = JSON.parse(data) as ServerMessage;
    switch (message.t) {
      case "welcome":
        if (message.resumed && Object.keys(this.unsent).length > 0) {
          this.send({ t: "widgets", values: this.unsent });
        }
        this.unsent = {};
        this.sessionId = message.session;
        this.components = message.components;
        configureTheme(message.theme);
        this.events.onComponents(message.components, message.dev ?? false);
        this.events.onStatus("connected");
        break;
      case "tree":
        if (message.seq < this.lastSeq && !this.awaitingTree) break;
        this.store.reset(message.root);
        this.lastSeq = message.seq;
        showPage(message.page, true);
        showPageConfig(message.page_config);
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
        showPage(message.page, false);
        showPageConfig(message.page_config);
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

/**
 * Show the page a multipage app's run chose: its path in the address bar (a new history
 * entry when the script switched pages; replaced when the asked-for page does not exist or
 * on a full tree) and its title as the document's.
 */
export function showPage(page: PageLocation | null | undefined, replace: boolean): void {
  if (page === undefined || page === null) return;
  if (page.path !== location.pathname) {
    const url = `${page.path}${location.search}${location.hash}`;
    if (replace || page.replace) history.replaceState(history.state, "", url);
    else history.pushState(null, "", url);
  }
  if (page.title) document.title = page.title;
}

/** Put the script's st.query_params into the address bar, without adding history. */
function showQuery(query: string | null | undefined): void {
  if (query === undefined || query === null) return;
  const search = query ? `?${query}` : "";
  if (search !== location.search) {
    history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
  }
}
