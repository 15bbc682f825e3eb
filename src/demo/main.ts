/**
 * The live profile page (`/demo`): sign in with Cognito, see and edit your
 * attributes, verify your email with a code from the emulator's mailbox, and
 * watch changes made anywhere else arrive live. Plain TypeScript and the DOM;
 * the service bundles this file with esbuild when the page is first asked for.
 *
 * What to copy into a frontend: `./operations.ts` (typed documents),
 * `./client.ts` (fetch + graphql-ws) and `./sign-in.ts` (Cognito's InitiateAuth).
 */
import { createGraphQLClient, type GraphQLClient } from './client.js';
import { ProfileChanges, ProfileDelete, ProfileMe, ProfileRequestCode, ProfileUpdate, ProfileVerify } from './operations.js';
import type { ProfileChangesSubscription } from './gql/graphql.js';
import { signIn } from './sign-in.js';

/** What `/demo/config.json` tells the page (src/embedded/use-demo-page.ts). */
interface DemoConfig {
  graphqlEndpoint: string;
  mailboxEndpoint: string;
  cognito: { endpoint: string; clientId: string };
  demoUsers: { username: string; password: string; admin: boolean }[];
}

/** A message of the emulator's mailbox, as `/demo/mailbox` returns it. */
interface MailboxMessage {
  medium: 'EMAIL' | 'SMS';
  destination: string;
  code: string;
  sentAt: string;
}

type Attribute = { name: string; value: string };
type Change = ProfileChangesSubscription['myAttributesChanged'];

/** Attributes Cognito manages: shown, not editable. */
const READ_ONLY = new Set(['sub', 'email_verified', 'phone_number_verified', 'identities']);

const element = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
const form = (id: string): HTMLFormElement => element<HTMLFormElement>(id);
const field = (f: HTMLFormElement, name: string): HTMLInputElement => f.elements.namedItem(name) as HTMLInputElement;
const time = (iso: string): string => new Date(iso).toLocaleTimeString();

/** Who is signed in. The token lives in memory only: a reload signs you out. */
interface Session {
  username: string;
  accessToken: string;
  client: GraphQLClient;
  stopChanges: () => void;
}
let session: Session | null = null;
const config: Promise<DemoConfig> = fetch('/demo/config.json').then((r) => r.json() as Promise<DemoConfig>);

function status(message: string, kind: 'info' | 'error' = 'info'): void {
  const line = element('status');
  line.textContent = message;
  line.dataset.kind = kind;
}

/** Runs an action of a button or form, showing its error instead of throwing. */
function act(action: () => Promise<unknown>): void {
  action().catch((error: unknown) => status(error instanceof Error ? error.message : String(error), 'error'));
}

/** A table row for one attribute: its value in an input, Save and Delete buttons. */
function attributeRow(name: string): HTMLTableRowElement {
  const row = document.createElement('tr');
  row.dataset.name = name;
  const label = document.createElement('th');
  label.scope = 'row';
  label.textContent = name;
  row.append(label);
  const input = document.createElement('input');
  input.setAttribute('aria-label', name);
  input.readOnly = READ_ONLY.has(name);
  row.insertCell().append(input);
  const actions = row.insertCell();
  if (!input.readOnly) {
    for (const action of ['Save', 'Delete']) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = action;
      button.dataset.action = action.toLowerCase();
      button.setAttribute('aria-label', `${action} ${name}`);
      actions.append(button);
    }
  }
  return row;
}

/**
 * Shows `attributes` (sorted by name, as the service returns them), flashing
 * the rows named in `changed`. A value being edited is left alone.
 */
function showAttributes(attributes: readonly Attribute[], changed: readonly string[] = []): void {
  const body = element<HTMLTableSectionElement>('attributes');
  const rows = new Map([...body.rows].map((row) => [row.dataset.name ?? '', row]));
  attributes.forEach(({ name, value }, index) => {
    const row = rows.get(name) ?? attributeRow(name);
    rows.delete(name);
    if (body.rows[index] !== row) body.insertBefore(row, body.rows[index] ?? null);
    const input = row.querySelector('input')!;
    const editing = document.activeElement === input && input.value !== row.dataset.value;
    if (!editing) input.value = value;
    row.dataset.value = value;
    if (changed.includes(name)) {
      row.classList.remove('changed');
      void row.offsetWidth; // restarts the animation
      row.classList.add('changed');
    }
  });
  for (const stale of rows.values()) stale.remove();
}

