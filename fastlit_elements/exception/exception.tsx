// Renders st.exception and uncaught script errors; the traceback arrives only in --dev mode.
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId } from "@fastlit/component-sdk";
import { Markdown } from "../markdown/_render";

interface ExceptionProps {
  exc_type: string;
  message: string;
  stack_trace?: string[];
  is_markdown?: boolean;
  is_warning?: boolean;
  width?: number;
}

injectStyle("exception", `
.fl-exception { border-radius: var(--fl-radius); padding: 1rem; background: rgba(255, 43, 43, 0.09); color: rgb(125, 53, 59); max-width: 100%; overflow-wrap: anywhere; }
.fl-exception[data-warning="true"] { background: rgba(255, 227, 18, 0.1); color: rgb(146, 108, 5); }
:root[data-fl-theme="dark"] .fl-exception { background: rgba(255, 108, 108, 0.2); color: rgb(255, 222, 222); }
:root[data-fl-theme="dark"] .fl-exception[data-warning="true"] { background: rgba(255, 227, 18, 0.2); color: rgb(255, 255, 194); }
:root[data-fl-theme="dark"] .fl-exception-trace pre { background: rgba(0, 0, 0, 0.3); }
.fl-exception-text { white-space: pre-wrap; }
.fl-exception-message > div > :first-child { margin-top: 0; }
.fl-exception-message > div > :last-child { margin-bottom: 0; }
.fl-exception-type { font-weight: 600; }
.fl-exception-trace { margin: 0.75rem 0 0; }
.fl-exception-trace summary { cursor: pointer; font-size: 0.875rem; }
.fl-exception-trace pre { margin: 0.5rem 0 0; padding: 0.75rem; background: rgba(255, 255, 255, 0.6); border-radius: 0.25rem;
  font-family: var(--fl-mono); font-size: 0.8rem; overflow-x: auto; white-space: pre; color: var(--fl-text); }
`);

export default function ExceptionElement({ props }: ElementProps<ExceptionProps>) {
  const trace = props.stack_trace ?? [];
  return (
    <div {...testId("stException")} style={{ width: props.width ? `${props.width}px` : undefined }}>
      <div className="fl-exception" data-warning={props.is_warning ? "true" : undefined} role="alert" {...testId("stAlertContainer")}>
        <div className="fl-exception-message" {...testId("stExceptionMessage")}>
          <span className="fl-exception-type">{props.exc_type}{props.message ? ": " : ""}</span>
          {props.is_markdown ? <Markdown body={props.message} /> : <span className="fl-exception-text">{props.message}</span>}
        </div>
        {trace.length > 0 && (
          <details className="fl-exception-trace" open>
            <summary>Traceback</summary>
            <pre {...testId("stExceptionTraceback")}>{trace.join("\n")}</pre>
          </details>
        )}
      </div>
    </div>
  );
}
