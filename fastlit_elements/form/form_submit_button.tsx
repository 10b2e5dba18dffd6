// Renders st.form_submit_button: its click sends the values its form holds, with its own.
import type { ElementProps } from "@fastlit/component-sdk";
import { sendWidgetValue } from "@fastlit/component-sdk";
import { ButtonView } from "../button/_button";
import type { ButtonProps } from "../button/_button";

export default function FormSubmitButton({ id, props }: ElementProps<ButtonProps>) {
  return (
    <ButtonView
      button={props}
      className="stFormSubmitButton"
      rootTestId="stFormSubmitButton"
      baseTestId={`stBaseButton-${props.kind ?? "secondary"}FormSubmit`}
      // The shell sees `is_form_submitter` on this node: it sends the form's staged values too.
      onClick={() => sendWidgetValue(id, true)}
    />
  );
}
