/**
 * The clients frontends use, with their defaults, against the service over
 * real sockets and the real emulator: the README's recipes for Apollo Client
 * 4 (docs/recipes/apollo.ts), urql 6 (docs/recipes/urql.ts) and Amplify 6 as
 * the token source (docs/recipes/amplify.ts), run as a frontend runs them.
 */
import { gql } from '@apollo/client';
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApolloClient } from '../docs/recipes/apollo.js';
import { configureAmplify, getToken, signInTo } from '../docs/recipes/amplify.js';
import { createUrqlClient } from '../docs/recipes/urql.js';
import { startTestApp, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { watchFeed, type FeedWatch } from './support/subscribers.js';
import { until } from './support/until.js';

// A browser (and Node 22 on) has a global WebSocket; Node 20 does not.
globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;

const ME = gql`
  query ClientMe {
    me {
      id
      username
      plan: attribute(name: "custom:plan")
    }
  }
`;
const SET_PLAN = gql`
  mutation ClientSetPlan($plan: String!) {
    updateMyAttributes(input: { attributes: [{ name: "custom:plan", value: $plan }] }) {
      user {
        id
        plan: attribute(name: "custom:plan")
      }
      staleTokenClaims
    }
  }
`;
const CHANGES = gql`
  subscription ClientChanges {
    myAttributesChanged {
      source
      updated {
        name
        value
      }
    }
  }
`;

let cognito: TestCognito;
let service: TestApp;
let feed: FeedWatch;
const plan = (label: string) => `${label}-${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  cognito = await startTestCognito();
  service = await startTestApp(cognito, { QUOTA_PER_USER_READS_PER_SECOND: '1000', QUOTA_PER_USER_WRITES_PER_SECOND: '1000', QUOTA_CALLER_SHARE_PERCENT: '100' });
  feed = watchFeed(service.app);
  await service.app.start();
});
afterAll(async () => {
  feed?.restore();
  await service?.stop();
  await cognito?.stop();
});

it('should show each client recipe in the README as it is in docs/recipes/', async () => {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  for (const recipe of ['apollo.ts', 'urql.ts', 'amplify.ts']) {
    const source = await readFile(new URL(`../docs/recipes/${recipe}`, import.meta.url), 'utf8');
    expect(readme, recipe).toContain(source.trim());
  }
});

describe('Apollo Client with Amplify as the token source', () => {
  it('should sign in with Amplify (USER_PASSWORD_AUTH at the emulator), query, update the cached me from a mutation with the default cache, and receive a change over graphql-ws', async () => {
    configureAmplify({ userPoolId: cognito.demo.userPoolId, userPoolClientId: cognito.demo.clientId, userPoolEndpoint: cognito.endpoint });
    await signInTo('bob', 'Bob-demo-1!', true);
    let tokens = 0;
    const client = createApolloClient({
      httpUrl: `${service.app.url}/graphql`,
      wsUrl: `${service.app.url.replace(/^http/, 'ws')}/graphql`,
      getToken: async () => {
        tokens += 1;
        return getToken();
      },
    });
    try {
      const first = await client.query<{ me: { id: string; username: string; plan: string | null } }>({ query: ME });
      expect(first.data?.me.username).toBe('bob');
      expect(tokens).toBe(1);

      const events: unknown[] = [];
      const subscription = client.subscribe<{ myAttributesChanged: { source: string; updated: { name: string; value: string }[] } }>({ query: CHANGES }).subscribe({
        next: (result) => events.push(result.data?.myAttributesChanged),
      });
      await feed.untilListening(feed.listening + 1);
      expect(tokens).toBe(2); // the socket signed in with a token of its own

      const next = plan('apollo');
      const saved = await client.mutate<{ updateMyAttributes: { user: { id: string; plan: string }; staleTokenClaims: string[] } }>({ mutation: SET_PLAN, variables: { plan: next } });
      expect(saved.data?.updateMyAttributes.user.id).toBe(first.data?.me.id);
      expect(saved.data?.updateMyAttributes.staleTokenClaims).toEqual(['custom:plan']);
      // The default InMemoryCache normalized both on User.id: the cached me is the new one, with no refetch.
      expect(client.readQuery<{ me: { plan: string } }>({ query: ME })?.me.plan).toBe(next);

      await until(() => events.length > 0, 5_000, 'the change over graphql-ws');
      expect(events[0]).toMatchObject({ source: 'SELF', updated: [{ name: 'custom:plan', value: next }] });
      subscription.unsubscribe();
    } finally {
      client.stop();
    }
  });
});

describe('urql with its defaults', () => {
  it('should send queries as GET with the token (no CSRF header), fetch a new token after UNAUTHENTICATED, and receive a change over graphql-sse', async () => {
    const methods: string[] = [];
    const realFetch = globalThis.fetch;
    // Observes what urql sends (it uses the global fetch); every request goes on to the service as it is.
    globalThis.fetch = (input, init) => {
      methods.push(init?.method ?? (input instanceof Request ? input.method : 'GET'));
      return realFetch(input, init);
    };
    let calls = 0;
    const client = createUrqlClient({
      url: `${service.app.url}/graphql`,
      // The first token is one the service refuses (an expired session): the auth exchange asks again.
      getToken: async () => (++calls === 1 ? 'not-a-token' : cognito.tokens.tokenFor('bob')),
    });
    const events: unknown[] = [];
    let unsubscribe = () => {};
    try {
      const me = await client.query(ME, {}).toPromise();
      expect(me.error).toBeUndefined();
      expect(me.data?.me.username).toBe('bob');
      expect(methods).toEqual(['GET', 'GET']); // refused with the first token, answered with the next
      expect(calls).toBe(2);

      ({ unsubscribe } = client.subscription(CHANGES, {}).subscribe((result) => events.push(result.data?.myAttributesChanged)));
      await feed.untilListening(feed.listening + 1);

      const next = plan('urql');
      const saved = await client.mutation(SET_PLAN, { plan: next }).toPromise();
      expect(saved.error).toBeUndefined();
      expect(saved.data?.updateMyAttributes.user.plan).toBe(next);
      await until(() => events.some((e) => JSON.stringify(e).includes(next)), 5_000, 'the change over graphql-sse');
    } finally {
      unsubscribe();
      globalThis.fetch = realFetch;
    }
  });
});
