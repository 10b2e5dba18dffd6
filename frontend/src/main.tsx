// The shell: one page, one websocket, a tree store, and components loaded on demand.
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { flushWidgetValues, registerHost } from "@fastlit/component-sdk";
import { setComponentUrls } from "./components";
import { Connection } from "./connection";
import { FormValues } from "./forms";
import { MainMenu } from "./menu";
import { NodeView } from "./NodeView";
import { TreeStore } from "./store";
import { currentTheme, startTheme } from "./theme";
import "./styles.css";

startTheme(); // the OS's light or dark until the welcome brings the configured theme

const store = new TreeStore();
let setRunning: (running: boolean) => void = () => undefined;
let setStatus: (status: string) => void = () => undefined;
let ready: () => void = () => undefined;
const componentsReady = new Promise<void>((resolve) => { ready = resolve; });

const connection = new Connection(store, {
  onComponents(components, dev) {
    setComponentUrls(components);
    registerHost({
      sendValue: (id, value) => forms.send(id, value),
      navigate: (href) => connection.navigate(href),
      theme: currentTheme(),
      dev,
    });
    ready();
  },
  onRunning: (running) => setRunning(running),
  onStatus: (status) => setStatus(status),
  onProtocolError: () => undefined,
});

// Widget values inside a form wait for its submit button.
const forms = new FormValues(store, (values) => connection.sendValues(values), flushWidgetValues);

// A handle for debugging and for end-to-end tests (e.g. dropping the socket).
(window as unknown as { __fastlit: unknown }).__fastlit = { store, connection, forms };

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
      <MainMenu />
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
