import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';

/**
 * Apollo Client 4: queries and mutations over HTTP, subscriptions over
 * graphql-ws, each with a fresh access token (`getToken`, e.g. Amplify's, see
 * amplify.ts): on every request, and on every reconnect of the socket, which
 * retries for ever (it closes with 4403 when the token that opened it
 * expires). The default cache normalizes users on `User.id`, so a mutation's
 * payload updates the cached `me`: no `keyFields`, no refetch.
 */
export function createApolloClient(options: {
  httpUrl: string; // https://…/graphql
  wsUrl: string; // wss://…/graphql
  getToken: () => Promise<string>;
}): ApolloClient {
  const withToken = new SetContextLink(async ({ headers }) => ({ headers: { ...headers, authorization: `Bearer ${await options.getToken()}` } }));
  const http = ApolloLink.from([withToken, new HttpLink({ uri: options.httpUrl })]);
  const ws = new GraphQLWsLink(
    createClient({
      url: options.wsUrl,
      connectionParams: async () => ({ authorization: `Bearer ${await options.getToken()}` }),
      retryAttempts: Infinity,
      shouldRetry: () => true,
    }),
  );
  return new ApolloClient({
    link: ApolloLink.split((operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION, ws, http),
    cache: new InMemoryCache(),
  });
}
