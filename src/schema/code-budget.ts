/**
 * `User.verificationCodes` and `User.verificationAttempts`: what is left of a
 * user's hourly budgets for GetUserAttributeVerificationCode (Cognito: 5 an
 * hour) and VerifyUserAttribute (15 attempts an hour), read from the
 * service's own limiters (src/cognito/quotas.ts) without spending any, so a
 * UI can disable its button before the service (or Cognito) refuses. No
 * Cognito call: the limiters count every code and attempt the service sent,
 * for every instance when they share Redis. Calls made outside the service
 * (another app on the same pool) are not in them.
 *
 * The user themselves and administrators only; null for anyone else.
 */
import { builder } from '../builder.js';
import type { HourlyLimit, UserBudget } from '../cognito/quotas.js';
import type { UserRecord } from '../cognito/users.js';
import { standingTo, type Context } from '../context.js';
import { User } from './user.js';

/** `VerificationCodeBudget`. */
const VerificationCodeBudget = builder.objectRef<UserBudget>('VerificationCodeBudget').implement({
  description: "What is left of one of a user's hourly budgets, as this service counts it.",
  fields: (t) => ({
    remaining: t.exposeInt('remaining'),
    resetsAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When `remaining` goes back up; null when nothing is spent.',
      resolve: (budget) => budget.resetsAt,
    }),
  }),
});

/** `user`'s budget of `limit`, or null when the caller may not see it. */
async function budgetOf(user: UserRecord, context: Context, limit: HourlyLimit): Promise<UserBudget | null> {
  if (!(await standingTo(context, user))) return null;
  return context.services.quotas.remaining(limit, { userPoolId: user.userPoolId, username: user.username, sub: user.sub });
}

builder.objectFields(User, (t) => ({
  verificationCodes: t.field({
    type: VerificationCodeBudget,
    nullable: true,
    description:
      'How many verification codes the user may still ask for, and until when (Cognito: 5 an hour per user). The owner and administrators only.',
    resolve: (user, _args, context) => budgetOf(user, context, 'codesPerUserPerHour'),
  }),
  verificationAttempts: t.field({
    type: VerificationCodeBudget,
    nullable: true,
    description:
      'How many more codes the user may submit (`verifyMyAttribute`, right or wrong), and until when (Cognito: 15 attempts an hour per user). The owner and administrators only.',
    resolve: (user, _args, context) => budgetOf(user, context, 'verifyAttemptsPerUserPerHour'),
  }),
}));
