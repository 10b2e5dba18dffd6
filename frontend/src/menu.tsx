// The app menu (top right): the items st.set_page_config(menu_items=...) names, if any.
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { pageConfig, subscribePageConfig } from "./page";

export function MainMenu() {
  const { menu_items: items } = useSyncExternalStore(subscribePageConfig, pageConfig);
  const [open, setOpen] = useState(false);
  const [about, setAbout] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open && !about) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !root.current?.contains(event.target as Node)) {
        setOpen(false);
        setAbout(false);
      }
    };
    document.addEventListener("keydown", close);
    document.addEventListener("mousedown", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("mousedown", close);
    };
  }, [open, about]);
  if (!items || !(items.get_help || items.report_a_bug || items.about)) return null;
  const link = (label: string, href: string, testId: string) => (
    <li role="none">
      <a role="menuitem" href={href} target="_blank" rel="noopener noreferrer" data-testid={testId} onClick={() => setOpen(false)}>
        {label}
      </a>
    </li>
  );
  return (
    <div className="fl-menu" ref={root}>
      <button type="button" className="fl-menu-button" aria-label="Main menu" aria-haspopup="menu" aria-expanded={open}
        data-testid="stMainMenu" onClick={() => setOpen(!open)}>
        ⋮
      </button>
      {open && (
        <ul className="fl-menu-list" role="menu" data-testid="stMainMenuList">
          {items.get_help && link("Get help", items.get_help, "stMainMenuGetHelp")}
          {items.report_a_bug && link("Report a bug", items.report_a_bug, "stMainMenuReportBug")}
          {items.about && (
            <li role="none">
              <button type="button" role="menuitem" data-testid="stMainMenuAbout" onClick={() => { setOpen(false); setAbout(true); }}>
                About
              </button>
            </li>
          )}
        </ul>
      )}
      {about && items.about && (
        <div className="fl-about" role="dialog" aria-label="About" data-testid="stAboutDialog">
          <div className="fl-about-text">{items.about}</div>
          <button type="button" className="fl-menu-close" onClick={() => setAbout(false)}>Close</button>
        </div>
      )}
    </div>
  );
}
