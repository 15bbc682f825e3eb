/**
 * `CodeDeliveryDetails`: where Cognito sent a verification code, always
 * masked, for the mutations that send one (updating an email or phone
 * number, asking for a code).
 */
import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import { builder } from '../builder.js';
import { maskAddress } from '../changes/pending.js';

const DeliveryMedium = builder.enumType('DeliveryMedium', { values: ['EMAIL', 'SMS'] as const });

/** Where a code went, as the contract shows it. */
export interface CodeDelivery {
  attributeName: string;
  deliveryMedium: 'EMAIL' | 'SMS';
  /** Masked: `b***@e***`, `+*******0100`. */
  destination: string;
}

/** The `CodeDeliveryDetails` type. */
export const CodeDeliveryDetails = builder.objectRef<CodeDelivery>('CodeDeliveryDetails').implement({
  description: 'Where Cognito sent a verification code (the destination is masked).',
  fields: (t) => ({
    attributeName: t.exposeString('attributeName'),
    deliveryMedium: t.field({ type: DeliveryMedium, resolve: (d) => d.deliveryMedium }),
    destination: t.exposeString('destination'),
  }),
});

/** Cognito's delivery details; Cognito masks destinations itself, an emulator may not, and a full address is never shown. */
export function toCodeDelivery(details: CodeDeliveryDetailsType): CodeDelivery {
  const attributeName = details.AttributeName ?? '';
  const destination = details.Destination ?? '';
  return {
    attributeName,
    deliveryMedium: details.DeliveryMedium === 'SMS' ? 'SMS' : 'EMAIL',
    destination: destination.includes('*') ? destination : maskAddress(attributeName, destination),
  };
}
