import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  MAX_WISHED_COMMUNES,
  SNE_NUMBER_PATTERN,
  TIMELINE_EVENT_TYPES,
  type Typology,
  addDays,
  completenessOf,
  isCalendarDate,
  nameWords,
  oneMonthBefore,
  oneYearAfter,
} from '@passerelle/shared/domain';
import { checkContent } from '@api/app/applicant-files/content-rules';
import { FileContentDto } from '@api/app/applicant-files/dto/file-content.dto';
import { DEMO_ACCOUNTS } from '@api/app/identity/identity.seed';
import { ccloOrganizations, loadCcloCommunes } from '@api/app/reference/reference.seed';
import { territoryOptions } from './demo-seed';
import { Prng } from './prng';
import { type SyntheticFile, generateSyntheticFiles } from './synthetic-files';
import { NameSampler } from './synthetic-names';

const TODAY = '2026-11-26';
const options = territoryOptions(42, TODAY);
const files = generateSyntheticFiles(options, 20_000);

/** Every INSEE code that exists, from the official package. */
const realInseeCodes = new Set(
  (require('@etalab/decoupage-administratif/data/communes.json') as { code: string }[]).map((c) => c.code),
);
const territoryCodes = new Set(
  loadCcloCommunes()
    .filter((c) => c.current)
    .map((c) => c.inseeCode),
);

