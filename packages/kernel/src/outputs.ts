/**
 * Gathers the iopub messages of one execute request into nbformat outputs, the way a notebook
 * front end shows them: consecutive stream text of the same name is merged, `update_display_data`
 * rewrites the output that carries its `display_id`, and `clear_output` (with `wait`, lazily on
 * the next output) empties the list.
 */
import { multilineText, type MimeBundle, type Output } from '@scalable-ts/notebook';
import type { Message } from './messages.js';

interface DisplayContent {
  data?: MimeBundle;
  metadata?: Record<string, unknown>;
  transient?: { display_id?: string };
}

/**
 * Appends `output` to `outputs`; text continuing the last output's stream (same `name`) is
 * merged into it instead, as Jupyter keeps streams. The merged stream is a new object, so lists
 * handed out earlier keep what they showed.
 */
export function pushOutput(outputs: Output[], output: Output): void {
  const last = outputs.at(-1);
  if (output.output_type === 'stream' && last?.output_type === 'stream' && last.name === output.name) {
    outputs[outputs.length - 1] = { ...last, text: multilineText(last.text) + multilineText(output.text) };
  } else outputs.push(output);
}

/**
 * `outputs` followed by `more`, merged by {@link pushOutput} (late output of a finished cell
 * joining what it printed before), as a new list.
 *
 * @example
 * ```ts
 * appendOutputs([{ output_type: 'stream', name: 'stdout', text: 'a\n' }], [{ output_type: 'stream', name: 'stdout', text: 'b\n' }]);
 * // [{ output_type: 'stream', name: 'stdout', text: 'a\nb\n' }]
 * ```
 */
export function appendOutputs(outputs: readonly Output[], more: readonly Output[]): Output[] {
  const all = [...outputs];
  for (const output of more) pushOutput(all, output);
  return all;
}

/** Collects the outputs of one request. */
export class OutputCollector {
  readonly #outputs: Output[] = [];
  /** The outputs indexed by `display_id`, for `update_display_data`. */
  readonly #displays = new Map<string, Output[]>();
  #clearOnNext = false;

  /** The outputs so far. */
  get outputs(): readonly Output[] {
    return this.#outputs;
  }

  /** Feeds one iopub message; returns whether it changed the outputs. */
  add(message: Message): boolean {
    const content = message.content;
    switch (message.header.msg_type) {
      case 'stream':
        this.#push({ output_type: 'stream', name: content['name'] === 'stderr' ? 'stderr' : 'stdout', text: String(content['text'] ?? '') });
        return true;
      case 'display_data':
        this.#pushDisplay('display_data', content as DisplayContent);
        return true;
      case 'execute_result':
        this.#pushDisplay('execute_result', content as DisplayContent, (content['execution_count'] as number | null) ?? null);
        return true;
      case 'update_display_data':
        return this.#update(content as DisplayContent);
      case 'error':
        this.#push({
          output_type: 'error',
          ename: String(content['ename'] ?? 'Error'),
          evalue: String(content['evalue'] ?? ''),
          traceback: (content['traceback'] as string[] | undefined) ?? [],
        });
        return true;
      case 'clear_output':
        if (content['wait']) this.#clearOnNext = true;
        else this.#clear();
        return true;
      default:
        return false;
    }
  }

  #clear(): void {
    this.#outputs.length = 0;
    this.#displays.clear();
    this.#clearOnNext = false;
  }

  #push(output: Output): void {
    if (this.#clearOnNext) this.#clear();
    pushOutput(this.#outputs, output);
  }

  #pushDisplay(type: 'display_data' | 'execute_result', content: DisplayContent, count: number | null = null): void {
    const base = { data: content.data ?? {}, metadata: content.metadata ?? {} };
    const output: Output =
      type === 'execute_result' ? { output_type: type, execution_count: count, ...base } : { output_type: type, ...base };
    this.#push(output);
    const id = content.transient?.display_id;
    if (id !== undefined) this.#displays.set(id, [...(this.#displays.get(id) ?? []), output]);
  }

  #update(content: DisplayContent): boolean {
    const targets = this.#displays.get(content.transient?.display_id ?? '') ?? [];
    for (const target of targets) {
      if (target.output_type !== 'display_data' && target.output_type !== 'execute_result') continue;
      target.data = content.data ?? {};
      target.metadata = content.metadata ?? {};
    }
    return targets.length > 0;
  }
}
