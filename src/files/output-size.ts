/**
 * Measuring a build's output folder as a host counts it: every file's bytes, the files in all, the
 * largest file and the fullest folder, and bytes by kind (src/lib/report/output-size.ts).
 */
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { classifyOutputFile, type OutputSize } from '../lib/report/output-size';

/** How many files are stat'ed at once: enough to keep the disk busy, few enough to stay in one's memory. */
const STAT_BATCH = 256;

/** Measures the output folder `dir`. Links are counted as the files they are (hard links as whole files). */
export async function measureOutput(dir: string): Promise<OutputSize> {
  const size: OutputSize = {
    bytes: 0,
    files: 0,
    largestFile: { path: '', bytes: 0 },
    largestFolder: { path: '', entries: 0 },
    byKind: {},
  };
  const folders = [''];
  while (folders.length > 0) {
    const folder = folders.pop()!;
    const entries = await readdir(path.join(dir, folder), { withFileTypes: true });
    const fuller = entries.length - size.largestFolder.entries;
    // Ties go to the path first in name order, so the report is the same however the disk lists folders.
    if (fuller > 0 || (fuller === 0 && folder < size.largestFolder.path)) {
      size.largestFolder = { path: folder, entries: entries.length };
    }
    const files: string[] = [];
    for (const entry of entries) {
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) folders.push(relative);
      else files.push(relative);
    }
    for (let start = 0; start < files.length; start += STAT_BATCH) {
      const batch = files.slice(start, start + STAT_BATCH);
      const stats = await Promise.all(batch.map((file) => lstat(path.join(dir, file))));
      batch.forEach((file, i) => {
        const bytes = stats[i]!.size;
        size.bytes += bytes;
        size.files += 1;
        const larger = bytes - size.largestFile.bytes;
        if (larger > 0 || (larger === 0 && file < size.largestFile.path)) size.largestFile = { path: file, bytes };
        const kind = classifyOutputFile(file);
        const entry = (size.byKind[kind] ??= { files: 0, bytes: 0 });
        entry.files += 1;
        entry.bytes += bytes;
      });
    }
  }
  return size;
}
