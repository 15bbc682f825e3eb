/**
 * A stub of Amazon Cognito's user-pool API for benchmarks: a small `node:http`
 * server that speaks Cognito's JSON protocol (awsJson1_1: `POST /` with
 * `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>` and
 * `content-type: application/x-amz-json-1.1`) for exactly the operations the
 * service calls, over an in-memory user table, and that serves the JWKS of a
 * key pair it generates, so the benchmark can mint access tokens the service
 * accepts.
 *
 * Why a stub and not the embedded emulator: a benchmark must measure the
 * service, not its upstream. The stub answers in microseconds (or after a
 * fixed `delayMs`, to model Cognito's own latency), keeps no disk state, and
 * scales to tens of thousands of users and tokens.
 *
 * Operations: GetUser, AdminGetUser, ListUsers (pages of 60), UpdateUserAttributes,
 * AdminUpdateUserAttributes, DeleteUserAttributes, AdminDeleteUserAttributes,
 * DescribeUserPool, DescribeUserPoolClient. Anything else answers
 * `UnknownOperationException` (HTTP 400). Errors use Cognito's JSON error shape
 * (`{"__type":"UserNotFoundException","message":"..."}`, HTTP 400, plus the
 * `x-amzn-ErrorType` header), which `@aws-sdk/client-cognito-identity-provider`
 * turns into its named exceptions. Timestamps are epoch seconds, as on the wire.
 *
 * Tokens: {@link StubCognito.accessToken} signs an RS256 access token with
 * `sub`, `username`, `client_id`, `token_use: "access"`, `cognito:groups`,
 * `scope`, `iat`, `exp`, `jti`, and `iss` = `<stub url>/<poolId>`; the public
 * key is at `GET /<poolId>/.well-known/jwks.json`. The user operations
 * (GetUser, UpdateUserAttributes, DeleteUserAttributes) find the user by the
 * token's `username` claim after decoding it WITHOUT verifying the signature
 * (like the emulator; the service under test verifies tokens itself), and
 * reject malformed or expired tokens with `NotAuthorizedException`.
 *
 * @example
 * ```ts
 * const cognito = await startStubCognito({ users: 1_000, admins: 10, delayMs: 0 });
 * // service env: COGNITO_USER_POOL_ID=cognito.poolId, COGNITO_ENDPOINT=cognito.url
 * const token = await cognito.accessToken(cognito.username(42));      // a user
 * const admin = await cognito.accessToken(cognito.adminName(0));      // in group 'admin'
 * cognito.calls.AdminGetUser;                                          // calls counted per operation
 * await cognito.stop();
 * ```
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/** One attribute of the stub pool's schema, in DescribeUserPool's wire shape. */
interface SchemaAttributeWire {
  Name: string;
  AttributeDataType: 'String' | 'Number' | 'DateTime' | 'Boolean';
  DeveloperOnlyAttribute: boolean;
  Mutable: boolean;
  Required: boolean;
  StringAttributeConstraints?: { MinLength?: string; MaxLength?: string };
  NumberAttributeConstraints?: { MinValue?: string; MaxValue?: string };
}

/**
 * The stub pool's attribute schema: the standard attributes the users have
 * plus `custom:plan` (String, 1..32) and `custom:seats` (Number, 1..1000).
 */
export const STUB_SCHEMA: readonly SchemaAttributeWire[] = [
  { Name: 'sub', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: false, Required: true, StringAttributeConstraints: { MinLength: '1', MaxLength: '2048' } },
  { Name: 'email', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: true, Required: false, StringAttributeConstraints: { MinLength: '0', MaxLength: '2048' } },
  { Name: 'email_verified', AttributeDataType: 'Boolean', DeveloperOnlyAttribute: false, Mutable: true, Required: false },
  { Name: 'name', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: true, Required: false, StringAttributeConstraints: { MinLength: '0', MaxLength: '2048' } },
  { Name: 'updated_at', AttributeDataType: 'Number', DeveloperOnlyAttribute: false, Mutable: true, Required: false, NumberAttributeConstraints: { MinValue: '0' } },
  { Name: 'custom:plan', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: true, Required: false, StringAttributeConstraints: { MinLength: '1', MaxLength: '32' } },
  { Name: 'custom:seats', AttributeDataType: 'Number', DeveloperOnlyAttribute: false, Mutable: true, Required: false, NumberAttributeConstraints: { MinValue: '1', MaxValue: '1000' } },
];

