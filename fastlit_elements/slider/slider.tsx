// Renders st.slider: one or two WAI-ARIA slider thumbs on a track, formatted like Streamlit.
import { useRef } from "react";
import type { KeyboardEvent, PointerEvent } from "react";
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId, useWidgetValue } from "@fastlit/component-sdk";
import { WidgetLabel, widthStyle } from "../_widgets/widget";
import type { LabelVisibility } from "../_widgets/widget";
import { formatValue } from "./_format";
import type { DataType } from "./_format";

interface SliderProps {
  label: string;
  value: number[];
  min: number;
  max: number;
  step: number;
  data_type?: DataType;
  format?: string;
  help?: string;
  disabled?: boolean;
  label_visibility?: LabelVisibility;
  width?: "stretch" | number;
}

const KEY_THROTTLE_MS = 120; // a press is sent at once; held-key repeats at most this often
const PAGE_STEPS = 10;

injectStyle("slider", `
.fl-slider { padding: 0 0.5rem; }
.fl-slider .fl-widget-label { margin-left: -0.5rem; }
.fl-slider-rail { position: relative; height: 1rem; margin-top: 1.75rem; cursor: pointer; touch-action: none; }
.fl-slider-rail[data-disabled="true"] { cursor: not-allowed; opacity: 0.5; }
.fl-slider-track { position: absolute; left: 0; right: 0; top: 50%; height: 4px; margin-top: -2px; border-radius: 2px; background: var(--fl-bg2); }
.fl-slider-fill { position: absolute; top: 0; bottom: 0; border-radius: 2px; background: var(--fl-primary); }
.fl-slider-thumb { position: absolute; top: 50%; width: 0.75rem; height: 0.75rem; margin: -0.375rem 0 0 -0.375rem; border-radius: 50%;
  background: var(--fl-primary); outline: none; }
.fl-slider-thumb:focus-visible { box-shadow: 0 0 0 0.2rem color-mix(in srgb, var(--fl-primary) 50%, transparent); }
.fl-slider-value { position: absolute; bottom: 100%; left: 50%; transform: translateX(-50%); margin-bottom: 0.125rem; white-space: nowrap;
  font-family: var(--fl-mono); font-size: 0.875rem; color: var(--fl-primary); pointer-events: none; }
.fl-slider-ticks { display: flex; justify-content: space-between; gap: 1rem; margin-top: 0.25rem; font-family: var(--fl-mono);
  font-size: 0.875rem; color: var(--fl-muted); }
`);

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Decimal places of a number, for rounding away float noise (0.1 + 0.2). */
function decimals(value: number): number {
  const [mantissa, exponent] = String(value).split("e");
  const places = mantissa.split(".")[1]?.length ?? 0;
  return Math.max(0, places - Number(exponent ?? 0));
}

export default function Slider({ id, props }: ElementProps<SliderProps>) {
  const { min, max, step } = props;
  const dataType = props.data_type ?? "int";
  const [values, commit, setLocal] = useWidgetValue<number[]>(id, props.value);
  const current = useRef(values);
  current.current = values;
  const rail = useRef<HTMLDivElement>(null);
  const thumbs = useRef<(HTMLDivElement | null)[]>([]);
  const dragging = useRef<number | null>(null);
  const places = Math.min(15, Math.max(decimals(step), decimals(min)));
  const tidy = (value: number) => Number(value.toFixed(places));
  const format = (value: number) => formatValue(value, dataType, props.format);
  const range = values.length === 2;
  const bounds = (index: number): [number, number] =>
    [range && index === 1 ? current.current[0] : min, range && index === 0 ? current.current[1] : max];

  const moved = (index: number, value: number): number[] | null => {
    const [low, high] = bounds(index);
    const next = [...current.current];
    next[index] = clamp(tidy(value), low, high);
    return next[index] === current.current[index] ? null : next;
  };

  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLDivElement>) => {
    if (props.disabled) return;
    const value = current.current[index];
    const [low, high] = bounds(index);
    const target: Record<string, number> = {
      ArrowRight: value + step, ArrowUp: value + step, ArrowLeft: value - step, ArrowDown: value - step,
      PageUp: value + PAGE_STEPS * step, PageDown: value - PAGE_STEPS * step, Home: low, End: high,
    };
    if (!(event.key in target)) return;
    event.preventDefault();
    const next = moved(index, target[event.key]);
    if (next !== null) commit(next, { throttleMs: KEY_THROTTLE_MS });
  };

  const valueAt = (clientX: number): number => {
    const box = rail.current!.getBoundingClientRect();
    const fraction = box.width > 0 ? clamp((clientX - box.left) / box.width, 0, 1) : 0;
    const raw = min + fraction * (max - min);
    return min + Math.round((raw - min) / step) * step;
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (props.disabled || event.button !== 0) return;
    event.preventDefault();
    const value = valueAt(event.clientX);
    const [first, second] = current.current;
    // The nearer thumb moves; on a tie (stacked thumbs) the one on the pointer's side.
    const index = range && (Math.abs(value - second) < Math.abs(value - first) || (first === second && value > second)) ? 1 : 0;
    dragging.current = index;
    event.currentTarget.setPointerCapture(event.pointerId);
    thumbs.current[index]?.focus();
    const next = moved(index, value);
    if (next !== null) setLocal(next);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging.current === null) return;
    const next = moved(dragging.current, valueAt(event.clientX));
    if (next !== null) setLocal(next);
  };

  const onPointerUp = () => {
    if (dragging.current === null) return;
    dragging.current = null;
    const next = current.current;
    if (next.some((value, i) => value !== props.value[i])) commit(next);
  };

  const percent = (value: number) => (max > min ? ((value - min) / (max - min)) * 100 : 0);
  const fillStart = range ? percent(values[0]) : 0;
  const fillEnd = percent(values[values.length - 1]);
  return (
    <div className="stSlider fl-slider" {...testId("stSlider")} style={widthStyle(props.width, "stretch")}>
      <WidgetLabel label={props.label} help={props.help} visibility={props.label_visibility} disabled={props.disabled} />
      <div
        ref={rail}
        className="fl-slider-rail"
        data-disabled={props.disabled ? "true" : undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onLostPointerCapture={onPointerUp}
      >
        <div className="fl-slider-track" data-testid="stSliderTrack">
          <div className="fl-slider-fill" style={{ left: `${fillStart}%`, width: `${fillEnd - fillStart}%` }} />
        </div>
        {values.map((value, index) => {
          const [low, high] = range ? [index === 1 ? values[0] : min, index === 0 ? values[1] : max] : [min, max];
          const text = format(value);
          return (
            <div
              key={index}
              ref={(node) => { thumbs.current[index] = node; }}
              className="fl-slider-thumb"
              role="slider"
              tabIndex={props.disabled ? -1 : 0}
              aria-label={props.label}
              aria-valuemin={low}
              aria-valuemax={high}
              aria-valuenow={value}
              aria-valuetext={text}
              aria-orientation="horizontal"
              aria-disabled={props.disabled ? true : undefined}
              style={{ left: `${percent(value)}%` }}
              onKeyDown={onKeyDown(index)}
            >
              <div className="fl-slider-value" data-testid="stSliderThumbValue">{text}</div>
            </div>
          );
        })}
      </div>
      <div className="fl-slider-ticks" data-testid="stSliderTickBar">
        <div data-testid="stSliderTickBarMin">{format(min)}</div>
        <div data-testid="stSliderTickBarMax">{format(max)}</div>
      </div>
    </div>
  );
}
