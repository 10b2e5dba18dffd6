// Renders st.dataframe (basic): a static, scrollable table of the rows Python sent.
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId } from "@fastlit/component-sdk";

type Cell = null | boolean | number | string | Cell[] | { [key: string]: Cell };
type Label = string | number | boolean | null | Label[];

interface DataframeProps {
  columns: Label[];
  dtypes?: string[];
  rows: Cell[][];
  index?: Label[];
  index_name?: Label;
  total_rows?: number;
  hide_index?: boolean;
  width?: "stretch" | "content" | number;
  height?: "auto" | "stretch" | "content" | number;
  row_height?: number;
  placeholder?: string;
  alt?: string;
}

injectStyle("dataframe", `
.fl-dataframe { max-width: 100%; }
.fl-dataframe-scroll { overflow: auto; max-height: 400px; border: 1px solid var(--fl-border); border-radius: var(--fl-radius); }
.fl-dataframe table { border-collapse: separate; border-spacing: 0; font-size: 0.875rem; min-width: 100%; }
.fl-dataframe th, .fl-dataframe td { padding: 0 0.5rem; height: var(--fl-row-height, 35px); border-right: 1px solid var(--fl-border);
  border-bottom: 1px solid var(--fl-border); white-space: nowrap; max-width: 24rem; overflow: hidden; text-overflow: ellipsis; }
.fl-dataframe thead th { position: sticky; top: 0; background: var(--fl-bg2); font-weight: 400; color: var(--fl-muted); text-align: left; z-index: 1; }
.fl-dataframe tbody th { background: var(--fl-bg2); font-weight: 400; color: var(--fl-muted); text-align: left; position: sticky; left: 0; }
.fl-dataframe td[data-kind="number"] { text-align: right; font-variant-numeric: tabular-nums; }
.fl-dataframe td[data-missing] { color: var(--fl-muted); }
.fl-dataframe-footer { font-size: 0.8rem; color: var(--fl-muted); margin-top: 0.25rem; }
`);

function label(value: Label): string {
  if (value === null) return "";
  return Array.isArray(value) ? value.map(label).join(" / ") : String(value);
}

function format(value: Cell, placeholder: string): string {
  if (value === null) return placeholder;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function isNumeric(dtype: string | undefined): boolean {
  return dtype !== undefined && /^(u?int|float|Int|UInt|Float)/.test(dtype);
}

function size(value: string | number | undefined, auto: string | undefined): string | undefined {
  if (typeof value === "number") return `${value}px`;
  if (value === "stretch") return "100%";
  if (value === "content") return "fit-content";
  return auto;
}

export default function Dataframe({ props }: ElementProps<DataframeProps>) {
  const showIndex = props.hide_index !== true;
  const placeholder = props.placeholder ?? "None";
  const index = props.index ?? props.rows.map((_, i) => i);
  const shown = props.rows.length;
  const style = { ["--fl-row-height" as string]: props.row_height ? `${props.row_height}px` : undefined };
  return (
    <div className="fl-dataframe" {...testId("stDataFrame")} style={{ width: size(props.width, "100%") }}>
      <div
        className="fl-dataframe-scroll"
        role="region"
        tabIndex={0}
        aria-label={props.alt ?? "Data table"}
        style={{ ...style, height: size(props.height, undefined), maxHeight: props.height === undefined || props.height === "auto" ? undefined : "none" }}
      >
        <table>
          <thead>
            <tr>
              {showIndex && <th scope="col">{props.index_name === undefined ? "" : label(props.index_name)}</th>}
              {props.columns.map((column, i) => <th key={i} scope="col">{label(column)}</th>)}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row, r) => (
              <tr key={r}>
                {showIndex && <th scope="row">{label(index[r] ?? r)}</th>}
                {row.map((value, c) => (
                  <td key={c} data-kind={isNumeric(props.dtypes?.[c]) ? "number" : undefined} data-missing={value === null ? "" : undefined}>
                    {format(value, placeholder)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.total_rows !== undefined && (
        <div className="fl-dataframe-footer" {...testId("stDataFrameFooter")}>
          Showing {shown} of {props.total_rows} rows
        </div>
      )}
    </div>
  );
}
