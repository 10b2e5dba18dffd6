// Renders st.text: monospace, whitespace kept, never parsed as Markdown or HTML.
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId } from "@fastlit/component-sdk";

interface TextProps {
  body: string;
  help?: string;
  width?: "content" | "stretch" | number;
  text_alignment?: "left" | "center" | "right" | "justify";
  wrap?: boolean;
}

injectStyle("text", `
.fl-text { font-family: var(--fl-mono); font-size: 0.875rem; white-space: pre-wrap; overflow-wrap: anywhere; max-width: 100%; }
.fl-text[data-wrap="false"] { white-space: pre; overflow-x: auto; }
`);

function cssWidth(width: "content" | "stretch" | number | undefined, content = "fit-content"): string | undefined {
  if (width === "stretch") return "100%";
  if (typeof width === "number") return `${width}px`;
  return width === "content" ? content : undefined;
}

export default function Text({ props }: ElementProps<TextProps>) {
  return (
    <div
      className="fl-text"
      {...testId("stText")}
      data-wrap={props.wrap === false ? "false" : undefined}
      title={props.help}
      style={{ width: cssWidth(props.width ?? "content"), textAlign: props.text_alignment }}
    >
      {props.body}
    </div>
  );
}
