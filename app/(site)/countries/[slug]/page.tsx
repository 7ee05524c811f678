import { createEntityRoute } from '@/components/site/entity-route';

const route = createEntityRoute('country');

export const generateMetadata = route.generateMetadata;

export default route.EntityRoutePage;
