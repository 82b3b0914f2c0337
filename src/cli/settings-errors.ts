/**
 * While astro.config.mjs loads (see load-settings.ts), prints wrong settings as a command-line
 * tool's whole message: the list of problems, without a stack trace, and exit code 1.
 */
import { SiteSettingsError } from '../site.config';

/** Prints a settings error and exits 1; any other error is printed and exits 1 as Node would. */
export function reportSettingsError(error: Error): void {
  console.error(error instanceof SiteSettingsError ? error.message : error);
  process.exit(1);
}

process.on('uncaughtException', reportSettingsError);
