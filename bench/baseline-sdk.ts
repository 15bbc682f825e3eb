/**
 * HTTP baseline 2, the upstream's limit: the AWS SDK calling the Cognito
 * stub directly — GetUser with a valid access token, no GraphQL, no HTTP
 * server. The client is made by the service's own `createCognitoClient`
 * (src/cognito/sdk-client.ts: the endpoint, keep-alive agents of 64 sockets,
 * per-attempt timeouts, adaptive retries), with the same placeholder
 * credentials (`x`/`x`) and region (`us-east-1`) the benchmark gives the
 * service, but without the service's middlewares (quotas, metrics, breaker).
 *
 * This process IS the load generator of this baseline: `C` loops, each
 * sending its next GetUser as soon as the last one answered, tokens taken
 * round-robin from a JSON file, latency timed around `client.send()` with
 * `performance.now()`. Generator and SDK share one event loop here, as the
 * service's SDK shares one with Yoga.
 *
 * Run as `node --import tsx bench/baseline-sdk.ts` with `COGNITO_ENDPOINT`
 * (and the AWS_* variables the service gets). It is started early and waits
 * for plans: one JSON line each on stdin,
 * `{"tokensFile":"…","concurrencies":[50,1],"durationS":10,"sequentialDurationS":10,"warmupS":3,"settleS":1}`
 * (unmeasured calls for `warmupS` before the first concurrency of the plan,
 * `settleS` before each later one; `sequentialDurationS` measured at
 * concurrency 1). For each plan it prints JSON lines on stdout:
 * `{"event":"measure","concurrency":C}` when a measured phase starts,
 * `{"event":"result",…}` when it ends, `{"event":"done"}` last. It prints
 * `{"event":"ready"}` once loaded, and exits when stdin closes.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient } from '../src/cognito/sdk-client.js';
import { summarize } from './lib/stats.js';

/** One series of runs. */
interface Plan {
  tokensFile: string;
  concurrencies: number[];
  durationS: number;
  sequentialDurationS: number;
  warmupS: number;
  settleS: number;
}

const endpoint = process.env.COGNITO_ENDPOINT;
if (!endpoint) {
  console.error('COGNITO_ENDPOINT is required');
  process.exit(2);
}
const client = createCognitoClient({ region: process.env.AWS_REGION ?? 'us-east-1', endpoint, timeoutMs: 5_000 });
const emit = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

let next = 0;

/** `concurrency` closed loops for `seconds`; latencies of the successful calls, in ms. */
async function run(tokens: readonly string[], concurrency: number, seconds: number) {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const stopAt = performance.now() + seconds * 1000;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < stopAt) {
        const token = tokens[next++ % tokens.length]!;
        const t0 = performance.now();
        try {
          const output = await client.send(new GetUserCommand({ AccessToken: token }));
          if (!output.Username) throw new Error('GetUser answered no Username');
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors++;
          if (errorSamples.length < 3) errorSamples.push(String(error).slice(0, 300));
        }
      }
    }),
  );
  const wallS = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { latencies, errors, errorSamples, wallS, cpuPercent: ((cpu.user + cpu.system) / 1e6 / wallS) * 100 };
}

async function execute(plan: Plan): Promise<void> {
  const tokens = JSON.parse(readFileSync(plan.tokensFile, 'utf8')) as string[];
  for (const [i, concurrency] of plan.concurrencies.entries()) {
    await run(tokens, concurrency, i === 0 ? plan.warmupS : plan.settleS);
    emit({ event: 'measure', concurrency });
    const { latencies, errors, errorSamples, wallS, cpuPercent } = await run(tokens, concurrency, concurrency === 1 ? plan.sequentialDurationS : plan.durationS);
    emit({
      event: 'result',
      concurrency,
      requests: latencies.length,
      errors,
      errorSamples,
      wallS,
      rps: latencies.length / wallS,
      latency: summarize(latencies),
      cpuPercent,
    });
  }
  emit({ event: 'done' });
}

emit({ event: 'ready' });
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  try {
    await execute(JSON.parse(line) as Plan);
  } catch (error) {
    emit({ event: 'failed', error: String(error) });
  }
}
client.destroy();
process.exit(0);
