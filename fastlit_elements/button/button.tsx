// Renders st.button: a click sends `true` once; Python sees it for one run.
import type { ElementProps } from "@fastlit/component-sdk";
import { sendWidgetValue } from "@fastlit/component-sdk";
import { ButtonView } from "./_button";
import type { ButtonProps } from "./_button";

export default function Button({ id, props }: ElementProps<ButtonProps>) {
  return (
    <ButtonView
      button={props}
      className="stButton"
      rootTestId="stButton"
      baseTestId={`stBaseButton-${props.kind ?? "secondary"}`}
      onClick={() => sendWidgetValue(id, true)}
    />
  );
}
