// Hosts a declared custom component (components.v1.declare_component): an iframe loading its
// index.html, speaking streamlit-component-lib's message protocol.
//   frame -> host  streamlit:componentReady {apiVersion}      then the host renders
//                  streamlit:setComponentValue {value, dataType}  the widget value, to Python
//                  streamlit:setFrameHeight {height}          resizes the iframe
//   host -> frame  streamlit:render {args, dfs, disabled, theme}  on ready and on every change
// Only messages whose event.source is this iframe's window, carrying `isStreamlitMessage`,
// are accepted, and value/height messages only after componentReady, as in Streamlit.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ElementProps, Theme } from "@fastlit/component-sdk";
import { injectStyle, sendWidgetValue, testId, useTheme } from "@fastlit/component-sdk";
import { BYTES_TAG, IFRAME_ALLOW, IFRAME_SANDBOX, asBytes, base64FromBytes, bytesFromBase64 } from "./_iframe";

interface ComponentInstanceProps {
  name: string;
  url: string;
  args: Record<string, unknown>;
  bytes_args?: Record<string, string>;
  tab_index?: number;
}

const API_VERSION = 1;
/** After this long without componentReady, Streamlit shows a warning instead of the frame. */
const READY_WARNING_MS = 60_000;

type Message = Record<string, unknown>;

injectStyle("component_instance", `
.stCustomComponentV1 { display: block; width: 100%; border: none; padding: 0; margin: 0; color-scheme: normal; }
.fl-component-warning { border-radius: var(--fl-radius); padding: 0.75rem 1rem; background: rgba(255, 189, 69, 0.2);
  color: rgb(146, 108, 5); font-size: 0.9rem; white-space: pre-wrap; }
`);

/** The frame URL: the component's index.html (or its url) with Streamlit's `streamlitUrl`. */
function frameSrc(url: string): string {
  const streamlitUrl = window.location.origin + window.location.pathname;
  try {
    const target = new URL(url, window.location.href);
    target.searchParams.set("streamlitUrl", streamlitUrl);
    return target.href;
  } catch {
    return `${url}${url.includes("?") ? "&" : "?"}streamlitUrl=${encodeURIComponent(streamlitUrl)}`;
  }
}

