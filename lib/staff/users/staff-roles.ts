/** The staff roles, in order of reach. */
export { STAFF_ROLES, type StaffRole } from '@/db/schema';
