/**
 * Subscriptions across instances through a REAL Redis: two instances on one
 * Redis deliver every change made on either to the subscribers of both,
 * exactly once; and a Redis outage (a private redis-server, killed and
 * restarted) neither breaks queries and mutations nor the subscribers'
 * sockets, turns /ready to 503 while it lasts, and heals by itself.
 */
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { ResultOf, TypedDocumentNode } from '@graphql-typed-document-node/core';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../src/config.js';
import { feedKeys } from '../src/changes/redis-log.js';
import { graphql } from './gql/index.js';
import { freePort, startTestApp, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { PrivateRedis } from './support/redis.js';
import { claimsOf } from './support/tokens.js';

const RedisMyChanges = graphql(`
  subscription RedisMyChanges {
    myAttributesChanged {
      user {
        username
        attributes {
          name
          value
        }
      }
      updated {
        name
        value
      }
      deleted
      source
    }
  }
`);

const RedisPoolChanges = graphql(`
  subscription RedisPoolChanges {
    userPoolAttributesChanged {
      user {
        username
      }
      updated {
        name
        value
      }
      source
    }
  }
`);

const RedisUpdateMine = graphql(`
  mutation RedisUpdateMine($input: UpdateMyAttributesInput!) {
    updateMyAttributes(input: $input) {
      user {
        username
        plan: attribute(name: "custom:plan")
      }
    }
  }
`);

const RedisAdminUpdate = graphql(`
  mutation RedisAdminUpdate($input: AdminUpdateUserAttributesInput!) {
    adminUpdateUserAttributes(input: $input) {
      user {
        username
        plan: attribute(name: "custom:plan")
      }
    }
  }
`);

const RedisMe = graphql(`
  query RedisMe {
    me {
      username
      plan: attribute(name: "custom:plan")
    }
  }
`);

const SHARED_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

type Change = { updated: readonly { name: string; value: string }[]; user: { username: string } };

/** One graphql-ws client with one subscription, recording what it receives. */
class WsSubscriber<TData> {
  readonly events: TData[] = [];
  readonly errors: unknown[] = [];
  completed = false;
  closeCode: number | undefined;
  readonly #client: Client;
  readonly #waiters = new Set<() => void>();

  constructor(serviceUrl: string, token: string, document: TypedDocumentNode<TData, Record<string, never>>) {
    this.#client = createClient({
      url: `${serviceUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      on: {
        closed: (event) => {
          this.closeCode = (event as { code?: number }).code;
          this.#notify();
        },
      },
    });
    this.#client.subscribe<TData>(
      { query: print(document) },
      {
        next: (result) => {
          if (result.errors) this.errors.push(...result.errors);
          if (result.data) this.events.push(result.data);
          this.#notify();
        },
        error: (error) => {
          this.errors.push(error);
          this.#notify();
        },
        complete: () => {
          this.completed = true;
          this.#notify();
        },
      },
    );
  }

  #notify(): void {
    for (const waiter of this.#waiters) waiter();
  }

  /** Resolves with the first event matching `predicate`, received already or within `timeoutMs`. */
  async waitFor(predicate: (event: TData) => boolean, timeoutMs = 5_000): Promise<TData> {
    const found = () => this.events.find(predicate);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = found();
      if (hit) return hit;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`no matching event within ${timeoutMs} ms; received ${JSON.stringify(this.events)}, errors ${JSON.stringify(this.errors)}`);
      }
      await new Promise<void>((resolve) => {
        const waiter = () => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve();
        };
        const timer = setTimeout(waiter, left);
        this.#waiters.add(waiter);
      });
    }
  }

  /** The events whose `updated` sets `name` to `value`. */
  matching(pick: (event: TData) => Change, name: string, value: string): TData[] {
    return this.events.filter((e) => pick(e).updated.some((a) => a.name === name && a.value === value));
  }

  async dispose(): Promise<void> {
    await this.#client.dispose();
  }
}

const mine = (e: ResultOf<typeof RedisMyChanges>) => e.myAttributesChanged;
const pooled = (e: ResultOf<typeof RedisPoolChanges>) => e.userPoolAttributesChanged;
const sets = (name: string, value: string) => (c: Change) => c.updated.some((a) => a.name === name && a.value === value);
/** A fresh value for `custom:plan` (String 1..32). */
const uniquePlan = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

/**
 * Makes changes until every subscriber has received one: a subscription is
 * live only once its instance has subscribed in Redis, which graphql-ws does
 * not acknowledge.
 */
async function untilLive(mutate: (plan: string) => Promise<void>, waits: ((plan: string) => Promise<unknown>)[]): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const plan = uniquePlan(`warm${attempt}`);
    await mutate(plan);
    const results = await Promise.allSettled(waits.map((wait) => wait(plan)));
    if (results.every((r) => r.status === 'fulfilled')) return;
  }
  throw new Error('the subscriptions never became live');
}

/** Polls GET `${url}/ready` until it answers `status`; returns how long that took. */
async function readyBecomes(url: string, status: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  let last: number | string = 'none';
  while (Date.now() - started < timeoutMs) {
    try {
      last = (await fetch(`${url}/ready`)).status;
      if (last === status) return Date.now() - started;
    } catch (error) {
      last = String(error);
    }
    await sleep(100);
  }
  throw new Error(`/ready did not answer ${status} within ${timeoutMs} ms (last: ${last})`);
}

let cognito: TestCognito;
let alice: string;
let bob: string;
const subscribers: WsSubscriber<unknown>[] = [];
const apps: TestApp[] = [];

/** Starts an instance on a real port; stopped in afterAll. */
async function startInstance(redisUrl: string, env: Record<string, string> = {}): Promise<TestApp> {
  const service = await startTestApp(cognito, { REDIS_URL: redisUrl, ...env });
  apps.push(service);
  await service.app.start();
  return service;
}

function subscribe<TData>(service: TestApp, token: string, document: TypedDocumentNode<TData, Record<string, never>>): WsSubscriber<TData> {
  const subscriber = new WsSubscriber(service.app.url, token, document);
  subscribers.push(subscriber as WsSubscriber<unknown>);
  return subscriber;
}

async function bobPlan(): Promise<string | undefined> {
  const user = await cognito.sdk.send(new AdminGetUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: 'bob' }));
  return user.UserAttributes?.find((a) => a.Name === 'custom:plan')?.Value;
}

beforeAll(async () => {
  cognito = await startTestCognito();
  alice = await cognito.tokens.tokenFor('alice');
  bob = await cognito.tokens.tokenFor('bob');
});
afterEach(async () => {
  await Promise.all(subscribers.splice(0).map((s) => s.dispose()));
});
afterAll(async () => {
  await Promise.all(subscribers.splice(0).map((s) => s.dispose()));
  for (const service of apps.splice(0)) await service.stop();
  await cognito?.stop();
});

describe('two instances sharing one Redis', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startInstance(SHARED_REDIS_URL);
    b = await startInstance(SHARED_REDIS_URL);
  });

  it('should deliver a change made on one instance exactly once to each subscriber, on this instance and the other', async () => {
    const bobOnB = subscribe(b, bob, RedisMyChanges);
    const adminOnA = subscribe(a, alice, RedisPoolChanges);
    const bobUpdates = async (plan: string) => {
      const { errors } = await a.request(RedisUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: plan }] } }, { token: bob });
      expect(errors).toBeUndefined();
    };
    await untilLive(bobUpdates, [
      (plan) => bobOnB.waitFor((e) => sets('custom:plan', plan)(mine(e)), 500),
      (plan) => adminOnA.waitFor((e) => sets('custom:plan', plan)(pooled(e)), 500),
    ]);

    const plan = uniquePlan('ab');
    const { data, errors } = await a.request(RedisUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: plan }] } }, { token: bob });
    expect(errors).toBeUndefined();
    expect(data?.updateMyAttributes.user.plan).toBe(plan);
    expect(await bobPlan()).toBe(plan);

    const toBob = mine(await bobOnB.waitFor((e) => sets('custom:plan', plan)(mine(e))));
    const toAdmin = pooled(await adminOnA.waitFor((e) => sets('custom:plan', plan)(pooled(e))));
    expect(toBob.user.username).toBe('bob');
    expect(toBob.updated).toEqual([{ name: 'custom:plan', value: plan }]);
    expect(toBob.user.attributes).toContainEqual({ name: 'custom:plan', value: plan });
    expect(toBob.source).toBe('SELF');
    expect(toAdmin.user.username).toBe('bob');
    expect(toAdmin.updated).toEqual([{ name: 'custom:plan', value: plan }]);
    expect(toAdmin.source).toBe('SELF');

    await sleep(500);
    expect(bobOnB.matching(mine, 'custom:plan', plan)).toHaveLength(1);
    expect(adminOnA.matching(pooled, 'custom:plan', plan)).toHaveLength(1);
    expect(bobOnB.errors).toEqual([]);
    expect(adminOnA.errors).toEqual([]);
  });

  it('should deliver a change made on the second instance to a subscriber on the first, exactly once', async () => {
    const bobOnA = subscribe(a, bob, RedisMyChanges);
    const adminUpdatesOnB = async (plan: string) => {
      const { errors } = await b.request(
        RedisAdminUpdate,
        { input: { username: 'bob', attributes: [{ name: 'custom:plan', value: plan }] } },
        { token: alice },
      );
      expect(errors).toBeUndefined();
    };
    await untilLive(adminUpdatesOnB, [(plan) => bobOnA.waitFor((e) => sets('custom:plan', plan)(mine(e)), 500)]);

    const plan = uniquePlan('ba');
    const { data, errors } = await b.request(
      RedisAdminUpdate,
      { input: { username: 'bob', attributes: [{ name: 'custom:plan', value: plan }] } },
      { token: alice },
    );
    expect(errors).toBeUndefined();
    expect(data?.adminUpdateUserAttributes.user.plan).toBe(plan);
    expect(await bobPlan()).toBe(plan);

    const event = mine(await bobOnA.waitFor((e) => sets('custom:plan', plan)(mine(e))));
    expect(event.user.username).toBe('bob');
    expect(event.updated).toEqual([{ name: 'custom:plan', value: plan }]);
    expect(event.source).toBe('ADMIN');

    await sleep(500);
    expect(bobOnA.matching(mine, 'custom:plan', plan)).toHaveLength(1);
    expect(bobOnA.errors).toEqual([]);
  });
});

describe('what Redis carries is untrusted', () => {
  let publisher: Redis;
  /** Process-level failures while this block runs: each would crash a production process. */
  const crashes: unknown[] = [];
  const record = (reason: unknown) => crashes.push(reason);

  beforeAll(() => {
    publisher = new Redis(SHARED_REDIS_URL);
    process.on('uncaughtException', record);
    process.on('unhandledRejection', record);
  });
  afterAll(async () => {
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
    await publisher.quit();
  });

  /** How many events from Redis `service` dropped for `reason`. */
  async function dropped(service: TestApp, reason: string): Promise<number> {
    const metric = service.app.services.metrics.registry.getSingleMetric('change_feed_events_dropped_total');
    return (await metric!.get()).values.find((v) => v.labels.reason === reason)?.value ?? 0;
  }

  /** A change event of bob's, well-formed in every field, as a forger would write it. */
  const forgedEvent = (plan: string) => {
    const sub = String(claimsOf(bob).sub);
    const userPoolId = cognito.demo.userPoolId;
    return {
      origin: 'forger',
      eventId: `forged-${plan}`,
      userPoolId,
      username: 'bob',
      sub,
      user: { username: 'bob', sub, userPoolId, attributes: [{ name: 'custom:plan', value: plan }] },
      updated: [{ name: 'custom:plan', value: plan }],
      deleted: [],
      source: 'ADMIN',
      occurredAt: new Date().toISOString(),
    };
  };
  /** Appends raw fields to the demo pool's change log, as anyone who can write to the Redis could. */
  const append = (...fields: string[]) => publisher.xadd(feedKeys(cognito.demo.userPoolId).log, '*', ...fields);

  it('should drop what is not JSON, or not a change of its pool, count it, and go on delivering', async () => {
    const service = await startInstance(SHARED_REDIS_URL);
    const bobs = subscribe(service, bob, RedisMyChanges);
    const pools = subscribe(service, alice, RedisPoolChanges);
    const bobUpdates = async (plan: string) => {
      expect((await service.request(RedisUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: plan }] } }, { token: bob })).errors).toBeUndefined();
    };
    await untilLive(bobUpdates, [
      (plan) => bobs.waitFor((e) => sets('custom:plan', plan)(mine(e)), 500),
      (plan) => pools.waitFor((e) => sets('custom:plan', plan)(pooled(e)), 500),
    ]);
    const received = { bob: bobs.events.length, pool: pools.events.length };

    await append('e', '{not json');
    await append('e', '{not json', 'ep', 'x');
    await append('e', JSON.stringify({ hello: 'world' }));
    // Well-formed, but a change of another pool written into this pool's log.
    const other = forgedEvent('not-this-pool');
    await append('e', JSON.stringify({ ...other, userPoolId: 'eu-west-1_Other', user: { ...other.user, userPoolId: 'eu-west-1_Other' } }));

    const plan = uniquePlan('after-junk');
    await bobUpdates(plan);
    await bobs.waitFor((e) => sets('custom:plan', plan)(mine(e)));
    await pools.waitFor((e) => sets('custom:plan', plan)(pooled(e)));
    await sleep(300);
    expect(bobs.events.slice(received.bob).map((e) => mine(e).updated)).toEqual([[{ name: 'custom:plan', value: plan }]]);
    expect(pools.events.slice(received.pool).map((e) => pooled(e).updated)).toEqual([[{ name: 'custom:plan', value: plan }]]);
    expect([...bobs.errors, ...pools.errors]).toEqual([]);
    expect(await dropped(service, 'not-json')).toBe(2);
    expect(await dropped(service, 'shape')).toBe(2);
    expect((await fetch(`${service.app.url}/health`)).status).toBe(200);
    expect(crashes).toEqual([]);
  });

  it('should deliver a well-formed forged event without REDIS_FEED_SECRET, and only signed events with it', async () => {
    const open = await startInstance(SHARED_REDIS_URL);
    const signedA = await startInstance(SHARED_REDIS_URL, { REDIS_FEED_SECRET: 'feed-secret-of-this-test-0123' });
    const signedB = await startInstance(SHARED_REDIS_URL, { REDIS_FEED_SECRET: 'feed-secret-of-this-test-0123' });
    const onOpen = subscribe(open, bob, RedisMyChanges);
    const onSigned = subscribe(signedB, bob, RedisMyChanges);
    const adminUpdatesOnA = async (plan: string) => {
      const { errors } = await signedA.request(RedisAdminUpdate, { input: { username: 'bob', attributes: [{ name: 'custom:plan', value: plan }] } }, { token: alice });
      expect(errors).toBeUndefined();
    };
    // The signed instances understand each other.
    await untilLive(adminUpdatesOnA, [(plan) => onSigned.waitFor((e) => sets('custom:plan', plan)(mine(e)), 500)]);
    // And the open instance hears plain JSON: a live subscription there too.
    await untilLive(
      async (plan) => void (await append('e', JSON.stringify(forgedEvent(plan)))),
      [(plan) => onOpen.waitFor((e) => sets('custom:plan', plan)(mine(e)), 500)],
    );

    const forged = uniquePlan('forged');
    await append('e', JSON.stringify(forgedEvent(forged)));
    await append('e', JSON.stringify(forgedEvent(forged)), 'm', 'AAAA');
    await onOpen.waitFor((e) => sets('custom:plan', forged)(mine(e)));
    await sleep(300);
    expect(onSigned.matching(mine, 'custom:plan', forged)).toEqual([]);
    expect(await dropped(signedB, 'signature')).toBeGreaterThanOrEqual(2);

    const real = uniquePlan('signed');
    await adminUpdatesOnA(real);
    expect(mine(await onSigned.waitFor((e) => sets('custom:plan', real)(mine(e)))).source).toBe('ADMIN');
    expect(crashes).toEqual([]);
  });

  it('should refuse a REDIS_FEED_SECRET too short to be secret, or without REDIS_URL', () => {
    const base = { COGNITO_USER_POOL_ID: 'eu-west-1_AbC123', AWS_REGION: 'eu-west-1' };
    expect(() => loadConfig({ ...base, REDIS_URL: SHARED_REDIS_URL, REDIS_FEED_SECRET: 'short' })).toThrow(/REDIS_FEED_SECRET must be 16 to 256/);
    expect(() => loadConfig({ ...base, REDIS_FEED_SECRET: 'long-enough-secret-0123456789' })).toThrow(/REDIS_FEED_SECRET needs REDIS_URL/);
    expect(loadConfig({ ...base, REDIS_URL: SHARED_REDIS_URL, REDIS_FEED_SECRET: 'long-enough-secret-0123456789' }).redisFeedSecret).toBe('long-enough-secret-0123456789');
  });
});

describe('a Redis outage', () => {
  let redis: PrivateRedis;
  let service: TestApp | undefined;
  /** Unhandled rejections while this block runs: each would crash a production process. */
  const rejections: unknown[] = [];
  const record = (reason: unknown) => rejections.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', record);
    redis = new PrivateRedis(await freePort());
    await redis.start();
    service = await startTestApp(cognito, { REDIS_URL: redis.url });
    await service.app.start();
  });
  afterAll(async () => {
    await Promise.all(subscribers.splice(0).map((s) => s.dispose()));
    // The service first, while its Redis still answers, so that stopping it is no outage of its own.
    await service?.stop();
    await redis?.kill();
    process.off('unhandledRejection', record);
  });

  const updateBob = async (plan: string) => {
    const { errors } = await service!.request(RedisUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: plan }] } }, { token: bob });
    expect(errors).toBeUndefined();
  };

  it('should keep queries, mutations and subscribers working, answer /ready 503 while it lasts, and heal when Redis returns', { timeout: 60_000 }, async () => {
    const url = service!.app.url;
    const subscriber = subscribe(service!, bob, RedisMyChanges);
    await untilLive(updateBob, [(plan) => subscriber.waitFor((e) => sets('custom:plan', plan)(mine(e)), 500)]);
    await readyBecomes(url, 200, 10_000);

    await redis.kill();
    await readyBecomes(url, 503, 3_000);

    // Queries and mutations answer from Cognito as usual.
    const before = await service!.request(RedisMe, {}, { token: bob });
    expect(before.errors).toBeUndefined();
    expect(before.data?.me).toEqual({ username: 'bob', plan: await bobPlan() });

    const outagePlan = uniquePlan('outage');
    const started = Date.now();
    const updated = await service!.request(RedisUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: outagePlan }] } }, { token: bob });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateMyAttributes.user).toEqual({ username: 'bob', plan: outagePlan });
    expect(await bobPlan()).toBe(outagePlan);

    const after = await service!.request(RedisMe, {}, { token: bob });
    expect(after.errors).toBeUndefined();
    expect(after.data?.me.plan).toBe(outagePlan);
    expect((await fetch(`${url}/ready`)).status).toBe(503);

    // Redis returns on the same port: the service heals by itself.
    await redis.start();
    await readyBecomes(url, 200, 10_000);

    const healedPlan = uniquePlan('healed');
    await updateBob(healedPlan);
    const event = mine(await subscriber.waitFor((e) => sets('custom:plan', healedPlan)(mine(e)), 10_000));
    expect(event.user.username).toBe('bob');
    expect(event.updated).toEqual([{ name: 'custom:plan', value: healedPlan }]);

    // The same socket all along: never closed, no errors.
    expect(subscriber.closeCode).toBeUndefined();
    expect(subscriber.completed).toBe(false);
    expect(subscriber.errors).toEqual([]);
    expect(rejections).toEqual([]);
  });

  it('should survive subscribers leaving and arriving during a long outage, and deliver to every one of them afterwards', { timeout: 90_000 }, async () => {
    const url = service!.app.url;
    const staying = subscribe(service!, bob, RedisMyChanges);
    const leaving = subscribe(service!, alice, RedisMyChanges);
    const updateAlice = async (plan: string) => {
      const { errors } = await service!.request(RedisUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: plan }] } }, { token: alice });
      expect(errors).toBeUndefined();
    };
    await untilLive(updateBob, [(plan) => staying.waitFor((e) => sets('custom:plan', plan)(mine(e)), 500)]);
    await untilLive(updateAlice, [(plan) => leaving.waitFor((e) => sets('custom:plan', plan)(mine(e)), 500)]);
    await readyBecomes(url, 200, 10_000);

    await redis.kill();
    await readyBecomes(url, 503, 3_000);
    // One subscriber leaves (its instance unsubscribes in Redis), another arrives (it subscribes), while Redis is away.
    await leaving.dispose();
    const arriving = subscribe(service!, alice, RedisPoolChanges);
    // An outage longer than the Redis client's retries for a queued command (about 10.5 s).
    await sleep(13_000);
    expect.soft(rejections, 'unhandled rejections during the outage').toEqual([]);
    expect((await fetch(`${url}/ready`)).status).toBe(503);
    const during = await service!.request(RedisMe, {}, { token: bob });
    expect(during.errors).toBeUndefined();
    expect(during.data?.me.username).toBe('bob');

    await redis.start();
    await readyBecomes(url, 200, 10_000);

    const plan = uniquePlan('back');
    await updateBob(plan);
    const toStaying = mine(await staying.waitFor((e) => sets('custom:plan', plan)(mine(e)), 10_000));
    expect(toStaying.user.username).toBe('bob');
    const toArriving = pooled(await arriving.waitFor((e) => sets('custom:plan', plan)(pooled(e)), 10_000));
    expect(toArriving.user.username).toBe('bob');
    expect(toArriving.updated).toEqual([{ name: 'custom:plan', value: plan }]);

    expect(staying.closeCode).toBeUndefined();
    expect(arriving.closeCode).toBeUndefined();
    expect([...staying.errors, ...arriving.errors]).toEqual([]);
    expect(rejections).toEqual([]);
  });

  it('should stop promptly while Redis is down, even with a change waiting to be published', { timeout: 30_000 }, async () => {
    const url = service!.app.url;
    rejections.length = 0;
    await readyBecomes(url, 200, 10_000);
    await redis.kill();
    await readyBecomes(url, 503, 3_000);
    // A change made now waits for Redis in the client's offline queue.
    await updateBob(uniquePlan('last'));

    const started = Date.now();
    const stopping = service!;
    service = undefined;
    await stopping.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(rejections).toEqual([]);
  });
});
