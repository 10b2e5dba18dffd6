// The whole contract between the Fastlit shell and an element component.
// A component module's default export is a React component taking ElementProps.
// React and this SDK are shared through the page's import map: bundles keep them external.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { ReactNode } from "react";

/** Major.minor of this contract; the shell refuses bundles built against another major. */
export const SDK_VERSION = "1.1.0";

export interface ElementProps<P = Record<string, unknown>> {
  /** The node's id: opaque, stable across reruns. */
  id: string;
  /** The node type, equal to the st.* name that made it (e.g. "button"). */
  type: string;
  /** Props set by the element's Python function; for widgets `props.value` is the value. */
  props: P;
  /** The node's children, already rendered, in order (containers only). */
  children: ReactNode;
}

export interface Theme {
  base: "light" | "dark";
  primaryColor: string;
  backgroundColor: string;
  secondaryBackgroundColor: string;
  textColor: string;
  font: string;
}

export interface SendOptions {
  /** Wait this long for further values before sending (typing). */
  debounceMs?: number;
  /** Send at once, then at most once per this many ms, always ending on the last value
   *  (key repeats, drags): the first change costs no delay. */
  throttleMs?: number;
}

/** What the shell provides; components reach it only through the functions below. */
export interface Host {
  sendValue(id: string, value: unknown): void;
  /** Go to another page of the app without reloading (since 1.1). */
  navigate?(href: string): void;
  theme: Theme;
  dev: boolean;
}

/** The light theme the shell starts with (Streamlit's colours). */
export const defaultTheme: Theme = {
  base: "light",
  primaryColor: "#ff4b4b",
  backgroundColor: "#ffffff",
  secondaryBackgroundColor: "#f0f2f6",
  textColor: "#31333f",
  font: '"Source Sans Pro", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
};

let host: Host = { sendValue: () => undefined, theme: defaultTheme, dev: false };
const hostListeners = new Set<() => void>();

/** Called once by the shell. */
export function registerHost(next: Host): void {
  host = next;
  hostListeners.forEach((listener) => listener());
}

/** Called by the shell when the theme changes (configured, or the OS's dark mode; since 1.1). */
export function setTheme(theme: Theme): void {
  host = { ...host, theme };
  hostListeners.forEach((listener) => listener());
}

/** What st.set_page_config says about the page's layout (since 1.1). */
export interface PageLayout {
  /** "centered": main is a column of fixed width; "wide": main uses the whole width. */
  layout: "centered" | "wide";
  /** "auto" (collapsed on small screens), "expanded", "collapsed", "locked" (expanded,
   *  no collapse control, on wide screens), or a width in pixels with "auto" behaviour. */
  initialSidebarState: "auto" | "expanded" | "collapsed" | "locked" | number;
}

export const defaultPageLayout: PageLayout = { layout: "centered", initialSidebarState: "auto" };
let pageLayout = defaultPageLayout;

/** Called by the shell when st.set_page_config changes the layout (since 1.1). */
export function setPageLayout(next: PageLayout): void {
  if (next.layout === pageLayout.layout && next.initialSidebarState === pageLayout.initialSidebarState) return;
  pageLayout = next;
  hostListeners.forEach((listener) => listener());
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const lastSent = new Map<string, number>();

const pendingValues = new Map<string, unknown>();

function sendNow(id: string, value: unknown): void {
  timers.delete(id);
  pendingValues.delete(id);
  lastSent.set(id, performance.now());
  host.sendValue(id, value);
}

/** Send a widget value to Python; the script reruns with it. */
export function sendWidgetValue(id: string, value: unknown, options: SendOptions = {}): void {
  const pending = timers.get(id);
  if (pending !== undefined) clearTimeout(pending);
  timers.delete(id);
  if (options.throttleMs) {
    const wait = (lastSent.get(id) ?? -Infinity) + options.throttleMs - performance.now();
    if (wait <= 0 && pending === undefined) sendNow(id, value);
    else sendLater(id, value, Math.max(wait, 0));
  } else if (options.debounceMs) {
    sendLater(id, value, options.debounceMs);
  } else {
    sendNow(id, value);
  }
}

/**
 * Follow a link to a page of this app (`/url_path`, maybe with `?query`) without reloading:
 * the browser adds a history entry and the script reruns on that page. Other URLs load.
 */
export function navigateTo(href: string): void {
  if (host.navigate) host.navigate(href);
  else window.location.assign(href);
}

function sendLater(id: string, value: unknown, ms: number): void {
  pendingValues.set(id, value);
  timers.set(id, setTimeout(() => sendNow(id, value), ms));
}

/** Send every value still waiting (debounced or throttled) now; the shell calls it before a
 *  form's submit button sends the form's values (since 1.1). */
export function flushWidgetValues(): void {
  for (const [id, timer] of [...timers]) {
    clearTimeout(timer);
    sendNow(id, pendingValues.get(id));
  }
}

/** Whether a value for this widget is still waiting to be sent. */
export function isSendPending(id: string): boolean {
  return timers.has(id);
}

/**
 * A widget's value: local while the user edits, replaced whenever Python sends a new one.
 * `commit(v)` shows v at once and sends it (debounced if asked).
 */
export function useWidgetValue<T>(id: string, serverValue: T): [T, (value: T, options?: SendOptions) => void, (value: T) => void] {
  const [local, setLocal] = useState<T>(serverValue);
  const last = useRef(serverValue);
  useEffect(() => {
    if (!Object.is(last.current, serverValue)) {
      last.current = serverValue;
      // A newer local value is about to be sent: the echo of an older one must not win.
      if (!isSendPending(id)) setLocal(serverValue);
    }
  }, [id, serverValue]);
  const commit = useCallback((value: T, options?: SendOptions) => {
    setLocal(value);
    sendWidgetValue(id, value, options);
  }, [id]);
  return [local, commit, setLocal];
}

export function useTheme(): Theme {
  return useSyncExternalStore(subscribeHost, () => host.theme);
}

/** The page's layout from st.set_page_config (since 1.1). */
export function usePageLayout(): PageLayout {
  return useSyncExternalStore(subscribeHost, () => pageLayout);
}

export function useDevMode(): boolean {
  return useSyncExternalStore(subscribeHost, () => host.dev);
}

function subscribeHost(listener: () => void): () => void {
  hostListeners.add(listener);
  return () => hostListeners.delete(listener);
}

/** `data-testid` for an element root; Streamlit's names keep Playwright suites working. */
export function testId(name: string): { "data-testid": string } {
  return { "data-testid": name };
}

const injected = new Set<string>();

/** Add a component's CSS to the page once. */
export function injectStyle(name: string, css: string): void {
  if (injected.has(name) || typeof document === "undefined") return;
  injected.add(name);
  const style = document.createElement("style");
  style.dataset.fastlit = name;
  style.textContent = css;
  document.head.appendChild(style);
}
