import { describe, expect, it } from 'vitest';
import { KernelProtocolError } from './errors.js';
import { createMessage } from './messages.js';
import { decodeMessage, encodeMessage } from './wire.js';

const key = 'a'.repeat(64);

describe('wire format', () => {
  it('round-trips a signed message with routing ids and buffers', () => {
    const message = createMessage('execute_request', 'session-1', { code: '1 + 1' });
    message.buffers = [Buffer.from([1, 2, 3])];
    const frames = [Buffer.from('routing-id'), ...encodeMessage(message, key)];
    const decoded = decodeMessage(frames, key);
    expect(decoded.header).toEqual(message.header);
    expect(decoded.content).toEqual({ code: '1 + 1' });
    expect(decoded.buffers).toEqual([Buffer.from([1, 2, 3])]);
  });

  it('signs with HMAC-SHA256 over header, parent, metadata and content', async () => {
    const { createHmac } = await import('node:crypto');
    const frames = encodeMessage(createMessage('kernel_info_request', 's', {}), key);
    const hmac = createHmac('sha256', key);
    for (const part of frames.slice(2, 6)) hmac.update(part);
    expect(frames[1]?.toString()).toBe(hmac.digest('hex'));
  });

  it('rejects a message whose content was changed after signing', () => {
    const frames = encodeMessage(createMessage('execute_request', 's', { code: 'safe()' }), key);
    frames[5] = Buffer.from(JSON.stringify({ code: 'evil()' }));
    expect(() => decodeMessage(frames, key)).toThrow(KernelProtocolError);
  });

  it('rejects a message signed with another key', () => {
    const frames = encodeMessage(createMessage('execute_request', 's', {}), 'b'.repeat(64));
    expect(() => decodeMessage(frames, key)).toThrow(/signature does not match/);
  });

  it('rejects frames without the delimiter', () => {
    expect(() => decodeMessage([Buffer.from('x')], key)).toThrow(/delimiter/);
  });
});
