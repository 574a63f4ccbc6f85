/**
 * Syntax highlighting with one shiki highlighter per renderer.
 *
 * Creating a highlighter loads the Oniguruma WASM engine and compiles grammars (~200 ms), so the
 * renderer makes one up front with every language the site needs and reuses it for every cell.
 * Code in a language that was not loaded is escaped into the same `<pre>` shape, unhighlighted.
 */
import { createHighlighter, type Highlighter } from 'shiki';
import { escapeHtml } from './html.js';

/** Languages loaded by default: the notebooks' own, plus what the notes quote. */
export const DEFAULT_LANGUAGES: readonly string[] = [
  'typescript',
  'javascript',
  'json',
  'bash',
  'shell',
  'html',
  'css',
  'python',
  'diff',
];

/** Default theme: light, high contrast, prints well. */
export const DEFAULT_THEME = 'github-light';

/** A loaded highlighter bound to one theme. */
export interface CodeHighlighter {
  /** Highlight `code` as `lang` into a `<pre class="shiki">` block; unknown languages are escaped. */
  toHtml(code: string, lang: string | undefined): string;
  /** Free the highlighter's grammars and engine. */
  dispose(): void;
}

/**
 * Create the highlighter once, with the given theme and languages.
 *
 * @example
 * ```ts
 * const hl = await createCodeHighlighter('github-light', ['typescript']);
 * hl.toHtml('const x = 1', 'ts');
 * ```
 */
export async function createCodeHighlighter(theme: string, languages: readonly string[]): Promise<CodeHighlighter> {
  const shiki: Highlighter = await createHighlighter({ themes: [theme], langs: [...languages] });
  const loaded = new Set(shiki.getLoadedLanguages());
  return {
    toHtml(code, lang) {
      const language = lang?.trim().toLowerCase();
      // Shiki renders a trailing newline as an empty last line; notebooks' sources rarely mean it.
      const text = code.replace(/\n$/, '');
      if (language && loaded.has(language)) {
        // No per-line time limit (shiki's default, 500 ms, gives up on a line and colours the rest
        // of it as one token): on a loaded machine pages came out differently highlighted.
        return shiki.codeToHtml(text, { lang: language, theme, tokenizeTimeLimit: 0 });
      }
      const cls = language ? ` language-${escapeHtml(language.replace(/[^\w+-]/g, ''))}` : '';
      return `<pre class="shiki plain${cls}"><code>${escapeHtml(text)}</code></pre>`;
    },
    dispose() {
      shiki.dispose();
    },
  };
}
