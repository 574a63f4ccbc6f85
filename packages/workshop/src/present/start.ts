/**
 * Starting presenter mode beside a workshop: the {@link Presenter} (what the instructor shows)
 * and the follower listener, and what `startWorkshop` returns of them.
 */
import type { Renderer } from '@scalable-ts/render';
import type { Catalog } from '../catalog.js';
import type { SessionRegistry } from '../sessions.js';
import { startFollowerListener } from './listener.js';
import { Presenter } from './presenter.js';

/** Options of presenter mode (`startWorkshop({ present })`, `npm start -- --present`). */
export interface PresentOptions {
  /** Address of the follower listener (default `127.0.0.1`; `0.0.0.0` for every interface: the room's network). */
  readonly host?: string;
  /** Its port (default `0`: a free one). */
  readonly port?: number;
  /** The follower token (default: 256 random bits, never the instructor's). */
  readonly token?: string;
  /** Most unsent bytes a follower may have before it is cut off (default 4 MiB; its page reconnects). */
  readonly followerBufferBytes?: number;
}

/** Presenter mode, running. */
export interface Presenting {
  /** The address followers open (the first of `urls`), follower token included. */
  readonly url: string;
  /** One URL per address of this machine when the listener listens on all of them. */
  readonly urls: readonly string[];
  readonly port: number;
  /** The follower token. */
  readonly token: string;
  /** The cookie (`name=value`) a follower's browser is given. */
  readonly pageCookie: string;
  /** Followers connected now. */
  readonly followers: number;
  /** Followers cut off so far for falling behind by more than `followerBufferBytes`. */
  readonly dropped: number;
  /** The most bytes ever queued to all followers at once. */
  readonly peakBufferedBytes: number;
  /** Follower sockets closed so far for sending something other than a heartbeat. */
  readonly refusedMessages: number;
}

/** What the workshop lends presenter mode: reading and rendering notebooks, and joining a session as a page. */
export interface PresentContext {
  readonly catalog: Catalog;
  readonly renderer: Renderer;
  readonly registry: Pick<SessionRegistry, 'join'>;
  readonly siteTitle: string;
}

const DEFAULT_FOLLOWER_BUFFER = 4 * 1024 * 1024;

/**
 * Starts presenter mode.
 *
 * @throws TypeError for a bad option; the listen error of the follower listener.
 */
export async function startPresenting(options: PresentOptions, context: PresentContext): Promise<{ presenter: Presenter; view: Presenting; close(): Promise<void> }> {
  const followerBufferBytes = options.followerBufferBytes ?? DEFAULT_FOLLOWER_BUFFER;
  if (!Number.isSafeInteger(followerBufferBytes) || followerBufferBytes <= 0) {
    throw new TypeError(`startWorkshop: present.followerBufferBytes must be a positive integer, got ${String(options.followerBufferBytes)}`);
  }
  const presenter = new Presenter({ sessions: context.registry, followerBufferBytes });
  const listener = await startFollowerListener({
    presenter,
    catalog: context.catalog,
    renderer: context.renderer,
    siteTitle: context.siteTitle,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    ...(options.token !== undefined ? { token: options.token } : {}),
  });
  const url = listener.urls[0] ?? '';
  presenter.followerUrl = url;
  const view: Presenting = {
    url,
    urls: listener.urls,
    port: listener.port,
    token: listener.token,
    pageCookie: listener.pageCookie,
    get followers() {
      return presenter.followers;
    },
    get dropped() {
      return presenter.dropped;
    },
    get peakBufferedBytes() {
      return presenter.peakBufferedBytes;
    },
    get refusedMessages() {
      return listener.refusedMessages;
    },
  };
  return {
    presenter,
    view,
    close: async () => {
      presenter.close();
      await listener.close();
    },
  };
}
