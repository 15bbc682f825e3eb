/**
 * `npm start`: reads the settings, builds the app, starts it, and stops it
 * cleanly on SIGINT/SIGTERM. Everything else lives in `buildApp()`. A bad
 * setting exits with 2, an embedded store that cannot be used with 1, each
 * with one message and no stack.
 */
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { StoreError } from './embedded/emulator.js';
import { DEMO_USERS } from './embedded/seed.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}

let app;
try {
  app = await buildApp(config);
} catch (error) {
  // A setting that only the running Cognito could prove wrong, or an embedded
  // store that cannot be used as it is: one message saying why, and the way out.
  if (!(error instanceof StoreError) && !(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(error instanceof ConfigError ? 2 : 1);
}
await app.start();
const graphiql = `${app.url}/graphql`;
if (app.embedded) {
  const { demo, tokens } = app.embedded;
  const lines = [
    '',
    `  Cognito attributes GraphQL — embedded demo (local Cognito emulator, data in ${config.cognito.mode === 'embedded' ? config.cognito.dataDir : ''}/)`,
    '',
    `  GraphiQL:   ${graphiql}   (a tab for alice, one for bob)`,
    `  Live page:  ${app.url}/demo   (sign in, edit, verify, watch changes arrive)`,
    `  User pool:  ${demo.userPoolId}   app client: ${demo.clientId}`,
    '',
  ];
  for (const user of DEMO_USERS) {
    lines.push(`  ${user.username}${user.admin ? ' (admin)' : ''}: Authorization: Bearer ${await tokens.tokenFor(user.username)}`, '');
  }
  lines.push(`  Fresh tokens later, from another terminal: npm run token -- ${DEMO_USERS.map((u) => u.username).join('|')}`, '');
  lines.push('  Verification codes appear in this log as "mailbox: verification code …", and on the live page.', '');
  console.log(lines.join('\n'));
} else {
  app.logger.info({ url: graphiql }, `listening on ${graphiql}`);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'stopping');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error({ err: error }, 'stopping failed');
        process.exit(1);
      },
    );
  });
}
