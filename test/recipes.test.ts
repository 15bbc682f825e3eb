/**
 * The README's client recipes (docs/recipes/), run as a frontend runs them:
 * the README shows each file as it is, and each keeps a user's feed whole
 * across an instance restart (graphql-ws's and graphql-sse's own retries,
 * resuming with the last cursor) and starts over after CURSOR_EXPIRED.
 * Real sockets, a real Redis, the real emulator.
 */
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { followMyChangesOverSse } from '../docs/recipes/graphql-sse.js';
import { followMyChanges, type MyChange } from '../docs/recipes/graphql-ws.js';
import { updateProfile } from '../docs/recipes/update-profile.js';
import { graphql } from './gql/index.js';
import { until } from './support/until.js';
import { freePort, startTestApp, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';

const RecipeUpdateMine = graphql(`
  mutation RecipeUpdateMine($input: UpdateMyAttributesInput!) {
    updateMyAttributes(input: $input) {
      user {
        username
      }
    }
  }
`);

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RATES = { QUOTA_PER_USER_READS_PER_SECOND: '1000', QUOTA_PER_USER_WRITES_PER_SECOND: '1000', QUOTA_CALLER_SHARE_PERCENT: '100' };

// A browser (and Node 22 on) has a global WebSocket; Node 20 does not.
globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;

let cognito: TestCognito;
beforeAll(async () => {
  cognito = await startTestCognito();
});
afterAll(async () => {
  await cognito?.stop();
});

const plan = (label: string) => `${label}-${randomUUID().slice(0, 6)}`;
const plans = (changes: MyChange[]) => changes.map((c) => c.updated.find((a) => a.name === 'custom:plan')?.value);

async function bobSets(service: TestApp, value: string): Promise<void> {
  const token = await cognito.tokens.tokenFor('bob');
  const { errors } = await service.request(RecipeUpdateMine, { input: { attributes: [{ name: 'custom:plan', value }] } }, { token });
  expect(errors).toBeUndefined();
}

/** Starts an instance on `port` (a restart keeps its address, as behind a load balancer). */
async function instance(port: number, env: Record<string, string>): Promise<TestApp> {
  const service = await startTestApp(cognito, { ...RATES, PORT: String(port), ...env });
  await service.app.start();
  return service;
}

it('should show each recipe in the README as it is in docs/recipes/', async () => {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  for (const recipe of ['graphql-ws.ts', 'graphql-sse.ts', 'update-profile.ts']) {
    const source = await readFile(new URL(`../docs/recipes/${recipe}`, import.meta.url), 'utf8');
    expect(readme, recipe).toContain(source.trim());
  }
});

const recipes = {
  ws: (url: string, on: { changes: MyChange[]; resets: number[] }) =>
    followMyChanges({ url: url.replace(/^http/, 'ws') + '/graphql', getToken: () => cognito.tokens.tokenFor('bob'), onChange: (c) => on.changes.push(c), onReset: () => on.resets.push(Date.now()) }),
  sse: (url: string, on: { changes: MyChange[]; resets: number[] }) =>
    followMyChangesOverSse({ url: `${url}/graphql`, getToken: () => cognito.tokens.tokenFor('bob'), onChange: (c) => on.changes.push(c), onReset: () => on.resets.push(Date.now()) }),
};

describe.each(['ws', 'sse'] as const)('the %s recipe', (transport) => {
  it('should give every change once and in order across a restart of the instance it follows (Redis mode)', { timeout: 60_000 }, async () => {
    const port = await freePort();
    let followed = await instance(port, { REDIS_URL });
    const other = await instance(0, { REDIS_URL });
    const on = { changes: [] as MyChange[], resets: [] as number[] };
    const stop = recipes[transport](followed.app.url, on);
    try {
      // Live: changes made on the other instance arrive.
      const first = plan('first');
      for (let i = 0; i < 50 && on.changes.length === 0; i++) {
        await bobSets(other, i === 0 ? first : plan('warm'));
        await sleep(100);
      }
      await until(() => on.changes.length > 0, 10_000, 'the first change');
      const before = on.changes.length;

      await followed.stop();
      const gap = [plan('gap1'), plan('gap2'), plan('gap3')];
      for (const value of gap) await bobSets(other, value);
      followed = await instance(port, { REDIS_URL });
      await until(() => on.changes.length >= before + 3, 30_000, 'the changes made during the restart');
      const live = plan('live');
      await bobSets(other, live);
      await until(() => on.changes.length >= before + 4, 10_000, 'a live change');
      await sleep(500);
      expect(plans(on.changes.slice(before))).toEqual([...gap, live]);
      expect(on.resets).toEqual([]);
    } finally {
      await stop();
      await followed.stop();
      await other.stop();
    }
  });

  it('should start over after CURSOR_EXPIRED (a single process restarted) and go on live', { timeout: 60_000 }, async () => {
    const port = await freePort();
    let followed = await instance(port, {});
    const on = { changes: [] as MyChange[], resets: [] as number[] };
    const stop = recipes[transport](followed.app.url, on);
    try {
      for (let i = 0; i < 50 && on.changes.length === 0; i++) {
        await bobSets(followed, plan('warm'));
        await sleep(100);
      }
      await until(() => on.changes.length > 0, 10_000, 'the first change');
      await followed.stop();
      followed = await instance(port, {});
      await until(() => on.resets.length === 1, 30_000, 'the reset');
      const before = on.changes.length;
      const made: string[] = [];
      for (let i = 0; i < 50 && on.changes.length === before; i++) {
        made.push(plan('after'));
        await bobSets(followed, made.at(-1)!);
        await sleep(200);
      }
      await until(() => on.changes.length > before, 10_000, 'a change after the reset');
      expect(made).toContain(plans(on.changes.slice(before))[0]);
      expect(on.resets).toHaveLength(1);
    } finally {
      await stop();
      await followed.stop();
    }
  });
});

describe('the update-profile recipe', () => {
  let service: TestApp;
  beforeAll(async () => {
    service = await instance(0, {});
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('should refresh the tokens when the update made ID token claims stale, and not for an email that waits for its code', async () => {
    let refreshed = 0;
    const update = (attributes: { name: string; value: string }[]) =>
      updateProfile({ url: `${service.app.url}/graphql`, getToken: () => cognito.tokens.tokenFor('bob'), refreshTokens: async () => refreshed++, attributes });

    const planned = await update([{ name: 'custom:plan', value: plan('recipe') }]);
    expect(planned.staleTokenClaims).toEqual(['custom:plan']);
    expect(refreshed).toBe(1);

    const email = `bob.${randomUUID().slice(0, 6)}@example.com`;
    const waiting = await update([{ name: 'email', value: email }]);
    expect(waiting.staleTokenClaims).toEqual([]);
    expect(waiting.user.pendingChanges).toEqual([{ name: 'email', value: email }]);
    expect(waiting.codeDeliveries).toEqual([{ attributeName: 'email', deliveryMedium: 'EMAIL', destination: 'b***@e***' }]);
    expect(refreshed).toBe(1);
    expect(waiting.user.id).toBe(planned.user.id);
  });
});
