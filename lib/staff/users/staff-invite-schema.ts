import 'server-only';
import { z } from 'zod';
import { STAFF_ROLES } from '@/db/schema';
import { staffUserSchema } from './create-staff-user';

/** What an admin types to invite someone: no password, which the invitee chooses through the link. */
export const staffInviteSchema = staffUserSchema.omit({ password: true }).extend({
  role: z.enum(STAFF_ROLES, { error: 'Choose a role: author, editor or admin.' }),
});

export type StaffInviteInput = z.infer<typeof staffInviteSchema>;
