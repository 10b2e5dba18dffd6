// Wire messages, mirroring fastlit_core/protocol.py (JSON, tagged by `t` and `op`).
export const PROTOCOL_VERSION = 1;

export interface WireNode {
  id: string;
  type: string;
  props?: Record<string, unknown>;
  children?: WireNode[];
}

export type Op =
  | { op: "insert"; parent: string; node: WireNode; before?: string | null }
  | { op: "move"; id: string; parent: string; before?: string | null }
  | { op: "remove"; id: string }
  | { op: "set"; id: string; props?: Record<string, unknown>; unset?: string[] }
  | { op: "append"; id: string; prop: string; text: string };

/** The page a multipage app shows: its URL path, its title, and whether to replace history. */
export interface PageLocation {
  path: string;
  title: string;
  replace?: boolean;
}

/** What st.set_page_config set so far (all of it, sent when it changes). */
export interface PageConfig {
  title?: string;
  favicon?: string;
  layout?: "centered" | "wide";
  initial_sidebar_state?: "auto" | "expanded" | "collapsed" | "locked" | number;
  menu_items?: { get_help?: string; report_a_bug?: string; about?: string };
}

/** The configured theme.* options, by Streamlit's names. */
export type ThemeOptions = Partial<Record<"base" | "primaryColor" | "backgroundColor" | "secondaryBackgroundColor" | "textColor" | "font", string>>;

export type ServerMessage =
  | { t: "welcome"; protocol: number; session: string; components: Record<string, string>; resumed?: boolean; dev?: boolean; theme?: ThemeOptions }
  | { t: "patch"; seq: number; ops: Op[]; running?: boolean; query?: string | null; page?: PageLocation | null; page_config?: PageConfig | null }
  | { t: "tree"; seq: number; root: WireNode; running?: boolean; query?: string | null; page?: PageLocation | null; page_config?: PageConfig | null }
  | { t: "error"; message: string };

export type ClientMessage =
  | {
      t: "hello"; protocol: number; session?: string | null; path: string; query: string;
      url?: string; locale?: string; timezone?: string; timezone_offset?: number; theme?: string; embedded?: boolean;
    }
  | { t: "widgets"; values: Record<string, unknown> }
  | { t: "resync"; last_seq: number }
  | { t: "location"; path: string; query: string };
