// Renders st.text_input: edits stay local until Enter or blur (or a typing pause with `live`).
import { useContext, useEffect, useId, useMemo, useRef, useState } from "react";
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId, useWidgetValue } from "@fastlit/component-sdk";
import { WidgetLabel, widthStyle } from "../_widgets/widget";
import type { LabelVisibility } from "../_widgets/widget";
import { FormContext } from "../form/_context";

type InputType = "default" | "password" | "email" | "url" | "phone" | "search";

interface TextInputProps {
  label: string;
  value: string | null;
  type?: InputType;
  max_chars?: number;
  placeholder?: string;
  autocomplete?: string;
  icon?: string;
  validate?: string;
  validate_message?: string;
  live?: number;
  required?: boolean;
  help?: string;
  disabled?: boolean;
  label_visibility?: LabelVisibility;
  width?: "stretch" | number;
}

const HTML_TYPES: Record<InputType, string> = {
  default: "text", password: "password", email: "email", url: "url", phone: "tel", search: "search",
};

injectStyle("text_input", `
.fl-text-input-root { display: flex; align-items: center; min-height: 2.5rem; border: 1px solid var(--fl-border); border-radius: var(--fl-radius);
  background: var(--fl-bg2); color: var(--fl-text); }
.fl-text-input-root:focus-within { border-color: var(--fl-primary); }
.fl-text-input-root[data-invalid="true"] { border-color: #ff2b2b; }
.fl-text-input-root[data-disabled="true"] { opacity: 0.4; cursor: not-allowed; }
.fl-text-input-root input { flex: 1; min-width: 0; height: 2.5rem; padding: 0 0.75rem; border: none; outline: none; background: none;
  color: inherit; font: inherit; }
.fl-text-input-root input:disabled { cursor: not-allowed; }
.fl-text-input-root input[type="search"]::-webkit-search-cancel-button { display: none; }
.fl-text-input-icon { padding-left: 0.75rem; }
.fl-text-input-root button { border: none; background: none; color: var(--fl-muted); cursor: pointer; padding: 0 0.75rem; height: 2.5rem; font: inherit; }
.fl-text-input-root button:focus-visible { outline: 2px solid var(--fl-primary); }
.fl-text-input-footer { display: flex; justify-content: space-between; gap: 0.5rem; min-height: 1rem; font-size: 0.75rem; color: var(--fl-muted); }
.fl-text-input-footer:empty { display: none; }
.fl-text-input-error { color: #ff2b2b; }
`);

function compile(pattern: string | undefined): RegExp | string | undefined {
  if (!pattern) return undefined;
  try {
    return new RegExp(pattern, "us");
  } catch (error) {
    return `Invalid validate regex: ${pattern}. Error: ${String(error)}`;
  }
}

export default function TextInput({ id, props }: ElementProps<TextInputProps>) {
  const [committed, commit] = useWidgetValue<string | null>(id, props.value ?? null);
  // The text being edited; null when the user has not changed the committed value.
  const [draft, setDraft] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [reveal, setReveal] = useState(false);
  const liveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inputId = useId();
  const rule = useMemo(() => compile(props.validate), [props.validate]);
  const maxChars = props.max_chars && props.max_chars > 0 ? props.max_chars : undefined;
  const text = draft ?? committed ?? "";
  const type = props.type ?? "default";
  useEffect(() => () => clearTimeout(liveTimer.current), []);

  /** Send the draft if it may be sent; returns whether nothing is left pending. */
  const submit = (value: string | null = draft): boolean => {
    clearTimeout(liveTimer.current);
    if (value === null) return true;
    if (value === (committed ?? "") && committed !== null) { setDraft(null); return true; }
    // Streamlit: a required field keeps its last value when cleared; the draft stays visible.
    if (props.required && value.trim() === "") return false;
    if (value !== "" && rule !== undefined && (typeof rule === "string" || !rule.test(value))) {
      setInvalid(true);
      return false;
    }
    setInvalid(false);
    setDraft(null);
    commit(value);
    return true;
  };

  const onChange = (value: string) => {
    const clipped = maxChars !== undefined ? value.slice(0, maxChars) : value;
    setDraft(clipped);
    setInvalid(false);
    if (props.live !== undefined) {
      clearTimeout(liveTimer.current);
      if (props.live === 0) submit(clipped);
      else liveTimer.current = setTimeout(() => submit(clipped), props.live);
    }
  };

  const message = invalid
    ? props.validate_message || (rule instanceof RegExp ? `Invalid input. Must match pattern: ${rule.toString()}` : "Invalid input.")
    : typeof rule === "string" ? rule : null;
  const pending = draft !== null && props.live === undefined;
  // As Streamlit: in a form, Enter submits it (unless enter_to_submit=False: no hint).
  const form = useContext(FormContext);
  const enterHint = form === null ? "Press Enter to apply" : form.enterToSubmit ? "Press Enter to submit form" : null;
  return (
    <div className="stTextInput fl-text-input" {...testId("stTextInput")} style={widthStyle(props.width, "stretch")}>
      <WidgetLabel label={props.label} htmlFor={inputId} help={props.help} visibility={props.label_visibility} disabled={props.disabled} />
      <div
        className="fl-text-input-root"
        data-testid="stTextInputRootElement"
        data-invalid={message !== null ? "true" : undefined}
        data-disabled={props.disabled ? "true" : undefined}
      >
        {props.icon ? <span className="fl-text-input-icon" aria-hidden="true">{props.icon}</span> : null}
        <input
          id={inputId}
          type={type === "password" && reveal ? "text" : HTML_TYPES[type]}
          value={text}
          placeholder={props.placeholder}
          maxLength={maxChars}
          autoComplete={props.autocomplete || undefined}
          disabled={props.disabled}
          required={props.required}
          aria-label={props.label_visibility && props.label_visibility !== "visible" ? props.label : undefined}
          aria-invalid={message !== null ? true : undefined}
          onChange={(event) => onChange(event.currentTarget.value)}
          onFocus={() => setFocused(true)}
          onBlur={() => { setFocused(false); submit(); }}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.nativeEvent.isComposing) {
              event.preventDefault();
              submit();
            }
          }}
        />
        {type === "search" && text !== "" && !props.disabled ? (
          <button type="button" aria-label="Clear" onClick={() => { setDraft(""); submit(""); }}>×</button>
        ) : null}
        {type === "password" ? (
          <button type="button" aria-label={reveal ? "Hide password" : "Show password"} aria-pressed={reveal}
            disabled={props.disabled} onClick={() => setReveal(!reveal)}>
            {reveal ? "Hide" : "Show"}
          </button>
        ) : null}
      </div>
      <div className="fl-text-input-footer">
        {message !== null ? <span className="fl-text-input-error" role="alert">{message}</span> : null}
        {focused && pending && enterHint !== null ? <span data-testid="InputInstructions">{enterHint}</span> : null}
        {focused && maxChars !== undefined ? <span>{text.length}/{maxChars}</span> : null}
      </div>
    </div>
  );
}
