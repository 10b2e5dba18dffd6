// Renders st.title / st.header / st.subheader (node types of the same names).
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId } from "@fastlit/component-sdk";
import { Markdown } from "../markdown/_render";

interface HeadingProps {
  body: string;
  level: 1 | 2 | 3;
  anchor?: string | false;
  help?: string;
  divider?: string;
  icon?: string;
  text_alignment?: string;
  wrap?: boolean;
}

injectStyle("heading", `
.fl-heading h1 { font-size: 2.75rem; font-weight: 700; margin: 0; padding: 1.25rem 0 1rem; line-height: 1.2; }
.fl-heading h2 { font-size: 2.25rem; font-weight: 600; margin: 0; padding: 1rem 0; line-height: 1.2; }
.fl-heading h3 { font-size: 1.75rem; font-weight: 600; margin: 0; padding: 0.5rem 0 1rem; line-height: 1.2; }
.fl-heading hr { border: none; height: 2px; margin: 0 0 0.5rem; }
`);

const DIVIDERS: Record<string, string> = {
  blue: "#1c83e1", green: "#21c354", orange: "#ffa421", red: "#ff2b2b", violet: "#803df5",
  yellow: "#ffe312", gray: "#a3a8b8", grey: "#a3a8b8", auto: "#1c83e1",
  rainbow: "linear-gradient(to right, #ff4b4b, #ffa421, #ffe312, #21c354, #1c83e1, #803df5)",
};

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-");
}

export default function Heading({ props }: ElementProps<HeadingProps>) {
  const style = { textAlign: props.text_alignment as "left" | "center" | "right" | undefined, whiteSpace: props.wrap === false ? ("nowrap" as const) : undefined };
  const Tag = (`h${props.level}`) as "h1" | "h2" | "h3";
  const anchor = props.anchor === false ? undefined : (props.anchor || slug(props.body));
  return (
    <div className="fl-heading" {...testId("stHeading")} title={props.help}>
      <Tag id={anchor} style={style}>{props.icon ? `${props.icon} ` : ""}<Markdown body={props.body} inline /></Tag>
      {props.divider && <hr style={{ background: DIVIDERS[props.divider] ?? props.divider }} />}
    </div>
  );
}
