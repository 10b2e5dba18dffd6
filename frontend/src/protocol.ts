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

export type ServerMessage =
  | { t: "welcome"; protocol: number; session: string; components: Record<string, string>; resumed?: boolean; dev?: boolean }
  | { t: "patch"; seq: number; ops: Op[]; running?: boolean; query?: string | null }
  | { t: "tree"; seq: number; root: WireNode; running?: boolean; query?: string | null }
  | { t: "error"; message: string };

export type ClientMessage =
  | {
      t: "hello"; protocol: number; session?: string | null; path: string; query: string;
      url?: string; locale?: string; timezone?: string; timezone_offset?: number; theme?: string; embedded?: boolean;
    }
  | { t: "widgets"; values: Record<string, unknown> }
  | { t: "resync"; last_seq: number }
  | { t: "location"; path: string; query: string };
