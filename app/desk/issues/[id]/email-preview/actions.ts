'use server';

import { z } from 'zod';
import { sendIssueTest } from '@/lib/readers/mail/send-issue-test';
import { staffAction, type StaffActionState } from '@/lib/staff/actions/staff-action';
import { formId } from '@/lib/staff/actions/form-fields';

type SendTestResult = { ok: true; message: string };

export type SendTestState = StaffActionState<SendTestResult>;

/** "Send a test to me": the issue email to the signed-in editor's own address. */
export const sendIssueTestAction = staffAction({
  name: 'issue.send-test',
  permission: 'issue.manage',
  input: z.object({ issueId: formId }),
  returnTo: (sent) => `/desk/issues/${sent.issueId}/email-preview`,
  // The test lands in the outbox, which is its record.
  audit: 'in-domain',
  run: ({ staff, input }): SendTestResult => {
    const result = sendIssueTest({ actor: staff, issueId: input.issueId });
    return { ok: true, message: result.isRepeat ? `A test went to ${result.to} a moment ago; look for it there.` : `A test is on its way to ${result.to}.` };
  },
});
