import path from 'node:path';

export type AppConfig = {
  databasePath: string;
  dataDir: string;
  mediaDir: string;
  siteUrl: string;
  smtpUrl: string | null;
};

/** Every setting has a working default; nothing is required to start. */
export function getConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databasePath = path.resolve(/*turbopackIgnore: true*/ env.DATABASE_PATH || './data/masthead.db');
  const dataDir = path.dirname(databasePath);
  return {
    databasePath,
    dataDir,
    mediaDir: path.resolve(/*turbopackIgnore: true*/ env.MEDIA_DIR || path.join(dataDir, 'media')),
    siteUrl: (env.SITE_URL || 'http://localhost:3000').replace(/\/+$/, ''),
    smtpUrl: env.SMTP_URL || null,
  };
}
