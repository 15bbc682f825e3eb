/**
 * GraphQL Code Generator: prints the Pothos schema to `schema/schema.graphql`
 * (the SDL is written here, never as an import's side effect) and types the
 * operations the tests send (`test/gql/`) and those of the live profile page
 * (`src/demo/gql/`), each with the client preset and its own documents.
 *
 * Both outputs are persisted documents: each typed document carries its hash
 * (`__meta__.hash`, `sha256:<hex>` of its normalized text) and a
 * `persisted-documents.json` manifest maps hash → text. The service trusts the
 * demo page's manifest (TRUSTED_DOCUMENTS, src/plugins/trusted-documents/);
 * the tests' is trusted only where a test names it in TRUSTED_DOCUMENTS_FILE.
 * Run with `npm run codegen`; a test fails when the committed output differs.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { schema } from './src/schema/index.js';

const sdl = printSchema(schema);

/** The hash the service checks (sha256, as the GraphQL-over-HTTP persisted documents appendix and APQ use), embedded in each document. */
const PERSISTED_DOCUMENTS = { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' } as const;

const config: CodegenConfig = {
  schema: sdl,
  ignoreNoDocuments: true,
  emitLegacyCommonJSImports: false,
  generates: {
    'schema/schema.graphql': { plugins: ['schema-ast'], config: { includeDirectives: false } },
    'test/gql/': {
      documents: ['test/**/*.ts', '!test/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: PERSISTED_DOCUMENTS },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } },
    },
    // The browser's: what a frontend project generates from the served schema (README).
    'src/demo/gql/': {
      documents: ['src/demo/**/*.ts', '!src/demo/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: PERSISTED_DOCUMENTS },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } },
    },
  },
};

export default config;
