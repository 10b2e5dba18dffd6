// Renders components.v1.html (srcdoc) and components.v1.iframe (src) as Streamlit does:
// a sandboxed iframe, stretched to the column unless given a width, 150px high by default.
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId } from "@fastlit/component-sdk";
import { IFRAME_ALLOW, IFRAME_SANDBOX } from "./_iframe";

interface IFrameProps {
  src?: string;
  srcdoc?: string;
  width?: number;
  height?: number;
  scrolling?: boolean;
  tab_index?: number;
}

injectStyle("iframe", `
.stIFrame { display: block; border: none; padding: 0; margin: 0; color-scheme: normal; max-width: 100%; }
`);

export default function IFrame({ props }: ElementProps<IFrameProps>) {
  const width = typeof props.width === "number" ? `${props.width}px` : "100%";
  const height = typeof props.height === "number" ? `${props.height}px` : "150px";
  return (
    <iframe
      className="stIFrame"
      {...testId("stIFrame")}
      allow={IFRAME_ALLOW}
      sandbox={IFRAME_SANDBOX}
      src={props.srcdoc === undefined ? props.src : undefined}
      srcDoc={props.srcdoc}
      scrolling={props.scrolling ? "auto" : "no"}
      title="st.iframe"
      tabIndex={props.tab_index}
      style={{ width, height, overflow: props.scrolling ? undefined : "hidden" }}
    />
  );
}
