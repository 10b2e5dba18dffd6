// Renders st.markdown and st.caption.
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId } from "@fastlit/component-sdk";
import { Markdown } from "./_render";

interface MarkdownProps {
  body: string;
  unsafe_allow_html?: boolean;
  help?: string;
  text_alignment?: string;
}

injectStyle("markdown", `
.fl-markdown > div > :first-child { margin-top: 0; }
.fl-markdown > div > :last-child { margin-bottom: 0; }
.fl-markdown code { font-family: var(--fl-mono); font-size: 0.875em; background: var(--fl-bg2); padding: 0.1em 0.25em; border-radius: 0.25rem; }
.fl-markdown pre { background: var(--fl-bg2); padding: 1rem; border-radius: var(--fl-radius); overflow-x: auto; }
.fl-markdown pre code { background: none; padding: 0; }
.fl-markdown table { border-collapse: collapse; }
.fl-markdown th, .fl-markdown td { border: 1px solid var(--fl-border); padding: 0.25rem 0.5rem; }
.fl-caption { font-size: 0.875rem; color: var(--fl-muted); }
`);

export default function MarkdownElement({ type, props }: ElementProps<MarkdownProps>) {
  const caption = type === "caption";
  return (
    <div
      className={caption ? "fl-markdown fl-caption" : "fl-markdown"}
      {...testId(caption ? "stCaptionContainer" : "stMarkdown")}
      title={props.help}
      style={{ textAlign: props.text_alignment as "left" | "center" | "right" | undefined }}
    >
      <div data-testid="stMarkdownContainer">
        <Markdown body={props.body} allowHtml={props.unsafe_allow_html} />
      </div>
    </div>
  );
}
