import {
  type ApplicantFileContent,
  type CalendarDate,
  type ClosureReason,
  type FileStatus,
  type Person,
  type TimelineEventType,
} from '@passerelle/shared/domain';
import { relayPointCode } from '@api/app/reference/reference.data';
import { daysFrom, monthBeforeOf, plusDays, yearAfter } from './day-cache';
import { Prng, WeightedTable, hash32 } from './prng';
import { ContentBuilder, type ContentLevel, type SyntheticCommune } from './synthetic-content';
import { NameSampler } from './synthetic-names';

export type { SyntheticCommune } from './synthetic-content';

/**
 * Fictitious applicant files for the demo and the benchmarks: realistic households, names that
 * look like the population of Béarn and beyond, and a lifecycle consistent with the rules of
 * DOMAIN.md §4 as of a given `today`. Pure and deterministic: the same seed gives the same files.
 */

/** Who did something: an organisation (by its code) and one of its users (by username). */
export interface SyntheticActor {
  organizationCode: string;
  username: string;
}

export type SyntheticEventType = Extract<
  TimelineEventType,
  'FILE_CREATED' | 'REGISTERED' | 'RENEWAL_DUE' | 'RENEWED' | 'CLOSED' | 'LEASE_SIGNED' | 'DUPLICATE_MERGED'
>;

export interface SyntheticEvent {
  type: SyntheticEventType;
  /** ISO 8601 UTC instant. */
  occurredAt: string;
  /** Null for the system's own jobs (renewal due, closure for non-renewal). */
  actor: SyntheticActor | null;
  details: Record<string, unknown> | null;
  /** Another file's timeline: DUPLICATE_MERGED goes on the kept file (generated earlier). */
  applicantFileId?: string;
}

export interface SyntheticFile {
  /** Position in the whole generated population (from `startIndex`): makes SNE numbers unique. */
  index: number;
  id: string;
  version: number;
  status: FileStatus;
  sneNumber: string | null;
  registeredOn: CalendarDate | null;
  lastRenewedOn: CalendarDate | null;
  renewalDueOn: CalendarDate | null;
  seniorityDate: CalendarDate | null;
  closureReason: ClosureReason | null;
  closedOn: CalendarDate | null;
  keptFileId: string | null;
  content: ApplicantFileContent;
  createdBy: SyntheticActor;
  createdAt: string;
  updatedAt: string;
  /** Oldest first. */
  events: SyntheticEvent[];
}

export interface SyntheticFileOptions {
  seed: number;
  /** The business "today" the files are consistent with. */
  today: CalendarDate;
  /** The CCLO's communes, from `loadCcloCommunes()` (reference.seed.ts); former ones are skipped. */
  communes: readonly SyntheticCommune[];
  /** Where the few applicants from outside the territory live (`loadNearbyCommunes()`). */
  outsideCommunes?: readonly SyntheticCommune[];
  /** Share of applicants living outside the territory (needs `outsideCommunes`). */
  outsideShare?: number;
  /** Index of the first file: a second load into the same database starts after the first. */
  startIndex?: number;
}

const actor = (organizationCode: string, username: string): SyntheticActor => ({
  organizationCode,
  username,
});

/** The demo accounts of API.md that create, register, renew and close files. */
export const DEMO_ACTORS = {
  mourenx: actor('INFO_POINT_MOURENX', 'mourenx.agent'),
  orthez: actor('INFO_POINT_ORTHEZ', 'orthez.accueil'),
  lagor: actor(relayPointCode('64301'), 'lagor.relais'),
  monein: actor(relayPointCode('64393'), 'monein.relais'),
  office64: actor('LANDLORD_OFFICE64', 'office64.bailleur'),
  bearnaise: actor('LANDLORD_BEARNAISE', 'bearnaise.bailleur'),
} as const;

/** Organisations that may register, renew and close demands (`registersDemands`). */
const REGISTRARS: ReadonlySet<string> = new Set([
  DEMO_ACTORS.mourenx.organizationCode,
  DEMO_ACTORS.office64.organizationCode,
  DEMO_ACTORS.bearnaise.organizationCode,
]);
const RELAYS: ReadonlySet<string> = new Set([
  DEMO_ACTORS.lagor.organizationCode,
  DEMO_ACTORS.monein.organizationCode,
]);

