import { handlers } from '@/lib/staff/auth/auth';

export const { GET, POST } = handlers;
