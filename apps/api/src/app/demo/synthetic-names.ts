import {
  CURATED_SURNAMES,
  FRENCH_FIRST_NAMES,
  type Morphemes,
  ORIGINS,
  ORIGIN_FIRST_NAMES,
  ORIGIN_WEIGHTS,
  type Origin,
  PARTICLE_NAMES,
  type Sex,
  TAIL_MORPHEMES,
} from './name-material';
import { Prng, WeightedTable, hash32 } from './prng';

export interface Surname {
  name: string;
  origin: Origin;
}

/**
 * Every surname the synthetic population can carry, ranked by frequency. Ranks follow a
 * Zipf–Mandelbrot law, weight ∝ (rank + q)^-s: a flattened head (the most common name is well
 * under 1 % of people, as Martin is in France) and a long tail where most names are rare. The
 * curated names take the head ranks, interleaved by origin; the ranks after them are generated
 * from morphemes, each from its own rank, so the same rank is the same name in every run.
 */
export class SurnameUniverse {
  private readonly names: Surname[];
  private readonly g1: number;
  private readonly span: number;

  constructor(
    readonly size = 150_000,
    private readonly exponent = 1.0,
    private readonly offset = 30,
  ) {
    this.names = buildNames(size);
    this.g1 = this.g(1);
    this.span = this.g(size + 1) - this.g1;
  }

  get curatedCount(): number {
    return curatedSurnames().length;
  }

  private g(x: number): number {
    const s = this.exponent;
    return s === 1 ? Math.log(x + this.offset) : Math.pow(x + this.offset, 1 - s) / (1 - s);
  }

  private gInverse(y: number): number {
    const s = this.exponent;
    return (s === 1 ? Math.exp(y) : Math.pow(y * (1 - s), 1 / (1 - s))) - this.offset;
  }

  /** A rank in [1, size], drawn from the law (continuous inversion: O(1), no table). */
  drawRank(random: Prng): number {
    const x = this.gInverse(this.g1 + random.next() * this.span);
    return Math.min(this.size, Math.max(1, Math.floor(x)));
  }

  at(rank: number): Surname {
    const surname = this.names[rank - 1];
    if (!surname) throw new RangeError(`No surname of rank ${rank}`);
    return surname;
  }

  draw(random: Prng): Surname {
    return this.at(this.drawRank(random));
  }
}

const originTable = new WeightedTable(
  ORIGINS,
  ORIGINS.map((origin) => ORIGIN_WEIGHTS[origin]),
);

/** The curated lists merged into one ranking: each origin's names in turn, by its weight. */
function interleaveByOrigin(): Surname[] {
  const queues = ORIGINS.map((origin) => ({ origin, names: [...CURATED_SURNAMES[origin]], credit: 0 }));
  const seen = new Set<string>();
  const result: Surname[] = [];
  const total = ORIGINS.reduce((sum, origin) => sum + ORIGIN_WEIGHTS[origin], 0);
  // Smooth weighted round robin: deterministic, and proportional to the weights.
  while (queues.some((q) => q.names.length > 0)) {
    let best: (typeof queues)[number] | undefined;
    for (const queue of queues) {
      if (queue.names.length === 0) continue;
      queue.credit += ORIGIN_WEIGHTS[queue.origin];
      if (!best || queue.credit > best.credit) best = queue;
    }
    if (!best) break;
    best.credit -= total;
    const name = best.names.shift() as string;
    if (!seen.has(name)) {
      seen.add(name);
      result.push({ name, origin: best.origin });
    }
  }
  return result;
}

const TAIL_SALT = 0x5eed_7a11;

const VOWELS = /[aeiouyéèêëàâîïôûùœáíóúãõü]/;
const startsWithVowel = (part: string) => VOWELS.test(part.charAt(0).toLowerCase());
const endsWithVowel = (part: string) => VOWELS.test(part.charAt(part.length - 1));
const SOFT_ENDS = /[lmnrs]$/;
const SINGLE_CONSONANT_START = /^[^aeiouyéèêëàâîïôûùœáíóúãõü][aeiouyéèêëàâîïôûùœáíóúãõü]/;

