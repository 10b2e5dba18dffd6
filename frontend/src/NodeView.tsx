// Renders one node: its component (lazy), its children, an error box if anything fails.
import { Component, Suspense, memo, useSyncExternalStore } from "react";
import type { ErrorInfo, ReactNode } from "react";
import { componentFor } from "./components";
import type { TreeStore } from "./store";

export function ErrorBox({ message }: { message: string }) {
  return (
    <div className="fl-error" data-testid="fl-error" role="alert">
      {message}
    </div>
  );
}

class ErrorBoundary extends Component<{ type: string; children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`fastlit: component "${this.props.type}" failed`, error, info.componentStack);
  }
  render() {
    if (this.state.error !== null) {
      return <ErrorBox message={`This element (${this.props.type}) failed to render: ${this.state.error.message}`} />;
    }
    return this.props.children;
  }
}

const builtins: Record<string, (props: { children: ReactNode; props: Record<string, unknown> }) => ReactNode> = {
  root: ({ children }) => <div className="fl-root">{children}</div>,
  main: ({ children }) => (
    <section className="fl-main" data-testid="stMain">
      <div className="fl-block-container" data-testid="stMainBlockContainer">
        <div className="fl-vertical-block" data-testid="stVerticalBlock">{children}</div>
      </div>
    </section>
  ),
  fl_error: ({ props }) => <ErrorBox message={String(props.message ?? "error")} />,
  // A fragment's wrapper in a container made outside it: its children are the container's.
  transparent: ({ children }) => <>{children}</>,
};

export const NodeView = memo(function NodeView({ id, store }: { id: string; store: TreeStore }) {
  const node = useSyncExternalStore(
    (listener) => store.subscribe(id, listener),
    () => store.get(id),
  );
  if (node === undefined) return null;
  const children = node.children.map((child) => <NodeView key={child} id={child} store={store} />);
  const builtin = builtins[node.type];
  if (builtin !== undefined) return <>{builtin({ children, props: node.props })}</>;
  const Element = componentFor(node.type);
  if (Element === undefined) {
    return <ErrorBox message={`No component is installed for element type "${node.type}".`} />;
  }
  return (
    <ErrorBoundary key={node.type} type={node.type}>
      <Suspense fallback={null}>
        <Element id={node.id} type={node.type} props={node.props} children={children} />
      </Suspense>
    </ErrorBoundary>
  );
});
