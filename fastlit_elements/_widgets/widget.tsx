// Pieces every form widget shares: the Markdown label above a control, the help icon, widths.
import type { CSSProperties } from "react";
import { injectStyle } from "@fastlit/component-sdk";
import { Markdown } from "../markdown/_render";

export type LabelVisibility = "visible" | "hidden" | "collapsed";

injectStyle("widget", `
.fl-widget-label { display: flex; align-items: center; gap: 0.25rem; min-height: 1.5rem; margin-bottom: 0.25rem;
  font-size: 0.875rem; color: var(--fl-text); }
.fl-widget-label p { margin: 0; }
.fl-widget-label[data-visibility="hidden"] { visibility: hidden; }
.fl-widget-label[data-visibility="collapsed"] { display: none; }
.fl-widget-label[data-disabled="true"] { opacity: 0.4; }
.fl-help { display: inline-flex; align-items: center; justify-content: center; width: 1rem; height: 1rem; flex: none;
  border: 1px solid var(--fl-muted); border-radius: 50%; font-size: 0.7rem; line-height: 1; color: var(--fl-muted); cursor: help; }
.fl-help:focus-visible { outline: 2px solid var(--fl-primary); outline-offset: 1px; }
`);

export function HelpIcon({ help }: { help: string }) {
  return (
    <span className="fl-help" data-testid="stTooltipIcon" title={help} aria-label={help} role="img" tabIndex={0}>
      ?
    </span>
  );
}

/** The label row above a widget; `htmlFor` ties it to a native control when there is one. */
export function WidgetLabel(props: {
  label: string;
  id?: string;
  htmlFor?: string;
  help?: string;
  visibility?: LabelVisibility;
  disabled?: boolean;
}) {
  const text = <Markdown body={props.label} inline />;
  return (
    <div
      className="fl-widget-label"
      data-testid="stWidgetLabel"
      data-visibility={props.visibility ?? "visible"}
      data-disabled={props.disabled ? "true" : undefined}
    >
      {props.htmlFor !== undefined ? <label id={props.id} htmlFor={props.htmlFor}>{text}</label> : <div id={props.id}>{text}</div>}
      {props.help ? <HelpIcon help={props.help} /> : null}
    </div>
  );
}

/** Streamlit's width parameter: "stretch", "content" or a number of pixels. */
export function widthStyle(width: "stretch" | "content" | number | undefined, fallback: "stretch" | "content"): CSSProperties {
  const value = width ?? fallback;
  if (typeof value === "number") return { width: `${value}px`, maxWidth: "100%" };
  return value === "stretch" ? { width: "100%" } : { width: "fit-content", maxWidth: "100%" };
}
