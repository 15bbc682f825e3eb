/**
 * HTTP baseline 1, the stack's limit: a bare graphql-yoga server (the
 * service's version, from the same node_modules) answering
 * `type Query { hello: String! }` on `node:http`, as a production
 * deployment would run it: no GraphiQL, no landing page, no logging, no
 * plugins. Whatever the service costs beyond this is the facade's own work
 * (token verification, Pothos, DataLoader, the AWS SDK, limits, metrics).
 *
 * Run as a child process (`node --import tsx bench/baseline-yoga.ts`) with
 * `PORT`. `GET /ready` answers 200; everything else goes to Yoga
 * (`POST /graphql`).
 */
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      type Query {
        hello: String!
      }
    `,
    resolvers: { Query: { hello: () => 'world' } },
  }),
  graphiql: false,
  landingPage: false,
  logging: false,
});

const server = createServer((req, res) => {
  if (req.url === '/ready') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  void yoga(req, res);
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
