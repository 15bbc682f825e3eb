/**
 * The backing shape of a user pool's attribute schema (DescribeUserPool).
 */
import type { DescribeUserPoolCommandOutput, SchemaAttributeType } from '@aws-sdk/client-cognito-identity-provider';

/** The contract's AttributeDataType values, keyed by Cognito's names. */
export const DATA_TYPES = { String: 'STRING', Number: 'NUMBER', DateTime: 'DATE_TIME', Boolean: 'BOOLEAN' } as const;
export type DataType = (typeof DATA_TYPES)[keyof typeof DATA_TYPES];
/** Cognito's name for each contract AttributeDataType. */
export const COGNITO_DATA_TYPES: Record<DataType, keyof typeof DATA_TYPES> = {
  STRING: 'String',
  NUMBER: 'Number',
  DATE_TIME: 'DateTime',
  BOOLEAN: 'Boolean',
};

/** One attribute of a pool's schema. */
export interface SchemaAttribute {
  /** `email`, `custom:plan`. */
  name: string;
  dataType: DataType;
  custom: boolean;
  mutable: boolean;
  required: boolean;
  developerOnly: boolean;
  minLength: number | null;
  maxLength: number | null;
  minValue: number | null;
  maxValue: number | null;
}

/** A user pool, as administrators see it. */
export interface UserPoolRecord {
  id: string;
  name: string;
  /** Sorted by name. */
  attributes: SchemaAttribute[];
  /**
   * `UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate`
   * ("keep original attribute value active when an update is pending"):
   * a change to one of these (`email`, `phone_number`) waits for its code.
   */
  keepOriginalUntilVerified: readonly string[];
  /** `AutoVerifiedAttributes`: where Cognito sends codes on its own (`email`, `phone_number`). */
  autoVerified: readonly string[];
}

const num = (value: string | undefined): number | null => {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

/** Maps one of Cognito's schema attributes. */
export function toSchemaAttribute(a: SchemaAttributeType): SchemaAttribute {
  const rawName = a.Name ?? '';
  const developerOnly = a.DeveloperOnlyAttribute ?? false;
  // Cognito reports custom attributes as `custom:name` (and developer-only
  // ones as `dev:custom:name`); standard attributes have no prefix.
  const custom = rawName.startsWith('custom:') || rawName.startsWith('dev:custom:');
  const name = rawName.startsWith('dev:') ? rawName.slice('dev:'.length) : rawName;
  return {
    name,
    dataType: DATA_TYPES[(a.AttributeDataType ?? 'String') as keyof typeof DATA_TYPES] ?? 'STRING',
    custom,
    mutable: a.Mutable ?? true,
    required: a.Required ?? false,
    developerOnly,
    minLength: num(a.StringAttributeConstraints?.MinLength),
    maxLength: num(a.StringAttributeConstraints?.MaxLength),
    minValue: num(a.NumberAttributeConstraints?.MinValue),
    maxValue: num(a.NumberAttributeConstraints?.MaxValue),
  };
}

/** Maps DescribeUserPool's answer. */
export function fromDescribeUserPool(output: DescribeUserPoolCommandOutput, id: string): UserPoolRecord {
  const pool = output.UserPool;
  return {
    id: pool?.Id ?? id,
    name: pool?.Name ?? '',
    attributes: (pool?.SchemaAttributes ?? [])
      .map(toSchemaAttribute)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    keepOriginalUntilVerified: pool?.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [],
    autoVerified: pool?.AutoVerifiedAttributes ?? [],
  };
}
