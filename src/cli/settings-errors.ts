/**
 * Prints wrong settings as a command-line tool's whole message: the list of problems, without a
 * stack trace, and exit code 1. Imported before astro.config.mjs (see load-settings.ts).
 */
import { SiteSettingsError } from '../site.config';

process.on('uncaughtException', (error) => {
  if (!(error instanceof SiteSettingsError)) throw error;
  console.error(error.message);
  process.exit(1);
});
