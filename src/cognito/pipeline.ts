/**
 * The Cognito SDK pipeline: what every call of the service's Cognito client
 * goes through, installed here and nowhere else, in this order.
 *
 * Once per call, ahead of the SDK's retries (its `initialize` step):
 *
 * 1. **Circuit breaker** (src/cognito/breaker.ts): while Cognito keeps
 *    failing, the call fails at once (UPSTREAM_UNAVAILABLE) and spends no quota.
 * 2. **Deadline**: the whole call — its quota wait, every attempt and the
 *    backoff between them — ends within `timeoutMs`, so a hung Cognito costs a
 *    caller one timeout, not one per attempt (UPSTREAM_UNAVAILABLE).
 * 3. **Quotas** (src/cognito/quotas.ts): the call's category budget and, for a
 *    call about one user, that user's; a call they refuse is never sent
 *    (LIMIT_EXCEEDED, with `retryAfter`).
 * 4. **Sent**: the observer counts the call (once, however often it is retried).
 *
 * then the breaker records how the call ended. Once per attempt, inside the
 * SDK's retries (its `finalizeRequest` step):
 *
 * 5. no attempt starts once the call's deadline has passed, so a caller that
 *    was already answered costs Cognito nothing more;
 * 6. the observer counts each attempt Cognito throttled.
 *
 * With tracing on (src/tracing/tracing.ts), each call is one span from step 1
 * to its end ({@link CallTracer}): its command, quota category, attempts and
 * throttled attempts, and the name of the error it ended with — never its
 * input or output (tokens, usernames, attribute values).
 *
 * Whom a call concerns is said by whoever sends it, never guessed from a
 * token: a call made with the user's own access token is sent as
 * `concerning(caller, command)`; an administrator's call names its user in
 * its input (`UserPoolId`, `Username`).
 *
 * A write is followed by reads of the user it changed (the payload, the
 * event). Their quota points are taken before the write ({@link
 * CognitoPipeline.reserve}), and the reads go out {@link Reservation.cover
 * covered} by them: once Cognito has accepted a write, no limit can refuse
 * the reads that report it.
 */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Logger } from 'pino';
import type { QuotaSettings } from '../config.js';
import { codeForCognitoError, ErrorCode } from '../errors.js';
import { CircuitBreaker, CircuitOpenError, outcomeOf, type BreakerState } from './breaker.js';
import { categoryOf, createQuotas, type CallerKey, type CallSubject, type QuotaCategory, type Quotas } from './quotas.js';

/** What the pipeline tells about the calls it sees (src/plugins/use-metrics.ts listens). */
export interface CallObserver {
  /** A call passed the breaker and its quotas and goes to Cognito. */
  sent(command: string): void;
  /** A call the quotas refused before it was sent. */
  refused(command: string): void;
  /** Cognito answered one attempt with throttling (each retry counts). */
  throttled(command: string): void;
  /** The breaker is now in `state` (told once at the start, then at every change). */
  breaker(state: BreakerState): void;
}

/** One Cognito call's span (src/tracing/tracing.ts makes them; nothing of OpenTelemetry is imported here). */
export interface CallSpan {
  /** One attempt goes to Cognito (the SDK's retries make more). */
  attempt(): void;
  /** Cognito answered that attempt with throttling. */
  throttled(): void;
  /** The call ended, with `error` if it failed. */
  end(error?: unknown): void;
}

/** Starts a span per Cognito call, a child of the operation that made it. */
export interface CallTracer {
  start(command: string, category: QuotaCategory | undefined): CallSpan;
}

/** What the pipeline is made of. */
export interface PipelineOptions {
  /** The most one call may take, quota wait and retries included, in ms. */
  timeoutMs: number;
  quotas: QuotaSettings;
  /** Cognito's quotas are per account and region: the region scopes the shared counters. */
  region: string;
  /** Shares the quota counters between instances. */
  redisUrl?: string;
  /** What Cognito said it enforces per category (src/cognito/provisioned-limits.ts). */
  provisioned?: Partial<Record<QuotaCategory, number>>;
  logger: Logger;
  observer?: CallObserver;
  /** Tracing on: a span per call. */
  tracer?: CallTracer;
}

/** The pipeline installed on a client. */
export interface CognitoPipeline {
  readonly client: CognitoIdentityProviderClient;
  readonly breaker: CircuitBreaker;
  /**
   * Takes now the quota points of calls about `subject` to be sent soon
   * (`commands`, e.g. `['GetUser', 'AdminGetUser']`): LIMIT_EXCEEDED here,
   * when they do not come in time, instead of after a write.
   */
  reserve(subject: CallSubject, commands: readonly string[], caller?: CallerKey): Promise<Reservation>;
  /** A budget shared by every instance, beside Cognito's own quotas (e.g. RECONCILE_READS_PER_SECOND); see {@link Quotas.budget}. */
  budget: Quotas['budget'];
  /** The limiters, read without spending: a user's hourly budgets, each category's limit and headroom. */
  readonly quotas: Pick<Quotas, 'remaining' | 'limits' | 'headroom'>;
  /** Removes the pipeline from the client and closes the quotas' Redis connection. */
  close(): Promise<void>;
}

