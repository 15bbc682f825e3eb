/**
 * `<DATA_DIR>/embedded.json`: where a running embedded service and its
 * emulator are, for tools on the same machine (`npm run token`). Written
 * once the service listens, removed when it stops. It holds no secret: the
 * emulator's endpoint (loopback only), the demo pool and its app client.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The file's name inside `DATA_DIR`. */
export const RUNNING_FILE = 'embedded.json';

/** What a running embedded service tells local tools. */
export interface RunningEmbedded {
  /** The service, e.g. `http://127.0.0.1:4000`. */
  url: string;
  /** The emulator's SDK endpoint. */
  endpoint: string;
  region: string;
  userPoolId: string;
  clientId: string;
  /** The service's process id. */
  pid: number;
}

/** Writes the file for `info` (only its owner may read it). */
export async function writeRunning(dataDir: string, info: RunningEmbedded): Promise<void> {
  await writeFile(join(dataDir, RUNNING_FILE), `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

/** What the file says, or `undefined` when there is none (or it is not ours to read). */
export async function readRunning(dataDir: string): Promise<RunningEmbedded | undefined> {
  let text: string;
  try {
    text = await readFile(join(dataDir, RUNNING_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const info = JSON.parse(text) as Partial<RunningEmbedded>;
    const strings = [info.url, info.endpoint, info.region, info.userPoolId, info.clientId];
    if (strings.every((value) => typeof value === 'string' && value) && typeof info.pid === 'number') return info as RunningEmbedded;
  } catch {
    // Not JSON: as good as none.
  }
  return undefined;
}

/** Removes the file if it still describes `info` (another instance may have written its own since). */
export async function removeRunning(dataDir: string, info: RunningEmbedded): Promise<void> {
  const current = await readRunning(dataDir);
  if (current?.pid === info.pid && current.endpoint === info.endpoint) await rm(join(dataDir, RUNNING_FILE), { force: true });
}
