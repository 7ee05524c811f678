import { z } from 'zod';
import { escapeHtml } from '@/lib/readers/mail/escape-html';
import { standalonePageHtml } from '@/lib/readers/standalone-page-html';
import { unsubscribeWithToken } from '@/lib/readers/unsubscribe-reader';
import { getSiteName } from '@/lib/platform/settings/site-settings';

const tokenSchema = z.string().trim().min(1).max(100);

const NO_STORE = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' };

/**
 * One-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` to the address in
 * the List-Unsubscribe header. The signed token in the address is the whole credential — no session,
 * no page. The button on the GET page posts here too and gets a page back.
 */
export async function POST(request: Request): Promise<Response> {
  const wantsPage = (request.headers.get('accept') ?? '').includes('text/html');
  const parsed = tokenSchema.safeParse(new URL(request.url).searchParams.get('token'));
  const result = parsed.success ? unsubscribeWithToken({ token: parsed.data }) : null;
  if (!result?.ok) {
    const error = result?.error ?? 'This unsubscribe link is not complete. Use the link from the newest email, or sign in to your account.';
    return wantsPage ? page(400, 'That link did not work', `<p>${escapeHtml(error)}</p><p><a href="/account">Manage your email in your account</a></p>`) : text(400, error);
  }
  const done = 'You are unsubscribed from all Masthead email.';
  return wantsPage
    ? page(200, 'You are unsubscribed', `<p>${done} We are sorry to see you go.</p><p>Changed your mind? <a href="/subscribe">Subscribe again</a> or <a href="/account">manage your email</a>.</p>`)
    : text(200, done);
}

/** For people who open the link: a button, so that a mail scanner fetching the link unsubscribes nobody. */
export async function GET(request: Request): Promise<Response> {
  const parsed = tokenSchema.safeParse(new URL(request.url).searchParams.get('token'));
  if (!parsed.success) return page(400, 'That link did not work', '<p>This unsubscribe link is not complete. Use the link from the newest email, or <a href="/account">sign in to your account</a>.</p>');
  const action = `/api/unsubscribe?token=${encodeURIComponent(parsed.data)}`;
  return page(
    200,
    `Unsubscribe from ${escapeHtml(getSiteName())}`,
    `<p>Stop all ${escapeHtml(getSiteName())} email to this address: the issue email, alerts and digests.</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe from all ${escapeHtml(getSiteName())} email</button></form>
<p>To change what you receive instead, <a href="/account">sign in to your account</a>.</p>`,
  );
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...NO_STORE } });
}

function page(status: number, title: string, bodyHtml: string): Response {
  return new Response(standalonePageHtml({ title, bodyHtml, siteName: getSiteName() }), { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...NO_STORE } });
}