/** Mostly the two info points; some relay points and landlords. */
const creators = WeightedTable.of<SyntheticActor>([
  [DEMO_ACTORS.mourenx, 44],
  [DEMO_ACTORS.orthez, 26],
  [DEMO_ACTORS.lagor, 7],
  [DEMO_ACTORS.monein, 9],
  [DEMO_ACTORS.office64, 8],
  [DEMO_ACTORS.bearnaise, 6],
]);
const landlords = [DEMO_ACTORS.office64, DEMO_ACTORS.bearnaise];

/** Closures during a year of validity, by reason (NOT_RENEWED comes from the anniversary instead). */
const closureReasons = WeightedTable.of<ClosureReason>([
  ['HOUSED', 64],
  ['WITHDRAWN', 16],
  ['NO_REPLY', 9],
  ['INELIGIBLE', 6],
  ['MERGED', 5],
]);

/** Chance that a registered demand ends (housed, withdrawn…) during a year of validity. */
const YEARLY_CLOSURE = 0.3;
/** Chance that an applicant renews when the anniversary comes. */
const RENEWAL = 0.82;

const SNE_KEYS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** A plausible SNE number: department, year and month of registration, sequence, key letter. */
export function sneNumberFor(index: number, registeredOn: CalendarDate): string {
  const sequence = String(index % 10_000_000).padStart(7, '0');
  const stem = `064${registeredOn.slice(2, 4)}${registeredOn.slice(5, 7)}${sequence}`;
  return `${stem}${SNE_KEYS[index % SNE_KEYS.length] ?? 'A'}`;
}

interface Step {
  type: SyntheticEventType;
  on: CalendarDate;
  actor: SyntheticActor | null;
  details: Record<string, unknown> | null;
  applicantFileId?: string;
}

interface Lifecycle {
  /** The file's own id (a MERGED duplicate's kept file names it). */
  id: string;
  status: FileStatus;
  createdOn: CalendarDate;
  steps: Step[];
  registeredOn: CalendarDate | null;
  lastRenewedOn: CalendarDate | null;
  renewalDueOn: CalendarDate | null;
  closureReason: ClosureReason | null;
  closedOn: CalendarDate | null;
  keptFileId: string | null;
  /** The file kept when this one is a MERGED duplicate. */
  duplicateOf: KeptCandidate | null;
  everRegistered: boolean;
}

interface KeptCandidate {
  id: string;
  applicant: Person;
}

// --- Europe/Paris wall-clock time to UTC -----------------------------------------------------

const dstCache = new Map<number, readonly [string, string]>();

function lastSunday(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0));
  const day = last.getUTCDate() - last.getUTCDay();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Offset of Europe/Paris from UTC, in hours, at `hour` (local) on `date`. */
function parisOffset(date: CalendarDate, hour: number): number {
  const year = Number(date.slice(0, 4));
  let bounds = dstCache.get(year);
  if (!bounds) {
    bounds = [lastSunday(year, 3), lastSunday(year, 10)];
    dstCache.set(year, bounds);
  }
  const [start, end] = bounds;
  if (date > start && date < end) return 2;
  if (date === start) return hour >= 3 ? 2 : 1;
  if (date === end) return hour >= 3 ? 1 : 2;
  return 1;
}

/** Milliseconds since the epoch of `minutes` after local midnight in Paris on `date`. */
function parisInstant(date: CalendarDate, minutes: number): number {
  const hour = Math.floor(minutes / 60);
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  return Date.UTC(y, m - 1, d, hour - parisOffset(date, hour), minutes % 60);
}

// --- The generator ---------------------------------------------------------------------------

export class SyntheticFileGenerator {
  private readonly random: Prng;
  private readonly names: NameSampler;
  private readonly content: ContentBuilder;
  private readonly territory: readonly SyntheticCommune[];
  private readonly homes: WeightedTable<SyntheticCommune>;
  private readonly outside: WeightedTable<SyntheticCommune> | null;
  private readonly outsideShare: number;
  private readonly today: CalendarDate;
  private readonly yesterday: CalendarDate;
  private readonly anonymisedBefore: CalendarDate;
  private readonly recent: KeptCandidate[] = [];
  private nextIndex: number;

  constructor(options: SyntheticFileOptions) {
    // A load that continues another (startIndex) must not repeat its ids: its own stream.
    const start = options.startIndex ?? 0;
    this.random = new Prng(start === 0 ? options.seed : hash32(start, options.seed));
    this.names = new NameSampler(this.random);
    this.today = options.today;
    this.yesterday = plusDays(options.today, -1);
    // Files closed more than a year ago have been anonymised (DOMAIN.md §9): not in the register.
    this.anonymisedBefore = plusDays(options.today, -365);
    this.territory = options.communes.filter((c) => c.current);
    if (this.territory.length === 0) throw new Error('No current commune to generate files for');
    this.homes = new WeightedTable(
      this.territory,
      this.territory.map((c) => c.population ?? 100),
    );
    const outside = options.outsideCommunes ?? [];
    this.outside =
      outside.length > 0
        ? new WeightedTable(
            outside,
            outside.map((c) => c.population ?? 100),
          )
        : null;
    this.outsideShare = this.outside ? (options.outsideShare ?? 0.08) : 0;
    this.content = new ContentBuilder(this.random, this.names, this.territory, options.today);
    this.nextIndex = options.startIndex ?? 0;
  }

