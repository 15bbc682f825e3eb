/**
 * The one schema builder. It defines no types: each module under `schema/`
 * adds its own. Scope-auth decides, per field, whether the caller is a signed-in
 * user (`authenticated`) or an administrator (`admin`).
 */
import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { Context } from './context.js';
import { signInRequired } from './auth/tokens.js';
import { contractError, ErrorCode } from './errors.js';

/** The builder's type parameters: context, auth scopes and scalars. */
export interface BuilderTypes {
  Context: Context;
  AuthScopes: {
    /** A verified access token. */
    authenticated: boolean;
    /** A verified access token of the configured admin group, its user still in it. */
    admin: boolean;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
  };
  DefaultFieldNullability: false;
}

/** The schema builder shared by every module under `schema/`. */
export const builder = new SchemaBuilder<BuilderTypes>({
  plugins: [ScopeAuthPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // Check scopes when a subscription starts, not only on each event.
    authorizeOnSubscribe: true,
    authScopes: (context) => ({
      authenticated: context.caller !== null,
      // A token of the admin group, whose user Cognito says is still enabled and in it (src/auth/authority.ts).
      admin: context.caller?.isAdmin ? () => context.services.authority.isAdmin(context.caller) : false,
    }),
    // Without a valid token every guarded field is UNAUTHENTICATED; with one,
    // a scope the caller lacks is FORBIDDEN.
    unauthorizedError: (_parent, context) =>
      context.caller === null
        ? (context.authError ?? signInRequired())
        : contractError(ErrorCode.FORBIDDEN, 'Only administrators may do this.'),
  },
});
