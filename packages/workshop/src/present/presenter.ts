/**
 * Presenter mode's hub: what the instructor shows, and the followers it is sent to.
 *
 * How it works: the instructor's pages (on the workshop's own listener, behind its token) report
 * their selected cell with `position`. The presenter follows the notebook of the latest report:
 * it joins that notebook's session as one more page (a "mirror" peer), so it receives exactly
 * what the instructor's pages receive (`hello`, `cell`, `kernel`, `cleared`) and keeps the
 * latest state of each cell. It never sends a session anything: it has no code path that runs
 * a cell, saves, or touches a kernel; joining an already open session starts nothing (the
 * instructor's page opened it, and its kernel, first).
 *
 * Each update is turned into a {@link FollowerMessage} once, numbered (`seq`) and serialised
 * once, and handed to every follower whose unsent backlog is at most `followerBufferBytes`; a
 * follower past that is cut off at once (its page reconnects and gets the state afresh), so 50
 * followers on a slow network cost at most 50 × (the bound + one message), and every follower
 * still connected has received every update, in order.
 *
 * The instructor's pages are told, as `presenting`, how many followers there are and the URL
 * they opened (with the follower token: the instructor's token is never sent to a follower).
 */
import type { CellView, KernelStatus, ServerMessage } from '../protocol.js';
import { throttle } from '../throttle.js';
import type { FollowedCell, FollowerMessage } from './protocol.js';

/** A page that receives server messages (an instructor's page, or the presenter's mirror of a session). */
export interface MessageSink {
  send(message: ServerMessage): void;
}

/** What the presenter needs of the workshop's sessions: to join one as a page, and to leave it. */
export interface SessionJoiner {
  join(name: string, peer: MessageSink): Promise<{ leave(peer: MessageSink): void }>;
}

/** A follower's socket, as the presenter uses it. */
export interface FollowerSocket {
  /** Bytes queued and not yet handed to the network. */
  readonly bufferedAmount: number;
  send(text: string): void;
  /** Drops the connection at once (a follower too slow to be sent more). */
  terminate(): void;
}

/** Options of {@link Presenter}. */
export interface PresenterOptions {
  readonly sessions: SessionJoiner;
  /** Most unsent bytes a follower may have before it is cut off. */
  readonly followerBufferBytes: number;
  /** Shortest time between two follower counts sent to the instructor's pages. */
  readonly countIntervalMs?: number;
}

type Update = FollowerMessage extends infer M ? (M extends { seq: number } ? Omit<M, 'seq'> : never) : never;

/** The session the presenter joined, and the mirror peer that joined it. */
interface Joined {
  readonly name: string;
  readonly mirror: MessageSink;
  session: Promise<{ leave(peer: MessageSink): void } | undefined>;
}

/** Strips what only the instructor's page uses (checks, predictions) from a cell view. */
function followed(view: CellView): FollowedCell {
  return {
    index: view.index,
    state: view.state,
    ...(view.html !== undefined ? { html: view.html } : {}),
    ...(view.executionCount !== undefined ? { executionCount: view.executionCount } : {}),
  };
}

/** The instructor's current notebook, mirrored for the followers. */
export class Presenter {
  readonly #options: PresenterOptions;
  /** The instructor's pages, each with the notebook it shows. */
  readonly #instructors = new Map<MessageSink, string>();
  readonly #followers = new Set<FollowerSocket>();
  readonly #cells = new Map<number, FollowedCell>();
  #notebook: string | null = null;
  #selected: number | null = null;
  #kernel: KernelStatus | null = null;
  #seq = 0;
  #followerUrl = '';
  #joined: Joined | undefined;
  #peakBufferedBytes = 0;
  #dropped = 0;
  #closed = false;
  readonly #tellCount: ReturnType<typeof throttle<[]>>;

