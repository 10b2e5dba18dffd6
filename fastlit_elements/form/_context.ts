// What a widget inside an st.form knows of it: whether Enter in a text field submits the
// form (enter_to_submit, and the form has a submit button). Null outside any form.
// Shared by the form and text-input bundles as one chunk, so both see the same context.
import { createContext } from "react";

export interface FormInfo {
  enterToSubmit: boolean;
}

export const FormContext = createContext<FormInfo | null>(null);
