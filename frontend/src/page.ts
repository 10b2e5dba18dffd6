// st.set_page_config in the browser: document title, favicon, layout, sidebar state, menu.
import { setPageLayout } from "@fastlit/component-sdk";
import type { PageConfig } from "./protocol";

let config: PageConfig = {};
const listeners = new Set<() => void>();

export function pageConfig(): PageConfig {
  return config;
}

export function subscribePageConfig(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Apply a page config the server sent (the whole of it, only when it changed); with none,
 * just keep the configured title over a page title set since (st.navigation's).
 */
export function showPageConfig(next: PageConfig | null | undefined, root: HTMLElement = document.documentElement): void {
  if (next !== undefined && next !== null) {
    config = next;
    if (next.favicon) setFavicon(next.favicon);
    root.dataset.flLayout = next.layout ?? "centered";
    setPageLayout({ layout: next.layout ?? "centered", initialSidebarState: next.initial_sidebar_state ?? "auto" });
    listeners.forEach((listener) => listener());
  }
  if (config.title && document.title !== config.title) document.title = config.title;
}

function setFavicon(url: string): void {
  let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (link === null) {
    link = document.createElement("link");
    link.rel = "icon";
    document.head.appendChild(link);
  }
  if (link.getAttribute("href") !== url) link.setAttribute("href", url);
}