  constructor(options: PresenterOptions) {
    this.#options = options;
    this.#tellCount = throttle(() => {
      for (const instructor of this.#instructors.keys()) instructor.send(this.#presenting());
    }, options.countIntervalMs ?? 250);
  }

  /** The URL followers open; the instructor's pages show it (set once the follower listener listens). */
  set followerUrl(url: string) {
    this.#followerUrl = url;
  }

  /** The notebook followers see, or `null` before the instructor opened one. */
  get notebook(): string | null {
    return this.#notebook;
  }

  /** How many followers are connected. */
  get followers(): number {
    return this.#followers.size;
  }

  /** The most bytes ever queued to all followers at once (what the bound keeps small). */
  get peakBufferedBytes(): number {
    return this.#peakBufferedBytes;
  }

  /** How many followers were cut off for falling behind. */
  get dropped(): number {
    return this.#dropped;
  }

  /** An instructor's page opened on notebook `name` (its socket passed the workshop's own checks). */
  instructorJoined(page: MessageSink, name: string): void {
    this.#instructors.set(page, name);
    page.send(this.#presenting());
  }

  /**
   * An instructor's page closed. When no instructor's page shows the presented notebook any more,
   * the presenter leaves its session, so the session and its kernel live as they would without
   * it; followers keep the last state, and the next `position` brings them on.
   */
  instructorLeft(page: MessageSink): void {
    this.#instructors.delete(page);
    if (![...this.#instructors.values()].includes(this.#joined?.name ?? '')) this.#leave();
  }

  /** An instructor's page selected cell `index` of notebook `name`. */
  position(name: string, index: number): void {
    if (this.#closed) return;
    const moved = name !== this.#notebook;
    this.#selected = index;
    if (moved || this.#joined === undefined) {
      // The session's `hello` brings the state; followers get it whole as `notebook`.
      this.#notebook = name;
      this.#leave();
      this.#join(name);
      if (moved) {
        this.#cells.clear();
        this.#kernel = null;
        this.#broadcast(this.#snapshot());
      }
      return;
    }
    this.#broadcast({ type: 'select', index });
  }

  /** Adds a follower: it is sent the whole state now, then every update. */
  addFollower(socket: FollowerSocket): void {
    if (this.#closed) return socket.terminate();
    this.#followers.add(socket);
    socket.send(JSON.stringify({ ...this.#snapshot(), seq: this.#seq }));
    this.#tellCount();
  }

  /** Removes a follower (its socket closed). */
  removeFollower(socket: FollowerSocket): void {
    if (this.#followers.delete(socket)) this.#tellCount();
  }

  /** Leaves the session and cuts every follower off. */
  close(): void {
    this.#closed = true;
    this.#tellCount.cancel();
    this.#leave();
    for (const socket of this.#followers) socket.terminate();
    this.#followers.clear();
  }

  #presenting(): ServerMessage {
    return { type: 'presenting', followers: this.#followers.size, followerUrl: this.#followerUrl };
  }

  #snapshot(): Update {
    return { type: 'notebook', notebook: this.#notebook, selected: this.#selected, kernel: this.#kernel, cells: [...this.#cells.values()] };
  }

  #join(name: string): void {
    const mirror: MessageSink = { send: (message) => this.#fromSession(mirror, message) };
    // Set before joining: the session may greet the mirror before `join` resolves.
    const joined: Joined = { name, mirror, session: Promise.resolve(undefined) };
    this.#joined = joined;
    joined.session = this.#options.sessions.join(name, mirror).catch(() => undefined); // the instructor's page says why
  }

  #leave(): void {
    const joined = this.#joined;
    this.#joined = undefined;
    void joined?.session.then((session) => session?.leave(joined.mirror));
  }

  /** What the session `mirror` joined sent its pages. */
  #fromSession(mirror: MessageSink, message: ServerMessage): void {
    if (this.#joined?.mirror !== mirror || this.#closed) return; // a session left behind
    switch (message.type) {
      case 'hello':
        this.#cells.clear();
        for (const view of message.cells) this.#cells.set(view.index, followed(view));
        this.#kernel = message.kernel;
        return this.#broadcast(this.#snapshot());
      case 'cell': {
        const update = followed(message);
        const before = this.#cells.get(update.index);
        this.#cells.set(update.index, {
          ...update,
          ...(update.html === undefined && before?.html !== undefined ? { html: before.html } : {}),
          ...(update.executionCount === undefined && before?.executionCount !== undefined ? { executionCount: before.executionCount } : {}),
        });
        return this.#broadcast({ type: 'cell', ...update });
      }
      case 'kernel': {
        const { type: _type, ...status } = message;
        this.#kernel = status;
        return this.#broadcast({ type: 'kernel', ...status });
      }
      case 'cleared':
        for (const index of this.#cells.keys()) if (index !== this.#kernel?.running) this.#cells.delete(index);
        return this.#broadcast({ type: 'cleared' });
      default:
        return; // saved, problem, presenting: the instructor's business
    }
  }

  #broadcast(update: Update): void {
    this.#seq++;
    if (this.#followers.size === 0) return;
    const text = JSON.stringify({ ...update, seq: this.#seq });
    let queued = 0;
    for (const socket of this.#followers) {
      if (socket.bufferedAmount > this.#options.followerBufferBytes) {
        // Behind by more than the bound: sending more would only grow the backlog.
        this.#followers.delete(socket);
        this.#dropped++;
        socket.terminate();
        this.#tellCount();
        continue;
      }
      socket.send(text);
      queued += socket.bufferedAmount;
    }
    this.#peakBufferedBytes = Math.max(this.#peakBufferedBytes, queued);
  }
}
