/**
 * The error convention of every `@scalable-ts` package, after jose's `util/errors.ts`:
 *
 *     errors.ts of a package                                   what a caller writes
 *     ──────────────────────                                   ────────────────────
 *     type NetErrorCode = 'ERR_HTTP_STATUS' | …                switch (error.code) { case 'ERR_HTTP_STATUS': … }
 *     abstract class NetError extends CodedError<NetErrorCode> {}
 *     class HttpStatusError                                    error instanceof HttpStatusError
 *       extends coded(NetError, 'ERR_HTTP_STATUS') { … }       HttpStatusError.code === error.code
 *
 * How it works: `coded(Base, code)` puts a class between `Base` and the error class whose only
 * member is `static code`, and checks at compile time that `code` is one of `Base`'s union; the
 * `CodedError` constructor copies `new.target.code`, the static code of the class being
 * constructed, onto the instance. So each class names its code once, the static and the instance
 * code cannot disagree, and both are typed as that one literal. `code` is the first own property,
 * so `util.inspect` (a notebook printing an error) shows it before the fields a subclass adds.
 *
 * A class that other coded classes extend is made with its subtree's union as its code
 * (`coded(AuthError, 'ERR_JWT_INVALID' as JwtErrorCode)`), so the classes below it can narrow it.
 * A class whose code depends on the instance (an OAuth error's `ERR_OAUTH_<error>`) passes it to
 * the constructor as its third argument instead.
 *
 * Bad arguments are not coded errors: every package throws the built-in `TypeError` (the wrong
 * type or kind) or `RangeError` (a number of the right kind outside its range) with a message that
 * names the argument, as Node's own APIs and p-limit do.
 */

/** What an error was caused by: `ErrorOptions`, without needing the ES2022 lib in consumers. */
export interface CauseOptions {
  readonly cause?: unknown;
}

/**
 * Base class of each package's base error class. `Code` is the package's literal union of codes;
 * each concrete error class gets its own with {@link coded}.
 *
 * @example
 * ```ts
 * type ShelfErrorCode = 'ERR_SHELF_FULL' | 'ERR_SHELF_MISSING';
 * abstract class ShelfError extends CodedError<ShelfErrorCode> {}
 * class ShelfFullError extends coded(ShelfError, 'ERR_SHELF_FULL') {
 *   constructor(size: number) {
 *     super(`the shelf is full (${size} books)`);
 *   }
 * }
 * new ShelfFullError(3).code; // 'ERR_SHELF_FULL'
 * ```
 */
export abstract class CodedError<Code extends string> extends Error {
  /** The stable machine-readable code: the static `code` of the error's class. Branch on it, never on the message. */
  readonly code: Code;

  /**
   * @param message - what went wrong, naming the value, file or URL at fault.
   * @param options - `cause`: the underlying error, if any.
   * @param code - only for a class whose code depends on the instance; by default the static `code`.
   * @throws TypeError when there is neither `code` nor a static `code` on the class or a class it extends.
   */
  constructor(message: string, options?: CauseOptions, code?: Code) {
    super(message, options);
    const resolved = code ?? (new.target as { readonly code?: unknown }).code;
    if (typeof resolved !== 'string') throw new TypeError(`${new.target.name} declares no static code`);
    this.code = resolved as Code;
    this.name = new.target.name;
  }
}

/** Any class, abstract or not, whose instances are `T` (`any[]`: the form TypeScript requires of a mixin). */
export type AbstractConstructor<T> = abstract new (...args: any[]) => T;

/**
 * `Base` with the static `code` set to `code`, to extend: `class X extends coded(Base, 'ERR_X')`.
 * `code` must be one of `Base`'s codes; `X.code` and `new X(…).code` are typed as that literal,
 * and `X`'s constructor takes what `Base`'s does.
 *
 * @param Base - the package's base error class, or a coded class to refine.
 * @param code - the stable code of the class being defined.
 *
 * @example
 * ```ts
 * export class QueueEmpty extends coded(ConcurrencyError, 'ERR_QUEUE_EMPTY') {
 *   constructor() {
 *     super('The queue is empty');
 *   }
 * }
 * ```
 */
export function coded<Base extends AbstractConstructor<CodedError<string>>, Code extends InstanceType<Base>['code']>(
  Base: Base,
  code: Code,
): Base & { readonly code: Code } & AbstractConstructor<{ readonly code: Code }> {
  abstract class Coded extends Base {
    static readonly code = code;
    declare readonly code: Code;
  }
  return Coded;
}
