/**
 * The service in a process of its own, for test/churn.test.ts, so that its
 * heap and handles are its alone (not the emulator's, not the clients'):
 *
 *   node --expose-gc --import tsx test/support/churn-service.ts
 *
 * with the service's settings in the environment (`loadConfig`). It builds
 * the app, listens, sends `{ type: 'listening', url }` over IPC, and answers
 * each `{ id, type: 'probe' | 'measure' | 'stop' }` with `{ id, ... }`:
 * - `probe`: what is open right now ({@link Probe}), cheaply;
 * - `measure`: the same after collecting garbage several times, plus the heap;
 * - `stop`: stops the app and exits.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { watchFeed } from './subscribers.js';

/** What is open in the service. */
export interface Probe {
  /** TCP connections to the HTTP/WebSocket server. */
  connections: number;
  /** Subscriptions listening to the change feed. */
  listening: number;
  /** Listeners on the shutdown signal: one per live subscription stream. */
  shutdownListeners: number;
  /** `process.getActiveResourcesInfo()`, counted by type. */
  resources: Record<string, number>;
  /** Their total. */
  handles: number;
}

/** A {@link Probe} after garbage collection, with the heap. */
export interface Measurement extends Probe {
  /** `heapUsed` after collection, in bytes: the smallest of a few readings. */
  heapUsed: number;
  /** `external` + `arrayBuffers`, in bytes. */
  external: number;
  rss: number;
}

/** Requests from the parent. */
export type ChurnRequest = { id: number; type: 'probe' | 'measure' | 'stop' };

/** Full collections, with pauses between (finalizers and weak callbacks run in between). */
const GC_ROUNDS = 6;
const GC_PAUSE_MS = 100;

const send = (message: unknown) => process.send?.(message);

const config = loadConfig(process.env);
const app = await buildApp(config, { logger: pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2)) });
const feed = watchFeed(app);
await app.start();

async function probe(): Promise<Probe> {
  const connections = await new Promise<number>((resolve, reject) => app.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
  const resources: Record<string, number> = {};
  const info = process.getActiveResourcesInfo();
  for (const type of info) resources[type] = (resources[type] ?? 0) + 1;
  return {
    connections,
    listening: feed.listening,
    shutdownListeners: app.services.shutdown.listeners,
    resources,
    handles: info.length,
  };
}

async function measure(): Promise<Measurement> {
  if (!globalThis.gc) throw new Error('start with --expose-gc');
  let heapUsed = Number.POSITIVE_INFINITY;
  let memory = process.memoryUsage();
  for (let round = 0; round < GC_ROUNDS; round++) {
    globalThis.gc();
    await sleep(GC_PAUSE_MS);
    memory = process.memoryUsage();
    heapUsed = Math.min(heapUsed, memory.heapUsed);
  }
  return { ...(await probe()), heapUsed, external: memory.external + memory.arrayBuffers, rss: memory.rss };
}

process.on('message', (message: ChurnRequest) => {
  void (async () => {
    try {
      if (message.type === 'probe') send({ id: message.id, ...(await probe()) });
      else if (message.type === 'measure') send({ id: message.id, ...(await measure()) });
      else {
        await app.stop();
        send({ id: message.id });
        process.disconnect();
      }
    } catch (error) {
      send({ id: message.id, error: (error as Error).message });
    }
  })();
});
process.on('disconnect', () => process.exit(0));

send({ type: 'listening', url: app.url });
