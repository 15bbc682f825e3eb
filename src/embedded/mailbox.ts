/**
 * Where the embedded emulator "sends" verification codes: each message is
 * written to the service's log, as a mailbox would show it, and kept so a
 * test (or the demo page) can read the latest code of a user.
 *
 * The demo page shows a user only the messages that reached an address they
 * own ({@link MailboxMessage.toOwner}): their verified email or phone, or a
 * mailbox of the demo's own (`@example.com`, `+1555555…`). A code sent to an
 * address nobody here owns (`ceo@bigcorp.example`) is in the log only, as it
 * would be in someone else's inbox: otherwise any user could "verify" any
 * address through the page.
 */
import { EventEmitter, once } from 'node:events';
import type { Logger } from 'pino';
import type { CodeDeliveries } from '../context.js';

/** One message the emulator sent. */
export interface MailboxMessage {
  username: string;
  medium: 'EMAIL' | 'SMS';
  /** The email address or phone number it was sent to. */
  destination: string;
  code: string;
  sentAt: Date;
  /** The destination was the user's verified address, or one of the demo's own mailboxes. */
  toOwner: boolean;
}

interface EmulatorUser {
  Username: string;
  Attributes?: { Name?: string; Value?: string }[];
}

/** The mailbox as the service asks it where a code went (the emulator does not say). */
export function mailboxDeliveries(mailbox: Mailbox): CodeDeliveries {
  return {
    sentTo(username, since) {
      const message = mailbox.latest(username);
      return message && message.sentAt >= since ? { medium: message.medium, destination: message.destination } : undefined;
    },
  };
}

/** The demo's own mail domain and phone range: what the demo users' addresses are made of. */
const DEMO_EMAIL_DOMAIN = '@example.com';
const DEMO_PHONE_PREFIX = '+1555555';

/** Whether `destination` belongs to `user` (verified) or to the demo itself. */
function ownedBy(user: EmulatorUser, medium: 'EMAIL' | 'SMS', destination: string): boolean {
  if (medium === 'EMAIL' ? destination.toLowerCase().endsWith(DEMO_EMAIL_DOMAIN) : destination.startsWith(DEMO_PHONE_PREFIX)) return true;
  const value = (name: string) => user.Attributes?.find((a) => a.Name === name)?.Value;
  const attribute = medium === 'EMAIL' ? 'email' : 'phone_number';
  return value(attribute) === destination && value(`${attribute}_verified`) === 'true';
}
interface EmulatorMessage {
  __code?: string;
}

/** Keeps at most this many messages; older ones are dropped. */
const CAPACITY = 1_000;

/** cognito-local's `MessageSender`, writing to the log and keeping the messages. */
export class Mailbox {
  readonly #messages: MailboxMessage[] = [];
  readonly #events = new EventEmitter();

  constructor(private readonly logger: Logger) {}

  /** Called by cognito-local for an email. */
  async sendEmail(_ctx: unknown, user: EmulatorUser, destination: string, message: EmulatorMessage): Promise<void> {
    this.#deliver({ username: user.Username, medium: 'EMAIL', destination, code: message.__code ?? '', sentAt: new Date(), toOwner: ownedBy(user, 'EMAIL', destination) });
  }

  /** Called by cognito-local for an SMS. */
  async sendSms(_ctx: unknown, user: EmulatorUser, destination: string, message: EmulatorMessage): Promise<void> {
    this.#deliver({ username: user.Username, medium: 'SMS', destination, code: message.__code ?? '', sentAt: new Date(), toOwner: ownedBy(user, 'SMS', destination) });
  }

  #deliver(message: MailboxMessage): void {
    this.#messages.push(message);
    if (this.#messages.length > CAPACITY) this.#messages.shift();
    this.logger.info(
      { mailbox: { to: message.destination, username: message.username, medium: message.medium } },
      `mailbox: verification code ${message.code} for ${message.username} (${message.medium.toLowerCase()} to ${message.destination})`,
    );
    this.#events.emit('message', message);
  }

  /** Every message kept, oldest first. */
  messages(): readonly MailboxMessage[] {
    return this.#messages;
  }

  /** The newest message to `username`, if any. */
  latest(username: string): MailboxMessage | undefined {
    return this.#messages.findLast((m) => m.username === username);
  }

  /** Resolves with the next message to `username`. */
  async next(username: string, timeoutMs = 5_000): Promise<MailboxMessage> {
    const signal = AbortSignal.timeout(timeoutMs);
    for (;;) {
      const [message] = (await once(this.#events, 'message', { signal })) as [MailboxMessage];
      if (message.username === username) return message;
    }
  }
}
