// Streamlit's "Page not found" notice: the URL named no page, so the default page runs.
import { useState } from "react";
import { injectStyle, testId } from "@fastlit/component-sdk";

injectStyle("page_not_found", `
.fl-pnf-backdrop { position: fixed; inset: 0; background: rgba(49, 51, 63, 0.4); z-index: 100; display: flex;
  align-items: flex-start; justify-content: center; padding-top: 10vh; }
.fl-pnf { background: var(--fl-bg); color: var(--fl-text); border-radius: var(--fl-radius); padding: 1.5rem; width: min(32rem, 90vw);
  box-shadow: 0 0.5rem 2rem rgba(0, 0, 0, 0.2); }
.fl-pnf h2 { margin: 0 0 0.75rem; font-size: 1.25rem; }
.fl-pnf p { margin: 0 0 1rem; }
.fl-pnf button { border: 1px solid var(--fl-border); border-radius: var(--fl-radius); background: var(--fl-bg);
  color: var(--fl-text); font: inherit; padding: 0.25rem 0.75rem; cursor: pointer; }
.fl-pnf button:focus-visible { outline: 2px solid var(--fl-primary); outline-offset: 2px; }
`);

export default function PageNotFound() {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <div className="fl-pnf-backdrop" onClick={() => setOpen(false)}>
      <div className="fl-pnf" role="alertdialog" aria-modal="true" aria-labelledby="fl-pnf-title" {...testId("stPageNotFound")}
        onClick={(event) => event.stopPropagation()} onKeyDown={(event) => event.key === "Escape" && setOpen(false)}>
        <h2 id="fl-pnf-title">Page not found</h2>
        <p>The page that you have requested does not seem to exist. Running the app's main page.</p>
        <button type="button" autoFocus onClick={() => setOpen(false)}>Close</button>
      </div>
    </div>
  );
}