/** Who each call made with a user's own token concerns, by its input (the same object at every step and attempt of the call). */
const subjects = new WeakMap<object, CallSubject>();

/** Who makes each call an administrator sends, by its input (a user's own calls are made by their subject). */
const callers = new WeakMap<object, CallerKey>();

/** The inputs of calls whose quota points were taken in advance (a {@link Reservation}). */
const prepaid = new WeakSet<object>();

/**
 * `command`, marked as made by `caller` (an administrator acting on other
 * users), for the caller's share of each category's budget. A `Caller` is a
 * CallerKey; without one (no caller, e.g. the readiness probe) nothing is marked.
 */
export function byCaller<C extends { input: object }>(caller: CallerKey | null | undefined, command: C): C {
  if (caller) callers.set(command.input, { userPoolId: caller.userPoolId, sub: caller.sub });
  return command;
}

/** The user a call concerns, as its caller: who makes the calls sent with their own token. */
function asCaller(subject: CallSubject | undefined): CallerKey | undefined {
  return subject?.sub ? { userPoolId: subject.userPoolId, sub: subject.sub } : undefined;
}

/** Who makes a call: as marked by {@link byCaller}, or the user it concerns when they make it with their own token. */
function callerOf(input: object, subject: CallSubject | undefined): CallerKey | undefined {
  return callers.get(input) ?? asCaller(subject);
}

/** Quota points taken in advance for calls about one user; see {@link CognitoPipeline.reserve}. */
export class Reservation {
  readonly #left = new Map<string, number>();

  constructor(
    private readonly quotas: Quotas,
    private readonly subject: CallSubject,
    commands: readonly string[],
    private readonly caller?: CallerKey,
  ) {
    for (const command of commands) this.#left.set(command, (this.#left.get(command) ?? 0) + 1);
  }

  /** `command` (a `name` call), sent on points of this reservation when one is left; as it is otherwise. */
  cover<C extends { input: object }>(name: string, command: C): C {
    const left = this.#left.get(name) ?? 0;
    if (left > 0) {
      this.#left.set(name, left - 1);
      prepaid.add(command.input);
    }
    return command;
  }

