import { createEntityRoute } from '@/components/site/entity-route';

const route = createEntityRoute('organization');

export const generateMetadata = route.generateMetadata;

export default route.EntityRoutePage;
