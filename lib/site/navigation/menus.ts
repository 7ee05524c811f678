export { NAVIGATION_MENUS, type NavigationMenu } from '@/db/schema';
