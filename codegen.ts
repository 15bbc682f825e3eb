/**
 * GraphQL Code Generator: prints the Pothos schema to `schema/schema.graphql`
 * (the SDL is written here, never as an import's side effect) and types the
 * operations the tests send (`test/gql/`) and those of the live profile page
 * (`src/demo/gql/`), each with the client preset and its own documents.
 * Run with `npm run codegen`; a test fails when the committed SDL differs.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { schema } from './src/schema/index.js';

const sdl = printSchema(schema);

const config: CodegenConfig = {
  schema: sdl,
  ignoreNoDocuments: true,
  emitLegacyCommonJSImports: false,
  generates: {
    'schema/schema.graphql': { plugins: ['schema-ast'], config: { includeDirectives: false } },
    'test/gql/': {
      documents: ['test/**/*.ts', '!test/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } },
    },
    // The browser's: what a frontend project generates from the served schema (README).
    'src/demo/gql/': {
      documents: ['src/demo/**/*.ts', '!src/demo/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } },
    },
  },
};

export default config;
