/**
 * The Jupyter messaging protocol 5.3, as much of it as a notebook runner speaks.
 * See https://jupyter-client.readthedocs.io/en/latest/messaging.html.
 */
import { randomUUID } from 'node:crypto';

/** The protocol version this client speaks. */
export const PROTOCOL_VERSION = '5.3';

/** A message header. */
export interface Header {
  msg_id: string;
  session: string;
  username: string;
  date: string;
  msg_type: string;
  version: string;
}

/** A whole message, decoded. */
export interface Message<Content = Record<string, unknown>> {
  header: Header;
  parent_header: Partial<Header>;
  metadata: Record<string, unknown>;
  content: Content;
  buffers: Buffer[];
}

/** Content of an `execute_reply`. */
export interface ExecuteReplyContent {
  status: 'ok' | 'error' | 'abort' | 'aborted';
  execution_count?: number | null;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

/** Builds a new request message of `msgType` for `session`. */
export function createMessage<C>(msgType: string, session: string, content: C): Message<C> {
  return {
    header: {
      msg_id: randomUUID(),
      session,
      username: 'scalable-ts',
      date: new Date().toISOString(),
      msg_type: msgType,
      version: PROTOCOL_VERSION,
    },
    parent_header: {},
    metadata: {},
    content,
    buffers: [],
  };
}