/** Can `next` follow `previous`? Vowels and consonants alternate, with soft clusters (« rb », « nd »). */
function fits(previous: string, next: string): boolean {
  if (endsWithVowel(previous))
    return !startsWithVowel(next) || (next.length > 2 && /^[ou]/.test(next) && /[ae]$/.test(previous));
  if (startsWithVowel(next)) return true;
  return SOFT_ENDS.test(previous) && SINGLE_CONSONANT_START.test(next);
}

/**
 * Appends a part drawn from `parts`, preferring one that fits; otherwise links the two with a
 * soft consonant (« Ro » + « ard » → « Rolard ») or a vowel (« Bert » + « chet » → « Bertachet »).
 */
function append(random: Prng, previous: string, parts: readonly string[], vowels: readonly string[]): string {
  let part = random.pick(parts);
  for (let attempt = 0; attempt < 6 && !fits(previous, part); attempt++) part = random.pick(parts);
  if (fits(previous, part)) return previous + part;
  return endsWithVowel(previous)
    ? previous + random.pick(LINKING_CONSONANTS) + part
    : previous + random.pick(vowels) + part;
}

const LINKING_CONSONANTS = ['l', 'n', 'r', 's', 't', 'd', 'm'];

const split = (list: string) => list.split(',').map((part) => part.trim());

interface Syllables {
  vowels: readonly string[];
  middles: readonly string[];
}

/** The listed middles plus the syllables of the language. */
const syllablesOf = new Map<Morphemes, Syllables>();
function syllables(morphemes: Morphemes): Syllables {
  let result = syllablesOf.get(morphemes);
  if (!result) {
    const vowels = split(morphemes.syllables.vowels);
    const consonants = split(morphemes.syllables.consonants);
    // Open (« ba ») and closed (« ab ») syllables, so that any head can meet any ending.
    const open = consonants.flatMap((c) => vowels.map((v) => c + v));
    const closed = vowels.flatMap((v) => consonants.filter((c) => c.length === 1).map((c) => v + c));
    result = { vowels, middles: [...morphemes.middles, ...open, ...closed] };
    syllablesOf.set(morphemes, result);
  }
  return result;
}

function compose(random: Prng, morphemes: Morphemes, maxLength: number): string | null {
  const { vowels, middles } = syllables(morphemes);
  let name = random.pick(morphemes.heads).toLowerCase();
  if (random.chance(morphemes.middleChance)) {
    name = append(random, name, middles, vowels);
    if (random.chance(0.1)) name = append(random, name, middles, vowels);
  }
  name = append(random, name, morphemes.endings, vowels);
  if (name.length > maxLength || /(.)\1\1/.test(name)) return null;
  name = name.charAt(0).toUpperCase() + name.slice(1);
  if (morphemes.prefixes && random.chance(morphemes.prefixChance ?? 0)) {
    name = `${random.pick(morphemes.prefixes)} ${name}`;
  }
  return name;
}

let curated: Surname[] | undefined;
function curatedSurnames(): Surname[] {
  curated ??= interleaveByOrigin();
  return curated;
}

/**
 * The curated head, then generated names in rank order, each distinct from every name before it
 * (so no short generated name gathers the weight of several ranks). Same ranks, same names.
 */
function buildNames(size: number): Surname[] {
  const names = curatedSurnames().slice(0, size);
  const taken = new Set(names.map((surname) => surname.name));
  for (let rank = names.length + 1; rank <= size; rank++) {
    const random = new Prng(hash32(rank, TAIL_SALT));
    const origin = originTable.draw(random);
    // Bounded: past 50 attempts longer names are allowed, and the space is then far from full.
    for (let attempt = 0; attempt < 1000; attempt++) {
      const name = compose(random, TAIL_MORPHEMES[origin], attempt < 50 ? 12 : 18);
      if (name && name.length >= 3 && !taken.has(name)) {
        taken.add(name);
        names.push({ name, origin });
        break;
      }
    }
  }
  return names;
}

