// The menu st.navigation draws: links to the app's pages in the sidebar (grouped by section,
// long lists collapsed behind "View more") or as a bar across the top (sections as dropdowns).
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { RefObject } from "react";
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId } from "@fastlit/component-sdk";
import { PageIcon, followLink } from "./_nav";

interface MenuPage {
  title: string;
  href: string;
  icon?: string;
  section?: string;
  help?: string;
  current?: boolean;
  external?: boolean;
}

interface MenuProps {
  pages: MenuPage[];
  position?: "sidebar" | "top";
  expanded?: boolean;
  visible_items?: number;
}

injectStyle("navigation_menu", `
.fl-snav { margin: 0 -1.5rem; padding: 0 1rem 1rem; }
.fl-snav ul { list-style: none; margin: 0; padding: 0; }
.fl-snav-header { font-size: 0.875rem; font-weight: 600; color: var(--fl-muted); padding: 1rem 0.5rem 0.25rem; }
.fl-snav-header:first-child { padding-top: 0; }
.fl-nav-link { display: flex; align-items: center; gap: 0.5rem; padding: 0.15rem 0.5rem; margin: 0.125rem 0; border-radius: var(--fl-radius);
  color: var(--fl-text); text-decoration: none; line-height: 2rem; }
.fl-nav-link:hover { background: rgba(151, 166, 195, 0.15); }
.fl-nav-link[aria-current="page"] { background: rgba(151, 166, 195, 0.25); font-weight: 600; }
.fl-nav-link:focus-visible { outline: 2px solid var(--fl-primary); outline-offset: -2px; }
.fl-snav-more { border: none; background: none; color: var(--fl-text); font: inherit; font-size: 0.875rem; cursor: pointer;
  padding: 0.25rem 0.5rem; border-radius: var(--fl-radius); }
.fl-snav-more:hover { background: rgba(151, 166, 195, 0.15); }
.fl-snav-more:focus-visible { outline: 2px solid var(--fl-primary); }
.fl-snav-separator { border-bottom: 1px solid var(--fl-border); margin: 0 1rem; }
.fl-tnav { position: fixed; top: 0; left: 0; right: 0; height: 3.75rem; z-index: 25; display: flex; align-items: center;
  gap: 0.25rem; padding: 0 1rem 0 4rem; background: var(--fl-bg); border-bottom: 1px solid var(--fl-border); order: -1; }
.fl-tnav .fl-nav-link { white-space: nowrap; }
.fl-tnav-section { position: relative; }
.fl-tnav-section > button { display: flex; align-items: center; gap: 0.25rem; border: none; background: none; color: var(--fl-text);
  font: inherit; padding: 0.15rem 0.5rem; line-height: 2rem; border-radius: var(--fl-radius); cursor: pointer; }
.fl-tnav-section > button:hover, .fl-tnav-section > button[aria-expanded="true"] { background: rgba(151, 166, 195, 0.15); }
.fl-tnav-section > button:focus-visible { outline: 2px solid var(--fl-primary); }
.fl-tnav-popover { position: absolute; top: calc(100% + 0.25rem); left: 0; min-width: 12rem; background: var(--fl-bg);
  border: 1px solid var(--fl-border); border-radius: var(--fl-radius); box-shadow: 0 0.25rem 1rem rgba(0, 0, 0, 0.12); padding: 0.25rem; }
`);

function sectionsOf(pages: MenuPage[]): [string, MenuPage[]][] {
  const sections = new Map<string, MenuPage[]>();
  for (const page of pages) {
    const name = page.section ?? "";
    sections.set(name, [...(sections.get(name) ?? []), page]);
  }
  return [...sections.entries()];
}

function NavLink({ page, top, dropdown }: { page: MenuPage; top?: boolean; dropdown?: boolean }) {
  const id = top ? (dropdown ? "stTopNavDropdownLink" : "stTopNavLink") : "stSidebarNavLink";
  return (
    <div {...testId(top ? "stTopNavLinkContainer" : "stSidebarNavLinkContainer")}>
      <a
        className="fl-nav-link"
        {...testId(id)}
        href={page.href}
        title={page.help}
        aria-current={page.current ? "page" : undefined}
        target={page.external ? "_blank" : undefined}
        rel={page.external ? "noopener noreferrer" : undefined}
        onClick={(event) => followLink(event, page.href, page.external)}
      >
        <PageIcon icon={page.icon} />
        <span>{page.title}</span>
      </a>
    </div>
  );
}

/** True when the sidebar holds more than the menu: only then may a long menu collapse. */
function useHasSiblings(ref: RefObject<HTMLElement | null>): boolean {
  const [siblings, setSiblings] = useState(false);
  useLayoutEffect(() => {
    const parent = ref.current?.parentElement;
    if (!parent) return;
    const check = () => setSiblings(parent.children.length > 1);
    check();
    const observer = new MutationObserver(check);
    observer.observe(parent, { childList: true });
    return () => observer.disconnect();
  }, [ref]);
  return siblings;
}

function SidebarNav({ props }: { props: MenuProps }) {
  const ref = useRef<HTMLElement>(null);
  const hasSiblings = useHasSiblings(ref);
  const [showAll, setShowAll] = useState(false);
  const limit = props.visible_items ?? 10;
  const collapsible = !props.expanded && hasSiblings && props.pages.length > limit + 2;
  const shown = collapsible && !showAll ? props.pages.slice(0, limit) : props.pages;
  return (
    <nav className="fl-snav" aria-label="App pages" {...testId("stSidebarNav")} ref={ref}>
      <ul {...testId("stSidebarNavItems")}>
        {sectionsOf(shown).map(([section, pages]) => (
          <li key={`section:${section}`}>
            {section && <header className="fl-snav-header" {...testId("stNavSectionHeader")}>{section}</header>}
            <ul>
              {pages.map((page) => <li key={page.href}><NavLink page={page} /></li>)}
            </ul>
          </li>
        ))}
      </ul>
      {collapsible && (
        <button type="button" className="fl-snav-more" {...testId("stSidebarNavViewButton")} onClick={() => setShowAll(!showAll)}>
          {showAll ? "View less" : `View ${props.pages.length - limit} more`}
        </button>
      )}
      {hasSiblings && <div className="fl-snav-separator" {...testId("stSidebarNavSeparator")} />}
    </nav>
  );
}

function TopSection({ title, pages }: { title: string; pages: MenuPage[] }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", escape);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", escape);
    };
  }, [open]);
  return (
    <div className="fl-tnav-section" ref={ref} {...testId("stTopNavSection")}>
      <button type="button" aria-expanded={open} aria-haspopup="true" onClick={() => setOpen(!open)}>
        <span>{title}</span><span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="fl-tnav-popover" {...testId("stTopNavPopover")} onClick={() => setOpen(false)}>
          <div {...testId("stTopNavPopoverBody")}>
            {pages.map((page) => <NavLink key={page.href} page={page} top dropdown />)}
          </div>
        </div>
      )}
    </div>
  );
}

function TopNav({ props }: { props: MenuProps }) {
  const sections = sectionsOf(props.pages);
  return (
    <nav className="fl-tnav" aria-label="App pages" {...testId("stTopNav")}>
      {sections.map(([section, pages]) =>
        section === ""
          ? pages.map((page) => <NavLink key={page.href} page={page} top />)
          : <TopSection key={`section:${section}`} title={section} pages={pages} />,
      )}
    </nav>
  );
}

export default function NavigationMenu({ props }: ElementProps<MenuProps>) {
  return props.position === "top" ? <TopNav props={props} /> : <SidebarNav props={props} />;
}
