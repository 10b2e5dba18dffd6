// The shell: one page, one websocket, a tree store, and components loaded on demand.
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { defaultTheme, registerHost } from "@fastlit/component-sdk";
import { setComponentUrls } from "./components";
import { Connection } from "./connection";
import { NodeView } from "./NodeView";
import { TreeStore } from "./store";
import "./styles.css";

const store = new TreeStore();
let setRunning: (running: boolean) => void = () => undefined;
let setStatus: (status: string) => void = () => undefined;
let ready: () => void = () => undefined;
const componentsReady = new Promise<void>((resolve) => { ready = resolve; });

const connection = new Connection(store, {
  onComponents(components, dev) {
    setComponentUrls(components);
    registerHost({ sendValue: (id, value) => connection.sendValues({ [id]: value }), theme: defaultTheme, dev });
    ready();
  },
  onRunning: (running) => setRunning(running),
  onStatus: (status) => setStatus(status),
  onProtocolError: () => undefined,
});

// A handle for debugging and for end-to-end tests (e.g. dropping the socket).
(window as unknown as { __fastlit: unknown }).__fastlit = { store, connection };

function Shell() {
  const [running, setRunningState] = useState(false);
  const [status, setStatusState] = useState("connecting");
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    setRunning = setRunningState;
    setStatus = setStatusState;
    void componentsReady.then(() => setLoaded(true));
  }, []);
  return (
    <div className="fl-app" data-testid="stApp" data-status={status}>
      {running && <div className="fl-status" data-testid="stStatusWidget">Running...</div>}
      {status === "disconnected" && <div className="fl-status fl-offline" data-testid="stConnectionStatus">Connecting...</div>}
      {loaded && <NodeView id="root" store={store} />}
    </div>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Shell />
  </StrictMode>,
);
connection.connect();
