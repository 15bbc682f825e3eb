/**
 * GraphiQL in embedded mode: one tab per demo user, each with a fresh access
 * token of that user in its headers and example operations (together, every
 * field of the schema); subscriptions over graphql-ws. Switching users is
 * switching tabs. Never used with a real Cognito.
 */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';
import type { DemoTokens } from './seed.js';

/** Alice's tab (an administrator): every query, mutation and subscription of the schema. */
export const EXAMPLE_DOCUMENT = /* GraphQL */ `# Alice's tab: signed in as alice (admin).
# Bob's tab, next to it: signed in as bob.
# Run one: Ctrl-Enter with the cursor in it,
# or pick it from the run button's list.
# Subscriptions run over graphql-ws: start
# one, then make a change in another tab.

query Alice {
  me {
    id
    username
    plan: attribute(name: "custom:plan")
    sub
    userPoolId
    attributes { name value }
    # A new email waits here until verified (the old one stays active).
    pendingChanges { name value masked requestedAt }
    # Codes and code submissions Cognito still allows this hour.
    verificationCodes { remaining resetsAt }
    verificationAttempts { remaining resetsAt }
  }
}

# staleTokenClaims: refresh the tokens when it is not empty.
mutation UpdateMyPlan {
  updateMyAttributes(input: { attributes: [{ name: "custom:plan", value: "enterprise" }], clientMetadata: [{ key: "source", value: "graphiql" }] }) {
    user { attributes { name value } }
    codeDeliveries { attributeName deliveryMedium destination }
    staleTokenClaims
  }
}

mutation DeleteMyNewsletter {
  deleteMyAttributes(input: { names: ["custom:newsletter"] }) {
    user { attributes { name value } }
  }
}

mutation RequestEmailCode {
  requestAttributeVerificationCode(input: { attributeName: "email" }) {
    codeDelivery { attributeName deliveryMedium destination }
  }
}

# The code is in the service's log
# ("mailbox: verification code …") and in
# the mailbox of the /demo page.
mutation VerifyEmail {
  verifyMyAttribute(input: { attributeName: "email", code: "000000" }) {
    user { email: attribute(name: "email") verified: attribute(name: "email_verified") }
  }
}

# Keep the last cursor: subscribe again with myAttributesChanged(after: "<cursor>")
# to receive every change made meanwhile first, none lost, none twice.
subscription MyChanges {
  myAttributesChanged {
    source
    occurredAt
    cursor
    updated { name value }
    deleted
    pending { name value }
    user { username attributes { name value } }
  }
}

# Administrators only from here on.

query UserBob {
  user(username: "bob") { username sub userPoolId status enabled createdAt updatedAt attributes { name value } }
}

query ManyUsers {
  users(usernames: ["alice", "bob", "nobody"]) { username enabled }
}

# Cognito's ListUsers filter, a page at a time: pass pageInfo.endCursor as after.
query FindUsers {
  userSearch(filter: { attribute: "email", operator: STARTS_WITH, value: "b" }, first: 10) {
    edges { cursor node { username email: attribute(name: "email") } }
    pageInfo { hasNextPage endCursor }
  }
}

mutation AdminUpdateBob {
  adminUpdateUserAttributes(input: { username: "bob", attributes: [{ name: "custom:seats", value: "5" }] }) {
    user { seats: attribute(name: "custom:seats") }
  }
}

mutation AdminDeleteBobsPhone {
  adminDeleteUserAttributes(input: { username: "bob", names: ["phone_number"] }) {
    user { attributes { name value } }
  }
}

query PoolSchema {
  userPool {
    id
    name
    attributes { name dataType custom mutable required developerOnly minLength maxLength minValue maxValue }
    customAttributes { name dataType }
  }
}

# Custom attributes stay forever: runs once.
mutation AddCustomAttribute {
  addCustomAttributes(input: { attributes: [{ name: "team", dataType: STRING, minLength: 1, maxLength: 64 }] }) {
    userPool { customAttributes { name dataType } }
  }
}

subscription BobsChanges {
  userAttributesChanged(username: "bob") {
    source
    updated { name value }
    deleted
    user { username }
  }
}

subscription PoolChanges {
  userPoolAttributesChanged {
    source
    occurredAt
    user { username }
    updated { name value }
    deleted
  }
}
`;