/**
 * Shows the changes waiting for their code: the pool keeps the original email
 * active until the new one is verified, so the table still shows the old one.
 */
function showPending(pending: readonly Attribute[]): void {
  const list = element('pending');
  list.replaceChildren(
    ...pending.map(({ name, value }) => {
      const item = document.createElement('li');
      item.textContent = `${name}: ${value} (waiting for verification; the current one stays active until you verify it)`;
      return item;
    }),
  );
  list.hidden = pending.length === 0;
}

/** Adds a change to the "Live changes" list, newest first. */
function showChange(change: Change): void {
  const who = { SELF: 'You', ADMIN: 'An administrator', EXTERNAL: 'Someone outside this service' }[change.source];
  const what = [
    ...change.updated.map((a) => `set ${a.name} = ${a.value}`),
    ...change.deleted.map((name) => `deleted ${name}`),
    ...change.pending.map((a) => `asked to change ${a.name} to ${a.value} (waiting for verification)`),
  ].join(', ');
  const item = document.createElement('li');
  item.innerHTML = '<time></time> <span></span>';
  item.querySelector('time')!.textContent = time(change.occurredAt);
  item.querySelector('span')!.textContent = `${who} ${what}`;
  element('feed').prepend(item);
}

/** Reloads the mailbox panel: the codes sent to the signed-in user. */
async function refreshMailbox(): Promise<void> {
  if (!session) return;
  const response = await fetch((await config).mailboxEndpoint, { headers: { authorization: `Bearer ${session.accessToken}` } });
  if (!response.ok) return;
  const messages = (await response.json()) as MailboxMessage[];
  element('mailbox').replaceChildren(
    ...messages.map((message) => {
      const item = document.createElement('li');
      item.innerHTML = '<time></time> <span></span> <code></code> <button type="button">Use</button>';
      item.querySelector('time')!.textContent = time(message.sentAt);
      item.querySelector('span')!.textContent = `${message.medium.toLowerCase()} to ${message.destination}:`;
      item.querySelector('code')!.textContent = message.code;
      const use = item.querySelector('button')!;
      use.setAttribute('aria-label', `Use code ${message.code}`);
      use.onclick = () => (field(form('verify-form'), 'code').value = message.code);
      return item;
    }),
  );
  if (messages.length === 0) element('mailbox').innerHTML = '<li class="hint">No messages yet: send a code, or change your email.</li>';
}

async function startSession(username: string, password: string): Promise<void> {
  const { graphqlEndpoint, cognito } = await config;
  const tokens = await signIn(cognito.endpoint, cognito.clientId, username, password);
  const live = element('live');
  const client = createGraphQLClient(graphqlEndpoint, tokens.accessToken, (state, code) => {
    live.dataset.state = state;
    live.textContent = state === 'connected' ? 'live' : 'offline';
    if (code === 4403) status('Your session ended (the token expired): sign in again.', 'error');
  });
  const { me } = await client.request(ProfileMe, {});
  // Live: every change to my attributes, made here, in another tab or by an administrator.
  // graphql-ws sends these variables again when it reconnects: the last cursor resumes without loss.
  const variables: { after?: string } = {};
  const stopChanges = client.subscribe(ProfileChanges, variables, {
    onData: ({ myAttributesChanged: change }) => {
      variables.after = change.cursor;
      showAttributes(change.user.attributes, [...change.updated.map((a) => a.name), ...change.deleted]);
      showPending(change.user.pendingChanges);
      showChange(change);
      // A new email or phone number gets a code: it shows in the mailbox.
      void refreshMailbox();
    },
    onError: (error) => status(error.message, 'error'),
  });
  session = { username: me.username, accessToken: tokens.accessToken, client, stopChanges };
  element('username').textContent = me.username;
  showAttributes(me.attributes);
  showPending(me.pendingChanges);
  element('feed').replaceChildren();
  element('sign-in').hidden = true;
  element('session').hidden = false;
  element('profile').hidden = false;
  status(`Signed in as ${me.username}.`);
  await refreshMailbox();
}

