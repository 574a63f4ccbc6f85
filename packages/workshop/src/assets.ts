/**
 * The files the workshop's pages load, served under `/assets/`: the static site's stylesheet
 * from `@scalable-ts/render`, the workshop's own stylesheet, and the page script that
 * `bundle.mjs` builds from `client/` into `dist/client/`. `../assets/` and `../dist/` name the
 * same folders from `src/` (tests) and from `dist/` (the build).
 */
import { fileURLToPath } from 'node:url';
import { siteStylesheetPath } from '@scalable-ts/render';

/** URL prefix of the assets. */
export const ASSET_PREFIX = '/assets/';

/** A servable file. */
export interface Asset {
  readonly file: string;
  readonly contentType: string;
}

export const local = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/** The assets by file name (the part of the URL after {@link ASSET_PREFIX}). */
export const ASSETS: ReadonlyMap<string, Asset> = new Map([
  ['site.css', { file: siteStylesheetPath, contentType: 'text/css; charset=utf-8' }],
  ['workshop.css', { file: local('../assets/workshop.css'), contentType: 'text/css; charset=utf-8' }],
  ['workshop.js', { file: local('../dist/client/workshop.js'), contentType: 'text/javascript; charset=utf-8' }],
  ['workshop.js.map', { file: local('../dist/client/workshop.js.map'), contentType: 'application/json; charset=utf-8' }],
]);

/** What a page links: the site's stylesheet, then more stylesheets and the module scripts. */
export interface PageAssets {
  readonly siteStylesheet: string;
  readonly stylesheets: readonly string[];
  readonly scripts: readonly string[];
}

/** The stylesheets and scripts every workshop page links, after `site.css`. */
export const PAGE_ASSETS: PageAssets = {
  siteStylesheet: `${ASSET_PREFIX}site.css`,
  stylesheets: [`${ASSET_PREFIX}workshop.css`],
  scripts: [`${ASSET_PREFIX}workshop.js`],
};
