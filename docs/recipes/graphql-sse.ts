import { createClient } from 'graphql-sse';
import type { MyChange } from './graphql-ws.js';

const MY_CHANGES = /* GraphQL */ `
  subscription MyChanges($after: String) {
    myAttributesChanged(after: $after) { cursor source updated { name value } deleted }
  }
`;

/**
 * The same over Server-Sent Events (graphql-sse, distinct connections mode:
 * the service does not serve its single-connection mode).
 */
export function followMyChangesOverSse(options: {
  url: string; // http(s)://…/graphql
  getToken: () => Promise<string>;
  onChange: (change: MyChange) => void;
  onReset: () => void;
  after?: string;
}): () => void {
  // graphql-sse sends this request again on every retry: it always holds the last cursor.
  const request = { query: MY_CHANGES, variables: options.after ? { after: options.after } : ({} as { after?: string }) };
  const client = createClient({
    url: options.url,
    headers: async () => ({ authorization: `Bearer ${await options.getToken()}` }),
    retryAttempts: Infinity,
  });
  let stopped = false;
  let unsubscribe = () => {};
  const subscribe = () => {
    let expired = false;
    unsubscribe = client.subscribe<{ myAttributesChanged: MyChange }>(request, {
      next: ({ data, errors }) => {
        if (errors?.some((error) => error.extensions?.code === 'CURSOR_EXPIRED')) expired = true;
        if (!data) return;
        request.variables.after = data.myAttributesChanged.cursor;
        options.onChange(data.myAttributesChanged);
      },
      error: () => {
        if (!stopped) setTimeout(subscribe, 1_000);
      },
      // The stream ended (token expiry: UNAUTHENTICATED, a limit) or the cursor was refused: again.
      complete: () => {
        if (stopped) return;
        if (expired) {
          delete request.variables.after;
          options.onReset();
        }
        setTimeout(subscribe, 1_000);
      },
    });
  };
  subscribe();
  return () => {
    stopped = true;
    unsubscribe();
    client.dispose();
  };
}
