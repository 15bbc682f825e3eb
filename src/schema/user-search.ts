/**
 * `userSearch`: administrators find users of a pool (ListUsers), a page at a
 * time, as a Relay connection. The filter, the cursor and the paging over
 * Cognito's pages are src/cognito/user-search.ts's; here, the types and who
 * may search. The users found are primed into the request's `user` loader:
 * ListUsers already told what AdminGetUser would.
 */
import { builder } from '../builder.js';
import { searchUsers, type FoundUser, type SearchPage } from '../cognito/user-search.js';
import { allowedPool } from '../context.js';
import { User } from './user.js';

const UserFilterOperator = builder.enumType('UserFilterOperator', {
  values: ['EQUALS', 'STARTS_WITH'] as const,
});

const UserFilterInput = builder.inputType('UserFilterInput', {
  description: "Cognito's ListUsers filter: one standard attribute, equal to or starting with a value.",
  fields: (t) => ({
    attribute: t.string({
      required: true,
      description: 'One of username, email, phone_number, name, given_name, family_name, preferred_username, cognito:user_status, status, sub.',
    }),
    operator: t.field({ type: UserFilterOperator, required: true, defaultValue: 'EQUALS' }),
    value: t.string({ required: true }),
  }),
});

const UserEdge = builder.objectRef<FoundUser>('UserEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: User, resolve: (edge) => edge.user }),
  }),
});

const PageInfo = builder.objectRef<SearchPage>('PageInfo').implement({
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    endCursor: t.exposeString('endCursor', { nullable: true }),
  }),
});

const UserConnection = builder.objectRef<SearchPage>('UserConnection').implement({
  description: 'A page of users (Relay connection).',
  fields: (t) => ({
    edges: t.field({ type: [UserEdge], resolve: (page) => page.edges }),
    pageInfo: t.field({ type: PageInfo, resolve: (page) => page }),
  }),
});

/** `first` when the caller passes none (or null). */
const DEFAULT_PAGE_SIZE = 20;

builder.queryField('userSearch', (t) =>
  t.field({
    type: UserConnection,
    description: 'Administrators: find users (ListUsers), a page at a time (first: 1 to 60, default 20).',
    authScopes: { admin: true },
    args: {
      filter: t.arg({ type: UserFilterInput }),
      first: t.arg.int({ defaultValue: DEFAULT_PAGE_SIZE }),
      after: t.arg.string(),
      userPoolId: t.arg.id(),
    },
    resolve: async (_root, { filter, first, after, userPoolId }, context) => {
      const pool = allowedPool(context, userPoolId);
      const page = await searchUsers(context.services.cognito, context.caller, {
        userPoolId: pool,
        filter: filter ?? null,
        first: first ?? DEFAULT_PAGE_SIZE,
        after: after ?? null,
      });
      for (const { user } of page.edges) context.loaders.user.prime({ userPoolId: pool, username: user.username }, user);
      return page;
    },
  }),
);