  next(): SyntheticFile {
    const random = this.random;
    const index = this.nextIndex++;
    const id = random.uuid();
    const createdBy = creators.draw(random);
    const registersItself = REGISTRARS.has(createdBy.organizationCode);
    const willRegister = random.chance(
      registersItself ? 0.94 : RELAYS.has(createdBy.organizationCode) ? 0.65 : 0.85,
    );
    let lifecycle = willRegister ? this.registered(id, createdBy) : this.contact(id, createdBy, true);
    // Demands closed more than a year ago are anonymised, so out of the register: draw another history.
    for (let attempt = 0; attempt < 50 && this.anonymised(lifecycle); attempt++)
      lifecycle = this.registered(id, createdBy);
    if (this.anonymised(lifecycle)) lifecycle = this.contact(id, createdBy, false);

    const level: ContentLevel = lifecycle.everRegistered
      ? 'FULL'
      : RELAYS.has(createdBy.organizationCode) || lifecycle.duplicateOf
        ? 'MINIMAL'
        : random.chance(0.7)
          ? 'PARTIAL'
          : 'FULL';
    const content = this.content.build(level, { today: this.today, ...this.home(createdBy) });
    if (lifecycle.duplicateOf) this.copyIdentity(content.applicant, lifecycle.duplicateOf.applicant);

    const sneNumber =
      lifecycle.everRegistered && lifecycle.registeredOn ? sneNumberFor(index, lifecycle.registeredOn) : null;
    const events = this.events(lifecycle, sneNumber);
    const ownEvents = events.filter((e) => !e.applicantFileId);
    const file: SyntheticFile = {
      index,
      id,
      // One write per step, LEASE_SIGNED and its closure being one request.
      version: events.filter((e) => e.type !== 'LEASE_SIGNED' && !e.applicantFileId).length,
      status: lifecycle.status,
      sneNumber,
      registeredOn: lifecycle.registeredOn,
      lastRenewedOn: lifecycle.lastRenewedOn,
      renewalDueOn: lifecycle.renewalDueOn,
      seniorityDate: lifecycle.registeredOn,
      closureReason: lifecycle.closureReason,
      closedOn: lifecycle.closedOn,
      keptFileId: lifecycle.keptFileId,
      content,
      createdBy,
      createdAt: events[0]?.occurredAt ?? new Date(parisInstant(lifecycle.createdOn, 600)).toISOString(),
      updatedAt:
        ownEvents[ownEvents.length - 1]?.occurredAt ??
        new Date(parisInstant(lifecycle.createdOn, 600)).toISOString(),
      events,
    };
    if (file.status !== 'CLOSED') this.remember({ id, applicant: content.applicant });
    return file;
  }

  /** Where the applicant lives: near the organisation that met them, a few outside the territory. */
  private home(createdBy: SyntheticActor): { home: SyntheticCommune; homeInTerritory: boolean } {
    const random = this.random;
    if (this.outside && random.chance(this.outsideShare))
      return { home: this.outside.draw(random), homeInTerritory: false };
    const own = this.territory.find((c) => relayPointCode(c.inseeCode) === createdBy.organizationCode);
    if (own && random.chance(0.7)) return { home: own, homeInTerritory: true };
    return { home: this.homes.draw(random), homeInTerritory: true };
  }

  private remember(candidate: KeptCandidate): void {
    this.recent.push(candidate);
    if (this.recent.length > 64) this.recent.shift();
  }

  /** A duplicate looks like the same person: same birth date, name alike (first given name only). */
  private copyIdentity(applicant: Person, kept: Person): void {
    applicant.lastName = kept.lastName;
    applicant.birthDate = kept.birthDate;
    applicant.firstNames = this.random.chance(0.5)
      ? (kept.firstNames.split(' ')[0] ?? kept.firstNames)
      : kept.firstNames;
    if (kept.usageName) applicant.usageName = kept.usageName;
    else delete applicant.usageName;
    if (kept.civility) applicant.civility = kept.civility;
  }

