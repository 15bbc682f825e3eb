/**
 * A private `redis-server` a test may kill and restart (the machine's shared
 * Redis on 6379 is left alone), on a port of its own, keeping nothing on disk
 * unless given a directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long a starting redis-server may take to answer PING. */
const START_TIMEOUT_MS = 10_000;

/** True when a Redis answers PING on `port`. */
export function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** A redis-server of the test's own. */
export class PrivateRedis {
  #process: ChildProcess | undefined;
  /** With `dir`, it keeps its data there (append-only file, fsync on every write), so a restart keeps it as a production Redis would. */
  constructor(
    readonly port: number,
    readonly dir?: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts it and waits until it answers PING. */
  async start(): Promise<void> {
    const persistence = this.dir ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', this.dir] : ['--appendonly', 'no'];
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', ...persistence], {
      stdio: 'ignore',
    });
    this.#process = child;
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await pings(this.port))) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('redis-server did not answer PING within 10 s');
      await sleep(50);
    }
  }

  /** Kills the server at once (SIGKILL), as a crash would. */
  async kill(): Promise<void> {
    const child = this.#process;
    this.#process = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}
