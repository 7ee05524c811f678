/** What a failed hand-over to the mail server means for the message. */
export type SendFailure =
  | { kind: 'permanent'; reason: string }
  | { kind: 'temporary'; reason: string }
  /** The server had the whole message but never said whether it took it. */
  | { kind: 'unknown'; reason: string };

/**
 * Reads a nodemailer error: a 5xx reply is permanent (the address or message is refused), a 4xx
 * reply or a connection that failed before the message was complete is temporary. A connection lost
 * after the last byte was handed over, with no reply, leaves the outcome unknown.
 */
export function classifySendFailure({ error, wasHandedOver }: { error: unknown; wasHandedOver: boolean }): SendFailure {
  const details = (error ?? {}) as { responseCode?: unknown; response?: unknown; message?: unknown; code?: unknown };
  const code = typeof details.responseCode === 'number' ? details.responseCode : null;
  const text = String(details.response ?? details.message ?? 'Unknown error').slice(0, 500);
  if (code !== null && code >= 500 && code < 600) return { kind: 'permanent', reason: text };
  if (code !== null && code >= 400 && code < 500) return { kind: 'temporary', reason: text };
  if (wasHandedOver) return { kind: 'unknown', reason: text };
  return { kind: 'temporary', reason: text };
}
