// The layer beside main that holds the open st.dialog: it draws nothing of its own.
import type { ElementProps } from "@fastlit/component-sdk";

export default function DialogLayer({ children }: ElementProps) {
  return <>{children}</>;
}