  /** Gives back the points of the calls that were not made. */
  async release(): Promise<void> {
    const left = [...this.#left.entries()];
    this.#left.clear();
    for (const [command, count] of left) for (let i = 0; i < count; i += 1) await this.quotas.release(command, this.subject, this.caller);
  }
}

/**
 * `command`, marked as a call concerning `subject` (for the per-user limits);
 * send it with the client as usual. A `Caller` is a subject.
 */
export function concerning<C extends { input: object }>(subject: CallSubject, command: C): C {
  subjects.set(command.input, { userPoolId: subject.userPoolId, username: subject.username, ...(subject.sub ? { sub: subject.sub } : {}) });
  return command;
}

/** The username and `sub` in a GetUser or AdminGetUser answer, when it has both. */
function userIn(output: unknown): { username: string; sub: string } | undefined {
  const { Username, UserAttributes } = (output ?? {}) as { Username?: unknown; UserAttributes?: { Name?: string; Value?: string }[] };
  const sub = Array.isArray(UserAttributes) ? UserAttributes.find((a) => a.Name === 'sub')?.Value : undefined;
  return typeof Username === 'string' && typeof sub === 'string' ? { username: Username, sub } : undefined;
}

/** Whom a call concerns: as marked by {@link concerning}, or as an administrator's call names it. */
function subjectOf(input: object): CallSubject | undefined {
  const marked = subjects.get(input);
  if (marked) return marked;
  const { UserPoolId, Username } = input as { UserPoolId?: unknown; Username?: unknown };
  return typeof UserPoolId === 'string' && typeof Username === 'string' ? { userPoolId: UserPoolId, username: Username } : undefined;
}

/** The error a call gets when the whole of it, retries included, outlasts the timeout. */
function deadlineError(timeoutMs: number): Error {
  return Object.assign(new Error(`Cognito did not answer within ${timeoutMs} ms.`), { name: 'TimeoutError' });
}

const commandOf = (context: { commandName?: string }) => String(context.commandName ?? '').replace(/Command$/, '');

/** Numbers the pipelines of a process: middleware names are unique per client, and a test may share one client between apps. */
let installed = 0;

/** Creates the breaker and the quotas and installs the pipeline on `client`, ahead of every other middleware. */
export function installPipeline(client: CognitoIdentityProviderClient, options: PipelineOptions): CognitoPipeline {
  const { timeoutMs, logger, observer, tracer } = options;
  installed += 1;
  const PIPELINE = `servicePipeline-${installed}`;
  const PER_ATTEMPT = `servicePipelineAttempt-${installed}`;
  const breaker = new CircuitBreaker({
    onStateChange(state, failures) {
      if (state === 'open') logger.warn({ failures }, 'Cognito keeps failing: calls fail at once (UPSTREAM_UNAVAILABLE) until a probe succeeds');
      if (state === 'closed') logger.info('Cognito answers again');
      observer?.breaker(state);
    },
  });
  observer?.breaker(breaker.state);
  const quotas: Quotas = createQuotas(options.quotas, {
    region: options.region,
    keyPrefix: options.quotas.keyPrefix,
    logger,
    ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
    ...(options.provisioned ? { provisioned: options.provisioned } : {}),
  });
  // Each call's deadline, by its input. Not in the handler context: with the
  // client's `cacheMiddleware`, that context is shared by every call of a command.
  const deadlines = new WeakMap<object, AbortSignal>();
  // Each call's span, by its input (for the attempts, inside the SDK's retries).
  const spans = new WeakMap<object, CallSpan>();

  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = commandOf(context);
      if (!tracer) return guarded(command, next, args);
      const span = tracer.start(command, categoryOf(command));
      spans.set(args.input, span);
      try {
        const result = await guarded(command, next, args);
        span.end();
        return result;
      } catch (error) {
        span.end(error);
        throw error;
      }
    },
    { step: 'initialize', priority: 'high', name: PIPELINE },
  );
  /** Steps 1 to 4 around the rest of the stack (`next`). */
  async function guarded<A extends { input: object }, R extends { output: unknown }>(command: string, next: (args: A) => Promise<R>, args: A): Promise<R> {
    // 1. The breaker.
    if (!breaker.admit().ok) throw new CircuitOpenError();
    // 2. The deadline.
    const deadline = new AbortController();
    deadlines.set(args.input, deadline.signal);
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const error = deadlineError(timeoutMs);
        deadline.abort(error);
        reject(error);
      }, timeoutMs);
    });
    const call = async () => {
      // 3. The quotas (paid already for a call a reservation covers).
      const subject = subjectOf(args.input);
      if (!subject && quotas.perUser(command)) {
        throw new Error(`${command} concerns one user, but was sent without saying whom: send it as concerning(caller, command).`);
      }
      if (!prepaid.has(args.input)) {
        try {
          await quotas.acquire(command, subject, callerOf(args.input, subject));
        } catch (error) {
          observer?.refused(command);
          throw error;
        }
      }
      // 4. Sent.
      observer?.sent(command);
      const result = await next(args);
      // Whose sub a username is, for the per-user keys of later admin calls.
      const seen = subject && (command === 'GetUser' || command === 'AdminGetUser') ? userIn(result.output) : undefined;
      if (seen && subject) quotas.learn(subject.userPoolId, seen.username, seen.sub);
      return result;
    };
    try {
      const result = await Promise.race([call(), expired]);
      breaker.record('answered');
      return result;
    } catch (error) {
      breaker.record(outcomeOf(error));
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
  client.middlewareStack.add(
    (next, context) => async (args) => {
      // 5. No attempt after the deadline.
      const signal = deadlines.get(args.input);
      if (signal?.aborted) throw signal.reason;
      spans.get(args.input)?.attempt();
      try {
        return await next(args);
      } catch (error) {
        // 6. Throttled attempts.
        if (codeForCognitoError(error, 'admin') === ErrorCode.LIMIT_EXCEEDED) {
          observer?.throttled(commandOf(context));
          spans.get(args.input)?.throttled();
        }
        throw error;
      }
    },
    { step: 'finalizeRequest', priority: 'low', name: PER_ATTEMPT },
  );

  return {
    client,
    breaker,
    budget: (name, perSecond) => quotas.budget(name, perSecond),
    quotas: { remaining: (limit, subject) => quotas.remaining(limit, subject), limits: quotas.limits, headroom: () => quotas.headroom() },
    async reserve(subject, commands, caller) {
      const by = caller ?? asCaller(subject);
      const taken: string[] = [];
      try {
        for (const command of commands) {
          await quotas.acquire(command, subject, by);
          taken.push(command);
        }
      } catch (error) {
        for (const command of taken) await quotas.release(command, subject, by);
        observer?.refused(commands[taken.length] ?? '');
        throw error;
      }
      return new Reservation(quotas, subject, commands, by);
    },
    async close() {
      client.middlewareStack.remove(PIPELINE);
      client.middlewareStack.remove(PER_ATTEMPT);
      await quotas.close();
    },
  };
}
