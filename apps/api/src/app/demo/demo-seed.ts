import type { DataSource } from 'typeorm';
import { type CalendarDate, calendarDateInParis } from '@passerelle/shared/domain';
import { loadCcloCommunes } from '@api/app/reference/reference.seed';
import { insertFiles, loadReferences, typeOrmRunner } from './file-loader';
import { loadNearbyCommunes } from './nearby-communes';
import { type SyntheticFileOptions, generateSyntheticFiles } from './synthetic-files';

/** The demo's files are always the same ones (for a given day): a fixed seed. */
export const DEMO_FILES_SEED = 64_150;
export const DEFAULT_DEMO_FILE_COUNT = 300;
/** Transaction-scoped advisory lock: two instances booting together seed once (jobs use JOB_LOCKS). */
const DEMO_FILES_LOCK = 7_301_201;

export interface DemoFilesOptions {
  /** How many files to create when there are none (default 300). */
  count?: number;
  /** The business day the files are consistent with (default: today in Europe/Paris). */
  today?: CalendarDate;
  seed?: number;
}

/** Generation options for the territory's real communes (and a few towns around it). */
export function territoryOptions(seed: number, today: CalendarDate): SyntheticFileOptions {
  const communes = loadCcloCommunes();
  return {
    seed,
    today,
    communes,
    outsideCommunes: loadNearbyCommunes(new Set(communes.map((c) => c.inseeCode))),
  };
}

/**
 * Demo mode: when there is no applicant file at all, creates `count` fictitious ones (created,
 * registered, renewed and closed by the demo accounts, with their timelines). Idempotent: once
 * there are files, it adds nothing. Needs the reference data and the demo accounts. Answers the
 * number of files created.
 */
export async function seedDemoFiles(dataSource: DataSource, options: DemoFilesOptions = {}): Promise<number> {
  const count = options.count ?? DEFAULT_DEMO_FILE_COUNT;
  const today = options.today ?? calendarDateInParis(new Date());
  return dataSource.transaction(async (manager) => {
    const run = typeOrmRunner(manager);
    await run('SELECT pg_advisory_xact_lock($1)', [DEMO_FILES_LOCK]);
    const [existing] = await run('SELECT EXISTS (SELECT 1 FROM applicant_file) AS present');
    if (existing?.['present'] === true || count <= 0) return 0;
    const files = generateSyntheticFiles(territoryOptions(options.seed ?? DEMO_FILES_SEED, today), count);
    await insertFiles(run, files, await loadReferences(run));
    return files.length;
  });
}
