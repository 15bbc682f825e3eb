/**
 * GraphQL Code Generator: prints the Pothos schema to `schema/schema.graphql`
 * (the SDL is written here, never as an import's side effect) and types the
 * operations the tests send (`test/gql/`, client preset).
 * Run with `npm run codegen`; a test fails when the committed SDL differs.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { schema } from './src/schema/index.js';

const sdl = printSchema(schema);

const config: CodegenConfig = {
  schema: sdl,
  documents: ['test/**/*.ts', '!test/gql/**'],
  ignoreNoDocuments: true,
  emitLegacyCommonJSImports: false,
  generates: {
    'schema/schema.graphql': { plugins: ['schema-ast'], config: { includeDirectives: false } },
    'test/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } },
    },
  },
};

export default config;
