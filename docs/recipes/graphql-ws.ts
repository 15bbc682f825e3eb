import { createClient } from 'graphql-ws';

/** One change of the signed-in user's attributes, as the subscription below selects it. */
export interface MyChange {
  cursor: string;
  source: 'SELF' | 'ADMIN' | 'EXTERNAL';
  updated: { name: string; value: string }[];
  deleted: string[];
}

const MY_CHANGES = /* GraphQL */ `
  subscription MyChanges($after: String) {
    myAttributesChanged(after: $after) { cursor source updated { name value } deleted }
  }
`;

/**
 * Follows the signed-in user's attribute changes over graphql-ws, across token
 * expiry (close 4403), restarts and network changes: none lost, none twice.
 * `onReset` runs when the service no longer holds what was missed
 * (CURSOR_EXPIRED): read `me` again there. Returns what stops it.
 */
export function followMyChanges(options: {
  url: string; // ws(s)://…/graphql
  getToken: () => Promise<string>; // a fresh access token each time, e.g. Amplify's fetchAuthSession()
  onChange: (change: MyChange) => void;
  onReset: () => void;
  after?: string; // the last cursor of an earlier session, if you kept one
}): () => Promise<void> {
  // graphql-ws sends this object again on every reconnect: it always holds the last cursor.
  const variables: { after?: string } = options.after ? { after: options.after } : {};
  const client = createClient({
    url: options.url,
    connectionParams: async () => ({ authorization: `Bearer ${await options.getToken()}` }),
    retryAttempts: Infinity,
    shouldRetry: () => true,
  });
  let stopped = false;
  let unsubscribe = () => {};
  const subscribe = () => {
    let expired = false;
    unsubscribe = client.subscribe<{ myAttributesChanged: MyChange }>(
      { query: MY_CHANGES, variables },
      {
        next: ({ data, errors }) => {
          if (errors?.some((error) => error.extensions?.code === 'CURSOR_EXPIRED')) expired = true;
          if (!data) return;
          variables.after = data.myAttributesChanged.cursor;
          options.onChange(data.myAttributesChanged);
        },
        error: () => {},
        // The service ended it (a limit, lost authority) or refused the cursor: subscribe again.
        complete: () => {
          if (stopped) return;
          if (expired) {
            delete variables.after;
            options.onReset();
          }
          setTimeout(subscribe, 1_000);
        },
      },
    );
  };
  subscribe();
  return async () => {
    stopped = true;
    unsubscribe();
    await client.dispose();
  };
}
