// Shared by the layout components: gap sizes, alignment mapping and the layout CSS.
import { injectStyle } from "@fastlit/component-sdk";
import type { CSSProperties } from "react";

export type Gap = string | number;
export type Size = number | "stretch" | "content";

const GAP_REM: Record<string, number> = {
  xxsmall: 0.25, xsmall: 0.5, small: 1, medium: 2, large: 4, xlarge: 6, xxlarge: 8,
};

/** A gap prop (size name or pixels; absent means "small") as a CSS length. */
export function gapCss(gap: Gap | undefined): string {
  if (typeof gap === "number") return `${gap}px`;
  return `${GAP_REM[gap ?? "small"] ?? 1}rem`;
}

const JUSTIFY: Record<string, CSSProperties["justifyContent"]> = {
  left: "flex-start", top: "flex-start", center: "center", right: "flex-end", bottom: "flex-end",
  distribute: "space-between",
};

export function justify(alignment: string | undefined): CSSProperties["justifyContent"] {
  return alignment === undefined ? undefined : JUSTIFY[alignment];
}

/** Cross-axis alignment; the default ("left" in a column, "top" in a row) keeps stretch. */
export function align(alignment: string | undefined, horizontal: boolean): CSSProperties["alignItems"] {
  if (alignment === undefined || alignment === "distribute") return horizontal ? "flex-start" : undefined;
  return JUSTIFY[alignment] as CSSProperties["alignItems"];
}

export function sizeCss(size: Size | undefined): string | undefined {
  if (typeof size === "number") return `${size}px`;
  if (size === "content") return "fit-content";
  return undefined;
}

/** Below this viewport width, wrapping columns stack vertically (Streamlit's breakpoint). */
export const NARROW = 640;

injectStyle("layout", `
.fl-flex { display: flex; min-width: 0; box-sizing: border-box; }
.fl-flex-col { flex-direction: column; }
.fl-flex-row { flex-direction: row; flex-wrap: wrap; align-items: flex-start; }
.fl-flex-row.fl-nowrap { flex-wrap: nowrap; overflow-x: auto; }
.fl-flex-row > * { min-width: 0; }
.fl-flex-hidden { display: none; }
.fl-bordered { border: 1px solid var(--fl-border); border-radius: var(--fl-radius); padding: calc(1rem - 1px); }
.fl-scroll { overflow-y: auto; }
.fl-columns { align-items: stretch; flex-wrap: wrap; }
.fl-columns.fl-nowrap { flex-wrap: nowrap; }
.fl-column { display: flex; flex-direction: column; flex: var(--fl-col-weight, 1) 1 0%; min-width: 0; }
.fl-columns.fl-nowrap > .fl-column { min-width: min-content; }
.fl-column > .fl-vertical-block { width: 100%; }
@media (max-width: ${NARROW}px) {
  .fl-columns:not(.fl-nowrap) > .fl-column { flex: 1 1 100%; min-width: 100%; }
}
`);