  private age(mean: number, max: number): number {
    return Math.max(1, Math.min(max, Math.ceil(-Math.log(1 - this.random.next()) * mean)));
  }

  private anonymised(lifecycle: Lifecycle): boolean {
    return lifecycle.closedOn !== null && lifecycle.closedOn < this.anonymisedBefore;
  }

  /** A demand registered some day in the last six years, then renewed, told, closed as years went. */
  private registered(id: string, createdBy: SyntheticActor): Lifecycle {
    const random = this.random;
    const registersItself = REGISTRARS.has(createdBy.organizationCode);

    // A steady inflow over six years, growing a little: the lifecycle's own exits shape the stock.
    const createdOn = plusDays(this.today, -Math.max(1, Math.floor(6 * 365 * Math.pow(random.next(), 1.25))));
    const registrar = registersItself
      ? createdBy
      : random.chance(0.85)
        ? DEMO_ACTORS.mourenx
        : random.pick(landlords);
    const registeredOn = plusDays(
      createdOn,
      registersItself && random.chance(0.6)
        ? 0
        : random.int(registersItself ? 1 : 7, registersItself ? 45 : 90),
    );
    if (registeredOn > this.yesterday) {
      // Registration still to come.
      return this.emptyLifecycle(id, 'CONTACT', createdOn, createdBy);
    }

    const steps: Step[] = [{ type: 'FILE_CREATED', on: createdOn, actor: createdBy, details: null }];
    let start = registeredOn;
    let due = yearAfter(start);
    steps.push({
      type: 'REGISTERED',
      on: registeredOn,
      actor: registrar,
      details: { registeredOn, renewalDueOn: due },
    });
    const result: Lifecycle = {
      id,
      status: 'REGISTERED',
      createdOn,
      steps,
      registeredOn,
      lastRenewedOn: null,
      renewalDueOn: due,
      closureReason: null,
      closedOn: null,
      keptFileId: null,
      duplicateOf: null,
      everRegistered: true,
    };
    // One pass per year of validity; a file is at most six years old, so this ends quickly.
    for (let year = 0; year < 10; year++) {
      if (random.chance(YEARLY_CLOSURE)) {
        const closedOn = plusDays(start, random.int(20, Math.max(21, daysFrom(start, due) - 1)));
        if (closedOn <= this.yesterday) {
          const windowOn = monthBeforeOf(due);
          // Closed while the renewal was due: the applicant had been told first.
          if (closedOn >= windowOn)
            steps.push({ type: 'RENEWAL_DUE', on: windowOn, actor: null, details: { renewalDueOn: due } });
          let reason = closureReasons.draw(random);
          const kept = reason === 'MERGED' ? this.keptCandidate() : null;
          if (reason === 'MERGED' && !kept) reason = 'WITHDRAWN';
          this.close(result, reason, closedOn, registrar, kept);
          return result;
        }
      }
      const windowOn = monthBeforeOf(due);
      if (this.today < windowOn) return result;
      const renews = random.chance(RENEWAL);
      if (renews && random.chance(0.1)) {
        // Renewed early, before being told: no RENEWAL_DUE step.
        const renewedOn = plusDays(windowOn, -random.int(1, 45));
        if (renewedOn > start && renewedOn <= this.yesterday) {
          ({ start, due } = this.renew(result, renewedOn, registrar));
          continue;
        }
      }
      steps.push({ type: 'RENEWAL_DUE', on: windowOn, actor: null, details: { renewalDueOn: due } });
      result.status = 'RENEWAL_DUE';
      if (renews) {
        // People renew late: the later half of the month is the busier one.
        const late = Math.max(random.next(), random.next(), random.next(), random.next());
        // The due date itself still counts: the demand lapses the day after (the API's job).
        const renewedOn = plusDays(windowOn, Math.floor(late * (daysFrom(windowOn, due) + 1)));
        if (renewedOn <= this.yesterday) {
          ({ start, due } = this.renew(result, renewedOn, registrar));
          continue;
        }
        return result;
      }
      if (this.today <= due) return result;
      // Closed by the daily job the night after the due date, as of the due date.
      this.close(result, 'NOT_RENEWED', due, null, null, plusDays(due, 1));
      return result;
    }
    return result;
  }

