/**
 * Where cognito-local 5.3.0 differs from Cognito in what the service relies
 * on for pending email and phone changes, the embedded default behaves like
 * Cognito: three of its targets are wrapped (measured differences in
 * shared notes; Cognito's behaviour from the UpdateUserAttributes,
 * AdminUpdateUserAttributes and UserAttributeUpdateSettingsType API reference).
 *
 * - **DescribeUserPool** leaves out `UserAttributeUpdateSettings`: added from
 *   the pool's stored options, so the service sees the pool's setting.
 * - **UpdateUserAttributes** sends a new code when a value is submitted
 *   again while it is pending; Cognito ignores the re-submission (no code):
 *   the re-submitted attribute is dropped from the call.
 * - **AdminUpdateUserAttributes** applies an email or phone change at once;
 *   with the pool's "keep original attribute value active" setting Cognito
 *   keeps the original, sends a code to the new value, and applies it only
 *   when verified, or at once when the same call sets `*_verified: true`.
 */
import { decomposeUnverifiedJwt } from 'aws-jwt-verify/jwt';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// cognito-local's own modules (pinned exactly in package.json).
const { selectAppropriateDeliveryMethod } = require('cognito-local/lib/services/messageDelivery/deliveryMethod.js');
const { attributesAppend } = require('cognito-local/lib/services/userPoolService.js');

interface Attr {
  Name: string;
  Value?: string;
}
interface EmulatorUser {
  Username: string;
  Attributes: Attr[];
  UnverifiedAttributeChanges?: Attr[];
  AttributeVerificationCode?: string;
}
interface EmulatorPool {
  options: { Id: string; AutoVerifiedAttributes?: string[]; UserAttributeUpdateSettings?: { AttributesRequireVerificationBeforeUpdate?: string[] } };
  getUserByUsername(ctx: unknown, username: string): Promise<EmulatorUser | null>;
  saveUser(ctx: unknown, user: EmulatorUser): Promise<void>;
}
/** The parts of cognito-local's services these fixes use. */
export interface EmulatorServices {
  cognito: { getUserPool(ctx: unknown, id: string): Promise<EmulatorPool>; getUserPoolForClientId(ctx: unknown, clientId: string): Promise<EmulatorPool> };
  messages: { deliver(...args: unknown[]): Promise<void> };
  otp: () => string;
}
type Handler = (ctx: unknown, req: Record<string, unknown>) => Promise<Record<string, unknown>>;
type Route = (target: string) => Handler;

const keptOriginal = (pool: EmulatorPool) => pool.options.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [];
const valueIn = (list: readonly Attr[] | undefined, name: string) => list?.find((a) => a.Name === name)?.Value;

/** The payload of an access token, unverified (the emulator checks none either; the service did). */
function tokenClaims(token: unknown): { sub?: string; client_id?: string } {
  try {
    return decomposeUnverifiedJwt(String(token)).payload as { sub?: string; client_id?: string };
  } catch {
    return {};
  }
}

/** cognito-local's router, with the targets above made to behave like Cognito. */
export function likeCognito(route: Route, services: EmulatorServices): Route {
  const fixes: Record<string, (handler: Handler) => Handler> = {
    DescribeUserPool: (handler) => async (ctx, req) => {
      const out = (await handler(ctx, req)) as { UserPool?: Record<string, unknown> };
      const pool = await services.cognito.getUserPool(ctx, String(req.UserPoolId));
      const settings = pool.options.UserAttributeUpdateSettings;
      return settings && out.UserPool ? { ...out, UserPool: { ...out.UserPool, UserAttributeUpdateSettings: settings } } : out;
    },
    UpdateUserAttributes: (handler) => async (ctx, req) => {
      const { sub, client_id } = tokenClaims(req.AccessToken);
      if (!sub || !client_id) return handler(ctx, req);
      const pool = await services.cognito.getUserPoolForClientId(ctx, client_id);
      const user = await pool.getUserByUsername(ctx, sub);
      const asked = (req.UserAttributes as Attr[] | undefined) ?? [];
      const again = (a: Attr) => keptOriginal(pool).includes(a.Name) && a.Value !== undefined && valueIn(user?.UnverifiedAttributeChanges, a.Name) === a.Value;
      if (!user || !asked.some(again)) return handler(ctx, req);
      const rest = asked.filter((a) => !again(a));
      if (rest.length === 0) return { CodeDeliveryDetailsList: [] };
      const out = await handler(ctx, { ...req, UserAttributes: rest });
      // The emulator replaced the pending changes with the rest's: keep the re-submitted one waiting.
      const after = await pool.getUserByUsername(ctx, sub);
      if (after) {
        const kept = (user.UnverifiedAttributeChanges ?? []).filter((a) => asked.some((b) => again(b) && (a.Name === b.Name || a.Name === `${b.Name}_verified`)));
        const merged = [...(after.UnverifiedAttributeChanges ?? []).filter((a) => !kept.some((k) => k.Name === a.Name)), ...kept];
        await pool.saveUser(ctx, { ...after, UnverifiedAttributeChanges: merged.length > 0 ? merged : undefined });
      }
      return out;
    },
    AdminUpdateUserAttributes: (handler) => async (ctx, req) => {
      const pool = await services.cognito.getUserPool(ctx, String(req.UserPoolId));
      const asked = (req.UserAttributes as Attr[] | undefined) ?? [];
      const delayed = asked.filter((a) => keptOriginal(pool).includes(a.Name) && valueIn(asked, `${a.Name}_verified`) !== 'true');
      if (delayed.length === 0) return handler(ctx, req);
      const out = await handler(ctx, { ...req, UserAttributes: asked.filter((a) => !delayed.includes(a)) });
      const user = await pool.getUserByUsername(ctx, String(req.Username));
      if (!user) return out;
      const unverified = attributesAppend(user.UnverifiedAttributeChanges ?? [], ...delayed.flatMap((a) => [a, { Name: `${a.Name}_verified`, Value: 'false' }])) as Attr[];
      const code = services.otp();
      const waiting = { ...user, UnverifiedAttributeChanges: unverified, AttributeVerificationCode: code };
      await pool.saveUser(ctx, waiting);
      const delivery = selectAppropriateDeliveryMethod(pool.options.AutoVerifiedAttributes ?? [], waiting);
      if (delivery) await services.messages.deliver(ctx, 'UpdateUserAttribute', null, pool.options.Id, waiting, code, req.ClientMetadata, delivery);
      return out;
    },
  };
  return (target) => {
    const handler = route(target);
    const fix = fixes[target];
    return fix ? fix(handler) : handler;
  };
}