/** Birth-period index of FRENCH_FIRST_NAMES: before 1955, 1955–74, 1975–94, 1995 and later. */
function generation(birthYear: number): number {
  if (birthYear < 1955) return 0;
  if (birthYear < 1975) return 1;
  if (birthYear < 1995) return 2;
  return 3;
}

/** The chance that a family of this origin gives a first name of its own tradition. */
const OWN_TRADITION: Record<Origin, readonly [older: number, younger: number]> = {
  FRENCH: [0, 0],
  GASCON: [0, 0],
  BASQUE: [0.2, 0.35],
  SPANISH: [0.6, 0.3],
  PORTUGUESE: [0.7, 0.35],
  ITALIAN: [0.5, 0.15],
  MAGHREB: [0.85, 0.6],
  TURKISH: [0.9, 0.7],
  WEST_AFRICAN: [0.9, 0.7],
};

/** Popular names are more popular: weight 1 / (position + 4) within each list. */
const zipfTable = (names: readonly string[]) =>
  new WeightedTable(
    names,
    names.map((_, i) => 1 / (i + 4)),
  );

const frenchTables: Record<Sex, WeightedTable<string>[]> = {
  F: FRENCH_FIRST_NAMES.F.map(zipfTable),
  M: FRENCH_FIRST_NAMES.M.map(zipfTable),
};
const originTables = new Map<string, WeightedTable<string>>();
for (const origin of ORIGINS) {
  const lists = ORIGIN_FIRST_NAMES[origin];
  if (!lists) continue;
  originTables.set(`${origin}:F`, zipfTable(lists.F));
  originTables.set(`${origin}:M`, zipfTable(lists.M));
}

export class NameSampler {
  readonly surnames: SurnameUniverse;

  constructor(
    private readonly random: Prng,
    surnames?: SurnameUniverse,
  ) {
    this.surnames = surnames ?? defaultUniverse();
  }

  /** A birth name: mostly one surname, sometimes a double (hyphenated) one or one with a particle. */
  birthName(): Surname {
    const random = this.random;
    const first = this.surnames.draw(random);
    const roll = random.next();
    if (roll < 0.035) {
      const second = this.surnames.draw(random);
      if (second.name !== first.name) return { name: `${first.name}-${second.name}`, origin: first.origin };
    } else if (roll < 0.045) {
      const place = random.pick(PARTICLE_NAMES);
      const particle = /^[AEIOUÉ]/.test(place) ? "d'" : random.chance(0.2) ? 'du ' : 'de ';
      return { name: `${particle}${place}`, origin: 'GASCON' };
    }
    return first;
  }

  /** One to three first names, in the fashion of the birth year and the family's origin. */
  firstNames(sex: Sex, birthYear: number, origin: Origin): string {
    const random = this.random;
    const pickOne = (): string => {
      const [older, younger] = OWN_TRADITION[origin];
      const own = originTables.get(`${origin}:${sex}`);
      if (own && random.chance(birthYear < 1980 ? older : younger)) return own.draw(random);
      let period = generation(birthYear);
      // Fashion is blurred: one name in five comes from a neighbouring generation.
      if (random.chance(0.2)) period = Math.min(3, Math.max(0, period + (random.chance(0.5) ? -1 : 1)));
      return (frenchTables[sex][period] as WeightedTable<string>).draw(random);
    };
    const first = pickOne();
    const roll = random.next();
    if (roll < 0.12 && !first.includes('-')) {
      const second = pickOne();
      if (second !== first) {
        if (roll < 0.02) {
          const third = pickOne();
          if (third !== first && third !== second) return `${first} ${second} ${third}`;
        }
        return `${first} ${second}`;
      }
    }
    return first;
  }
}

let universe: SurnameUniverse | undefined;

/** The one surname universe every sampler shares (its tail is filled lazily). */
export function defaultUniverse(): SurnameUniverse {
  universe ??= new SurnameUniverse();
  return universe;
}
