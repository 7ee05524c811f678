'use server';

import { z } from 'zod';
import { getCurrentStaff } from '@/lib/staff/auth/current-staff';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { sendIssueTest } from '@/lib/readers/mail/send-issue-test';

export type SendTestState = { status: 'idle' } | { status: 'sent'; message: string } | { status: 'error'; error: string };

const inputSchema = z.object({ issueId: z.coerce.number().int().positive() });

/** "Send a test to me": the issue email to the signed-in editor's own address. */
export async function sendIssueTestAction(_previous: SendTestState, form: FormData): Promise<SendTestState> {
  const staff = await getCurrentStaff();
  if (!staff) return { status: 'error', error: 'Your session has ended. Sign in again.' };
  const parsed = inputSchema.safeParse({ issueId: form.get('issueId') });
  if (!parsed.success) return { status: 'error', error: 'That issue was not understood; reload the page.' };
  try {
    const result = sendIssueTest({ actor: staff, issueId: parsed.data.issueId });
    return { status: 'sent', message: result.isRepeat ? `A test went to ${result.to} a moment ago; look for it there.` : `A test is on its way to ${result.to}.` };
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return { status: 'error', error: error.message };
    console.error('Sending an issue test failed:', error);
    return { status: 'error', error: 'The test could not be sent; nothing was changed. Try again in a moment.' };
  }
}
