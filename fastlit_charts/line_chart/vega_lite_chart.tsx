// Renders "vega_lite_chart" nodes (st.line_chart for now) with vega-embed.
// Vega is bundled here only, so pages without charts never download it.
import { useEffect, useRef, useState } from "react";
import embed from "vega-embed";
import type { Result, VisualizationSpec } from "vega-embed";
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId } from "@fastlit/component-sdk";

type Json = Record<string, unknown>;

interface ChartProps {
  spec: Json;
  data?: Json[];
  command?: string;
  width?: number | "content";
  height?: number | "stretch";
  alt?: string;
}

const DATASET = "fastlit_data";
const DEFAULT_HEIGHT = 350;

/** Streamlit's built-in colour names, resolved in the browser (light theme). */
const NAMED_COLORS: Record<string, string> = {
  red: "#ff2b2b", orange: "#ffa421", yellow: "#faca2b", green: "#21c354", blue: "#1c83e1",
  violet: "#803df5", gray: "#a3a8b8", grey: "#a3a8b8", primary: "#ff4b4b",
};

const THEME: Json = {
  font: '"Source Sans Pro", system-ui, sans-serif',
  background: "transparent",
  range: {
    category: ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700", "#ffd16a", "#6d3fc0", "#d5dae5"],
  },
  axis: {
    labelColor: "#808495", titleColor: "#31333f", gridColor: "#e6eaf1", domain: false, ticks: false,
    labelFontSize: 12, titleFontSize: 12, titleFontWeight: "normal", labelPadding: 8, titlePadding: 12,
  },
  legend: { labelColor: "#31333f", titleColor: "#31333f", labelFontSize: 12, titleFontSize: 12, titleFontWeight: "normal" },
  view: { stroke: null },
  line: { strokeWidth: 2 },
};

injectStyle("vega_lite_chart", `
.fl-vega-chart { width: 100%; min-width: 0; }
.fl-vega-chart .vega-embed { display: block; width: 100%; }
.fl-vega-chart .vega-embed summary { display: none; }
`);

function resolveColor(value: unknown): unknown {
  return typeof value === "string" ? NAMED_COLORS[value.toLowerCase()] ?? value : value;
}

function withNamedColors(encoding: unknown): unknown {
  if (typeof encoding !== "object" || encoding === null || !("color" in encoding)) return encoding;
  const color = (encoding as Json).color as Json;
  const scale = color.scale as Json | undefined;
  const next: Json = { ...color };
  if ("value" in color) next.value = resolveColor(color.value);
  if (scale && Array.isArray(scale.range)) next.scale = { ...scale, range: scale.range.map(resolveColor) };
  return { ...(encoding as Json), color: next };
}

/** The spec vega-embed gets: data inline, sizes applied, theme merged under the spec's config. */
function buildSpec(props: ChartProps): VisualizationSpec {
  const spec: Json = { ...props.spec, data: { name: DATASET }, datasets: { [DATASET]: props.data ?? [] } };
  if (props.width === undefined) spec.width = "container";
  else if (props.width === "content" && !spec.width) delete spec.width;
  if (typeof props.height !== "number" && !spec.height) spec.height = DEFAULT_HEIGHT;
  spec.config = { ...THEME, ...((spec.config as Json | undefined) ?? {}) };
  if (props.alt !== undefined) spec.description = props.alt;
  if (spec.encoding) spec.encoding = withNamedColors(spec.encoding);
  if (Array.isArray(spec.layer)) {
    spec.layer = spec.layer.map((layer: Json) => (layer.encoding ? { ...layer, encoding: withNamedColors(layer.encoding) } : layer));
  }
  return spec as unknown as VisualizationSpec;
}

export default function VegaLiteChart({ props }: ElementProps<ChartProps>) {
  const target = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const element = target.current;
    if (element === null) return;
    let cancelled = false;
    let result: Result | null = null;
    embed(element, buildSpec(props), { actions: false, renderer: "svg", mode: "vega-lite" })
      .then((embedded) => {
        if (cancelled) embedded.finalize();
        else { result = embedded; setError(null); }
      })
      .catch((reason: unknown) => {
        if (!cancelled) setError(reason instanceof Error ? reason.message : String(reason));
      });
    return () => {
      cancelled = true;
      result?.finalize();
    };
    // Props are replaced (never mutated) when they change, so identity is enough here.
  }, [props.spec, props.data, props.width, props.height, props.alt]);
  const width = typeof props.width === "number" ? `${props.width}px` : props.width === "content" ? "fit-content" : undefined;
  return (
    <div className="fl-vega-chart stVegaLiteChart" style={{ width, maxWidth: "100%" }} {...testId("stVegaLiteChart")}>
      {error !== null && <div className="fl-error" role="alert">This chart failed to render: {error}</div>}
      <div ref={target} />
    </div>
  );
}
