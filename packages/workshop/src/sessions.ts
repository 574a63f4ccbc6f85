/**
 * The open notebook sessions, one per notebook that at least one page shows (or showed less than
 * `lingerMs` ago). A page joins the notebook's session, creating it if needed; an abandoned
 * session is closed, which shuts its kernel down.
 */
import { kernelNameOf } from '@scalable-ts/notebook';
import type { Catalog } from './catalog.js';
import { WorkshopSession, type Peer, type SessionOptions } from './session.js';

/** What every session shares; the rest of {@link SessionOptions} comes per notebook. */
export type SharedSessionOptions = Omit<SessionOptions, 'entry' | 'kernelName' | 'onAbandoned' | 'displayPath' | 'catalog'> & {
  /** Turns a notebook's absolute path into the path pages show. */
  readonly displayPath: (path: string) => string;
};

/** The sessions of one workshop server. */
export class SessionRegistry {
  readonly #catalog: Catalog;
  readonly #shared: SharedSessionOptions;
  readonly #sessions = new Map<string, WorkshopSession>();
  readonly #closing = new Set<Promise<void>>();

  constructor(catalog: Catalog, shared: SharedSessionOptions) {
    this.#catalog = catalog;
    this.#shared = shared;
  }

  /** The open sessions. */
  get sessions(): readonly WorkshopSession[] {
    return [...this.#sessions.values()];
  }

  /**
   * Adds `peer` to the session of notebook `name`, opening the session if needed.
   *
   * @throws what `Catalog.load` throws (unknown name, unreadable notebook), and
   *   `NoKernelspecError` for a notebook without a kernelspec.
   */
  async join(name: string, peer: Peer): Promise<WorkshopSession> {
    const loaded = await this.#catalog.load(name);
    let session = this.#sessions.get(name);
    if (!session) {
      const { displayPath, ...shared } = this.#shared;
      session = new WorkshopSession(
        {
          ...shared,
          entry: loaded,
          catalog: this.#catalog,
          kernelName: kernelNameOf(loaded.notebook, loaded.path),
          displayPath: displayPath(loaded.path),
          onAbandoned: (abandoned) => this.#close(abandoned),
        },
        loaded,
      );
      this.#sessions.set(name, session);
    }
    session.join(peer, loaded);
    return session;
  }

  /** Closes every session, shutting every kernel down. */
  async closeAll(): Promise<void> {
    for (const session of this.#sessions.values()) this.#close(session);
    await Promise.all(this.#closing);
  }

  #close(session: WorkshopSession): void {
    if (this.#sessions.get(session.name) !== session) return;
    this.#sessions.delete(session.name);
    const closing = session.close().finally(() => this.#closing.delete(closing));
    this.#closing.add(closing);
  }
}
