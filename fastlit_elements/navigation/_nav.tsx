// Shared by the navigation menu and st.page_link: page icons and link clicks.
import type { MouseEvent } from "react";
import { injectStyle, navigateTo, testId } from "@fastlit/component-sdk";

injectStyle("nav-shared", `
.fl-nav-icon { display: inline-flex; align-items: center; justify-content: center; flex: none; width: 1.25rem; }
.fl-nav-material { font-family: "Material Symbols Rounded", var(--fl-font); font-size: 1.1rem; overflow: hidden; }
.fl-nav-spinner { width: 0.9rem; height: 0.9rem; border: 2px solid var(--fl-border); border-top-color: var(--fl-primary);
  border-radius: 50%; animation: fl-nav-spin 0.8s linear infinite; }
@keyframes fl-nav-spin { to { transform: rotate(360deg); } }
`);

/** An st.Page icon: an emoji, `:material/name:` or "spinner". */
export function PageIcon({ icon }: { icon?: string }) {
  if (!icon) return null;
  if (icon === "spinner") return <span className="fl-nav-icon" aria-hidden="true"><span className="fl-nav-spinner" /></span>;
  const material = /^:material\/([a-z0-9_]+):$/.exec(icon);
  if (material) {
    return <span className="fl-nav-icon fl-nav-material" {...testId("stIconMaterial")} aria-hidden="true">{material[1]}</span>;
  }
  return <span className="fl-nav-icon" {...testId("stIconEmoji")} aria-hidden="true">{icon}</span>;
}

/** A plain left click on a link to an app page changes the page without a reload; modified
 *  clicks (new tab, new window) and external links keep the browser's own behaviour. */
export function followLink(event: MouseEvent<HTMLAnchorElement>, href: string, external: boolean | undefined): void {
  if (external || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigateTo(href);
}
