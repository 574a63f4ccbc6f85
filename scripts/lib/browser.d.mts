// Types of browser.mjs, for the TypeScript test files that import it.
export declare const REQUIRE_BROWSER_VARIABLE: 'REQUIRE_BROWSER';
export declare const BROWSER_NAMES: readonly string[];
export type BrowserFinding = { path: string; via: string } | { path: undefined; problem: string };
export declare function findBrowser(options?: {
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  isExecutable?: (path: string) => boolean;
  home?: string;
}): BrowserFinding;
export declare function installCommand(platform?: NodeJS.Platform): string;
export declare function browserRequired(env?: Record<string, string | undefined>): boolean;
export declare function noBrowserMessage(problem: string, platform?: NodeJS.Platform): string;
