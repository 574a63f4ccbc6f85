/**
 * The official nbformat v4 JSON schemas (shipped unchanged in `assets/`), compiled with Ajv's
 * draft-04 class, lazily and once per version.
 *
 * How it works: the schemas describe a cell as `oneOf` raw/markdown/code and an output as `oneOf`
 * its four kinds. Plain `oneOf` errors are unreadable (every branch reports why it failed), so
 * the in-memory copy we compile adds Ajv's `discriminator` keyword on `cell_type` and
 * `output_type`. The branches are told apart by exactly those properties (each is a required
 * one-value `enum`), so this accepts and rejects the same documents; it only makes Ajv check the
 * one branch the document names and report that branch's errors. The files on disk stay as
 * published.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AjvModule from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv-draft-04';

// ajv-draft-04 is CommonJS: under NodeNext its default import is `module.exports`, whose
// `default` is the class again.
const Ajv = AjvModule.default;

/** The schema versions shipped in `assets/`. */
export type SchemaVersion = '4.4' | '4.5';

/** The discriminated `oneOf`s: definition name, tag property, allowed tag values. */
const DISCRIMINATED = {
  cell: { tag: 'cell_type', values: ['raw', 'markdown', 'code'] },
  output: { tag: 'output_type', values: ['execute_result', 'display_data', 'stream', 'error'] },
} as const;

let ajv: InstanceType<typeof Ajv> | undefined;
const validators = new Map<SchemaVersion, ValidateFunction>();

/** The schema to check a notebook of this minor version against: 4.5 from minor 5 on. */
export function schemaVersionFor(nbformatMinor: number): SchemaVersion {
  return nbformatMinor >= 5 ? '4.5' : '4.4';
}

/** The path of a shipped schema file (`assets/` sits beside `src/` and `dist/`). */
export function schemaPath(version: SchemaVersion): string {
  return fileURLToPath(new URL(`../assets/nbformat.v${version}.schema.json`, import.meta.url));
}

function validatorFor(version: SchemaVersion): ValidateFunction {
  const cached = validators.get(version);
  if (cached) return cached;
  const schema = JSON.parse(readFileSync(schemaPath(version), 'utf8')) as {
    definitions: Record<string, Record<string, unknown>>;
  };
  for (const [name, { tag }] of Object.entries(DISCRIMINATED)) {
    const definition = schema.definitions[name];
    if (definition) definition['discriminator'] = { propertyName: tag };
  }
  // strict: false because the published schemas carry keywords Ajv does not know ("item",
  // "source_hidden" at the wrong level); draft-04 validators ignore them, and so do we.
  ajv ??= new Ajv({ allErrors: true, verbose: true, strict: false, discriminator: true });
  const validate = ajv.compile(schema);
  validators.set(version, validate);
  return validate;
}

/**
 * Check a parsed notebook against the schema of the given version.
 *
 * @returns readable problems, `[]` if the value is valid.
 */
export function schemaProblems(value: unknown, version: SchemaVersion): string[] {
  const validate = validatorFor(version);
  if (validate(value)) return [];
  const problems = (validate.errors ?? []).map(describe);
  return [...new Set(problems)];
}

const json = (value: unknown): string => JSON.stringify(value) ?? String(value);

const typeName = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** One Ajv error as `<JSON pointer>: <what is wrong>`. */
function describe(error: ErrorObject): string {
  const at = error.instancePath === '' ? '/' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${at}: must NOT have additional property '${String(params['additionalProperty'])}'`;
    case 'enum':
      return `${at}: must be one of ${(params['allowedValues'] as unknown[]).map(json).join(', ')} (got ${json(error.data)})`;
    case 'type':
      return `${at}: must be ${String(params['type'])} (got ${typeName(error.data)})`;
    case 'discriminator': {
      const tag = String(params['tag']);
      const allowed = Object.values(DISCRIMINATED).find((d) => d.tag === tag)?.values ?? [];
      const data = error.data as Record<string, unknown> | undefined;
      if (params['error'] === 'mapping') {
        const prefix = at === '/' ? '' : at;
        return `${prefix}/${tag}: must be one of ${allowed.map(json).join(', ')} (got ${json(params['tagValue'])})`;
      }
      if (data && typeof data === 'object' && !(tag in data)) return `${at}: must have required property '${tag}'`;
      return `${at}/${tag}: must be string (got ${typeName(data?.[tag])})`;
    }
    default:
      return `${at}: ${error.message ?? error.keyword}`;
  }
}