/** Bob's tab (not an administrator): what a user may do for themselves. */
export const BOB_DOCUMENT = /* GraphQL */ `# Bob's tab: signed in as bob (not admin).
# Start MyChanges here, then run
# AdminUpdateBob in Alice's tab: the event
# arrives here.

query Bob {
  me {
    username
    attributes { name value }
    phone: attribute(name: "phone_number")
  }
}

mutation UpdateMyName {
  updateMyAttributes(input: { attributes: [{ name: "name", value: "Bob the Builder" }] }) {
    user { name: attribute(name: "name") }
    codeDeliveries { attributeName deliveryMedium destination }
  }
}

# The demo pool keeps bob@example.com active until
# the new address is verified: see pendingChanges.
mutation ChangeMyEmail {
  updateMyAttributes(input: { attributes: [{ name: "email", value: "bob.new@example.com" }] }) {
    user { email: attribute(name: "email") pendingChanges { name value } }
    codeDeliveries { attributeName deliveryMedium destination }
    staleTokenClaims
  }
}

subscription MyChanges {
  myAttributesChanged {
    source
    updated { name value }
    deleted
    user { username }
  }
}

# FORBIDDEN: bob is not an administrator.
query NotForBob {
  user(username: "alice") { username }
}
`;

/** What GraphiQL receives: Yoga's options, plus the graphql-ws `connectionParams` its executor reads. */
export type EmbeddedGraphiQLOptions = GraphiQLOptions & { connectionParams: { authorization: string } };

const headersOf = (token: string): string => JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2);

/** GraphiQL's options: a tab for alice and one for bob, each with a fresh token of its user. */
export function createGraphiQLOptions(tokens: DemoTokens): () => Promise<EmbeddedGraphiQLOptions> {
  return async () => {
    const [alice, bob] = await Promise.all([tokens.tokenFor('alice'), tokens.tokenFor('bob')]);
    return {
      title: 'Cognito attributes (embedded demo)',
      defaultTabs: [
        { query: EXAMPLE_DOCUMENT, headers: headersOf(alice) },
        { query: BOB_DOCUMENT, headers: headersOf(bob) },
      ],
      // What a new tab (+) opens with.
      defaultQuery: EXAMPLE_DOCUMENT,
      defaultHeaders: headersOf(alice),
      // A stored header would hold yesterday's token after a restart.
      shouldPersistHeaders: false,
      subscriptionsProtocol: 'WS',
      // Opens the socket all tabs share; each subscription then authenticates
      // with its own tab's headers (src/server/graphql-ws.ts reads them from `extensions.headers`).
      connectionParams: { authorization: `Bearer ${alice}` },
    };
  };
}

/**
 * What GraphiQL keeps in the browser's localStorage and would restore before
 * the demo tabs: tabs (saved without their headers, so without a token) and
 * the last query, variables and headers, maybe of another project served on
 * the same origin before (port 4000 is popular).
 */
const SAVED_STATE_KEYS = ['graphiql:tabState', 'graphiql:query', 'graphiql:variables', 'graphiql:headers'];

/**
 * Yoga's GraphiQL page, starting from the demo tabs with fresh tokens on
 * every load: saved state is dropped before GraphiQL reads it. The query
 * being edited survives a reload all the same: GraphiQL keeps it in the URL
 * and opens it in the first tab.
 */
export function renderEmbeddedGraphiQL(options: GraphiQLOptions): string {
  const forget = `<script>try{for(const key of ${JSON.stringify(SAVED_STATE_KEYS)})localStorage.removeItem(key)}catch{}</script>`;
  // The page's first <head> is its own; the inlined bundle comes later.
  return renderGraphiQL(options).replace('<head>', `<head>${forget}`);
}
