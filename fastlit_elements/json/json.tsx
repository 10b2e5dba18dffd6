// Renders st.json as a collapsible tree (native <details>, so it is keyboard-operable).
import { useMemo } from "react";
import type { ReactNode } from "react";
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId } from "@fastlit/component-sdk";

interface JsonProps {
  body: string;
  expanded?: boolean;
  max_expand_depth?: number;
  width?: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

injectStyle("json", `
.fl-json { font-family: var(--fl-mono); font-size: 0.875rem; line-height: 1.5; background: var(--fl-bg); overflow-x: auto; max-width: 100%; }
.fl-json details > summary { cursor: pointer; list-style: none; }
.fl-json details > summary::-webkit-details-marker { display: none; }
.fl-json details > summary::before { content: "\\25B8"; display: inline-block; width: 1em; color: var(--fl-muted); }
.fl-json details[open] > summary::before { content: "\\25BE"; }
.fl-json details > summary:focus-visible { outline: 2px solid var(--fl-primary); outline-offset: 1px; }
.fl-json-children { padding-left: 1.25em; border-left: 1px solid var(--fl-border); margin-left: 0.4em; }
.fl-json-leaf { padding-left: 1em; white-space: pre-wrap; overflow-wrap: anywhere; }
.fl-json-key { color: #803df5; }
.fl-json-string { color: #158237; }
.fl-json-number { color: #0054a3; }
.fl-json-boolean, .fl-json-null { color: #d6336c; }
.fl-json-count { color: var(--fl-muted); font-style: italic; margin-left: 0.5em; }
.fl-json-raw { white-space: pre-wrap; margin: 0; }
`);

// Python's json.dumps writes NaN and Infinity, which JSON.parse rejects: keep them as tagged strings.
const SPECIAL = "\u0000";
const TOKENS = /"(?:\\.|[^"\\])*"|-?Infinity|NaN/g;

function parse(body: string): { value: Json } | undefined {
  try {
    return { value: JSON.parse(body) as Json };
  } catch {
    try {
      const tolerant = body.replace(TOKENS, (token) => (token.startsWith('"') ? token : JSON.stringify(SPECIAL + token)));
      return { value: JSON.parse(tolerant) as Json };
    } catch {
      return undefined;
    }
  }
}

function Scalar({ value }: { value: Json }) {
  if (value === null) return <span className="fl-json-null">null</span>;
  if (typeof value === "string") {
    if (value.startsWith(SPECIAL)) return <span className="fl-json-number">{value.slice(1)}</span>;
    return <span className="fl-json-string">{JSON.stringify(value)}</span>;
  }
  return <span className={`fl-json-${typeof value}`}>{String(value)}</span>;
}

function Label({ name }: { name?: string | number }) {
  if (name === undefined) return null;
  return <><span className="fl-json-key">{typeof name === "number" ? name : JSON.stringify(name)}</span>: </>;
}

function Tree({ value, name, depth, openDepth }: { value: Json; name?: string | number; depth: number; openDepth: number }): ReactNode {
  if (value === null || typeof value !== "object") {
    return <div className="fl-json-leaf"><Label name={name} /><Scalar value={value} /></div>;
  }
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    return <div className="fl-json-leaf"><Label name={name} />{open}{close}</div>;
  }
  return (
    <details open={depth < openDepth}>
      <summary>
        <Label name={name} />{open}
        <span className="fl-json-count">{entries.length} {entries.length === 1 ? "item" : "items"}</span>
      </summary>
      <div className="fl-json-children">
        {entries.map(([key, child]) => <Tree key={key} value={child} name={key} depth={depth + 1} openDepth={openDepth} />)}
      </div>
      <div>{close}</div>
    </details>
  );
}

export default function JsonElement({ props }: ElementProps<JsonProps>) {
  const parsed = useMemo(() => parse(props.body), [props.body]);
  const openDepth = props.expanded === false ? 0 : props.max_expand_depth ?? Infinity;
  return (
    <div className="fl-json" {...testId("stJson")} style={{ width: props.width ? `${props.width}px` : undefined }}>
      {parsed === undefined
        ? <pre className="fl-json-raw">{props.body}</pre>
        : <Tree value={parsed.value} depth={0} openDepth={openDepth} />}
    </div>
  );
}
