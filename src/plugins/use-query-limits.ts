/**
 * What one GraphQL document may ask, checked before anything runs: depth,
 * aliases, tokens, directives and cost (graphql-armor), and, when
 * introspection is off, no `__schema` / `__type` and no "Did you mean …?"
 * hints that would spell the schema out field by field.
 *
 * A document over a limit is refused as `BAD_USER_INPUT` (a contract code:
 * the client must change the document, waiting does not help), with a
 * message naming the limit and `extensions.limit` holding the setting's
 * name, e.g. `{ code: 'BAD_USER_INPUT', limit: 'MAX_DEPTH' }`.
 *
 * These are envelop plugins, so HTTP, SSE and graphql-ws (which validates
 * through `yoga.getEnveloped`) all get them.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { NoSchemaIntrospectionCustomRule, type GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { RequestLimits } from '../config.js';
import { ErrorCode, contractError } from '../errors.js';

/** The setting behind each limit, as a client sees it in `extensions.limit`. */
export const LimitSetting = {
  depth: 'MAX_DEPTH',
  aliases: 'MAX_ALIASES',
  tokens: 'MAX_TOKENS',
  directives: 'MAX_DIRECTIVES',
  cost: 'MAX_COST',
} as const;
export type LimitSetting = (typeof LimitSetting)[keyof typeof LimitSetting];

/**
 * graphql-armor's rejection, turned into the contract's error. Validation
 * rules report it (every violated limit is listed, with graphql-js's other
 * validation errors); the token limit runs inside the parser, which has no
 * validation context, so it throws and the parse fails with it.
 */
function rejectAs(limit: LimitSetting) {
  return (context: ValidationContext | null, error: GraphQLError): void => {
    const message = error.message.replace(/^Syntax Error: /, '');
    const refusal = contractError(ErrorCode.BAD_USER_INPUT, `${message} (${limit})`, { limit });
    if (!context) throw refusal;
    context.reportError(refusal);
  };
}

/** One armor protection: our limit, our error, graphql-armor's own check. */
function protection(limit: LimitSetting) {
  return { onReject: [rejectAs(limit)], propagateOnRejection: false, exposeLimits: true };
}

/** Options of {@link useQueryLimits}. */
export interface QueryLimitOptions {
  /** Introspection allowed; when false, introspection fields and field suggestions are refused/hidden. */
  introspection: boolean;
}

/** The document limits of `limits`, and introspection off unless `options.introspection`. */
export function useQueryLimits(limits: RequestLimits, options: QueryLimitOptions): Array<Plugin | ReturnType<typeof EnvelopArmorPlugin>> {
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, ...protection(LimitSetting.depth) },
    // No allow-list: armor's default lets any number of `__typename` aliases through (and any field aliased `__typename`).
    maxAliases: { n: limits.maxAliases, allowList: [], ...protection(LimitSetting.aliases) },
    maxTokens: { n: limits.maxTokens, ...protection(LimitSetting.tokens) },
    maxDirectives: { n: limits.maxDirectives, ...protection(LimitSetting.directives) },
    costLimit: { maxCost: limits.maxCost, ...protection(LimitSetting.cost) },
    // Suggestions name fields the client did not know: schema discovery by typo.
    blockFieldSuggestion: { enabled: !options.introspection },
  });
  if (options.introspection) return [armor];
  // Not @graphql-yoga/plugin-disable-introspection: it keys on the HTTP
  // request, and graphql-ws operations have none, so the socket stayed open to it.
  const noIntrospection: Plugin = {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
  return [armor, noIntrospection];
}
