import { cacheExchange, Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { createClient as createSseClient } from 'graphql-sse';

/**
 * urql 6 with its defaults (queries as GET, which the service takes with a
 * bearer token and no CSRF header), the token from `getToken` (e.g.
 * Amplify's, see amplify.ts) and fetched again when the service answers
 * UNAUTHENTICATED, and subscriptions over graphql-sse in its default
 * "distinct connections" mode (the one the service serves), with the same
 * token on every retry.
 */
export function createUrqlClient(options: {
  url: string; // https://…/graphql
  getToken: () => Promise<string>;
}): Client {
  const sse = createSseClient({
    url: options.url,
    headers: async () => ({ authorization: `Bearer ${await options.getToken()}` }),
    retryAttempts: Infinity,
  });
  return new Client({
    url: options.url,
    exchanges: [
      cacheExchange,
      authExchange(async (utils) => {
        let token = await options.getToken();
        return {
          addAuthToOperation: (operation) => utils.appendHeaders(operation, { authorization: `Bearer ${token}` }),
          didAuthError: (error) => error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'),
          refreshAuth: async () => {
            token = await options.getToken();
          },
        };
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: sse.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
}
