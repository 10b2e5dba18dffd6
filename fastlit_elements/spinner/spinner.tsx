// Renders st.spinner: a turning ring and the Markdown text, shown half a second after it
// appears (as Streamlit, so a quick block never flickers), with the elapsed time if asked.
import { useEffect, useState } from "react";
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId } from "@fastlit/component-sdk";
import { Markdown } from "../markdown/_render";

interface SpinnerProps {
  text: string;
  show_time?: boolean;
  cache?: boolean;
  width?: "stretch" | number;
}

const DELAY_MS = 500;
const TICK_MS = 100;

injectStyle("spinner", `
.fl-spinner { display: flex; align-items: center; gap: 0.5rem; max-width: 100%; width: fit-content; }
.fl-spinner[data-width="stretch"] { width: 100%; }
.fl-spinner-cache { padding-bottom: 1rem; }
.fl-spinner-ring { flex: none; width: 1.25rem; height: 1.25rem; box-sizing: border-box; border-radius: 50%;
  border: 0.2rem solid var(--fl-bg2); border-top-color: var(--fl-primary); animation: fl-spinner-turn 1s linear infinite; }
.fl-spinner-text { display: flex; gap: 0.5rem; align-items: baseline; min-width: 0; }
.fl-spinner-text > div > :first-child { margin-top: 0; }
.fl-spinner-text > div > :last-child { margin-bottom: 0; }
.fl-spinner-time { opacity: 0.6; font-size: 0.875rem; white-space: nowrap; }
@keyframes fl-spinner-turn { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .fl-spinner-ring { animation-duration: 3s; } }
`);

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** Streamlit's format: "(1.5 seconds)", "(2 minutes, 3.0 seconds)", "(1 hour, 2 minutes)". */
function elapsedText(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const secs = rest === 0 ? "" : `${rest.toFixed(1)} seconds`;
  if (hours === 0 && minutes === 0) return `(${rest.toFixed(1)} seconds)`;
  const parts = hours === 0 ? [plural(minutes, "minute")] : [plural(hours, "hour")];
  if (hours !== 0 && minutes !== 0) parts.push(plural(minutes, "minute"));
  if (secs) parts.push(secs);
  return `(${parts.join(", ")})`;
}

function useElapsed(active: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!active) return;
    const start = Date.now();
    const timer = setInterval(() => setSeconds((Date.now() - start) / 1000), TICK_MS);
    return () => clearInterval(timer);
  }, [active]);
  return seconds;
}

export default function Spinner({ props }: ElementProps<SpinnerProps>) {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  const seconds = useElapsed(visible && !!props.show_time);
  if (!visible) return null;
  const width = typeof props.width === "number" ? { width: `${props.width}px` } : undefined;
  return (
    <div
      className={`fl-spinner ${props.cache ? "fl-spinner-cache stSpinner stCacheSpinner" : "stSpinner"}`}
      data-width={props.width === "stretch" ? "stretch" : undefined}
      style={width}
      {...testId("stSpinner")}
    >
      <span className="fl-spinner-ring" aria-hidden="true" {...testId("stSpinnerIcon")} />
      <div className="fl-spinner-text">
        <div role="status" data-testid="stMarkdownContainer"><Markdown body={props.text} /></div>
        {props.show_time && <span className="fl-spinner-time" {...testId("stSpinnerTime")}>{elapsedText(seconds)}</span>}
      </div>
    </div>
  );
}
