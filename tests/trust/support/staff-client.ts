/** A staff member signed in over HTTP, as a browser would be: the session cookie and a JSON helper. */
export type StaffClient = {
  cookie: string;
  request: (path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }) => Promise<{ status: number; json: Record<string, unknown> }>;
};

export const DEMO_PASSWORD = 'masthead-demo';

/** Signs in through next-auth's credentials callback and keeps the session cookie. */
export async function signInStaff({ baseUrl, email, password = DEMO_PASSWORD }: { baseUrl: string; email: string; password?: string }): Promise<StaffClient> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = cookiesFrom(csrfResponse);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/desk` }).toString(),
  });
  const cookie = [csrfCookie, cookiesFrom(response)].filter(Boolean).join('; ');
  if (!/session-token=/.test(cookie)) throw new Error(`Signing in ${email} failed (${response.status}): ${(await response.text()).slice(0, 300)}`);
  return {
    cookie,
    request: async (path, init = {}) => {
      const answer = await fetch(`${baseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: { Cookie: cookie, Origin: baseUrl, ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
        redirect: 'manual',
      });
      const text = await answer.text();
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        json = { text };
      }
      return { status: answer.status, json };
    },
  };
}

function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .join('; ');
}
