// Renders @st.dialog as a native modal <dialog>: the rest of the page is inert, focus stays
// inside, Escape / the X / a click on the backdrop dismiss it when it is dismissible. A new
// `opened` (a run that called the dialog function) opens it again after a dismissal; 0 never
// opens (a second dialog in one run, drawn before Streamlit's error). With
// `dismiss_reruns`, a dismissal is a trigger sent to Python (on_dismiss="rerun" or a callback).
import { useEffect, useRef, useState } from "react";
import type { CSSProperties, MouseEvent, SyntheticEvent } from "react";
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, sendWidgetValue, testId } from "@fastlit/component-sdk";
import { Markdown } from "../markdown/_render";

interface DialogProps {
  title: string;
  width?: "small" | "medium" | "large" | number;
  position?: "center" | "left" | "right";
  dismissible?: boolean;
  icon?: string;
  opened: number;
  dismiss_reruns?: boolean;
}

const WIDTHS = { small: 500, medium: 750, large: 1280 };

injectStyle("dialog", `
.fl-dialog { padding: 0; border: none; border-radius: var(--fl-radius); background: var(--fl-bg); color: var(--fl-text);
  box-shadow: 0 10px 40px rgba(0, 0, 0, 0.25); max-width: calc(100vw - 2rem); max-height: calc(100vh - 4rem); }
.fl-dialog::backdrop { background: rgba(49, 51, 63, 0.6); }
.fl-dialog[data-position="left"], .fl-dialog[data-position="right"] { margin: 0; height: 100vh; max-height: 100vh; border-radius: 0; resize: horizontal; overflow: auto; }
.fl-dialog[data-position="right"] { margin-left: auto; }
.fl-dialog-inner { padding: 1.5rem; box-sizing: border-box; }
.fl-dialog-header { display: flex; align-items: flex-start; gap: 0.5rem; margin-bottom: 1rem; }
.fl-dialog-title { flex: 1 1 auto; margin: 0; font-size: 1.5rem; font-weight: 600; line-height: 1.3; }
.fl-dialog-close { flex: 0 0 auto; width: 2rem; height: 2rem; border: none; border-radius: var(--fl-radius); background: none;
  color: inherit; font-size: 1.25rem; cursor: pointer; }
.fl-dialog-close:hover { background: var(--fl-border); }
.fl-dialog-close:focus-visible { outline: 2px solid var(--fl-primary); outline-offset: 2px; }
`);

export default function Dialog({ id, props, children }: ElementProps<DialogProps>) {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(props.opened > 0);
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => setOpen(props.opened > 0), [props.opened]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open, props.opened]);

  const dismiss = () => {
    if (props.dismissible === false || !openRef.current) return;
    setOpen(false);
    if (props.dismiss_reruns) sendWidgetValue(id, true);
  };
  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault(); // Escape: our dismissal, not the browser's
    dismiss();
  };
  const onClose = () => {
    // The browser may close a modal on its own (a repeated Escape): keep it if it may not go.
    const dialog = ref.current;
    if (dialog && openRef.current && !dialog.open && props.dismissible === false) dialog.showModal();
    else if (openRef.current) dismiss();
  };
  const onClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === ref.current) dismiss(); // the backdrop: outside the inner box
  };

  const width = typeof props.width === "number" ? props.width : WIDTHS[props.width ?? "small"];
  const style: CSSProperties = { width: `${width}px`, minWidth: "min(200px, 100vw)" };
  const titleId = `${id}-title`;
  return (
    <dialog
      ref={ref}
      className="fl-dialog"
      data-position={props.position ?? "center"}
      aria-labelledby={titleId}
      style={style}
      onCancel={onCancel}
      onClose={onClose}
      onClick={onClick}
      {...testId("stDialog")}
    >
      <div className="fl-dialog-inner">
        <div className="fl-dialog-header">
          <h2 className="fl-dialog-title" id={titleId} {...testId("stDialogTitle")}>
            {props.icon ? <span aria-hidden="true">{props.icon} </span> : null}
            <Markdown body={props.title} inline />
          </h2>
          {props.dismissible !== false && (
            <button type="button" className="fl-dialog-close" aria-label="Close" onClick={dismiss}>
              ×
            </button>
          )}
        </div>
        {children}
      </div>
    </dialog>
  );
}
