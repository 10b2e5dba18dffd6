// Renders st.checkbox: a native checkbox inside its label, so clicking the text toggles it.
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId, useWidgetValue } from "@fastlit/component-sdk";
import { Markdown } from "../markdown/_render";
import { HelpIcon, widthStyle } from "../_widgets/widget";
import type { LabelVisibility } from "../_widgets/widget";

interface CheckboxProps {
  label: string;
  value: boolean;
  help?: string;
  disabled?: boolean;
  label_visibility?: LabelVisibility;
  width?: "stretch" | "content" | number;
  wrap?: boolean;
}

injectStyle("checkbox", `
.fl-checkbox { display: flex; align-items: flex-start; gap: 0.375rem; min-height: 1.5rem; }
.fl-checkbox label { display: inline-flex; align-items: flex-start; gap: 0.5rem; cursor: pointer; line-height: 1.5; }
.fl-checkbox input { width: 1rem; height: 1rem; margin: 0.25rem 0 0; flex: none; accent-color: var(--fl-primary); cursor: inherit; }
.fl-checkbox input:focus-visible { outline: 2px solid var(--fl-primary); outline-offset: 2px; }
.fl-checkbox p { margin: 0; }
.fl-checkbox [data-disabled="true"] { cursor: not-allowed; opacity: 0.4; }
.fl-checkbox-text[data-visibility="hidden"] { visibility: hidden; }
.fl-checkbox-text[data-visibility="collapsed"] { display: none; }
.fl-checkbox-text[data-wrap="false"] { white-space: nowrap; }
`);

export default function Checkbox({ id, props }: ElementProps<CheckboxProps>) {
  const [checked, commit] = useWidgetValue(id, Boolean(props.value));
  const visibility = props.label_visibility ?? "visible";
  return (
    <div className="stCheckbox fl-checkbox" {...testId("stCheckbox")} style={widthStyle(props.width, "content")}>
      <label data-disabled={props.disabled ? "true" : undefined}>
        <input
          type="checkbox"
          checked={checked}
          disabled={props.disabled}
          // A hidden label is no name for screen readers; give the input its own.
          aria-label={visibility === "visible" ? undefined : props.label}
          onChange={(event) => commit(event.currentTarget.checked)}
        />
        <span
          className="fl-checkbox-text"
          data-testid="stWidgetLabel"
          data-visibility={visibility}
          data-wrap={props.wrap === false ? "false" : undefined}
        >
          <Markdown body={props.label} inline />
        </span>
      </label>
      {props.help ? <HelpIcon help={props.help} /> : null}
    </div>
  );
}