/** A user of the stub pool. */
export interface StubUser {
  username: string;
  sub: string;
  /** Attribute name → value; `sub` included. */
  attributes: Map<string, string>;
  groups: string[];
  createdAt: number;
  updatedAt: number;
}

/** How to build the stub. */
export interface StubCognitoOptions {
  /** @default `us-east-1_Bench` + 4 random characters, so concurrent runs sharing a Redis never collide. */
  poolId?: string;
  /** The app client id the tokens carry. @default 'benchclient0001' */
  clientId?: string;
  /** Users `u00000`, `u00001`, …; created up front. @default 1000 */
  users?: number;
  /** Administrators `a00000`, … (group `adminGroup`). @default 10 */
  admins?: number;
  /** @default 'admin' */
  adminGroup?: string;
  /** Every answer waits this long first (models Cognito's latency). @default 0 */
  delayMs?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** Lifetime of minted tokens. @default 7200 */
  tokenTtlSeconds?: number;
}

/** Cognito's operations the stub answers, by their `X-Amz-Target` suffix. */
export type StubOperation =
  | 'GetUser'
  | 'AdminGetUser'
  | 'UpdateUserAttributes'
  | 'AdminUpdateUserAttributes'
  | 'DeleteUserAttributes'
  | 'AdminDeleteUserAttributes'
  | 'AdminListGroupsForUser'
  | 'DescribeUserPool'
  | 'DescribeUserPoolClient'
  | 'ListUsers';

/** A Cognito error as the JSON protocol carries it. */
class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const pad = (i: number) => String(i).padStart(5, '0');
const epochSeconds = (ms: number) => ms / 1000;
const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

