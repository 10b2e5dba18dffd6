// Renders st.page_link: a link to a page of the app (no reload) or to an external URL.
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId } from "@fastlit/component-sdk";
import { PageIcon, followLink } from "./_nav";

interface PageLinkProps {
  href: string;
  label: string;
  icon?: string;
  icon_position?: "left" | "right";
  help?: string;
  disabled?: boolean;
  width?: "content" | "stretch" | number;
  external?: boolean;
  current?: boolean;
}

injectStyle("page_link", `
.fl-page-link { display: flex; }
.fl-page-link a { display: inline-flex; align-items: center; gap: 0.5rem; padding: 0.25rem 0.5rem; margin-left: -0.5rem;
  border-radius: var(--fl-radius); color: var(--fl-text); text-decoration: none; line-height: 1.6; }
.fl-page-link a:hover { background: rgba(151, 166, 195, 0.15); }
.fl-page-link a:focus-visible { outline: 2px solid var(--fl-primary); outline-offset: 2px; }
.fl-page-link a[aria-disabled="true"] { opacity: 0.4; pointer-events: none; cursor: not-allowed; }
.fl-page-link a[aria-current="page"] { background: rgba(151, 166, 195, 0.25); }
.stSidebar .fl-page-link a { width: 100%; }
`);

export default function PageLink({ props }: ElementProps<PageLinkProps>) {
  const width = props.width === "stretch" ? "100%" : typeof props.width === "number" ? `${props.width}px` : undefined;
  const icon = <PageIcon icon={props.icon} />;
  return (
    <div className="fl-page-link stPageLink" {...testId("stPageLink")} title={props.help}>
      <a
        {...testId("stPageLink-NavLink")}
        href={props.disabled ? undefined : props.href}
        style={{ width }}
        aria-disabled={props.disabled ? "true" : undefined}
        aria-current={props.current ? "page" : undefined}
        target={props.external ? "_blank" : undefined}
        rel={props.external ? "noopener noreferrer" : undefined}
        onClick={(event) => followLink(event, props.href, props.external)}
      >
        {props.icon_position !== "right" && icon}
        <span>{props.label}</span>
        {props.icon_position === "right" && icon}
      </a>
    </div>
  );
}
