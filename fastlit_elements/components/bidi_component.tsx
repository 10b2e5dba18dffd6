// Hosts an st.components.v2 component, as Streamlit's BidiComponent does: its html and css go
// into a shadow root (or straight into the page with isolate_styles=False), its JS module is
// imported and its default export called with
//   {name, key, data, parentElement, setStateValue, setTriggerValue}
// again whenever data or the code changes; what that call returns (a cleanup function) runs
// when the component leaves the page.
//
// The mount is a "bidi_component" block with two hidden widget parts, rendered by this same
// module: "bidi_component_state" (the state dict) and "bidi_component_events" (trigger
// values). The parts register their widget ids under the block's id, so the setters know
// where to send.
import { useEffect, useMemo, useRef, useState } from "react";
import type { CSSProperties } from "react";
import type { ElementProps, Theme } from "@fastlit/component-sdk";
import { injectStyle, sendWidgetValue, testId, useTheme } from "@fastlit/component-sdk";
import { bytesFromBase64 } from "./_iframe";

interface HostProps {
  component_name: string;
  html?: string;
  css?: string;
  js?: string;
  isolate_styles?: boolean;
  width?: number | "content";
  height?: number | "stretch";
  data?: unknown;
  data_bytes?: string;
}

interface PartProps {
  group: string;
  value?: unknown;
}

type Cleanup = (() => unknown) | void | undefined;
type Setter = (name: string, value: unknown) => void;

injectStyle("bidi_component", `
.stBidiComponent { min-width: 0; }
.fl-bidi-vars { display: contents; }
.fl-bidi-root { width: 100%; height: 100%; }
`);

// --- one mount's shared memory: the parts' widget ids, the state, what waits to be sent ------

interface Group {
  stateId?: string;
  eventsId?: string;
  /** The state as this page knows it: the server's, then every setStateValue on top. */
  state: Record<string, unknown>;
  /** Whether the state part has told us Python's state yet. */
  synced: boolean;
  /** JSON of states sent and not yet echoed back by the server. */
  sent: string[];
  stateDirty: boolean;
  events: { event: string; value: unknown }[];
  scheduled: boolean;
}

const groups = new Map<string, Group>();

function groupOf(id: string): Group {
  let group = groups.get(id);
  if (group === undefined) {
    group = { state: {}, synced: false, sent: [], stateDirty: false, events: [], scheduled: false };
    groups.set(id, group);
  }
  return group;
}

/** Send what the setters queued: once per tick, and only when both parts have mounted. */
function flush(group: Group): void {
  group.scheduled = false;
  if (group.stateId === undefined || group.eventsId === undefined) return; // a part registers later
  if (group.stateDirty) {
    group.stateDirty = false;
    group.sent.push(stableJson(group.state));
    sendWidgetValue(group.stateId, group.state);
  }
  if (group.events.length > 0) sendWidgetValue(group.eventsId, group.events.splice(0));
}

