// Renders st.success / st.info / st.warning / st.error (node types of the same names).
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId } from "@fastlit/component-sdk";
import { Markdown } from "../markdown/_render";

interface AlertProps {
  body: string;
  icon?: string;
  title?: string;
  width?: number;
}

injectStyle("alert", `
.fl-alert { border-radius: var(--fl-radius); padding: 1rem; display: flex; gap: 0.75rem; align-items: flex-start; max-width: 100%; }
.fl-alert[data-kind="success"] { background: rgba(33, 195, 84, 0.1); color: rgb(23, 114, 51); }
.fl-alert[data-kind="info"] { background: rgba(28, 131, 225, 0.1); color: rgb(0, 66, 128); }
.fl-alert[data-kind="warning"] { background: rgba(255, 227, 18, 0.1); color: rgb(146, 108, 5); }
.fl-alert[data-kind="error"] { background: rgba(255, 43, 43, 0.09); color: rgb(125, 53, 59); }
:root[data-fl-theme="dark"] .fl-alert[data-kind="success"] { background: rgba(61, 213, 109, 0.2); color: rgb(223, 253, 233); }
:root[data-fl-theme="dark"] .fl-alert[data-kind="info"] { background: rgba(61, 157, 243, 0.2); color: rgb(199, 235, 255); }
:root[data-fl-theme="dark"] .fl-alert[data-kind="warning"] { background: rgba(255, 227, 18, 0.2); color: rgb(255, 255, 194); }
:root[data-fl-theme="dark"] .fl-alert[data-kind="error"] { background: rgba(255, 108, 108, 0.2); color: rgb(255, 222, 222); }
.fl-alert-icon { flex: none; font-size: 1.25rem; line-height: 1.5rem; }
.fl-material-icon { font-family: "Material Symbols Rounded", var(--fl-font); font-size: 1rem; }
.fl-alert-content { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
.fl-alert-body > div > :first-child { margin-top: 0; }
.fl-alert-body > div > :last-child { margin-bottom: 0; }
.fl-alert-title { font-weight: 600; margin-bottom: 0.25rem; }
.fl-alert code { font-family: var(--fl-mono); font-size: 0.875em; background: rgba(0, 0, 0, 0.05); padding: 0.1em 0.25em; border-radius: 0.25rem; }
.fl-alert a { color: inherit; }
`);

const LABELS: Record<string, string> = { success: "Success", info: "Info", warning: "Warning", error: "Error" };

function Icon({ icon }: { icon: string }) {
  const material = /^:material\/([a-z0-9_]+):$/.exec(icon);
  if (material) return <span className="fl-material-icon" {...testId("stIconMaterial")} aria-hidden="true">{material[1]}</span>;
  return <span {...testId("stIconEmoji")} aria-hidden="true">{icon}</span>;
}

export default function Alert({ type, props }: ElementProps<AlertProps>) {
  const label = LABELS[type] ?? "Info";
  return (
    <div className="stAlert" {...testId("stAlert")} style={{ width: props.width ? `${props.width}px` : undefined }}>
      <div className="fl-alert" data-kind={type} {...testId("stAlertContainer")} role="alert" aria-label={props.title ?? label}>
        {props.icon && <div className="fl-alert-icon" {...testId("stAlertDynamicIcon")}><Icon icon={props.icon} /></div>}
        <div className="fl-alert-content" {...testId(`stAlertContent${label}`)}>
          {props.title && <div className="fl-alert-title" {...testId("stAlertTitle")}><Markdown body={props.title} inline /></div>}
          <div className="fl-alert-body" data-testid="stMarkdownContainer"><Markdown body={props.body} /></div>
        </div>
      </div>
    </div>
  );
}
