import Database from 'better-sqlite3';
import { expect } from '@playwright/test';
import { DEMO_SERVER } from './servers';

/**
 * A link from the newest message to `to` with `subject`, read from the demo server's outbox table as
 * its recipient would read their mail (the desk shows such links hidden). Waits for the worker to queue it.
 */
export async function mailedLink({ to, subject, path }: { to: string; subject: string; path: string }): Promise<string> {
  let link = '';
  await expect(() => {
    const database = new Database(DEMO_SERVER.databasePath, { readonly: true, fileMustExist: true });
    try {
      const message = database.prepare('select text from outbox where to_address = ? and subject = ? order by id desc limit 1').get(to, subject) as { text: string } | undefined;
      const match = message?.text.match(new RegExp(`https?://[^\\s<>,]+${path.replace(/[?]/g, '\\?')}[^\\s<>,]*`));
      expect(match, `a ${path} link in the message to ${to}`).toBeTruthy();
      link = match![0];
    } finally {
      database.close();
    }
  }).toPass({ timeout: 60_000, intervals: [500, 1_000, 2_000] });
  return link;
}
