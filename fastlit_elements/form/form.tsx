// Renders st.form: a (bordered) block whose widgets' values wait for a submit button; the
// shell does the waiting (a `form_id` prop makes a block a form). With enter_to_submit,
// Enter in one of its text inputs clicks its first submit button, unless that is disabled.
import { useMemo, useRef } from "react";
import type { CSSProperties, KeyboardEvent } from "react";
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId } from "@fastlit/component-sdk";
import { Markdown } from "../markdown/_render";
import { FormContext } from "./_context";
import { gapCss, sizeCss } from "../layout/_layout";
import type { Size } from "../layout/_layout";

interface FormProps {
  form_id: string;
  clear_on_submit?: boolean;
  enter_to_submit?: boolean;
  border?: boolean;
  width?: Size;
  height?: Size;
  missing_submit_button?: boolean;
}

// Streamlit's warning for a form drawn without an st.form_submit_button.
const MISSING_SUBMIT_BUTTON = `**Missing Submit Button**

This form has no submit button, which means that user interactions will never be sent to your Streamlit app.

To create a submit button, use the \`st.form_submit_button()\` function.

For more information, refer to the [documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form).`;

/** Inputs where Enter means "done" (not a textarea, a checkbox or a button). */
const ENTER_SUBMITS = new Set(["text", "password", "email", "url", "tel", "search", "number"]);

injectStyle("form", `
.fl-form { display: flex; flex-direction: column; min-width: 0; box-sizing: border-box; }
.fl-form[data-border="true"] { border: 1px solid var(--fl-border); border-radius: var(--fl-radius); padding: calc(1rem - 1px); }
.fl-form-scroll { overflow-y: auto; }
.fl-form-warning { border-radius: var(--fl-radius); padding: 1rem; background: rgba(255, 43, 43, 0.09); color: rgb(125, 53, 59); }
:root[data-fl-theme="dark"] .fl-form-warning { background: rgba(255, 108, 108, 0.2); color: rgb(255, 222, 222); }
.fl-form-warning p:first-child { margin-top: 0; }
.fl-form-warning p:last-child { margin-bottom: 0; }
.fl-form-warning a { color: inherit; }
`);

export default function Form({ props, children }: ElementProps<FormProps>) {
  const ref = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Enter" || event.nativeEvent.isComposing || props.enter_to_submit === false) return;
    if (event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || !ENTER_SUBMITS.has(target.type)) return;
    // The input has handled Enter first (a text input stages its value), then this clicks.
    const first = ref.current?.querySelector<HTMLButtonElement>('[data-testid="stFormSubmitButton"] button');
    if (first && !first.disabled) {
      event.preventDefault();
      first.click();
    }
  };
  const enterToSubmit = props.enter_to_submit !== false && !props.missing_submit_button;
  const formInfo = useMemo(() => ({ enterToSubmit }), [enterToSubmit]);
  const fixedHeight = typeof props.height === "number";
  const style: CSSProperties = {
    gap: gapCss("small"),
    width: sizeCss(props.width),
    maxWidth: typeof props.width === "number" ? "100%" : undefined,
    height: fixedHeight ? `${props.height as number}px` : props.height === "stretch" ? "100%" : undefined,
    flexGrow: props.height === "stretch" ? 1 : undefined,
  };
  return (
    <div
      ref={ref}
      className={fixedHeight ? "stForm fl-form fl-form-scroll" : "stForm fl-form"}
      data-border={props.border === false ? "false" : "true"}
      style={style}
      onKeyDown={onKeyDown}
      {...testId("stForm")}
    >
      <FormContext.Provider value={formInfo}>{children}</FormContext.Provider>
      {props.missing_submit_button ? (
        <div className="stAlert" {...testId("stAlert")}>
          <div className="fl-form-warning" role="alert" {...testId("stAlertContainer")}>
            <div {...testId("stAlertContentError")}>
              <div data-testid="stMarkdownContainer"><Markdown body={MISSING_SUBMIT_BUTTON} /></div>
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}
