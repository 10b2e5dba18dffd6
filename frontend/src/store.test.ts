// The tree store: patches apply in one pass and notify only the nodes they touch.
import { describe, expect, it } from "vitest";
import { TreeStore } from "./store";
import type { WireNode } from "./protocol";

function page(count: number): WireNode {
  const children = Array.from({ length: count }, (_, i) => ({ id: `n${i}`, type: "markdown", props: { body: `text ${i}` } }));
  return { id: "root", type: "root", children: [{ id: "main", type: "main", children }] };
}

function listen(store: TreeStore, ids: string[]): Map<string, number> {
  const calls = new Map<string, number>();
  for (const id of ids) store.subscribe(id, () => calls.set(id, (calls.get(id) ?? 0) + 1));
  return calls;
}

describe("TreeStore", () => {
  it("notifies only the node whose props changed", () => {
    const store = new TreeStore();
    store.reset(page(300));
    const calls = listen(store, ["root", "main", ...Array.from({ length: 300 }, (_, i) => `n${i}`)]);
    expect(store.apply([{ op: "set", id: "n150", props: { body: "changed" } }])).toBe(1);
    expect([...calls.entries()]).toEqual([["n150", 1]]);
    expect(store.get("n150")?.props.body).toBe("changed");
    expect(store.get("n149")?.props.body).toBe("text 149");
  });

  it("applies inserts, moves, removes and appends in order, touching parents once", () => {
    const store = new TreeStore();
    store.reset(page(3));
    const calls = listen(store, ["main", "n0", "n1", "n2"]);
    const touched = store.apply([
      { op: "remove", id: "n0" },
      { op: "insert", parent: "main", node: { id: "x", type: "text", props: { body: "new" } }, before: "n1" },
      { op: "move", id: "n2", parent: "main", before: "x" },
      { op: "append", id: "n1", prop: "body", text: "+more" },
    ]);
    expect(store.get("main")?.children).toEqual(["n2", "x", "n1"]);
    expect(store.get("n0")).toBeUndefined();
    expect(store.get("n1")?.props.body).toBe("text 1+more");
    expect(touched).toBe(2);
    expect(calls.get("main")).toBe(1);
    expect(calls.get("n1")).toBe(1);
    expect(calls.has("n2")).toBe(false);
  });

  it("keeps untouched records identical, so React skips them", () => {
    const store = new TreeStore();
    store.reset(page(5));
    const before = store.get("n3");
    store.apply([{ op: "set", id: "n1", props: { body: "b" } }]);
    expect(store.get("n3")).toBe(before);
  });

  it("throws on a patch naming an unknown node, so the client can resync", () => {
    const store = new TreeStore();
    store.reset(page(1));
    expect(() => store.apply([{ op: "set", id: "ghost", props: {} }])).toThrow(/unknown node/);
  });
});
