export type PaymentsConfig = {
  /** Checkout and the customer portal: on when the secret API key is set. */
  secretKey: string | null;
  /** Webhooks: on when the endpoint's signing secret is set. */
  webhookSecret: string | null;
  /** Another address for the provider's API (a local stand-in in tests); null: the provider's own. */
  apiUrl: string | null;
};

/** Payments are optional: without keys every entry point says they are off and memberships are granted by hand. */
export function getPaymentsConfig(env: NodeJS.ProcessEnv = process.env): PaymentsConfig {
  return {
    secretKey: env.STRIPE_SECRET_KEY?.trim() || null,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET?.trim() || null,
    apiUrl: env.STRIPE_API_URL?.trim() || null,
  };
}

export const PAYMENTS_OFF_MESSAGE = 'Online payments are not connected yet, so memberships cannot be bought here. Write to us and we will set one up for you.';
export const WEBHOOK_OFF_MESSAGE = 'Payments are not connected: STRIPE_WEBHOOK_SECRET is not set on this server.';
