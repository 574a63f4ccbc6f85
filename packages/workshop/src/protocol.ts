/**
 * The messages between a workshop page and the server, one JSON object per WebSocket frame.
 *
 * How it works: a page opens one socket per notebook view (`/ws?notebook=<name>`). The server
 * answers with `hello` (the notebook's code as committed, its version, the kernel's state and
 * the outputs of cells already run in this session), then pushes `kernel` on every change of
 * state and `cell` whenever a cell is queued, starts, streams output or finishes. Every page open
 * on the same notebook shares its kernel, so every one of them gets these pushes. The page sends
 * `run`, `interrupt`, `restart`, `clear` and `save`; the server never runs code it was not sent
 * by a page that passed the access checks, whose handshake carried the access token as its
 * second subprotocol (see {@link TOKEN_PROTOCOL_PREFIX}).
 *
 * This file holds types and constants only: the page's bundle imports it too.
 */
import type { ChecksResult } from '@scalable-ts/exercises';

/** Path of the WebSocket endpoint; the notebook's name goes in the `notebook` query parameter. */
export const SOCKET_PATH = '/ws';

/** The subprotocol a page asks for (`new WebSocket(url, [SOCKET_PROTOCOL, token protocol])`); the server selects it. */
export const SOCKET_PROTOCOL = 'scalable-ts.workshop.v1';

/**
 * Prefix of the second subprotocol entry, which carries the access token: the only credential a
 * handshake is let in with (the cookie, sent to every port of the host, is not).
 */
export const TOKEN_PROTOCOL_PREFIX = 'scalable-ts.workshop.token.';

/** `localStorage` key under which a page keeps the token (per origin: scheme, host and port). */
export const TOKEN_STORAGE_KEY = 'scalable-ts.workshop.token';

/** Path prefix of notebook views: `/nb/<name>`. */
export const NOTEBOOK_PATH = '/nb/';

/** The kernel as a page shows it. `stopped`: none running; the next run starts one. */
export type KernelView = 'stopped' | 'starting' | 'idle' | 'busy' | 'dead';

/** Where a cell is in its run. */
export type CellRunState = 'queued' | 'running' | 'ok' | 'error' | 'cancelled';

/** One cell to run: its position in the notebook and the code to send (the page's edit, if any). */
export interface RunCell {
  readonly index: number;
  readonly source: string;
}

/**
 * `cell`: run each cell given, in order (Shift+Enter, the run button).
 * `to-here`: run cells in order but skip those tagged `skip-execution`/`nbval-skip`, as the
 * notebook runner does; both stop at a failing cell unless it is tagged `raises-exception`.
 */
export type RunMode = 'cell' | 'to-here';

/** Messages a page sends. */
export type ClientMessage =
  | { readonly type: 'run'; readonly mode: RunMode; readonly cells: readonly RunCell[] }
  | { readonly type: 'interrupt' }
  | { readonly type: 'restart' }
  | { readonly type: 'clear' }
  | { readonly type: 'save'; readonly version: string; readonly sources: readonly RunCell[] }
  /** The cell the page has selected: with `--present`, followers see it (`src/present/`); ignored otherwise. */
  | { readonly type: 'position'; readonly index: number };

/** What the session knows of a cell that ran (or is running) since the kernel's session began. */
export interface CellView {
  readonly index: number;
  readonly state: CellRunState;
  /** The outputs as HTML, rendered like the static site (absent when unchanged). */
  readonly html?: string;
  /** `In [n]` once the kernel has counted the execution. */
  readonly executionCount?: number | null;
  /** The checks' result, when the outputs hold one (an `exercise-check` cell: `checks()` of `@scalable-ts/exercises`). */
  readonly checks?: ChecksResult;
  /** What a cell tagged `predict` printed (its stdout), for the page to compare with the learner's prediction. */
  readonly stdout?: string;
}

/** The kernel's state with the cell it is on and the cells waiting. */
export interface KernelStatus {
  readonly state: KernelView;
  /** Index of the cell running now, or `null`. */
  readonly running: number | null;
  /** Indices of cells waiting their turn, in order. */
  readonly queued: readonly number[];
  /** A sentence for the learner (why the kernel died, stopped, failed to start). */
  readonly message?: string;
}

/** Messages the server sends. */
export type ServerMessage =
  | {
      readonly type: 'hello';
      readonly notebook: string;
      /** Hash of the file as read; `save` must quote it, so a file changed on disk is never overwritten. */
      readonly version: string;
      /** Relative path of the notebook file, as the save button names it. */
      readonly path: string;
      /** Source of each code cell as committed; `null` for other cells. */
      readonly sources: readonly (string | null)[];
      readonly kernel: KernelStatus;
      /** Cells run in this session, latest state each. */
      readonly cells: readonly CellView[];
    }
  | ({ readonly type: 'kernel' } & KernelStatus)
  | ({ readonly type: 'cell' } & CellView)
  | { readonly type: 'cleared' }
  | { readonly type: 'saved'; readonly version: string; readonly path: string; readonly sources: readonly (string | null)[] }
  | { readonly type: 'problem'; readonly message: string }
  /** With `--present` only: how many followers watch, and the URL they open (the follower token, never this page's). */
  | { readonly type: 'presenting'; readonly followers: number; readonly followerUrl: string };
