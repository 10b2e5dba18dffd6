// The client's tree: one record per node, patched in one pass; only touched nodes re-render.
import type { Op, WireNode } from "./protocol";

export interface NodeRecord {
  readonly id: string;
  readonly type: string;
  readonly props: Readonly<Record<string, unknown>>;
  readonly children: readonly string[];
}

type Listener = () => void;

export class TreeStore {
  private nodes = new Map<string, NodeRecord>();
  private parents = new Map<string, string>();
  private listeners = new Map<string, Set<Listener>>();
  rootId = "root";

  get(id: string): NodeRecord | undefined {
    return this.nodes.get(id);
  }

  /** The id of the node's parent (undefined for the root and unknown ids). */
  parent(id: string): string | undefined {
    return this.parents.get(id);
  }

  subscribe(id: string, listener: Listener): () => void {
    let set = this.listeners.get(id);
    if (set === undefined) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => { set.delete(listener); if (set.size === 0) this.listeners.delete(id); };
  }

  /** Replace everything (connect, reconnect, resync). */
  reset(root: WireNode): void {
    const before = new Set(this.nodes.keys());
    this.nodes.clear();
    this.parents.clear();
    this.rootId = root.id;
    this.addSubtree(root, null);
    this.notify(new Set([...before, ...this.nodes.keys()]));
  }

  /** Apply a batch in one pass; returns how many nodes were touched. */
  apply(ops: readonly Op[]): number {
    const touched = new Set<string>();
    for (const op of ops) {
      switch (op.op) {
        case "insert":
          this.addSubtree(op.node, op.parent);
          this.attach(op.parent, op.node.id, op.before ?? null, touched);
          break;
        case "move":
          this.detach(op.id, touched);
          this.attach(op.parent, op.id, op.before ?? null, touched);
          break;
        case "remove":
          this.detach(op.id, touched);
          this.forget(op.id);
          break;
        case "set": {
          const node = this.must(op.id);
          const props: Record<string, unknown> = { ...node.props };
          for (const key of op.unset ?? []) delete props[key];
          Object.assign(props, op.props ?? {});
          this.nodes.set(op.id, { ...node, props });
          touched.add(op.id);
          break;
        }
        case "append": {
          const node = this.must(op.id);
          const text = String(node.props[op.prop] ?? "") + op.text;
          this.nodes.set(op.id, { ...node, props: { ...node.props, [op.prop]: text } });
          touched.add(op.id);
          break;
        }
      }
    }
    this.notify(touched);
    return touched.size;
  }

  private must(id: string): NodeRecord {
    const node = this.nodes.get(id);
    if (node === undefined) throw new Error(`patch names unknown node ${id}`);
    return node;
  }

  private addSubtree(node: WireNode, parent: string | null): void {
    const children = node.children ?? [];
    this.nodes.set(node.id, { id: node.id, type: node.type, props: node.props ?? {}, children: children.map((c) => c.id) });
    if (parent !== null) this.parents.set(node.id, parent);
    for (const child of children) this.addSubtree(child, node.id);
  }

  private attach(parentId: string, id: string, before: string | null, touched: Set<string>): void {
    const parent = this.must(parentId);
    const children = [...parent.children];
    const at = before === null ? children.length : children.indexOf(before);
    children.splice(at < 0 ? children.length : at, 0, id);
    this.nodes.set(parentId, { ...parent, children });
    this.parents.set(id, parentId);
    touched.add(parentId);
  }

  private detach(id: string, touched: Set<string>): void {
    const parentId = this.parents.get(id);
    if (parentId === undefined) return;
    const parent = this.must(parentId);
    this.nodes.set(parentId, { ...parent, children: parent.children.filter((c) => c !== id) });
    this.parents.delete(id);
    touched.add(parentId);
  }

  private forget(id: string): void {
    const node = this.nodes.get(id);
    if (node === undefined) return;
    for (const child of node.children) this.forget(child);
    this.nodes.delete(id);
    this.parents.delete(id);
  }

  private notify(ids: Set<string>): void {
    for (const id of ids) this.listeners.get(id)?.forEach((listener) => listener());
  }
}
