// Renders st.code: a plain <pre><code class="language-x"> (no highlighter) with a copy button.
import { Fragment, useState } from "react";
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId } from "@fastlit/component-sdk";

interface CodeProps {
  body: string;
  language?: string;
  line_numbers?: boolean;
  wrap_lines?: boolean;
  height?: "stretch" | number;
  width?: "content" | "stretch" | number;
}

injectStyle("code", `
.fl-code { position: relative; background: var(--fl-bg2); border-radius: var(--fl-radius); max-width: 100%; }
.fl-code pre { margin: 0; padding: 1rem 2.75rem 1rem 1rem; overflow: auto; font-family: var(--fl-mono); font-size: 0.875rem; line-height: 1.5; }
.fl-code code { font-family: inherit; white-space: pre; display: block; }
.fl-code[data-wrap="true"] code { white-space: pre-wrap; overflow-wrap: anywhere; }
.fl-code-line[data-n]::before { content: attr(data-n); display: inline-block; min-width: var(--fl-gutter); margin-right: 1rem;
  text-align: right; color: var(--fl-muted); user-select: none; }
.fl-code-copy { position: absolute; top: 0.5rem; right: 0.5rem; padding: 0.15rem 0.4rem; font: inherit; font-size: 0.75rem;
  border: 1px solid var(--fl-border); border-radius: 0.25rem; background: var(--fl-bg); color: var(--fl-text); cursor: pointer; opacity: 0; }
.fl-code:hover .fl-code-copy, .fl-code-copy:focus-visible { opacity: 1; }
.fl-code-copy:focus-visible { outline: 2px solid var(--fl-primary); }
`);

function cssSize(size: "content" | "stretch" | number | undefined): string | undefined {
  if (size === "stretch") return "100%";
  if (typeof size === "number") return `${size}px`;
  return size === "content" ? "fit-content" : undefined;
}

export default function Code({ props }: ElementProps<CodeProps>) {
  const [copied, setCopied] = useState(false);
  const language = props.language ?? "python";
  const lines = props.body.split("\n");
  const copy = () => {
    void navigator.clipboard?.writeText(props.body).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    }, () => undefined);
  };
  return (
    <div
      className="fl-code"
      {...testId("stCode")}
      data-wrap={props.wrap_lines ? "true" : undefined}
      style={{ width: cssSize(props.width ?? "stretch"), height: cssSize(props.height) }}
    >
      <pre style={{ height: props.height !== undefined ? "100%" : undefined }}>
        <code className={`language-${language}`} style={{ ["--fl-gutter" as string]: `${String(lines.length).length}ch` }}>
          {props.line_numbers
            ? lines.map((line, i) => <Fragment key={i}>{i > 0 && "\n"}<span className="fl-code-line" data-n={i + 1}>{line}</span></Fragment>)
            : props.body}
        </code>
      </pre>
      <button type="button" className="fl-code-copy" {...testId("stCodeCopyButton")} onClick={copy}
        aria-label="Copy to clipboard" title="Copy to clipboard">{copied ? "Copied" : "Copy"}</button>
    </div>
  );
}
