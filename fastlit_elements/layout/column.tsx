// Renders one "column" of st.columns: its weight is its flex-grow; it stacks on narrow screens.
import type { CSSProperties } from "react";
import type { ElementProps } from "@fastlit/component-sdk";
import { testId } from "@fastlit/component-sdk";
import { justify } from "./_layout";

interface ColumnProps {
  weight: number;
  vertical_alignment?: "top" | "center" | "bottom";
  border?: boolean;
}

export default function Column({ props, children }: ElementProps<ColumnProps>) {
  const style = {
    "--fl-col-weight": String(props.weight),
    justifyContent: justify(props.vertical_alignment),
  } as CSSProperties;
  return (
    <div className={props.border ? "fl-column fl-bordered" : "fl-column"} style={style} {...testId("stColumn")}>
      <div className="fl-flex fl-flex-col fl-vertical-block" {...testId("stVerticalBlock")}>{children}</div>
    </div>
  );
}
