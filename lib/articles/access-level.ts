export { ACCESS_LEVELS, type AccessLevel } from '@/db/schema/access-levels';
