import { runCommand } from './run-command';
import { createIntegration } from '@/lib/api/integrations/integrations';
import { getConfig } from '@/lib/platform/config/get-config';

/**
 * `npm run integration:create -- <name>`: adds an integration and prints its Content API key, for a
 * front end or tool set up from a terminal. Revoke it at /desk/settings/integrations.
 */
async function main(): Promise<number> {
  const name = process.argv.slice(2).join(' ');
  const result = createIntegration({ name, actorId: null });
  if (!result.ok) {
    console.error(`${result.error} Usage: npm run integration:create -- "<name>"`);
    return 1;
  }
  const { siteUrl } = getConfig();
  console.log(`Integration “${result.integration.name}” added.`);
  console.log(`Content API URL: ${siteUrl}`);
  console.log(`Content API key: ${result.integration.contentKey}`);
  return 0;
}

runCommand(main);
