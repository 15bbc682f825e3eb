/**
 * The input types that the user's and the administrators' mutations share:
 * an attribute to set, and the ClientMetadata passed to the pool's Lambda
 * triggers (checked by `toClientMetadata` in src/cognito/attribute-rules.ts).
 */
import { builder } from '../builder.js';

/** `AttributeInput`: a name and the value to set. */
export const AttributeInput = builder.inputType('AttributeInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    value: t.string({ required: true }),
  }),
});

/** `ClientMetadataEntry`: one key of the ClientMetadata passed to the pool's Lambda triggers. */
export const ClientMetadataEntry = builder.inputType('ClientMetadataEntry', {
  description: "Passed to the pool's Lambda triggers as ClientMetadata.",
  fields: (t) => ({
    key: t.string({ required: true }),
    value: t.string({ required: true }),
  }),
});
