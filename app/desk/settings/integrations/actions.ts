'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createIntegration, revokeIntegration } from '@/lib/api/integrations/integrations';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { staffAction, type StaffActionState } from '@/lib/staff/actions/staff-action';
import { formId, formText } from '@/lib/staff/actions/form-fields';

type CreateResult = { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export type CreateIntegrationState = StaffActionState<CreateResult>;

export const createIntegrationAction = staffAction({
  name: 'integration.create',
  permission: 'integration.manage',
  input: z.object({ name: formText, readsMembersContent: z.preprocess((value) => value === 'yes', z.boolean()) }),
  returnTo: '/desk/settings/integrations',
  audit: 'in-domain',
  run: ({ staff, input }): CreateResult => {
    const result = createIntegration({ name: input.name, readsMembersContent: input.readsMembersContent, actorId: staff.id });
    if (!result.ok) return result;
    revalidatePath('/desk/settings/integrations');
    const kind = result.integration.readsMembersContent ? 'members key (it reads members-only articles in full; keep it secret)' : 'Content API key';
    return { ok: true, message: `Added ${result.integration.name}. Its ${kind} is ${result.integration.contentKey}.` };
  },
});

export const revokeIntegrationAction = staffAction({
  name: 'integration.revoke',
  permission: 'integration.manage',
  input: z.object({ integrationId: formId }),
  returnTo: '/desk/settings/integrations',
  audit: 'in-domain',
  run: ({ staff, input }) => {
    const integration = revokeIntegration({ id: input.integrationId, actorId: staff.id });
    expireReaderContent({ kind: 'integration', integrationIds: [integration.id] });
    revalidatePath('/desk/settings/integrations');
    return { ok: true, message: `Revoked the key of ${integration.name}; requests with it are refused from now on.` };
  },
});
