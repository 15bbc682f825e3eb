/**
 * Which attributes an app client may read (its `ReadAttributes`), so that a
 * subscriber signed in through that client never receives, in an event, an
 * attribute GetUser would hide from it.
 */
import { DescribeUserPoolClientCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { fromCognito } from '../errors.js';
import { TtlCache } from './caches.js';

/** Readable attribute names of one client; `null` means every attribute. */
export type ReadableAttributes = ReadonlySet<string> | null;

/** Each client's readable attributes, cached across requests. */
export class ClientAttributes {
  readonly #cache: TtlCache<ReadableAttributes>;

  constructor(
    private readonly cognito: CognitoIdentityProviderClient,
    ttlMs: number,
  ) {
    this.#cache = new TtlCache(ttlMs);
  }

  /** The attributes `clientId` of `userPoolId` may read. */
  readable(userPoolId: string, clientId: string): Promise<ReadableAttributes> {
    return this.#cache.get(`${userPoolId}\u0000${clientId}`, async () => {
      try {
        const { UserPoolClient } = await this.cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }));
        const names = UserPoolClient?.ReadAttributes ?? [];
        return names.length > 0 ? new Set(names) : null;
      } catch (error) {
        throw fromCognito(error, 'admin');
      }
    });
  }
}