function endSession(): void {
  if (!session) return;
  session.stopChanges();
  void session.client.close();
  session = null;
  form('sign-in-form').reset();
  element('session').hidden = true;
  element('profile').hidden = true;
  element('sign-in').hidden = false;
  status('Signed out.');
}

/** Sets attributes with `updateMyAttributes`; Cognito sends a code when an email or phone number changes. */
async function save(attributes: Attribute[]): Promise<void> {
  const { updateMyAttributes } = await session!.client.request(ProfileUpdate, { attributes });
  showAttributes(updateMyAttributes.user.attributes, attributes.map((a) => a.name));
  showPending(updateMyAttributes.user.pendingChanges);
  const sent = updateMyAttributes.codeDeliveries.map((d) => `${d.attributeName} (${d.deliveryMedium.toLowerCase()} to ${d.destination})`);
  status(`Saved ${attributes.map((a) => a.name).join(', ')}.${sent.length ? ` A code was sent to verify ${sent.join(', ')}: see the mailbox.` : ''}`);
  if (sent.length) await refreshMailbox();
}

async function remove(name: string): Promise<void> {
  const { deleteMyAttributes } = await session!.client.request(ProfileDelete, { names: [name] });
  showAttributes(deleteMyAttributes.user.attributes);
  showPending(deleteMyAttributes.user.pendingChanges);
  status(`Deleted ${name}.`);
}

function wire(): void {
  form('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const f = form('sign-in-form');
    act(() => startSession(field(f, 'username').value.trim(), field(f, 'password').value));
  });
  void config.then(({ demoUsers }) =>
    element('demo-users').replaceChildren(
      ...demoUsers.map(({ username, password, admin }) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = `${username}${admin ? ' (admin)' : ''}`;
        button.title = `password: ${password}`;
        button.onclick = () => act(() => startSession(username, password));
        return button;
      }),
    ),
  );
  element('sign-out').addEventListener('click', endSession);

  const attributes = element('attributes');
  attributes.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    const row = button?.closest('tr');
    if (!button || !row?.dataset.name) return;
    const name = row.dataset.name;
    if (button.dataset.action === 'save') act(() => save([{ name, value: row.querySelector('input')!.value }]));
    if (button.dataset.action === 'delete') act(() => remove(name));
  });
  attributes.addEventListener('keydown', (event) => {
    const input = event.target as HTMLInputElement;
    const name = input.closest('tr')?.dataset.name;
    if (event.key === 'Enter' && name && !input.readOnly) act(() => save([{ name, value: input.value }]));
  });
  form('add-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const f = form('add-form');
    act(async () => {
      await save([{ name: field(f, 'name').value.trim(), value: field(f, 'value').value }]);
      f.reset();
    });
  });

  const verify = form('verify-form');
  const attributeName = () => (verify.elements.namedItem('attribute') as HTMLSelectElement).value;
  element('send-code').addEventListener('click', () =>
    act(async () => {
      const { requestAttributeVerificationCode: { codeDelivery } } = await session!.client.request(ProfileRequestCode, { attributeName: attributeName() });
      status(`Code sent by ${codeDelivery.deliveryMedium.toLowerCase()} to ${codeDelivery.destination}: see the mailbox.`);
      await refreshMailbox();
    }),
  );
  verify.addEventListener('submit', (event) => {
    event.preventDefault();
    act(async () => {
      const name = attributeName();
      const { verifyMyAttribute } = await session!.client.request(ProfileVerify, { attributeName: name, code: field(verify, 'code').value.trim() });
      showAttributes(verifyMyAttribute.user.attributes, [name, `${name}_verified`]);
      showPending(verifyMyAttribute.user.pendingChanges);
      field(verify, 'code').value = '';
      status(`${name} verified.`);
    });
  });
}

wire();