function schedule(group: Group): void {
  if (group.scheduled) return;
  group.scheduled = true;
  queueMicrotask(() => flush(group));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

// --- the JS module: one blob URL per distinct source ------------------------------------------

const moduleUrls = new Map<string, string>();

function moduleUrl(js: string, name: string): string {
  let url = moduleUrls.get(js);
  if (url === undefined) {
    url = URL.createObjectURL(new Blob([`${js}\n//# sourceURL=st-bidi-${name}.js`], { type: "text/javascript" }));
    moduleUrls.set(js, url);
  }
  return url;
}

function instanceKey(): string {
  const random = typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `st-bidi-component-${random}`;
}

function asError(error: unknown, context?: string): Error {
  if (error instanceof Error) return error;
  return new Error(context ? `${context}: ${String(error)}` : String(error));
}

/** Streamlit's --st-* custom properties, from the theme the shell provides. */
function themeVars(theme: Theme): CSSProperties {
  return {
    "--st-primary-color": theme.primaryColor,
    "--st-background-color": theme.backgroundColor,
    "--st-secondary-background-color": theme.secondaryBackgroundColor,
    "--st-text-color": theme.textColor,
    "--st-font": theme.font,
    "--st-heading-font": theme.font,
    "--st-code-font": "var(--fl-mono)",
    "--st-link-color": theme.primaryColor,
    "--st-border-color": "var(--fl-border)",
    "--st-base-radius": "var(--fl-radius)",
    "--st-button-radius": "var(--fl-radius)",
  } as CSSProperties;
}

function sizeStyle(width: HostProps["width"], height: HostProps["height"]): CSSProperties {
  return {
    width: typeof width === "number" ? `${width}px` : width === "content" ? "fit-content" : "100%",
    height: typeof height === "number" ? `${height}px` : height === "stretch" ? "100%" : undefined,
    overflow: typeof height === "number" ? "auto" : undefined,
  };
}

// --- the components ----------------------------------------------------------------------------

export default function BidiComponent(element: ElementProps<HostProps | PartProps>) {
  if (element.type === "bidi_component") return <Host {...(element as ElementProps<HostProps>)} />;
  return <Part {...(element as ElementProps<PartProps>)} />;
}

/** A hidden widget part: tells the host's setters its id; the state part also its value. */
function Part({ id, type, props }: ElementProps<PartProps>) {
  const isState = type === "bidi_component_state";
  // The state from Python first, so a setter called before this part mounted builds on it.
  useEffect(() => {
    if (!isState) return;
    const group = groupOf(props.group);
    const server = isRecord(props.value) ? props.value : {};
    const json = stableJson(server);
    const echoed = group.sent.indexOf(json);
    if (!group.synced) {
      group.synced = true;
      group.state = { ...server, ...group.state };
    } else if (echoed >= 0) {
      group.sent.splice(0, echoed + 1); // our own value coming back: the page's is as new
    } else if (!group.stateDirty) {
      group.sent = [];
      group.state = { ...server }; // set in Python (st.session_state)
    }
  }, [isState, props.group, props.value]);
  useEffect(() => {
    const group = groupOf(props.group);
    if (isState) group.stateId = id;
    else group.eventsId = id;
    flush(group);
    return () => {
      const current = groups.get(props.group);
      if (current?.stateId === id) current.stateId = undefined;
      if (current?.eventsId === id) current.eventsId = undefined;
    };
  }, [id, isState, props.group]);
  return null;
}

function Host({ id, props, children }: ElementProps<HostProps>) {
  const theme = useTheme();
  const isolate = props.isolate_styles !== false;
  const rootElement = useRef<HTMLDivElement>(null);
  const [parent, setParent] = useState<HTMLElement | ShadowRoot | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const key = useMemo(instanceKey, []);
  const cleanup = useRef<Cleanup | Promise<Cleanup>>(undefined);
  const unmounted = useRef(false);
  const data = useMemo(
    () => (props.data_bytes !== undefined ? bytesFromBase64(props.data_bytes) : props.data ?? null),
    [props.data, props.data_bytes],
  );

  const setters = useMemo(() => {
    const setStateValue: Setter = (name, value) => {
      const group = groupOf(id);
      group.state = { ...group.state, [name]: value };
      group.stateDirty = true;
      schedule(group);
    };
    const setTriggerValue: Setter = (name, value) => {
      const group = groupOf(id);
      group.events.push({ event: name, value });
      schedule(group);
    };
    return { setStateValue, setTriggerValue };
  }, [id]);

  // The parent element: a shadow root (isolate_styles) or the div itself.
  useEffect(() => {
    const element = rootElement.current;
    if (element === null) return;
    if (!isolate) {
      setParent(element);
      return;
    }
    try {
      setParent(element.shadowRoot ?? element.attachShadow({ mode: "open" }));
    } catch (e) {
      setError(asError(e, "Failed to create shadow DOM"));
    }
  }, [isolate]);

  // HTML and CSS, replaced when they change.
  useEffect(() => {
    if (parent === null) return;
    const wrapper = document.createElement("div");
    try {
      if (props.html) {
        const html = document.createElement("div");
        try {
          html.appendChild(document.createRange().createContextualFragment(props.html)); // runs <script>s
        } catch {
          html.innerHTML = props.html;
        }
        wrapper.appendChild(html);
      }
      if (props.css) {
        const style = document.createElement("style");
        style.textContent = props.css;
        wrapper.appendChild(style);
      }
      parent.appendChild(wrapper);
    } catch (e) {
      setError(asError(e, "Failed to process HTML/CSS content"));
    }
    return () => wrapper.remove();
  }, [parent, props.html, props.css]);

  // The JS module's default export, called again when data or code change.
  useEffect(() => {
    if (parent === null || !props.js) return;
    let cancelled = false;
    const url = moduleUrl(props.js, props.component_name);
    void (async () => {
      try {
        const module = (await import(/* @vite-ignore */ url)) as { default?: unknown };
        if (typeof module.default !== "function") throw new Error("JS module does not have a default export function.");
        if (cancelled) return;
        const result = (module.default as (args: unknown) => Cleanup | Promise<Cleanup>)({
          name: props.component_name,
          data,
          key,
          parentElement: parent,
          setStateValue: setters.setStateValue,
          setTriggerValue: setters.setTriggerValue,
        });
        if (cancelled) void Promise.resolve(result).then((done) => (typeof done === "function" ? done() : undefined));
        else cleanup.current = result;
      } catch (e) {
        if (!unmounted.current) setError(asError(e));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [parent, props.js, props.component_name, data, key, setters]);

  useEffect(() => () => {
    unmounted.current = true;
    const done = cleanup.current;
    void Promise.resolve(done)
      .then((fn) => (typeof fn === "function" ? fn() : undefined))
      .catch((e: unknown) => console.error("fastlit: custom component cleanup failed", e));
    groups.delete(id);
  }, [id]);

  return (
    <div className="stBidiComponent" {...testId("stBidiComponent")} style={sizeStyle(props.width, props.height)}>
      {error !== null ? (
        <div className="fl-error" role="alert" {...testId("stException")}>{`BidiComponent Error: ${error.message}`}</div>
      ) : (
        <div className="fl-bidi-vars" style={themeVars(theme)}>
          <div
            key={isolate ? "isolated" : "regular"}
            ref={rootElement}
            className="fl-bidi-root"
            {...testId(isolate ? "stBidiComponentIsolated" : "stBidiComponentRegular")}
          />
        </div>
      )}
      {children}
    </div>
  );
}
