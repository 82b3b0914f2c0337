/**
 * `npm run deploy:s3 -- <remote:bucket[/path]> [--dir <folder>] [--json]`: uploads a built archive to
 * S3-compatible storage with rclone, only what changed, in an order that never shows a reader half
 * an update: stylesheets, scripts and pictures first, then the search index, feeds and sitemaps,
 * then the pages, and only at the end the deletions of what the new archive no longer has.
 *
 * "Changed" is exact: rclone compares each file's MD5 with the object's (`--checksum`), and the
 * build writes the same bytes for the same articles, so a rebuild after one edit uploads the pages
 * that edit touched and nothing else.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const HELP = `Usage: npm run deploy:s3 -- <remote:bucket[/path]> [--dir <folder>] [--json]

Uploads the built archive (dist/, or WARTA_OUT_DIR, or --dir) to an rclone remote, changed files
only, in four passes: hashed assets (_astro/, cached for a year), other files but pages (search
index, feeds, sitemaps, pictures), pages (*.html), then deletions. Configure the remote with
\`rclone config\` or RCLONE_CONFIG_<NAME>_* variables (docs/deploy.md). Needs rclone (Debian:
apt-get install rclone).

Options:
  --dir <path>  upload this folder instead of the configured output folder
  --json        print what was uploaded and deleted as JSON
  -h, --help    show this help`;

/** Short caching for what changes with every article; a year for assets whose names carry their hash. */
const SHORT_CACHE = 'Cache-Control: public, max-age=300';
const LONG_CACHE = 'Cache-Control: public, max-age=31536000, immutable';

/** One pass of the upload: what it sends and with which headers. */
interface Pass {
  name: string;
  command: 'copy' | 'sync';
  filters: string[];
  header?: string;
}

const PASSES: readonly Pass[] = [
  { name: 'assets', command: 'copy', filters: ['--include', '/_astro/**'], header: LONG_CACHE },
  { name: 'files', command: 'copy', filters: ['--exclude', '/_astro/**', '--exclude', '*.html'], header: SHORT_CACHE },
  { name: 'pages', command: 'copy', filters: ['--include', '*.html'], header: SHORT_CACHE },
  // Everything is in place by now; what sync still does is delete what the archive no longer has.
  { name: 'deletions', command: 'sync', filters: [] },
];

/** What one deploy did, file by file. */
interface DeployReport {
  remote: string;
  uploaded: string[];
  deleted: string[];
  passes: { name: string; uploaded: number; deleted: number }[];
}

/** Runs rclone and collects the objects it reports copied or deleted (its JSON log, one entry a line). */
function runRclone(args: readonly string[]): Promise<{ copied: string[]; deleted: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn('rclone', args, { stdio: ['ignore', 'inherit', 'pipe'] });
    const copied: string[] = [];
    const deleted: string[] = [];
    let pending = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        let entry: { level?: string; msg?: string; object?: string };
        try {
          entry = JSON.parse(line) as typeof entry;
        } catch {
          errors += `${line}\n`;
          continue;
        }
        if (entry.object && entry.msg?.startsWith('Copied')) copied.push(entry.object);
        else if (entry.object && entry.msg === 'Deleted') deleted.push(entry.object);
        else if (entry.level === 'error') errors += `${entry.object ? `${entry.object}: ` : ''}${entry.msg ?? ''}\n`;
      }
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error('rclone is not installed (Debian: apt-get install rclone)') : error),
    );
    child.on('close', (code) => {
      if (code === 0) resolve({ copied, deleted });
      else reject(new Error(`rclone ${args[0]} failed (exit ${code}):\n${errors.trim()}`));
    });
  });
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const [remote, ...extra] = positionals;
  if (!remote || extra.length > 0 || !remote.includes(':')) {
    throw new Error('name one rclone remote and bucket to upload to, as <remote:bucket[/path]>');
  }
  const outDir = path.resolve(values.dir ?? process.env['WARTA_OUT_DIR'] ?? 'dist');
  if (!existsSync(path.join(outDir, 'index.html'))) {
    throw new Error(`no built archive at ${outDir}; run \`npm run build\` (and \`npm run verify\`) first`);
  }
  const report: DeployReport = { remote, uploaded: [], deleted: [], passes: [] };
  for (const pass of PASSES) {
    // --fast-list lists the bucket in a few recursive requests instead of one per folder: far
    // fewer requests for an archive of thousands of folders.
    const args = [pass.command, outDir, remote, '--checksum', '--fast-list', '--use-json-log', '-v', ...pass.filters];
    if (pass.header) args.push('--header-upload', pass.header);
    const { copied, deleted } = await runRclone(args);
    report.uploaded.push(...copied);
    report.deleted.push(...deleted);
    report.passes.push({ name: pass.name, uploaded: copied.length, deleted: deleted.length });
  }
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else {
    for (const pass of report.passes) console.log(`${pass.name}: ${pass.uploaded} uploaded, ${pass.deleted} deleted`);
    console.log(`deployed to ${remote}: ${report.uploaded.length} files uploaded, ${report.deleted.length} deleted.`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`deploy:s3: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
