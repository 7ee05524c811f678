import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** The secret that signs staff sessions on the test servers: a session survives a restart of its server. */
export const E2E_AUTH_SECRET = 'e2e-only-secret-not-used-anywhere-else-0123456789';

/** The demo magazine on a fresh seeded database. */
export const DEMO_SERVER = {
  port: 3100,
  url: 'http://127.0.0.1:3100',
  databasePath: path.join(root, 'tests/.tmp/e2e-demo/masthead.db'),
  /** Stripe's webhook signing secret; no secret API key, so readers cannot pay online there. */
  stripeWebhookSecret: 'whsec_e2e_only_0123456789abcdef',
};

/** The demo magazine with live co-editing off (COLLAB_ENABLED=off): the editor saves versions and shows conflicts. */
export const VERSIONED_SERVER = {
  port: 3102,
  url: 'http://127.0.0.1:3102',
  databasePath: path.join(root, 'tests/.tmp/e2e-versioned/masthead.db'),
};

/** A server on an empty database, as `npm start` meets a new installation: no accounts at all. */
export const EMPTY_SERVER = {
  port: 3101,
  url: 'http://127.0.0.1:3101',
  databasePath: path.join(root, 'tests/.tmp/e2e-empty/masthead.db'),
};
