/** What the sign-in page says while this address and connection must wait. */
export function loginWaitMessage({ retryAt, now = new Date() }: { retryAt: Date; now?: Date }): string {
  return `Too many sign-in attempts for this address from your connection. Wait ${describeWait(retryAt.getTime() - now.getTime())}, then try again; each further wrong password makes the wait longer.`;
}

function describeWait(milliseconds: number): string {
  const minutes = Math.max(1, Math.ceil(milliseconds / 60_000));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
