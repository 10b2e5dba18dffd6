// Forms in the shell: values inside a form wait for its submit button, which sends them all.
import { describe, expect, it } from "vitest";
import { FormValues } from "./forms";
import { TreeStore } from "./store";
import type { WireNode } from "./protocol";

function page(): WireNode {
  const form = (id: string, key: string): WireNode => ({
    id, type: "form", props: { form_id: key }, children: [
      { id: `${id}-text`, type: "text_input", props: { label: "Name", value: "" } },
      { id: `${id}-cols`, type: "flex_container", props: { horizontal: true }, children: [
        { id: `${id}-col`, type: "column", props: { weight: 1 }, children: [
          { id: `${id}-slider`, type: "slider", props: { label: "n", value: [3] } },
        ] },
      ] },
      { id: `${id}-submit`, type: "form_submit_button", props: { label: "Go", is_form_submitter: true } },
    ],
  });
  return { id: "root", type: "root", children: [{ id: "main", type: "main", children: [
    form("a", "first"), form("b", "second"),
    { id: "outside", type: "slider", props: { label: "o", value: [1] } },
  ] }] };
}

function setup(flush: () => void = () => undefined) {
  const store = new TreeStore();
  store.reset(page());
  const sent: Record<string, unknown>[] = [];
  const forms = new FormValues(store, (values) => sent.push(values), flush);
  return { store, sent, forms };
}

describe("FormValues", () => {
  it("finds a widget's form through any blocks between them", () => {
    const { forms } = setup();
    expect(forms.formOf("a-slider")).toBe("a");
    expect(forms.formOf("b-text")).toBe("b");
    expect(forms.formOf("outside")).toBeUndefined();
    expect(forms.formOf("a")).toBeUndefined();
  });

  it("sends values outside forms at once, and unknown ids too", () => {
    const { forms, sent } = setup();
    forms.send("outside", [4]);
    forms.send("not-a-node", 1);
    expect(sent).toEqual([{ outside: [4] }, { "not-a-node": 1 }]);
  });

  it("stages values inside a form until its submit button sends them with its click", () => {
    const { forms, sent, store } = setup();
    forms.send("a-text", "Ada");
    forms.send("a-slider", [7]);
    forms.send("a-text", "Ada L");
    forms.send("b-text", "other form");
    expect(sent).toEqual([]);
    expect(forms.pending("a")).toEqual({ "a-text": "Ada L", "a-slider": [7] });
    // The widget shows the staged value as its own: a later value from Python is a change.
    expect(store.get("a-text")?.props.value).toBe("Ada L");
    forms.send("a-submit", true);
    expect(sent).toEqual([{ "a-text": "Ada L", "a-slider": [7], "a-submit": true }]);
    expect(forms.pending("a")).toEqual({});
    expect(forms.pending("b")).toEqual({ "b-text": "other form" });
    forms.send("a-submit", true);
    expect(sent[1]).toEqual({ "a-submit": true });
  });

  it("drops staged values of widgets gone from the tree", () => {
    const { forms, sent, store } = setup();
    forms.send("a-slider", [9]);
    forms.send("a-text", "x");
    store.apply([{ op: "remove", id: "a-cols" }]);
    forms.send("a-submit", true);
    expect(sent).toEqual([{ "a-text": "x", "a-submit": true }]);
  });

  it("flushes values still waiting in a debounce before a submit", () => {
    let forms: FormValues | undefined;
    const flush = () => forms?.send("a-slider", [8]); // what the SDK's flush ends in
    const setupResult = setup(flush);
    forms = setupResult.forms;
    forms.send("a-submit", true);
    expect(setupResult.sent).toEqual([{ "a-slider": [8], "a-submit": true }]);
  });
});
