/**
 * `npm run token -- <user>`: prints a fresh access token of a demo user
 * (`alice` or `bob`) of the embedded service running from this directory,
 * signed in with their password (InitiateAuth, USER_PASSWORD_AUTH) at the
 * emulator that service started. It finds the emulator in
 * `<DATA_DIR>/embedded.json` (src/embedded/running.ts).
 *
 * Only the token goes to stdout, so `TOKEN=$(npm run -s token -- bob)` works;
 * messages go to stderr. Exit codes: 0 printed, 1 no embedded service is
 * running (or it cannot be reached), 2 bad usage or an unknown user.
 */
import { join } from 'node:path';
import { outcomeOf } from '../cognito/breaker.js';
import { createCognitoClient } from '../cognito/sdk-client.js';
import { readRunning, RUNNING_FILE } from './running.js';
import { DEMO_USERS, signIn } from './seed.js';

/** Exit codes. */
const EXIT_NOT_RUNNING = 1;
const EXIT_USAGE = 2;

/** How long signing in may take before the service counts as not running, in ms. */
const SIGN_IN_TIMEOUT_MS = 5_000;

const users = DEMO_USERS.map((u) => `${u.username}${u.admin ? ' (admin)' : ''}`).join(', ');

/** Whether process `pid` is alive (signal 0 checks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs the command for `args`; resolves with the exit code. */
async function main(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [username, ...rest] = args;
  if (!username || rest.length > 0 || username.startsWith('-')) {
    console.error(`Usage: npm run token -- <user>   (demo users: ${users})`);
    return EXIT_USAGE;
  }
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) {
    console.error(`"${username.slice(0, 64)}" is not a demo user; the demo users are ${users}.`);
    return EXIT_USAGE;
  }

  const dataDir = env.DATA_DIR?.trim() || '.data';
  const notRunning = (why: string) => {
    console.error(`No embedded service is running from ${dataDir}/ (${why}). Start it with \`npm start\` (same DATA_DIR), then run this again.`);
    return EXIT_NOT_RUNNING;
  };
  const running = await readRunning(dataDir);
  if (!running) return notRunning(`no ${join(dataDir, RUNNING_FILE)}`);
  if (!alive(running.pid)) return notRunning(`process ${running.pid} has exited`);

  // The pinned SDK's notice about its future releases (see vitest.config.ts) is noise next to a token.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const cognito = createCognitoClient({ region: running.region, endpoint: running.endpoint, timeoutMs: SIGN_IN_TIMEOUT_MS });
  try {
    process.stdout.write(`${await signIn(cognito, running.clientId, user.username, user.password)}\n`);
    return 0;
  } catch (error) {
    // The emulator went away with the service (or never answered): nothing to sign in to.
    if (outcomeOf(error) !== 'answered') return notRunning(`its emulator at ${running.endpoint} does not answer`);
    const { name, message } = error as Error;
    console.error(`Signing in ${user.username} failed: ${name}: ${message}`);
    return EXIT_NOT_RUNNING;
  } finally {
    cognito.destroy();
  }
}

process.exitCode = await main(process.argv.slice(2));
