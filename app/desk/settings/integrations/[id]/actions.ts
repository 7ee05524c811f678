'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { addWebhook, removeWebhook, resendDelivery, WEBHOOK_EVENT_LABELS, type AddWebhookResult, type WebhookEvent } from '@/lib/api/webhooks/webhooks';
import { staffAction, type StaffActionState } from '@/lib/staff/actions/staff-action';
import { formId, formText } from '@/lib/staff/actions/form-fields';

const pageOf = (integrationId: unknown) => `/desk/settings/integrations/${Number(integrationId) || ''}`;

const addInput = z.object({ integrationId: formId, event: formText, targetUrl: formText });
type AddAnswer = (AddWebhookResult & { ok: true; message: string }) | Extract<AddWebhookResult, { ok: false }>;
export type AddWebhookState = StaffActionState<AddAnswer>;

export const addWebhookAction = staffAction({
  name: 'webhook.add',
  permission: 'integration.manage',
  input: addInput,
  returnTo: (sent) => pageOf(sent.integrationId),
  run: ({ input }): AddAnswer => {
    const result = addWebhook(input);
    if (!result.ok) return result;
    revalidatePath(pageOf(input.integrationId));
    return { ...result, message: `Added: ${WEBHOOK_EVENT_LABELS[input.event as WebhookEvent].toLowerCase()}, sent to ${input.targetUrl.trim()}.` };
  },
  audit: ({ staff, input, result }) => (result.ok ? { actorId: staff.id, action: 'webhook.add', subjectType: 'integration', subjectId: input.integrationId, note: `${input.event} → ${input.targetUrl.trim()}`, data: { webhookId: result.id } } : null),
});

export const removeWebhookAction = staffAction({
  name: 'webhook.remove',
  permission: 'integration.manage',
  input: z.object({ integrationId: formId, id: formId }),
  returnTo: (sent) => pageOf(sent.integrationId),
  run: ({ input }) => {
    const result = removeWebhook(input);
    if (!result.ok) return result;
    revalidatePath(pageOf(input.integrationId));
    return { ok: true, message: `Removed the webhook to ${result.targetUrl}.` };
  },
  audit: ({ staff, input, result }) => (result.ok ? { actorId: staff.id, action: 'webhook.remove', subjectType: 'integration', subjectId: input.integrationId, note: result.message ?? '', data: { webhookId: input.id } } : null),
});

export const resendDeliveryAction = staffAction({
  name: 'webhook.resend',
  permission: 'integration.manage',
  input: z.object({ integrationId: formId, deliveryId: formId }),
  returnTo: (sent) => pageOf(sent.integrationId),
  run: ({ input }) => {
    const result = resendDelivery(input.deliveryId, { integrationId: input.integrationId });
    if (!result.ok) return result;
    revalidatePath(pageOf(input.integrationId));
    return { ok: true, message: `The ${result.event} delivery is queued to be sent again.` };
  },
  audit: ({ staff, input, result }) => (result.ok ? { actorId: staff.id, action: 'webhook.resend', subjectType: 'integration', subjectId: input.integrationId, data: { deliveryId: input.deliveryId } } : null),
});
