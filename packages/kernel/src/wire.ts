/**
 * The wire format of a Jupyter message over ZeroMQ:
 *
 *   [routing ids…] "<IDS|MSG>" signature header parent_header metadata content [buffers…]
 *
 * The signature is the hex HMAC-SHA256, under the connection's key, of the four JSON frames
 * in that order. Every incoming message is checked in constant time; a bad one is rejected.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { KernelProtocolError } from './errors.js';
import type { Message } from './messages.js';

const DELIMITER = Buffer.from('<IDS|MSG>');

function sign(key: string, parts: readonly Buffer[]): string {
  const hmac = createHmac('sha256', key);
  for (const part of parts) hmac.update(part);
  return hmac.digest('hex');
}

/** Encodes and signs `message` into ZeroMQ frames. */
export function encodeMessage(message: Message<unknown>, key: string): Buffer[] {
  const parts = [message.header, message.parent_header, message.metadata, message.content].map((part) =>
    Buffer.from(JSON.stringify(part)),
  );
  return [DELIMITER, Buffer.from(sign(key, parts)), ...parts, ...message.buffers];
}

/** Decodes ZeroMQ frames into a message, checking its signature. Throws {@link KernelProtocolError}. */
export function decodeMessage(frames: readonly Buffer[], key: string): Message {
  const at = frames.findIndex((frame) => frame.equals(DELIMITER));
  if (at < 0 || frames.length < at + 6) throw new KernelProtocolError('Malformed message: no <IDS|MSG> delimiter or missing frames');
  const signature = frames[at + 1] as Buffer;
  const parts = frames.slice(at + 2, at + 6);
  const expected = Buffer.from(sign(key, parts));
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
    throw new KernelProtocolError('Message rejected: its HMAC-SHA256 signature does not match the connection key');
  }
  const [header, parent, metadata, content] = parts.map((part) => JSON.parse(part.toString('utf8')) as unknown);
  return {
    header: header as Message['header'],
    parent_header: parent as Message['parent_header'],
    metadata: metadata as Message['metadata'],
    content: content as Message['content'],
    buffers: frames.slice(at + 6),
  };
}
