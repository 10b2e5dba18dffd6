// Renders st.sidebar: a collapsible panel left of main (the root is a row; main has order 1).
import { Children, useEffect, useRef, useState } from "react";
import type { CSSProperties } from "react";
import type { ElementProps, PageLayout } from "@fastlit/component-sdk";
import { injectStyle, testId, usePageLayout } from "@fastlit/component-sdk";

/** Below this viewport width the sidebar starts collapsed and overlays main when opened. */
const MOBILE = 768;

injectStyle("sidebar", `
.fl-sidebar { order: 0; flex: 0 0 auto; width: var(--fl-sidebar-width, 21rem); max-width: 100vw; position: sticky; top: 0; height: 100vh;
  background: var(--fl-bg2); z-index: 20; transition: margin-left 0.2s ease, visibility 0.2s; }
.fl-sidebar[aria-expanded="false"] { margin-left: calc(-1 * var(--fl-sidebar-width, 21rem)); visibility: hidden; }
.fl-sidebar-header { display: flex; justify-content: flex-end; padding: 1rem 1rem 0; height: 3.5rem; box-sizing: border-box; }
.fl-sidebar-content { height: 100%; overflow-y: auto; box-sizing: border-box; }
.fl-sidebar-user { padding: 0 1.5rem 6rem; }
.fl-sidebar-toggle { display: inline-flex; align-items: center; justify-content: center; width: 2rem; height: 2rem;
  border: none; border-radius: var(--fl-radius); background: transparent; color: var(--fl-text); cursor: pointer; font: inherit; font-size: 1.1rem; }
.fl-sidebar-toggle:hover { background: var(--fl-border); }
.fl-sidebar-toggle:focus-visible { outline: 2px solid var(--fl-primary); outline-offset: 2px; }
.fl-sidebar-expand { position: fixed; top: 0.75rem; left: 0.75rem; z-index: 30; }
@media (max-width: ${MOBILE}px) {
  .fl-sidebar { position: fixed; left: 0; box-shadow: 0 0 2rem rgba(0, 0, 0, 0.25); }
  .fl-sidebar[aria-expanded="false"] { box-shadow: none; }
}
`);

function isMobile(): boolean {
  return typeof window !== "undefined" && window.matchMedia(`(max-width: ${MOBILE}px)`).matches;
}

/** st.set_page_config(initial_sidebar_state=...): "auto", a width and "locked" (which gives
 *  way on small screens) start collapsed on small screens only. */
function startCollapsed(state: PageLayout["initialSidebarState"]): boolean {
  if (state === "expanded") return false;
  if (state === "collapsed") return true;
  return isMobile();
}

export default function Sidebar({ children }: ElementProps) {
  const { initialSidebarState: state } = usePageLayout();
  const [collapsed, setCollapsed] = useState(() => startCollapsed(state));
  const shown = useRef(state);
  useEffect(() => {
    // A later st.set_page_config with another state applies it, as in Streamlit.
    if (shown.current !== state) setCollapsed(startCollapsed(state));
    shown.current = state;
  }, [state]);
  if (Children.count(children) === 0) return null; // like Streamlit: no content, no sidebar
  const locked = state === "locked" && !isMobile();
  const style = typeof state === "number"
    ? ({ "--fl-sidebar-width": `${Math.min(600, Math.max(200, state))}px` } as CSSProperties)
    : undefined;
  return (
    <>
      <section className="fl-sidebar stSidebar" aria-label="Sidebar" aria-expanded={!collapsed} style={style} {...testId("stSidebar")}>
        <div className="fl-sidebar-content" {...testId("stSidebarContent")}>
          <div className="fl-sidebar-header" {...testId("stSidebarHeader")}>
            <div {...testId("stSidebarCollapseButton")} hidden={locked}>
              <button type="button" className="fl-sidebar-toggle" aria-label="Collapse sidebar" aria-expanded="true"
                onClick={() => setCollapsed(true)} tabIndex={collapsed ? -1 : 0}>
                «
              </button>
            </div>
          </div>
          <div className="fl-sidebar-user" {...testId("stSidebarUserContent")}>
            <div className="fl-vertical-block" {...testId("stVerticalBlock")}>{children}</div>
          </div>
        </div>
      </section>
      {collapsed && (
        <div className="fl-sidebar-expand" {...testId("stSidebarCollapsedControl")}>
          <button type="button" className="fl-sidebar-toggle" aria-label="Expand sidebar" aria-expanded="false"
            onClick={() => setCollapsed(false)} {...testId("stExpandSidebarButton")}>
            »
          </button>
        </div>
      )}
    </>
  );
}