function initialHeight(args: Record<string, unknown>): number | undefined {
  const height = args.height;
  const n = typeof height === "number" ? height : typeof height === "string" && height.trim() !== "" ? Number(height) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export default function ComponentInstance({ id, props }: ElementProps<ComponentInstanceProps>) {
  const theme = useTheme();
  const frame = useRef<HTMLIFrameElement>(null);
  const ready = useRef(false);
  const [isReady, setReady] = useState(false);
  const [height, setHeight] = useState<number | undefined>(() => initialHeight(props.args));
  const [error, setError] = useState<string | null>(null);
  const [timedOut, setTimedOut] = useState(false);
  const [unsupported, setUnsupported] = useState<string | null>(null);
  const src = useMemo(() => frameSrc(props.url), [props.url]);

  const args = useMemo(() => {
    const merged: Record<string, unknown> = { ...props.args };
    for (const [name, data] of Object.entries(props.bytes_args ?? {})) merged[name] = bytesFromBase64(data);
    return merged;
  }, [props.args, props.bytes_args]);

  // What the message handler and render() need, always current.
  const latest = useRef({ args, theme });
  latest.current = { args, theme };

  const render = useCallback(() => {
    const target = frame.current?.contentWindow;
    if (!target) {
      console.warn("fastlit: can't send streamlit:render; the component iframe has no window");
      return;
    }
    const { args: current, theme: currentTheme } = latest.current;
    target.postMessage({ type: "streamlit:render", args: current, dfs: [], disabled: false, theme: themeInput(currentTheme) }, "*");
  }, []);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      const window_ = frame.current?.contentWindow;
      if (!window_ || event.source !== window_) return; // another frame, or the page itself
      const data = event.data as unknown;
      if (data === null || typeof data !== "object" || !Object.hasOwn(data, "isStreamlitMessage")) return;
      const message = data as Message;
      const type = message.type;
      if (typeof type !== "string") {
        console.warn("fastlit: component message with no type", message);
        return;
      }
      switch (type) {
        case "streamlit:componentReady":
          if (message.apiVersion !== API_VERSION) {
            setError(`Unrecognized component API version: '${String(message.apiVersion)}'`);
            return;
          }
          ready.current = true;
          setReady(true);
          render();
          return;
        case "streamlit:setComponentValue":
          if (!ready.current) console.warn(`fastlit: got ${type} before streamlit:componentReady`);
          else setValue(id, message, setUnsupported);
          return;
        case "streamlit:setFrameHeight":
          if (!ready.current) console.warn(`fastlit: got ${type} before streamlit:componentReady`);
          else if (!Object.hasOwn(message, "height") || message.height === undefined) console.warn("fastlit: setFrameHeight without a height");
          else if (Number.isFinite(Number(message.height))) setHeight(Number(message.height));
          return;
        default:
          console.warn(`fastlit: unrecognized component message type ${type}`);
      }
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [id, render]);

  // New args or theme: render again (the first render waits for componentReady).
  useEffect(() => {
    if (ready.current) render();
  }, [args, theme, render]);

  useEffect(() => {
    const warn = setTimeout(() => {
      if (!ready.current) console.warn(readyWarning(props.name, props.url));
    }, READY_WARNING_MS / 4);
    const show = setTimeout(() => {
      if (!ready.current) setTimedOut(true);
    }, READY_WARNING_MS);
    return () => {
      clearTimeout(warn);
      clearTimeout(show);
    };
  }, [props.name, props.url]);

  if (error !== null) {
    return <div className="fl-error" role="alert" {...testId("stException")}>{`Component error: ${error}`}</div>;
  }
  return (
    <>
      {timedOut && !isReady && <div className="fl-component-warning" role="alert" {...testId("stAlert")}>{readyWarning(props.name, props.url)}</div>}
      {unsupported !== null && <div className="fl-component-warning" role="alert" {...testId("stAlert")}>{unsupported}</div>}
      <iframe
        ref={frame}
        className="stCustomComponentV1"
        {...testId("stCustomComponentV1")}
        allow={IFRAME_ALLOW}
        sandbox={IFRAME_SANDBOX}
        src={src}
        title={props.name}
        scrolling="no"
        tabIndex={props.tab_index}
        height={height ?? 0}
        style={{ display: isReady ? "block" : "none" }}
      />
    </>
  );
}

/** A value from the frame to Python: JSON as is, bytes as tagged base64; Arrow is not supported. */
function setValue(id: string, message: Message, setUnsupported: (text: string) => void): void {
  if (!Object.hasOwn(message, "value") || message.value === undefined) {
    console.warn("fastlit: setComponentValue without a value");
    return;
  }
  const value = message.value;
  switch (message.dataType) {
    case "dataframe": {
      const text = "This component sent a DataFrame (Arrow) value, which Fastlit does not support yet; the value was not sent to Python.";
      console.warn(`fastlit: ${text}`);
      setUnsupported(text);
      return;
    }
    case "bytes": {
      const bytes = asBytes(value);
      if (bytes === null) console.warn("fastlit: setComponentValue with dataType bytes but no bytes");
      else sendWidgetValue(id, { [BYTES_TAG]: base64FromBytes(bytes) });
      return;
    }
    default:
      sendWidgetValue(id, value);
  }
}

/** The theme as streamlit-component-lib reads it (it sets --primary-color etc. from it). */
function themeInput(theme: Theme): Record<string, string> {
  return {
    base: theme.base,
    primaryColor: theme.primaryColor,
    backgroundColor: theme.backgroundColor,
    secondaryBackgroundColor: theme.secondaryBackgroundColor,
    textColor: theme.textColor,
    font: theme.font,
  };
}

function readyWarning(name: string, url: string): string {
  return (
    `Your app is having trouble loading the ${name} component.\n` +
    `The app is attempting to load the component from ${url},\n` +
    "and hasn't received its `Streamlit.setComponentReady()` message.\n\n" +
    "If this is a development build, have you started the dev server?"
  );
}
