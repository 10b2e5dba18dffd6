// Renders st.button: a click sends `true` once; Python sees it for one run.
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, sendWidgetValue, testId } from "@fastlit/component-sdk";

interface ButtonProps {
  label: string;
  kind?: "primary" | "secondary" | "tertiary";
  help?: string;
  icon?: string;
  icon_position?: "left" | "right";
  disabled?: boolean;
  width?: "content" | "stretch" | number;
}

injectStyle("button", `
.fl-button { display: inline-flex; align-items: center; justify-content: center; gap: 0.5rem; min-height: 2.5rem;
  padding: 0.25rem 0.75rem; border-radius: var(--fl-radius); border: 1px solid var(--fl-border); background: var(--fl-bg);
  color: var(--fl-text); font: inherit; cursor: pointer; line-height: 1.6; }
.fl-button:hover:not(:disabled) { border-color: var(--fl-primary); color: var(--fl-primary); }
.fl-button:focus-visible { outline: 2px solid var(--fl-primary); outline-offset: 2px; }
.fl-button:disabled { cursor: not-allowed; opacity: 0.4; }
.fl-button[data-kind="primary"] { background: var(--fl-primary); border-color: var(--fl-primary); color: #fff; }
.fl-button[data-kind="primary"]:hover:not(:disabled) { filter: brightness(0.92); color: #fff; }
.fl-button[data-kind="tertiary"] { border: none; background: none; padding: 0; min-height: 0; }
`);

export default function Button({ id, props }: ElementProps<ButtonProps>) {
  const width = props.width === "stretch" ? "100%" : typeof props.width === "number" ? `${props.width}px` : undefined;
  const icon = props.icon ? <span aria-hidden="true">{props.icon}</span> : null;
  return (
    <div className="stButton" {...testId("stButton")} title={props.help}>
      <button
        type="button"
        className="fl-button"
        data-kind={props.kind ?? "secondary"}
        {...testId(`stBaseButton-${props.kind ?? "secondary"}`)}
        disabled={props.disabled}
        style={{ width }}
        onClick={() => sendWidgetValue(id, true)}
      >
        {props.icon_position !== "right" && icon}
        <span>{props.label}</span>
        {props.icon_position === "right" && icon}
      </button>
    </div>
  );
}
