/**
 * The schema the service serves: (a) the committed `schema/schema.graphql` and
 * the typed documents (`test/gql/`, `src/demo/gql/`, with the manifests of
 * their hashes, one of which the service trusts) are exactly what `npm run codegen`
 * produces from the code now, and (b) it is a compatible superset of the
 * contract (a copy in `test/contract/`, so tests never read outside the
 * project), except for what is not served yet.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { buildSchema, findBreakingChanges, lexicographicSortSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';
import { schema } from '../src/schema/index.js';

const ROOT = join(import.meta.dirname, '..');

describe('generated files', () => {
  it('should have committed exactly what npm run codegen generates now (schema/schema.graphql, test/gql/, src/demo/gql/, their persisted-documents.json manifests)', { timeout: 60_000 }, async () => {
    // generate() is typed `Promise<FileOutput[] | any>` (watch mode); without watch it is the outputs.
    const outputs = (await generate({ ...config, silent: true, verbose: false }, false)) as { filename: string; content: string }[];
    const filenames = outputs.map((o) => o.filename).sort();
    expect(filenames).toEqual([
      'schema/schema.graphql',
      'src/demo/gql/gql.ts',
      'src/demo/gql/graphql.ts',
      'src/demo/gql/index.ts',
      'src/demo/gql/persisted-documents.json',
      'test/gql/gql.ts',
      'test/gql/graphql.ts',
      'test/gql/index.ts',
      'test/gql/persisted-documents.json',
    ]);
    for (const output of outputs) {
      const committed = await readFile(join(ROOT, output.filename), 'utf8').catch(() => '<missing>');
      expect(committed === output.content, `${output.filename} is stale: run npm run codegen`).toBe(true);
    }
  });

  it('should print the schema the code builds, sorted, into schema/schema.graphql', async () => {
    // Independent of codegen: what graphql-js prints for the sorted schema.
    const committed = await readFile(join(ROOT, 'schema/schema.graphql'), 'utf8');
    expect(committed.trim() === printSchema(lexicographicSortSchema(schema)).trim(), 'schema/schema.graphql is stale: run npm run codegen').toBe(true);
  });
});

describe('contract compatibility', () => {
  it('should serve a compatible superset of the contract: no breaking change at all', async () => {
    const contract = buildSchema(await readFile(join(ROOT, 'test/contract/schema.graphql'), 'utf8'));
    const breaking = findBreakingChanges(contract, schema);
    expect(breaking.map(({ type, description }) => `${type}: ${description}`)).toEqual([]);
  });
});
