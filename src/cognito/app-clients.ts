/**
 * Which attributes an app client may read and write (its `ReadAttributes`
 * and `WriteAttributes`), so that a caller signed in through that client
 * sees, in `me`, a payload or an event, only what GetUser would show them,
 * and writes only what Cognito would let them. Cognito enforces both lists
 * itself; the emulator ignores them, so the service applies them everywhere.
 */
import { DescribeUserPoolClientCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { fromCognito } from '../errors.js';
import { TtlCache } from './caches.js';
import type { UserRecord } from './users.js';

/** Attribute names of one client; `null` means every attribute. */
export type ReadableAttributes = ReadonlySet<string> | null;

/** What one app client may do with attributes. */
export interface ClientPermissions {
  readable: ReadableAttributes;
  writable: ReadableAttributes;
}

/** A set of the names, or `null` (every attribute) for an empty or missing list. */
const namesOf = (list: string[] | undefined): ReadableAttributes => (list && list.length > 0 ? new Set(list) : null);

/** `user` with only the attributes `readable` names (and `sub`, which Cognito always returns). */
export function readableView(user: UserRecord, readable: ReadableAttributes): UserRecord {
  if (readable === null) return user;
  return { ...user, attributes: user.attributes.filter((a) => a.name === 'sub' || readable.has(a.name)) };
}

/** Each client's permissions, cached across requests. */
export class ClientAttributes {
  readonly #cache: TtlCache<ClientPermissions>;

  constructor(
    private readonly cognito: CognitoIdentityProviderClient,
    ttlMs: number,
  ) {
    this.#cache = new TtlCache(ttlMs);
  }

  /** What `clientId` of `userPoolId` may read and write. */
  permissions(userPoolId: string, clientId: string): Promise<ClientPermissions> {
    return this.#cache.get(`${userPoolId}\u0000${clientId}`, async () => {
      try {
        const { UserPoolClient } = await this.cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }));
        return { readable: namesOf(UserPoolClient?.ReadAttributes), writable: namesOf(UserPoolClient?.WriteAttributes) };
      } catch (error) {
        throw fromCognito(error, 'admin');
      }
    });
  }

  /** The attributes `clientId` of `userPoolId` may read. */
  async readable(userPoolId: string, clientId: string): Promise<ReadableAttributes> {
    return (await this.permissions(userPoolId, clientId)).readable;
  }
}
