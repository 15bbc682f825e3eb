/**
 * `npm run token -- <user>` (src/embedded/token-cli.ts), run as a separate
 * process against the embedded service running in this one: it prints a
 * fresh access token the service accepts; with no service running it says
 * so and exits 1; for a user that is not a demo user it exits 2. The service
 * writes `<DATA_DIR>/embedded.json` while it runs, and only then.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { RUNNING_FILE, type RunningEmbedded } from '../src/embedded/running.js';
import { claimsOf } from './support/tokens.js';

const ROOT = new URL('..', import.meta.url).pathname;

/** What a finished command printed, and how it exited. */
interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command args` in the repository with `DATA_DIR=dataDir`. */
function run(command: string, args: string[], dataDir: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The CLI itself, as `npm run token` runs it (tsx). */
const token = (dataDir: string, ...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/embedded/token-cli.ts', ...args], dataDir);

/** Asks the running service who `accessToken` is. */
async function whoIs(app: App, accessToken: string): Promise<unknown> {
  const response = await app.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ query: '{ me { username } }' }),
  });
  return response.json();
}

let dataDir: string;
let app: App;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'token-cli-'));
  app = await buildApp(loadConfig({ DATA_DIR: dataDir, PORT: '0' }), { logger: pino({ level: 'silent' }) });
  await app.start();
});

afterAll(async () => {
  await app?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('while the embedded service runs', () => {
  it('should describe the running service in <DATA_DIR>/embedded.json, readable by its owner only', async () => {
    const file = join(dataDir, RUNNING_FILE);
    const info = JSON.parse(await readFile(file, 'utf8')) as RunningEmbedded;
    expect(info).toEqual({
      url: app.url,
      endpoint: app.embedded!.emulator.endpoint,
      region: 'local',
      userPoolId: app.embedded!.demo.userPoolId,
      clientId: app.embedded!.demo.clientId,
      pid: process.pid,
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('should print a fresh access token of bob that the service accepts for `me`, and nothing else on stdout', async () => {
    const { code, stdout, stderr } = await run('npm', ['run', '-s', 'token', '--', 'bob'], dataDir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const printed = stdout.trim();
    const claims = claimsOf(printed);
    expect(claims).toMatchObject({ username: 'bob', token_use: 'access', client_id: app.embedded!.demo.clientId });
    expect(Number(claims.exp) * 1000).toBeGreaterThan(Date.now());
    expect(await whoIs(app, printed)).toEqual({ data: { me: { username: 'bob' } } });
  });

  it("should print alice's token, which carries the admin group", async () => {
    const { code, stdout } = await token(dataDir, 'alice');
    expect(code).toBe(0);
    expect(claimsOf(stdout.trim())['cognito:groups']).toEqual(['admin']);
    expect(await whoIs(app, stdout.trim())).toEqual({ data: { me: { username: 'alice' } } });
  });

  it('should refuse a user who is not a demo user, or no user at all, with exit code 2 and the demo users named', async () => {
    for (const args of [['mallory'], [], ['bob', 'alice']]) {
      const { code, stdout, stderr } = await token(dataDir, ...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/alice.*bob/);
    }
  });
});

describe('with no embedded service running', () => {
  it('should say so and exit 1 when there is no embedded.json', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'token-cli-none-'));
    try {
      const { code, stdout, stderr } = await token(empty, 'bob');
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/No embedded service is running/);
      expect(stderr).toMatch(/npm start/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('should say so and exit 1 when embedded.json was left behind by a process that has exited, or names an emulator that is gone', async () => {
    const stale = await mkdtemp(join(tmpdir(), 'token-cli-stale-'));
    try {
      const exited = await run(process.execPath, ['-e', 'console.log(process.pid)'], stale);
      const info: RunningEmbedded = { ...(JSON.parse(await readFile(join(dataDir, RUNNING_FILE), 'utf8')) as RunningEmbedded), pid: Number(exited.stdout) };
      await writeFile(join(stale, RUNNING_FILE), JSON.stringify(info));
      const dead = await token(stale, 'bob');
      expect(dead.code).toBe(1);
      expect(dead.stderr).toMatch(/No embedded service is running.*has exited/);

      // A live process (this one), but nothing listening where the emulator was.
      await writeFile(join(stale, RUNNING_FILE), JSON.stringify({ ...info, pid: process.pid, endpoint: 'http://127.0.0.1:9' }));
      const gone = await token(stale, 'bob');
      expect(gone.code).toBe(1);
      expect(gone.stdout).toBe('');
      expect(gone.stderr).toMatch(/No embedded service is running.*does not answer/);
    } finally {
      await rm(stale, { recursive: true, force: true });
    }
  });

  it('should remove embedded.json when the service stops, after which the command exits 1', async () => {
    const own = await mkdtemp(join(tmpdir(), 'token-cli-stop-'));
    const stopping = await buildApp(loadConfig({ DATA_DIR: own, PORT: '0' }), { logger: pino({ level: 'silent' }) });
    try {
      await stopping.start();
      expect((await token(own, 'bob')).code).toBe(0);
      await stopping.stop();
      await expect(stat(join(own, RUNNING_FILE))).rejects.toThrow(/ENOENT/);
      const after = await token(own, 'bob');
      expect(after.code).toBe(1);
      expect(after.stderr).toMatch(/No embedded service is running/);
    } finally {
      await stopping.stop().catch(() => undefined);
      await rm(own, { recursive: true, force: true });
    }
  });
});
