/**
 * What the follower listener of presenter mode (`--present`) says to a follower page, one JSON
 * object per WebSocket frame, server to page only.
 *
 * How it works: a follower page opens `/follow` with the follower token as the second
 * subprotocol (as the workshop's own pages carry theirs). The server answers with `notebook`
 * (the instructor's current notebook, selected cell, kernel state and every cell's outputs of
 * this session), then pushes `select`, `cell`, `kernel` and `cleared` as the instructor moves and
 * runs cells, and a fresh `notebook` when the instructor opens another one. Every message carries
 * `seq`, one more than the message before it on that socket: a page that sees a gap knows it
 * missed something (the server never skips: it closes a follower that cannot keep up, and the
 * page reconnects to a fresh `notebook`). The page sends nothing but {@link HEARTBEAT}; any other
 * frame closes its socket with {@link POLICY_VIOLATION}. There is no message that runs, saves or
 * reaches a kernel, in either direction.
 *
 * This file holds types and constants only: the follower page's bundle imports it too.
 */
import type { CellRunState, KernelStatus } from '../protocol.js';

/** Path of the follower WebSocket. */
export const FOLLOW_SOCKET_PATH = '/follow';

/** The subprotocol a follower page asks for, beside the token entry (`scalable-ts.workshop.token.<follower token>`). */
export const FOLLOW_PROTOCOL = 'scalable-ts.follow.v1';

/** The one frame a follower may send: it keeps idle connections (proxies, phones) open. */
export const HEARTBEAT = '{"type":"heartbeat"}';

/** How often a follower page sends {@link HEARTBEAT}. */
export const HEARTBEAT_MS = 25_000;

/** Close code for a follower that sent anything but a heartbeat (RFC 6455 §7.4.1). */
export const POLICY_VIOLATION = 1008;

/** Close code for a follower that fell too far behind ("try again later"): its page reconnects. */
export const TOO_SLOW = 1013;

/** Path of a follower's view of a notebook: `/nb/<name>`, as on the workshop. */
export { NOTEBOOK_PATH } from '../protocol.js';

/**
 * Path of the catch-up landing page every workshop serves: `/catch-up?notebook=<name>&cell=<index>`.
 * It needs no credential and holds nothing but a script that moves on, on the learner's own
 * origin, to `/nb/<name>?catch-up=<index>` (see `src/present/catch-up.ts`).
 */
export const CATCH_UP_PATH = '/catch-up';

/** Query parameter of a notebook view that asks the learner to catch up to a cell. */
export const CATCH_UP_PARAM = 'catch-up';

/** A cell's run state and outputs as a follower sees them (the instructor page's `cell` without checks or predictions). */
export interface FollowedCell {
  readonly index: number;
  readonly state: CellRunState;
  /** The outputs as HTML, rendered and sanitised by the workshop's renderer (absent when unchanged). */
  readonly html?: string;
  readonly executionCount?: number | null;
}

/** Messages the follower listener sends. */
export type FollowerMessage =
  | {
      readonly type: 'notebook';
      readonly seq: number;
      /** The notebook the instructor shows, or `null` before the instructor opened one. */
      readonly notebook: string | null;
      /** The selected cell's index (`data-cell-index`), or `null`. */
      readonly selected: number | null;
      readonly kernel: KernelStatus | null;
      /** Cells run in this session, latest state each. */
      readonly cells: readonly FollowedCell[];
    }
  | { readonly type: 'select'; readonly seq: number; readonly index: number }
  | ({ readonly type: 'cell'; readonly seq: number } & FollowedCell)
  | ({ readonly type: 'kernel'; readonly seq: number } & KernelStatus)
  | { readonly type: 'cleared'; readonly seq: number };
