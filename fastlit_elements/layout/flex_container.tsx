// Renders "flex_container" nodes: st.container (vertical or horizontal) and the st.columns row.
import { Children, useEffect, useRef } from "react";
import type { CSSProperties } from "react";
import type { ElementProps } from "@fastlit/component-sdk";
import { testId } from "@fastlit/component-sdk";
import { align, gapCss, justify, sizeCss } from "./_layout";
import type { Gap, Size } from "./_layout";

interface FlexProps {
  horizontal?: boolean;
  kind?: "columns";
  gap?: Gap;
  border?: boolean;
  width?: Size;
  height?: Size;
  wrap?: boolean;
  horizontal_alignment?: string;
  vertical_alignment?: string;
  key?: string;
  autoscroll?: boolean;
}

export default function FlexContainer({ props, children }: ElementProps<FlexProps>) {
  const horizontal = props.horizontal === true;
  const fixedHeight = typeof props.height === "number";
  const ref = useRef<HTMLDivElement>(null);
  const count = Children.count(children);
  useEffect(() => {
    const el = ref.current;
    if (props.autoscroll && el !== null) el.scrollTop = el.scrollHeight;
  }, [props.autoscroll, count, children]);
  const classes = [
    "fl-flex", horizontal ? "fl-flex-row" : "fl-flex-col",
    props.kind === "columns" ? "fl-columns" : "",
    props.wrap === false ? "fl-nowrap" : "",
    props.border ? "fl-bordered" : "",
    fixedHeight ? "fl-scroll" : "",
    // Like Streamlit, an empty container without a border or a height takes no space.
    count === 0 && !props.border && !fixedHeight ? "fl-flex-hidden" : "",
    props.key ? `st-key-${props.key}` : "",
  ];
  const style: CSSProperties = {
    gap: gapCss(props.gap),
    width: sizeCss(props.width),
    maxWidth: typeof props.width === "number" ? "100%" : undefined,
    height: fixedHeight ? `${props.height as number}px` : props.height === "stretch" ? "100%" : undefined,
    flexGrow: props.height === "stretch" ? 1 : undefined,
    justifyContent: justify(horizontal ? props.horizontal_alignment : props.vertical_alignment),
    alignItems: props.kind === "columns" ? undefined
      : align(horizontal ? props.vertical_alignment : props.horizontal_alignment, horizontal),
  };
  return (
    <div
      ref={ref}
      className={classes.filter(Boolean).join(" ")}
      style={style}
      {...testId(horizontal ? "stHorizontalBlock" : "stVerticalBlock")}
    >
      {children}
    </div>
  );
}
