/**
 * The demo data of the embedded default, created through Cognito's own API
 * on first start and found again on later starts: a pool with custom
 * attributes of each data type (one immutable, one developer-only: only
 * administrators may write it), an app client, an `admin` group, and the
 * users `alice` (admin) and `bob`.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { decomposeUnverifiedJwt } from 'aws-jwt-verify/jwt';
import { StoreError } from './sqlite-data-store.js';

/** The demo pool's name; a pool of this name is reused on later starts. */
export const DEMO_POOL_NAME = 'demo';
/** The demo app client's name. */
export const DEMO_CLIENT_NAME = 'demo-web';

/** A demo user and how they sign in. */
export interface DemoUser {
  username: string;
  password: string;
  admin: boolean;
  attributes: Record<string, string>;
}

/** The demo users. Their passwords are public on purpose: the emulator is loopback-only. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'alice',
    password: 'Alice-demo-1!',
    admin: true,
    attributes: {
      email: 'alice@example.com',
      email_verified: 'true',
      name: 'Alice Admin',
      'custom:plan': 'pro',
      'custom:seats': '25',
      'custom:newsletter': 'true',
      'custom:trial_ends': '2027-01-31T00:00:00.000Z',
      'custom:tenant_id': 'acme',
    },
  },
  {
    username: 'bob',
    password: 'Bob-demo-1!',
    admin: false,
    attributes: {
      email: 'bob@example.com',
      email_verified: 'true',
      name: 'Bob Builder',
      phone_number: '+15555550100',
      'custom:plan': 'free',
      'custom:seats': '1',
      'custom:newsletter': 'false',
      'custom:tenant_id': 'acme',
    },
  },
];

/** What the seed made (or found). */
export interface DemoPool {
  userPoolId: string;
  clientId: string;
}

/**
 * The demo pool keeps a user's original email active until the new one is
 * verified (Cognito's "keep original attribute value active when an update is
 * pending"): an email change never locks anyone out.
 */
export const DEMO_KEEP_ORIGINAL = ['email'] as const;

/** The admin group's name in the demo pool. */
export const DEMO_ADMIN_GROUP = 'admin';

/**
 * Finds the demo pool and client, or creates them with the demo users.
 * `remembered` is the pool this store was seeded with before, if any: when it
 * is gone, the store lost its data, and seeding a fresh demo over it would
 * hide that (a StoreError instead, naming `storeFile` and the way out).
 */
export async function seedDemo(
  cognito: CognitoIdentityProviderClient,
  options: { remembered?: string | undefined; storeFile?: string } = {},
): Promise<DemoPool> {
  const { UserPools = [] } = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  const existing = UserPools.find((p) => p.Name === DEMO_POOL_NAME);
  if (existing?.Id) {
    const { UserPoolClients = [] } = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: existing.Id, MaxResults: 60 }));
    const client = UserPoolClients.find((c) => c.ClientName === DEMO_CLIENT_NAME);
    if (client?.ClientId) return { userPoolId: existing.Id, clientId: client.ClientId };
  }
  if (options.remembered) {
    const file = options.storeFile ?? 'the embedded store';
    throw new StoreError(
      `${file} was seeded with the demo pool ${options.remembered}, which is gone from it: its data was lost. Restore the file from a backup, or delete its folder to start over with a fresh demo.`,
    );
  }

  const { UserPool } = await cognito.send(
    new CreateUserPoolCommand({
      PoolName: DEMO_POOL_NAME,
      AutoVerifiedAttributes: ['email'],
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [...DEMO_KEEP_ORIGINAL] },
      Schema: [
        { Name: 'plan', AttributeDataType: 'String', Mutable: true, StringAttributeConstraints: { MinLength: '1', MaxLength: '32' } },
        { Name: 'seats', AttributeDataType: 'Number', Mutable: true, NumberAttributeConstraints: { MinValue: '1', MaxValue: '1000' } },
        { Name: 'newsletter', AttributeDataType: 'Boolean', Mutable: true },
        { Name: 'trial_ends', AttributeDataType: 'DateTime', Mutable: true },
        { Name: 'tenant_id', AttributeDataType: 'String', Mutable: false, StringAttributeConstraints: { MinLength: '1', MaxLength: '64' } },
        // Set by the back end only. No demo user has a value: the emulator, unlike Cognito, would show it to the user.
        { Name: 'risk_score', AttributeDataType: 'Number', Mutable: true, DeveloperOnlyAttribute: true, NumberAttributeConstraints: { MinValue: '0', MaxValue: '100' } },
      ],
    }),
  );
  const userPoolId = UserPool?.Id;
  if (!userPoolId) throw new Error('The emulator created no user pool');
  const { UserPoolClient } = await cognito.send(
    new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: DEMO_CLIENT_NAME, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
  );
  const clientId = UserPoolClient?.ClientId;
  if (!clientId) throw new Error('The emulator created no app client');
  await cognito.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: DEMO_ADMIN_GROUP, Description: 'Administrators of the facade' }));
  for (const user of DEMO_USERS) {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: user.username,
        MessageAction: 'SUPPRESS',
        TemporaryPassword: user.password,
        UserAttributes: Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value })),
      }),
    );
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: user.username, Password: user.password, Permanent: true }));
    if (user.admin) {
      await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: user.username, GroupName: DEMO_ADMIN_GROUP }));
    }
  }
  return { userPoolId, clientId };
}

/** Signs a user in with their password (USER_PASSWORD_AUTH) and returns a fresh access token. */
export async function signIn(cognito: CognitoIdentityProviderClient, clientId: string, username: string, password: string): Promise<string> {
  const { AuthenticationResult } = await cognito.send(
    new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }),
  );
  if (!AuthenticationResult?.AccessToken) throw new Error(`Signing in ${username} gave no access token`);
  return AuthenticationResult.AccessToken;
}

/** Renew a cached token this long before it expires. */
const RENEW_BEFORE_MS = 5 * 60_000;

/** Fresh access tokens for the demo users, signed in once and reused until close to expiry. */
export class DemoTokens {
  readonly #cache = new Map<string, { token: string; expiresAt: number }>();

  constructor(
    private readonly cognito: CognitoIdentityProviderClient,
    private readonly demo: DemoPool,
  ) {}

  /** An access token of the demo user `username` (`alice` or `bob`). */
  async tokenFor(username: string): Promise<string> {
    const hit = this.#cache.get(username);
    if (hit && hit.expiresAt - RENEW_BEFORE_MS > Date.now()) return hit.token;
    const user = DEMO_USERS.find((u) => u.username === username);
    if (!user) throw new Error(`No demo user "${username}"; try ${DEMO_USERS.map((u) => u.username).join(' or ')}`);
    const token = await signIn(this.cognito, this.demo.clientId, user.username, user.password);
    const { exp } = decomposeUnverifiedJwt(token).payload as { exp: number };
    this.#cache.set(username, { token, expiresAt: exp * 1000 });
    return token;
  }
}
