/**
 * Tokens a test mints itself: with the emulator's own signing key (which ships
 * in its npm package, so anyone can do this), or with a key of its own.
 */
import { createRequire } from 'node:module';
import { generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';

const require = createRequire(import.meta.url);
const emulatorKey = (require('cognito-local/lib/keys/cognitoLocal.private.json') as { jwk: JWK }).jwk;

/** Claims of a Cognito access token, as the emulator issues them. */
export interface AccessClaims {
  sub: string;
  username: string;
  client_id: string;
  token_use: 'access' | 'id';
  'cognito:groups'?: string[];
  scope?: string;
  aud?: string;
}

/** Signs `claims` as the emulator would (RS256, kid CognitoLocal), or with a stranger's key when `forged`. */
export async function mintToken(options: {
  issuer: string;
  claims: AccessClaims;
  /** Seconds from now; negative for an expired token; `null` for a token without `exp`. @default 3600 */
  expiresIn?: number | null;
  /** `iat`, in seconds from now. @default -10 */
  issuedIn?: number;
  /** Sign with a fresh key of our own instead of the emulator's. */
  forged?: boolean;
}): Promise<string> {
  const key = options.forged ? (await generateKeyPair('RS256')).privateKey : await importJWK(emulatorKey, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ ...options.claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal', typ: 'JWT' })
    .setIssuer(options.issuer)
    .setIssuedAt(now + (options.issuedIn ?? -10));
  if (options.expiresIn !== null) jwt.setExpirationTime(now + (options.expiresIn ?? 3_600));
  return jwt.sign(key);
}

/** An unsigned token (`alg: none`) with the given payload. */
export function unsignedToken(payload: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}

/** The payload of a token, unverified (to copy its claims into a variant). */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
}
