#!/usr/bin/env node
// Regenerates src/generated/openapi.ts from the OpenAPI document the service produces.
// Usage: npm run generate:client -w @scalable-ts/rest-api   (builds first)
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderTypes, TYPES_FILE } from './openapi-types.mjs';

const { buildBookshelf } = await import('../dist/index.js');
const app = await buildBookshelf({ auth: false });
const document = app.swagger();
await app.close();
const target = fileURLToPath(new URL(`../${TYPES_FILE}`, import.meta.url));
await writeFile(target, await renderTypes(document));
console.log(`wrote ${TYPES_FILE}`);
