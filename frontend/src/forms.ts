// Forms: a widget value inside a form waits in the browser until the form's submit button
// sends all of them, with its own click, in one message (one rerun).
//
// The tree says what is a form: a block with a `form_id` prop (the kernel's
// `Container.add(form_id=)`), and its submit buttons carry `is_form_submitter`. Components
// keep calling `sendWidgetValue(id, value)`; `FormValues.send` decides: outside a form the
// value goes at once, inside one it is staged, and a submit button sends the staged values.
import type { TreeStore } from "./store";

export class FormValues {
  /** Staged values by form node id, then widget id. */
  private staged = new Map<string, Map<string, unknown>>();

  constructor(
    private store: TreeStore,
    private sendValues: (values: Record<string, unknown>) => void,
    /** Called before a submit is sent: values still waiting in a debounce get staged. */
    private flushPending: () => void = () => undefined,
  ) {}

  /** The id of the form a node is inside, if any (its nearest ancestor with `form_id`). */
  formOf(id: string): string | undefined {
    for (let at = this.store.parent(id); at !== undefined; at = this.store.parent(at)) {
      if (typeof this.store.get(at)?.props.form_id === "string") return at;
    }
    return undefined;
  }

  /** What the SDK's `sendWidgetValue` ends in (the host's `sendValue`). */
  send(id: string, value: unknown): void {
    const node = this.store.get(id);
    const form = node === undefined ? undefined : this.formOf(id);
    if (node === undefined || form === undefined) {
      this.sendValues({ [id]: value });
    } else if (node.props.is_form_submitter === true) {
      this.flushPending();
      const values: Record<string, unknown> = {};
      for (const [wid, staged] of this.staged.get(form) ?? []) {
        if (this.store.get(wid) !== undefined) values[wid] = staged; // still drawn
      }
      this.staged.delete(form);
      values[id] = value;
      this.sendValues(values);
    } else {
      let values = this.staged.get(form);
      if (values === undefined) this.staged.set(form, (values = new Map()));
      values.set(id, value);
      // The widget shows the staged value as its own, so a later value from Python (say,
      // its default again after a clear_on_submit submit) is a change it follows.
      if ("value" in node.props) this.store.apply([{ op: "set", id, props: { value } }]);
    }
  }

  /** Values waiting for a form's submit button (for tests and debugging). */
  pending(form: string): Record<string, unknown> {
    return Object.fromEntries(this.staged.get(form) ?? []);
  }
}