describe('synthetic names', () => {
  const sampler = new NameSampler(new Prng(7));
  const surnames = Array.from({ length: 100_000 }, () => sampler.birthName().name);
  const counts = new Map<string, number>();
  for (const name of surnames) counts.set(name, (counts.get(name) ?? 0) + 1);
  const sorted = [...counts.values()].sort((a, b) => b - a);

  it('has tens of thousands of distinct surnames with a long tail on 100,000 names', () => {
    expect(counts.size).toBeGreaterThanOrEqual(20_000);
    // A few very common names, none dominant (Martin is about 0.3 % of the French).
    expect((sorted[0] ?? 0) / surnames.length).toBeLessThan(0.02);
    expect(sorted.slice(0, 10).reduce((a, b) => a + b, 0) / surnames.length).toBeLessThan(0.05);
    expect(sorted[0]).toBeGreaterThan(100);
    // Most names are rare: more than half of the distinct names are seen once.
    expect(sorted.filter((n) => n === 1).length).toBeGreaterThan(counts.size / 2);
  });

  it('has accents, hyphens, particles and the forms of Béarn and the Pays basque', () => {
    expect(surnames.filter((n) => /[éèêëàâîïôûùç]/i.test(n)).length).toBeGreaterThan(2_000);
    expect(surnames.filter((n) => n.includes('-')).length).toBeGreaterThan(2_000);
    expect(surnames.filter((n) => /^(de |du |d')/.test(n)).length).toBeGreaterThan(300);
    for (const name of [
      'Etcheverry',
      'Lacoste',
      'Bordenave',
      'Dupré',
      'Ménard',
      'Béguerie',
      'Diallo',
      'Da Silva',
    ]) {
      expect(counts.get(name)).toBeGreaterThan(0);
    }
  });

  it('gives varied first names, some compound or several', () => {
    const firstNames = files.map((f) => f.content.applicant.firstNames);
    expect(new Set(firstNames).size).toBeGreaterThan(800);
    expect(firstNames.filter((n) => n.includes('-')).length).toBeGreaterThan(100);
    expect(firstNames.filter((n) => n.includes(' ')).length).toBeGreaterThan(500);
    expect(firstNames.filter((n) => /[éèëïçñ]/i.test(n)).length).toBeGreaterThan(1_000);
  });
});

describe('synthetic files', () => {
  it('are the same for a seed, different for another', () => {
    const again = generateSyntheticFiles(options, 300);
    expect(JSON.stringify(again)).toBe(JSON.stringify(files.slice(0, 300)));
    const other = generateSyntheticFiles(territoryOptions(43, TODAY), 300);
    expect(other.map((f) => f.id)).not.toEqual(again.map((f) => f.id));
  });

  it('mix every status, every closure reason, usage names and co-applicants', () => {
    const share = (predicate: (f: SyntheticFile) => boolean) => files.filter(predicate).length / files.length;
    expect(share((f) => f.status === 'CONTACT')).toBeGreaterThan(0.08);
    expect(share((f) => f.status === 'REGISTERED')).toBeGreaterThan(0.4);
    expect(share((f) => f.status === 'RENEWAL_DUE')).toBeGreaterThan(0.015);
    expect(share((f) => f.status === 'CLOSED')).toBeGreaterThan(0.1);
    const reasons = new Set(files.map((f) => f.closureReason).filter(Boolean));
    expect([...reasons].sort()).toEqual([
      'HOUSED',
      'INELIGIBLE',
      'MERGED',
      'NOT_RENEWED',
      'NO_REPLY',
      'WITHDRAWN',
    ]);
    expect(share((f) => Boolean(f.content.applicant.usageName))).toBeGreaterThan(0.03);
    expect(share((f) => Boolean(f.content.coApplicant))).toBeGreaterThan(0.15);
    expect(
      share((f) => (f.content.householdMembers ?? []).some((m) => m.kind === 'EXPECTED_CHILD')),
    ).toBeGreaterThan(0.005);
  });

  it('have a coherent lifecycle as of today', () => {
    const ids = new Map(files.map((f, i) => [f.id, i]));
    for (const [i, file] of files.entries()) {
      const problem = lifecycleProblem(file, ids, i);
      if (problem)
        throw new Error(`file ${i} (${file.status}): ${problem}\n${JSON.stringify(file, null, 1)}`);
    }
  });

  it('have unique SNE numbers of the accepted form', () => {
    const numbers = files.map((f) => f.sneNumber).filter((n): n is string => n !== null);
    expect(numbers.length).toBeGreaterThan(files.length / 2);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.filter((number) => !SNE_NUMBER_PATTERN.test(number))).toEqual([]);
  });

  it('wish at most 8 communes of the territory and typologies that fit the household', () => {
    const problems: string[] = [];
    const rooms = (t: Typology) => (t === 'ROOM' ? 0 : t === 'T6_PLUS' ? 6 : Number(t.slice(1)));
    let withWishes = 0;
    for (const [i, file] of files.entries()) {
      const wishes = file.content.wishes;
      if (!wishes) continue;
      withWishes++;
      const communes = wishes.communes ?? [];
      if (communes.length < 1 || communes.length > MAX_WISHED_COMMUNES)
        problems.push(`${i}: ${communes.length} communes`);
      if (new Set(communes).size !== communes.length) problems.push(`${i}: repeated communes`);
      if (communes.some((code) => !territoryCodes.has(code)))
        problems.push(`${i}: commune outside the territory`);
      const size = 1 + (file.content.coApplicant ? 1 : 0) + (file.content.householdMembers?.length ?? 0);
      for (const typology of wishes.typologies ?? []) {
        if (rooms(typology) < Math.min(5, size - 2) || rooms(typology) > size + 2) {
          problems.push(`${i}: ${typology} for ${size} people`);
        }
      }
    }
    expect(withWishes).toBeGreaterThan(files.length / 2);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('name only real communes, mostly of the territory', () => {
    let inTerritory = 0;
    const unknown: string[] = [];
    for (const file of files) {
      const { contact, applicant, coApplicant } = file.content;
      for (const code of [contact?.inseeCode, applicant.employerInseeCode, coApplicant?.employerInseeCode]) {
        if (code && !realInseeCodes.has(code)) unknown.push(code);
      }
      if (contact?.inseeCode && territoryCodes.has(contact.inseeCode)) inTerritory++;
    }
    expect(unknown).toEqual([]);
    expect(inTerritory / files.length).toBeGreaterThan(0.85);
    expect(inTerritory / files.length).toBeLessThan(1);
  });

  it('pass the API’s own validation, and registered demands are complete enough to register', () => {
    for (const file of files.slice(0, 3_000)) {
      const errors = validateSync(plainToInstance(FileContentDto, file.content), {
        whitelist: true,
        forbidNonWhitelisted: true,
        forbidUnknownValues: true,
      });
      if (errors.length > 0)
        throw new Error(`${JSON.stringify(errors, null, 1)}\n${JSON.stringify(file.content)}`);
      // Member ids, who resources belong to, the main reason, past birth dates: unchanged when valid.
      if (JSON.stringify(checkContent(file.content, TODAY)) !== JSON.stringify(file.content)) {
        throw new Error(`checkContent changed ${JSON.stringify(file.content)}`);
      }
      if (file.sneNumber && !completenessOf(file.content).registration.complete) {
        throw new Error(
          `registered but incomplete: ${JSON.stringify(completenessOf(file.content).registration.missing)}`,
        );
      }
    }
  });

  it('are created and handled by demo accounts of real organisations', () => {
    const organizations = new Set(ccloOrganizations(loadCcloCommunes()).map((o) => o.code));
    const accounts = new Map(DEMO_ACCOUNTS.map((a) => [a.username, a.organizationCode]));
    const problems = new Set<string>();
    for (const file of files) {
      for (const actor of [file.createdBy, ...file.events.map((e) => e.actor)]) {
        if (!actor) continue;
        if (!organizations.has(actor.organizationCode))
          problems.add(`unknown organisation ${actor.organizationCode}`);
        if (accounts.get(actor.username) !== actor.organizationCode)
          problems.add(`${actor.username} is not of ${actor.organizationCode}`);
      }
    }
    expect([...problems]).toEqual([]);
  });

  it('make searchable names: every applicant has name words', () => {
    const nameless = files.filter(
      (file) =>
        nameWords(file.content.applicant.lastName).length === 0 ||
        nameWords(file.content.applicant.firstNames).length === 0,
    );
    expect(nameless).toEqual([]);
  });
});

/** What is wrong with a file's lifecycle, or null. */
function lifecycleProblem(file: SyntheticFile, ids: Map<string, number>, index: number): string | null {
  const endOfToday = `${addDays(TODAY, 1)}T00:00:00.000Z`;
  const createdOn = file.createdAt.slice(0, 10);
  const others = file.events.filter((e) => e.applicantFileId);
  if (others.some((e) => e.type !== 'DUPLICATE_MERGED' || e.applicantFileId !== file.keptFileId)) {
    return 'an event on another file than the kept one';
  }
  if (others.length !== (file.closureReason === 'MERGED' ? 1 : 0))
    return 'DUPLICATE_MERGED missing on the kept file';
  const events = file.events.filter((e) => !e.applicantFileId);
  if (events[0]?.type !== 'FILE_CREATED') return 'first event is not FILE_CREATED';
  for (const [i, event] of events.entries()) {
    if (!(TIMELINE_EVENT_TYPES as readonly string[]).includes(event.type))
      return `unknown event ${event.type}`;
    if (event.occurredAt >= endOfToday) return 'event in the future';
    if (i > 0 && event.occurredAt <= (events[i - 1]?.occurredAt ?? '')) return 'events out of order';
  }
  if (file.updatedAt !== events[events.length - 1]?.occurredAt) return 'updatedAt is not the last event';
  if (file.version < 1) return 'version below 1';
  // The database's own checks.
  if (!(file.status === 'CONTACT' || file.closureReason !== null || file.sneNumber !== null))
    return 'CHK registered';
  if ((file.status === 'CLOSED') !== (file.closureReason !== null && file.closedOn !== null))
    return 'CHK closed';

  if (file.registeredOn) {
    if (!isCalendarDate(file.registeredOn) || file.registeredOn > TODAY) return 'registered in the future';
    if (file.registeredOn < createdOn) return 'registered before creation';
    if (file.seniorityDate !== file.registeredOn) return 'seniority is not the first registration';
    if (!file.sneNumber) return 'registered without an SNE number';
    const period = file.lastRenewedOn ?? file.registeredOn;
    if (file.lastRenewedOn && file.lastRenewedOn <= file.registeredOn) return 'renewed before registration';
    if (file.renewalDueOn !== oneYearAfter(period))
      return 'renewalDueOn is not one year after the last renewal';
  } else if (file.sneNumber || file.renewalDueOn || file.lastRenewedOn || file.seniorityDate) {
    return 'registration data without registration';
  }

  switch (file.status) {
    case 'CONTACT':
      if (file.registeredOn || file.closedOn) return 'a contact with registration or closure';
      break;
    case 'REGISTERED':
    case 'RENEWAL_DUE': {
      const due = file.renewalDueOn;
      if (!due || TODAY > due) return 'active demand past its due date';
      const told = TODAY >= oneMonthBefore(due);
      if (told !== (file.status === 'RENEWAL_DUE'))
        return 'RENEWAL_DUE is not exactly one month before the due date';
      if (file.closedOn) return 'active with a closure';
      break;
    }
    case 'CLOSED': {
      const closedOn = file.closedOn ?? '';
      if (closedOn > TODAY || closedOn < addDays(TODAY, -365)) return 'closure out of the last year';
      if (closedOn < createdOn) return 'closed before creation';
      if (file.closureReason === 'NOT_RENEWED' && closedOn !== file.renewalDueOn)
        return 'NOT_RENEWED not on the due date';
      if (file.closureReason === 'MERGED') {
        const kept = file.keptFileId ? ids.get(file.keptFileId) : undefined;
        if (kept === undefined || kept >= index) return 'MERGED without an earlier kept file';
      } else if (file.keptFileId) return 'keptFileId without MERGED';
      const last = events[events.length - 1];
      if (last?.type !== 'CLOSED' || last.details?.['reason'] !== file.closureReason)
        return 'no CLOSED event';
      break;
    }
  }
  const registered = file.events.filter((e) => e.type === 'REGISTERED');
  if (registered.length !== (file.registeredOn ? 1 : 0)) return 'REGISTERED events do not match';
  if (registered[0] && registered[0].details?.['sneNumber'] !== file.sneNumber)
    return 'REGISTERED event without the SNE number';
  const renewed = file.events.filter((e) => e.type === 'RENEWED');
  if (file.lastRenewedOn && renewed[renewed.length - 1]?.details?.['renewedOn'] !== file.lastRenewedOn)
    return 'RENEWED events do not match';
  return null;
}
