/**
 * Where the package's static assets live. `assets/` sits beside `src/` and `dist/`, so the same
 * relative URL works from the sources (tests) and from the build.
 */
import { fileURLToPath } from 'node:url';

/**
 * Absolute path of the site stylesheet (`assets/site.css`) that pages link to as `site.css`.
 * Copy it next to pages you render yourself; `buildSite` does this for you.
 *
 * @example
 * ```ts
 * await copyFile(siteStylesheetPath, 'out/site.css');
 * ```
 */
export const siteStylesheetPath: string = fileURLToPath(new URL('../assets/site.css', import.meta.url));