/** A deterministic, UUID-shaped `sub` for a username. */
function subFor(username: string): string {
  const h = createHash('sha1').update(`bench:${username}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The running stub; see the module's documentation. */
export class StubCognito {
  /** `http://host:port`: the service's `COGNITO_ENDPOINT`. */
  url = '';
  readonly poolId: string;
  readonly clientId: string;
  readonly adminGroup: string;
  /** Every answer waits this long first; may be changed while running. */
  delayMs: number;
  readonly users = new Map<string, StubUser>();
  /** Calls answered, per operation (errors included). */
  readonly calls: Record<string, number> = {};
  /** Requests that were an SDK retry (`amz-sdk-request: attempt=N`, N > 1), with when they came. */
  readonly retries: { at: number; operation: string; attempt: number }[] = [];
  /** `performance.now()` of every TCP connection the stub accepted (the service should keep reusing a few). */
  readonly connectionTimes: number[] = [];
  /** Called with each operation and its input just before it is answered (after `delayMs`), e.g. to time the service's calls. */
  onCall?: (operation: string, input: Record<string, unknown>) => void;
  readonly #server: Server;
  readonly #options: Required<Pick<StubCognitoOptions, 'host' | 'port' | 'tokenTtlSeconds'>>;
  #privateKey?: CryptoKey;
  #jwks?: { keys: JWK[] };
  readonly #kid = `bench-${randomBytes(4).toString('hex')}`;

  constructor(options: StubCognitoOptions = {}) {
    this.poolId = options.poolId ?? `us-east-1_Bench${randomBytes(3).toString('hex').slice(0, 4)}`;
    this.clientId = options.clientId ?? 'benchclient0001';
    this.adminGroup = options.adminGroup ?? 'admin';
    this.delayMs = options.delayMs ?? 0;
    this.#options = { host: options.host ?? '127.0.0.1', port: options.port ?? 0, tokenTtlSeconds: options.tokenTtlSeconds ?? 7200 };
    this.addUsers(options.users ?? 1000, options.admins ?? 10);
    this.#server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => void this.#handle(req, res));
    this.#server.on('connection', () => this.connectionTimes.push(performance.now()));
  }

  /** The issuer of the stub's tokens: `<url>/<poolId>`. */
  get issuer(): string {
    return `${this.url}/${this.poolId}`;
  }

  /** The username of user `i`: `u00042`. */
  username(i: number): string {
    return `u${pad(i)}`;
  }

  /** The username of administrator `i`: `a00003`. */
  adminName(i: number): string {
    return `a${pad(i)}`;
  }

  /** Makes sure users `u00000..u<users-1>` and administrators `a00000..a<admins-1>` exist. */
  addUsers(users: number, admins = 0): void {
    const add = (username: string, groups: string[]) => {
      if (this.users.has(username)) return;
      const now = Date.now();
      const sub = subFor(username);
      this.users.set(username, {
        username,
        sub,
        groups,
        createdAt: now,
        updatedAt: now,
        attributes: new Map([
          ['sub', sub],
          ['email', `${username}@bench.example`],
          ['email_verified', 'true'],
          ['name', `Bench User ${username}`],
          ['custom:plan', 'free'],
          ['custom:seats', '1'],
        ]),
      });
    };
    for (let i = 0; i < users; i++) add(this.username(i), []);
    for (let i = 0; i < admins; i++) add(this.adminName(i), [this.adminGroup]);
  }

  /** Generates the signing key and listens. */
  async start(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
    this.#privateKey = privateKey;
    this.#jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: this.#kid, alg: 'RS256', use: 'sig' }] };
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.#options.port, this.#options.host, () => resolve());
    });
    const { port } = this.#server.address() as AddressInfo;
    this.url = `http://${this.#options.host}:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Signs an access token for an existing user, with their groups. */
  async accessToken(username: string, options: { expiresInSeconds?: number } = {}): Promise<string> {
    const user = this.users.get(username);
    if (!user) throw new Error(`No stub user ${username}`);
    if (!this.#privateKey) throw new Error('Start the stub first');
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      sub: user.sub,
      username: user.username,
      client_id: this.clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: now,
      'cognito:groups': user.groups,
      jti: randomUUID(),
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.#kid, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresInSeconds ?? this.#options.tokenTtlSeconds))
      .sign(this.#privateKey);
  }

  /** Signs tokens for many users at once (signing runs on libuv's thread pool). */
  async accessTokens(usernames: readonly string[], batch = 512): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < usernames.length; i += batch) {
      out.push(...(await Promise.all(usernames.slice(i, i + batch).map((u) => this.accessToken(u)))));
    }
    return out;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (req.method === 'GET' && req.url === `/${this.poolId}/.well-known/jwks.json`) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(this.#jwks));
      return;
    }
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    this.calls[operation || 'unknown'] = (this.calls[operation || 'unknown'] ?? 0) + 1;
    const attempt = Number(/attempt=(\d+)/.exec(String(req.headers['amz-sdk-request'] ?? ''))?.[1] ?? 1);
    if (attempt > 1) this.retries.push({ at: performance.now(), operation, attempt });
    const requestId = randomUUID();
    try {
      if (req.method !== 'POST' || !operation) throw new CognitoError('UnknownOperationException', `Unknown operation ${target}`);
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        throw new CognitoError('SerializationException', 'Malformed JSON');
      }
      this.onCall?.(operation, input);
      const output = this.#operate(operation, input);
      res
        .writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId })
        .end(JSON.stringify(output));
    } catch (error) {
      const e = error instanceof CognitoError ? error : new CognitoError('InternalErrorException', String(error), 500);
      res
        .writeHead(e.status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId, 'x-amzn-errortype': e.type })
        .end(JSON.stringify({ __type: e.type, message: e.message }));
    }
  }

  #operate(operation: string, input: Record<string, unknown>): unknown {
    switch (operation as StubOperation) {
      case 'DescribeUserPool':
        this.#pool(input);
        return {
          UserPool: {
            Id: this.poolId,
            Name: 'bench',
            Arn: `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${this.poolId}`,
            SchemaAttributes: STUB_SCHEMA,
            UsernameAttributes: [],
            AutoVerifiedAttributes: ['email'],
            EstimatedNumberOfUsers: this.users.size,
          },
        };
      case 'DescribeUserPoolClient':
        this.#pool(input);
        if (input.ClientId !== this.clientId) throw new CognitoError('ResourceNotFoundException', `User pool client ${String(input.ClientId)} does not exist.`);
        // No ReadAttributes: the client may read every attribute.
        return { UserPoolClient: { UserPoolId: this.poolId, ClientId: this.clientId, ClientName: 'bench' } };
      case 'AdminGetUser':
        return this.#adminView(this.#adminUser(input));
      case 'AdminListGroupsForUser':
        // The service confirms an administrator's group with Cognito (src/auth/authority.ts).
        return { Groups: this.#adminUser(input).groups.map((GroupName) => ({ GroupName, UserPoolId: this.poolId })) };
      case 'GetUser': {
        const user = this.#tokenUser(input);
        return { Username: user.username, UserAttributes: this.#attributes(user) };
      }
      case 'AdminUpdateUserAttributes':
        this.#update(this.#adminUser(input), input.UserAttributes);
        return {};
      case 'UpdateUserAttributes':
        this.#update(this.#tokenUser(input), input.UserAttributes);
        return { CodeDeliveryDetailsList: [] };
      case 'AdminDeleteUserAttributes':
        this.#delete(this.#adminUser(input), input.UserAttributeNames);
        return {};
      case 'DeleteUserAttributes':
        this.#delete(this.#tokenUser(input), input.UserAttributeNames);
        return {};
      case 'ListUsers': {
        // Pages of at most 60 users (Cognito's most); the token is where the next page starts.
        this.#pool(input);
        const limit = Math.min(60, Number(input.Limit ?? 60));
        const start = Number(input.PaginationToken ?? 0);
        const all = [...this.users.values()];
        const page = all.slice(start, start + limit).map((user) => {
          const { Username, UserAttributes, ...rest } = this.#adminView(user) as { Username: string; UserAttributes: unknown };
          return { Username, Attributes: UserAttributes, ...rest };
        });
        return { Users: page, ...(start + limit < all.length ? { PaginationToken: String(start + limit) } : {}) };
      }
      default:
        throw new CognitoError('UnknownOperationException', `The stub does not implement ${operation}`);
    }
  }

  #pool(input: Record<string, unknown>): void {
    if (input.UserPoolId !== this.poolId) throw new CognitoError('ResourceNotFoundException', `User pool ${String(input.UserPoolId)} does not exist.`);
  }

  #adminUser(input: Record<string, unknown>): StubUser {
    this.#pool(input);
    const user = this.users.get(String(input.Username));
    if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    return user;
  }

  /** The user named by an access token's `username` claim (decoded, not verified). */
  #tokenUser(input: Record<string, unknown>): StubUser {
    const token = typeof input.AccessToken === 'string' ? input.AccessToken : '';
    let claims: { username?: unknown; exp?: unknown; iss?: unknown };
    try {
      claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as typeof claims;
    } catch {
      throw new CognitoError('NotAuthorizedException', 'Invalid Access Token');
    }
    if (claims.iss !== this.issuer) throw new CognitoError('NotAuthorizedException', 'Invalid Access Token');
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) throw new CognitoError('NotAuthorizedException', 'Access Token has expired');
    const user = this.users.get(String(claims.username));
    if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    return user;
  }

  #attributes(user: StubUser): { Name: string; Value: string }[] {
    return [...user.attributes].map(([Name, Value]) => ({ Name, Value }));
  }

  #adminView(user: StubUser): unknown {
    return {
      Username: user.username,
      UserAttributes: this.#attributes(user),
      UserCreateDate: epochSeconds(user.createdAt),
      UserLastModifiedDate: epochSeconds(user.updatedAt),
      Enabled: true,
      UserStatus: 'CONFIRMED',
    };
  }

  #schemaAttribute(name: string): SchemaAttributeWire {
    const attribute = STUB_SCHEMA.find((a) => a.Name === name);
    if (!attribute) throw new CognitoError('InvalidParameterException', `Attribute does not exist in the schema: ${name}`);
    return attribute;
  }

  #update(user: StubUser, list: unknown): void {
    if (!Array.isArray(list) || list.length === 0) throw new CognitoError('InvalidParameterException', 'UserAttributes must not be empty.');
    const changes: [string, string][] = [];
    for (const item of list as { Name?: unknown; Value?: unknown }[]) {
      const name = String(item.Name ?? '');
      const attribute = this.#schemaAttribute(name);
      if (!attribute.Mutable) throw new CognitoError('InvalidParameterException', `Cannot modify an immutable attribute: ${name}`);
      changes.push([name, String(item.Value ?? '')]);
    }
    for (const [name, value] of changes) user.attributes.set(name, value);
    user.updatedAt = Date.now();
  }

  #delete(user: StubUser, list: unknown): void {
    if (!Array.isArray(list) || list.length === 0) throw new CognitoError('InvalidParameterException', 'UserAttributeNames must not be empty.');
    for (const name of list.map(String)) {
      const attribute = this.#schemaAttribute(name);
      if (!attribute.Mutable || attribute.Required) throw new CognitoError('InvalidParameterException', `Cannot delete attribute: ${name}`);
    }
    for (const name of list.map(String)) user.attributes.delete(name);
    user.updatedAt = Date.now();
  }
}

/** Creates and starts a {@link StubCognito}. */
export function startStubCognito(options: StubCognitoOptions = {}): Promise<StubCognito> {
  return new StubCognito(options).start();
}
