// Renders an unfilled st.empty placeholder: present in the DOM, taking no space.
import type { ElementProps } from "@fastlit/component-sdk";
import { testId } from "@fastlit/component-sdk";

export default function Empty(_: ElementProps) {
  return <div className="stEmpty" style={{ display: "none" }} {...testId("stEmpty")} />;
}
