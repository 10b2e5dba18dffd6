// The button look st.button and st.form_submit_button share.
import type { ReactNode } from "react";
import { injectStyle, testId } from "@fastlit/component-sdk";

export interface ButtonProps {
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

/** A button: `rootTestId` names the wrapper (stButton, ...), `baseTestId` the <button>. */
export function ButtonView(props: {
  button: ButtonProps;
  className: string;
  rootTestId: string;
  baseTestId: string;
  onClick: () => void;
}): ReactNode {
  const { button } = props;
  const width = button.width === "stretch" ? "100%" : typeof button.width === "number" ? `${button.width}px` : undefined;
  const icon = button.icon ? <span aria-hidden="true">{button.icon}</span> : null;
  return (
    <div className={props.className} {...testId(props.rootTestId)} title={button.help}>
      <button
        type="button"
        className="fl-button"
        data-kind={button.kind ?? "secondary"}
        {...testId(props.baseTestId)}
        disabled={button.disabled}
        style={{ width }}
        onClick={props.onClick}
      >
        {button.icon_position !== "right" && icon}
        <span>{button.label}</span>
        {button.icon_position === "right" && icon}
      </button>
    </div>
  );
}