  private renew(
    result: Lifecycle,
    renewedOn: CalendarDate,
    registrar: SyntheticActor,
  ): { start: CalendarDate; due: CalendarDate } {
    const due = yearAfter(renewedOn);
    const by = registrar === DEMO_ACTORS.mourenx || this.random.chance(0.3) ? DEMO_ACTORS.mourenx : registrar;
    result.steps.push({
      type: 'RENEWED',
      on: renewedOn,
      actor: by,
      details: { renewedOn, renewalDueOn: due },
    });
    result.status = 'REGISTERED';
    result.lastRenewedOn = renewedOn;
    result.renewalDueOn = due;
    return { start: renewedOn, due };
  }

  private close(
    result: Lifecycle,
    reason: ClosureReason,
    closedOn: CalendarDate,
    registrar: SyntheticActor | null,
    kept: KeptCandidate | null,
    recordedOn: CalendarDate = closedOn,
  ): void {
    let by: SyntheticActor | null;
    if (reason === 'HOUSED') {
      by = this.random.pick(landlords);
      result.steps.push({ type: 'LEASE_SIGNED', on: closedOn, actor: by, details: { occurredOn: closedOn } });
    } else if (reason === 'NOT_RENEWED') by = null;
    else if (reason === 'MERGED') by = DEMO_ACTORS.mourenx;
    else by = reason === 'INELIGIBLE' ? this.random.pick(landlords) : (registrar ?? DEMO_ACTORS.mourenx);
    const details: Record<string, unknown> = { reason, closedOn };
    if (kept) details['keptFileId'] = kept.id;
    result.steps.push({ type: 'CLOSED', on: recordedOn, actor: by, details });
    if (kept) {
      result.steps.push({
        type: 'DUPLICATE_MERGED',
        on: closedOn,
        actor: by,
        details: { mergedFileId: result.id },
        applicantFileId: kept.id,
      });
    }
    result.status = 'CLOSED';
    result.closureReason = reason;
    result.closedOn = closedOn;
    result.keptFileId = kept?.id ?? null;
    result.duplicateOf = reason === 'MERGED' ? kept : null;
  }

  private keptCandidate(): KeptCandidate | null {
    return this.recent.length > 0 ? this.random.pick(this.recent) : null;
  }

  private emptyLifecycle(
    id: string,
    status: FileStatus,
    createdOn: CalendarDate,
    createdBy: SyntheticActor,
  ): Lifecycle {
    return {
      id,
      status,
      createdOn,
      steps: [{ type: 'FILE_CREATED', on: createdOn, actor: createdBy, details: null }],
      registeredOn: null,
      lastRenewedOn: null,
      renewalDueOn: null,
      closureReason: null,
      closedOn: null,
      keptFileId: null,
      duplicateOf: null,
      everRegistered: false,
    };
  }

  /** Known, not registered: recent mostly; a few are duplicates of a file already there. */
  private contact(id: string, createdBy: SyntheticActor, mayBeDuplicate: boolean): Lifecycle {
    const random = this.random;
    const createdOn = plusDays(this.today, -this.age(120, 900));
    const result = this.emptyLifecycle(id, 'CONTACT', createdOn, createdBy);
    if (mayBeDuplicate && random.chance(0.08)) {
      const kept = this.keptCandidate();
      const closedOn = plusDays(createdOn, random.int(1, 40));
      if (kept && closedOn <= this.yesterday)
        this.close(result, 'MERGED', closedOn, DEMO_ACTORS.mourenx, kept);
    }
    return result;
  }

  /** Dated steps → timeline events at plausible times: office hours for people, night for jobs. */
  private events(lifecycle: Lifecycle, sneNumber: string | null): SyntheticEvent[] {
    const random = this.random;
    let last = 0;
    return lifecycle.steps.map((step) => {
      const minutes = step.actor ? random.int(8 * 60 + 30, 17 * 60 + 30) : random.int(60, 150);
      let at = parisInstant(step.on, minutes);
      if (at <= last) at = last + random.int(2, 40) * 60_000;
      last = at;
      let details = step.details;
      if (step.type === 'REGISTERED' && sneNumber) details = { sneNumber, ...details };
      const event: SyntheticEvent = {
        type: step.type,
        occurredAt: new Date(at).toISOString(),
        actor: step.actor,
        details,
      };
      if (step.applicantFileId) event.applicantFileId = step.applicantFileId;
      return event;
    });
  }
}

export function createSyntheticFileGenerator(options: SyntheticFileOptions): SyntheticFileGenerator {
  return new SyntheticFileGenerator(options);
}

/** `count` files at once (small counts: the demo, tests). Big loads stream from the generator. */
export function generateSyntheticFiles(options: SyntheticFileOptions, count: number): SyntheticFile[] {
  const generator = new SyntheticFileGenerator(options);
  return Array.from({ length: count }, () => generator.next());
}
