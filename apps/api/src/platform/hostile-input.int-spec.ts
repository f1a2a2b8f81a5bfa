import { createHmac, randomUUID } from 'node:crypto';
import { Agent, STATUS_CODES, request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { ApplicantFileView, LoginResponse } from '@passerelle/shared/domain';
import { DEMO_TOKEN_SECRET } from '@api/platform/config/config';
import { type SignedIn, type TestApp, DEMO_PASSWORD, startTestApp } from '@api/testing/test-app';
import { createFile, minimalFile, registeredFile, registrableFile } from '@api/testing/builders';
import { DEMO_ACCOUNTS } from '@api/app/identity/identity.seed';
import { type RouteDeclaration, listRoutes } from '@api/app/access/routes';
import {
  sampleExecutable,
  sampleJpeg,
  samplePdf,
  samplePng,
} from '@api/app/documents/testing/sample-documents';

/**
 * QUALITY.md, « bad input »: every route of the running application is fed generated malformed
 * path parameters, query strings, headers and bodies, anonymously, with broken tokens and as every
 * role. No answer may be a 5xx, every error answers the one format of API.md, and nothing the
 * requests inject changes what they must not reach.
 *
 * Reproduce a run with HOSTILE_INPUT_SEED=<seed>; HOSTILE_INPUT_RUNS=<n> explores further.
 */
const SEED = Number(process.env['HOSTILE_INPUT_SEED'] ?? 42);
const RUNS_PER_ROUTE = Number(process.env['HOSTILE_INPUT_RUNS'] ?? 25);
/** HOSTILE_INPUT_VERBOSE=1: the statuses each route answered, to see how deep the requests reach. */
const VERBOSE = Boolean(process.env['HOSTILE_INPUT_VERBOSE']);
const JSON_LIMIT_BYTES = 1_048_576;

const histogram = (counts: Map<number, number>): string =>
  [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');

// ---------------------------------------------------------------------------------------------
// A JSON model that can say what JSON.stringify cannot: duplicate and `__proto__` keys, number
// literals such as 1e999 or -0, and structures too deep for a recursive serializer.

class Raw {
  constructor(readonly text: string) {}
}
class Obj {
  constructor(readonly entries: [string, Json][]) {}
}
type Json = null | boolean | number | string | Raw | Obj | Json[];

function toJson(value: Json): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof Obj)
    return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  return JSON.stringify(value) ?? 'null';
}

function clone(value: Json): Json {
  if (value instanceof Obj) return new Obj(value.entries.map(([k, v]) => [k, clone(v)]));
  if (Array.isArray(value)) return value.map(clone);
  return value;
}

type Mutation = { at: number; op: 'replace' | 'delete' | 'add'; key: string; value: Json };

/** Replaces, removes or adds one member somewhere in a (valid-looking) body. */
function mutate(body: Json, { at, op, key, value }: Mutation): Json {
  const root = clone(body);
  const slots: { parent: Obj | Json[]; index: number }[] = [];
  const walk = (node: Json): void => {
    if (node instanceof Obj)
      node.entries.forEach(([, v], index) => {
        slots.push({ parent: node, index });
        walk(v);
      });
    else if (Array.isArray(node))
      node.forEach((v, index) => {
        slots.push({ parent: node, index });
        walk(v);
      });
  };
  walk(root);
  if (slots.length === 0) return op === 'add' && root instanceof Obj ? new Obj([[key, value]]) : value;
  const { parent, index } = slots[at % slots.length]!;
  if (parent instanceof Obj) {
    if (op === 'replace') parent.entries[index]![1] = value;
    else if (op === 'delete') parent.entries.splice(index, 1);
    else parent.entries.push([key, value]);
  } else if (op === 'replace') parent[index] = value;
  else if (op === 'delete') parent.splice(index, 1);
  else parent.push(new Obj([[key, value]]));
  return root;
}

// ---------------------------------------------------------------------------------------------
// Hostile values.

const SQL = [
  "' OR 1=1 --",
  "' OR '1'='1",
  '" OR ""="',
  '1; DROP TABLE applicant_file; --',
  "'; UPDATE app_user SET active = false; --",
  "' UNION SELECT password_hash, username FROM app_user --",
  "'; SELECT pg_sleep(3); --",
  "\\'; DELETE FROM session; --",
  '%',
  '_',
  '%_%',
  "$$'$$",
];
const TRAVERSAL = [
  '../',
  '..',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  '%2e%2e%2f',
];
const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'null',
  'undefined',
  'NaN',
  'true',
  '-1',
  '0',
  '1e309',
  '{}',
  '[]',
  '<script>alert(1)</script>',
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '\r\nSet-Cookie: a=b',
  '\uFEFF',
  '\u202Eevil',
  '\uD800',
  '\uDFFF\uD800',
  'Ａｄｍｉｎ',
  'İıß',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 💥👩‍👩‍👧',
  'a'.repeat(101),
  'a'.repeat(129),
  'é'.repeat(257),
  'x'.repeat(4001),
  'constructor',
  '__proto__',
  'toString',
  'CON',
];
const DATES = [
  '0000-01-01',
  '0001-01-01',
  '1000-01-01',
  '1899-12-31',
  '1900-02-29',
  '1970-01-01',
  '2024-02-29',
  '2026-02-29',
  '2026-06-15',
  '2026-06-16',
  '2999-12-31',
  '9999-12-31',
  '2026-13-01',
  '2026-00-10',
  '2026-6-1',
  '20260601',
  '-001-01-01',
  '+12026-01-01',
];
const INSTANTS = [
  '2026-06-17T07:00:00Z',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-06-17T07:00:00+14:00',
  '2026-06-17T07:00:00-12:00',
  '2026-06-17T07:00:00+23:59',
  '2026-06-17T24:00:00Z',
  '2026-06-17T07:60:00Z',
  '2026-06-17T07:00:59.999999Z',
  '2026-02-29T07:00:00Z',
  '2026-06-17T07:00Z',
  '1970-01-01T00:00:00Z',
  '275760-09-13T00:00:00Z',
];
const NUMBER_LITERALS = [
  '-0',
  '1e999',
  '-1e999',
  '1E2',
  '0.1e-400',
  '123456789012345678901234567890',
  '9007199254740993',
  '-9007199254740993',
  '0.000000000000000000001',
];
const NUMBERS = [
  0, -1, 1, 1.5, 2.005, 0.001, 4, 5, 30, 100, 101, 480, 481, 2000, 2100, 2147483647, 2147483648, -2147483649,
  1e21, 1e308, -1e308, 5e-324,
];
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'then',
  'length',
  '',
  ' ',
  '\u0000',
  'a.b',
  'a[0]',
  '$where',
  '$gt',
  'id',
  'version',
  'status',
  'sneNumber',
  'closure',
  'priority',
  'completeness',
  'createdAt',
  'organizationId',
  'passwordHash',
  'role',
  'admin',
  'x'.repeat(10_000),
];

/** Header values Node may send: tab, visible ASCII and Latin-1. */
const headerChar = fc
  .integer({ min: 0x20, max: 0xff })
  .filter((c) => c !== 0x7f)
  .map((c) => String.fromCharCode(c));
const headerText = (maxLength: number) => fc.string({ unit: headerChar, maxLength });

/** Percent-encodes every byte but the unreserved ones; never throws (lone surrogates included). */
function encode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9_.~-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// OpenAPI: the routes' declared query parameters and bodies give valid-looking starting points.

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  example?: unknown;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}
interface Operation {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Context {
  doc: OpenApi;
  /** Ids of objects made for this run, which the requests may change. */
  targets: string[];
  /** The same, by the path segment that names their kind (`applicant-files`, `documents`…). */
  byResource: Record<string, string[]>;
  /** Ids that bodies may name (organisations and users of the demo included). */
  references: string[];
  enums: string[];
  /** SQL that names the file no request may reach. */
  injections: string[];
}

function resolve(doc: OpenApi, schema: Schema | undefined, depth = 0): Schema {
  if (!schema || depth > 10) return {};
  if (schema.$ref)
    return resolve(doc, doc.components?.schemas?.[schema.$ref.split('/').pop() ?? ''], depth + 1);
  if (schema.allOf?.[0]) return { ...resolve(doc, schema.allOf[0], depth + 1), ...schema, allOf: undefined };
  return schema;
}

/** A value that passes (or nearly passes) the schema, with some variety. */
function plausible(
  ctx: Context,
  raw: Schema | undefined,
  optionalAll = false,
  depth = 0,
): fc.Arbitrary<Json> {
  const schema = resolve(ctx.doc, raw);
  if (depth > 4) return fc.constant(null);
  if (schema.properties) {
    const required = new Set(schema.required ?? []);
    const members = Object.entries(schema.properties).map(([name, property]) => {
      const value = plausible(ctx, property, optionalAll, depth + 1);
      return !optionalAll && required.has(name)
        ? value.map((v): [string, Json] | null => [name, v])
        : fc.option(
            value.map((v): [string, Json] => [name, v]),
            { nil: null, freq: 2 },
          );
    });
    return fc
      .tuple(...members)
      .map((entries) => new Obj(entries.filter((e): e is [string, Json] => e !== null)));
  }
  if (schema.type === 'array')
    return fc.array(plausible(ctx, schema.items, optionalAll, depth + 1), { maxLength: 3 });
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...(schema.enum as string[]));
  if (schema.type === 'integer') {
    const min = schema.minimum ?? 0;
    return fc.integer({ min, max: schema.maximum ?? min + 100 });
  }
  if (schema.type === 'number')
    return fc.integer({ min: 0, max: 100_000 }).map((cents) => Math.min(cents / 100, schema.maximum ?? 1e6));
  if (schema.type === 'boolean') return fc.boolean();
  if (schema.format === 'date')
    return fc.constantFrom('2026-06-01', '2026-03-02', '2026-06-15', '2025-12-31');
  if (schema.format === 'date-time')
    return fc.constantFrom('2026-06-17T07:00:00Z', '2026-06-16T09:30:00+02:00');
  const pattern = schema.pattern ?? '';
  if (schema.format === 'uuid' || pattern.includes('{8}-'))
    return pattern.startsWith('^(APPLICANT')
      ? fc.constantFrom('APPLICANT', 'CO_APPLICANT', ...ctx.references.slice(0, 2))
      : fc.constantFrom(...ctx.references);
  if (pattern.includes('2[AB]')) return fc.constantFrom('64430', '64410', '64320', '2A004');
  if (pattern.includes('{13,20}')) return fc.nat(999_999_999).map((n) => `064${String(n).padStart(12, '0')}`);
  if (pattern.includes('@')) return fc.constant('camille@example.org');
  if (pattern.startsWith('^[a-z0-9][a-z0-9._-]')) return fc.nat(99_999).map((n) => `fuzz.user${n}`);
  if (pattern === '^\\d{5}$') return fc.constant('64300');
  if (pattern.includes('0-9 .()')) return fc.constant('05 59 60 00 00');
  if (typeof schema.example === 'string') return fc.constant(schema.example);
  return fc.string({ minLength: 1, maxLength: 20 });
}

function operationOf(ctx: Context, route: RouteDeclaration): Operation | undefined {
  const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
  return ctx.doc.paths[path]?.[route.method.toLowerCase()];
}

// ---------------------------------------------------------------------------------------------
// Arbitraries.

function arbitraries(ctx: Context) {
  const hostileString: fc.Arbitrary<string> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        ...SQL,
        ...ctx.injections,
        ...TRAVERSAL,
        ...ODD_STRINGS,
        ...DATES,
        ...INSTANTS,
      ),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${a}\u0000${b}`) },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        ...ctx.references,
        ...ctx.references.map((id) => id.toUpperCase()),
        '00000000-0000-0000-0000-000000000000',
        'ffffffff-ffff-ffff-ffff-ffffffffffff',
        '-'.repeat(36),
        'APPLICANT',
        'CO_APPLICANT',
        '00000',
        '2B999',
        '0000000000000',
        'Z'.repeat(20),
      ),
    },
    { weight: 2, arbitrary: fc.constantFrom(...ctx.enums, ...ctx.enums.map((e) => e.toLowerCase())) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('a', 'é', '\u0000', "'", '💥', '\u202E', ' '),
          fc.integer({ min: 256, max: 200_000 }),
        )
        .map(([c, n]) => c.repeat(n)),
    },
  );

  const hostileKey: fc.Arbitrary<string> = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...KEYS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  );

  const hostileLeaf: fc.Arbitrary<Json> = fc.oneof(
    { weight: 6, arbitrary: hostileString },
    { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
    { weight: 1, arbitrary: fc.constantFrom(...NUMBER_LITERALS).map((n) => new Raw(n)) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true })) },
    { weight: 1, arbitrary: fc.constantFrom<Json>(null, true, false, [], new Obj([]), [null], ['']) },
  );

  const big: fc.Arbitrary<Json> = fc.oneof(
    fc.integer({ min: 50, max: 20_000 }).map((n) => new Raw('['.repeat(n) + ']'.repeat(n))),
    fc.integer({ min: 50, max: 20_000 }).map((n) => new Raw('{"a":'.repeat(n) + '1' + '}'.repeat(n))),
    fc.integer({ min: 1000, max: 100_000 }).map((n) => new Raw(`[${'0,'.repeat(n)}0]`)),
    fc.integer({ min: 1000, max: 30_000 }).map((n) => new Raw(`[${'{},'.repeat(n)}{}]`)),
    fc
      .integer({ min: 1000, max: 10_000 })
      .map((n) => new Raw(`{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`)),
    fc.integer({ min: 1000, max: 20_000 }).map((n) => new Raw(`{${'"__proto__":{},'.repeat(n)}"a":1}`)),
  );

  const { value: hostileJson } = fc.letrec<{ value: Json; array: Json[]; object: Obj }>((tie) => ({
    value: fc.oneof(
      { maxDepth: 4, depthIdentifier: 'json' },
      { weight: 5, arbitrary: hostileLeaf },
      { weight: 2, arbitrary: tie('array') },
      { weight: 2, arbitrary: tie('object') },
    ),
    array: fc.array(tie('value'), { maxLength: 5, depthIdentifier: 'json' }),
    object: fc
      .array(fc.tuple(hostileKey, tie('value')), { maxLength: 5, depthIdentifier: 'json' })
      .map((entries) => new Obj(entries)),
  }));

  const mutation: fc.Arbitrary<Mutation> = fc.record({
    at: fc.nat(),
    op: fc.constantFrom('replace', 'replace', 'delete', 'add'),
    key: hostileKey,
    value: fc.oneof(
      { weight: 6, arbitrary: hostileLeaf },
      { weight: 2, arbitrary: hostileJson },
      { weight: 1, arbitrary: big },
    ),
  });

  const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
    fc.constantFrom(
      '-1',
      '0',
      '-0',
      'NaN',
      'Infinity',
      '-Infinity',
      '1e309',
      '1e2',
      '0x10',
      '1.5',
      ' 1',
      '+1',
      '',
      '9'.repeat(30),
      '100',
      '101',
      '1000001',
      'true',
    ),
    hostileString.map((s) => s.slice(0, 600)),
  );

  return { hostileString, hostileKey, hostileLeaf, hostileJson, big, mutation, hostileQueryValue };
}

type Arbitraries = ReturnType<typeof arbitraries>;

interface PathParam {
  value: string;
  raw: boolean;
}

function paramArb(ctx: Context, a: Arbitraries): fc.Arbitrary<PathParam> {
  const encoded = (arb: fc.Arbitrary<string>) => arb.map((value) => ({ value, raw: false }));
  return fc.oneof(
    { weight: 6, arbitrary: encoded(fc.constantFrom(...ctx.targets)) },
    { weight: 2, arbitrary: encoded(fc.uuid()) },
    { weight: 1, arbitrary: encoded(fc.constantFrom(...ctx.targets.map((id) => id.toUpperCase()))) },
    { weight: 4, arbitrary: encoded(a.hostileString.map((s) => s.slice(0, 3000))) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          '..',
          '../..',
          '..%2f..%2fetc%2fpasswd',
          '%2e%2e',
          '%',
          '%ZZ',
          '%E0%A4%A',
          '%00',
          '%C0%AE%C0%AE',
          '%FF',
          `${ctx.targets[0]}/../../users`,
          `${ctx.targets[0]}%2F..`,
          `${ctx.targets[0]}'--`,
          `${ctx.targets[0]};a=b`,
          '*',
          '$',
          '~root',
        )
        .map((value) => ({ value, raw: true })),
    },
  );
}

interface QueryPair {
  key: string;
  value: string;
  raw: boolean;
}

/** Declared parameters with values that pass: the valid neighbourhood of a route's query. */
function benignQueryArb(ctx: Context, route: RouteDeclaration): fc.Arbitrary<string> {
  const declared = (operationOf(ctx, route)?.parameters ?? []).filter((p) => p.in === 'query');
  if (declared.length === 0) return fc.constant('');
  return fc
    .subarray(declared, { maxLength: Math.min(3, declared.length) })
    .chain((chosen) =>
      fc.tuple(...chosen.map((p) => plausible(ctx, p.schema).map((v) => `${p.name}=${encode(String(v))}`))),
    )
    .map((pairs) => (pairs.length > 0 ? `?${pairs.join('&')}` : ''));
}

function hostileQueryArb(ctx: Context, a: Arbitraries, route: RouteDeclaration): fc.Arbitrary<string> {
  const declared = (operationOf(ctx, route)?.parameters ?? []).filter((p) => p.in === 'query');
  const hostileKeyName = fc.oneof(
    fc.constantFrom(
      'a[]',
      'page[]',
      'page[size]',
      'q[]',
      '__proto__',
      '__proto__[admin]',
      'constructor',
      'toString',
      'hasOwnProperty',
      'verbose',
      '',
      'a.b',
      '$where',
    ),
    a.hostileKey.map((k) => k.slice(0, 300)),
  );
  const pair: fc.Arbitrary<QueryPair> = fc.oneof(
    ...(declared.length > 0
      ? [
          {
            weight: 5,
            arbitrary: fc.constantFrom(...declared).chain((p) =>
              fc.record({
                key: fc.constantFrom(p.name, `${p.name}[]`),
                value: fc.oneof(
                  {
                    weight: 3,
                    arbitrary: plausible(ctx, p.schema).map((v) => String(v instanceof Raw ? v.text : v)),
                  },
                  { weight: 2, arbitrary: a.hostileQueryValue },
                ),
                raw: fc.constant(false),
              }),
            ),
          },
        ]
      : []),
    {
      weight: 2,
      arbitrary: fc.record({ key: hostileKeyName, value: a.hostileQueryValue, raw: fc.constant(false) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        key: fc.constantFrom('q', 'page', 'a', '%ZZ', '%00', ''),
        value: fc.constantFrom('%', '%ZZ', '%00', '%E0%A4%A', '1&&&', '=', '%2B', '+', 'a;b'),
        raw: fc.constant(true),
      }),
    },
  );
  return fc.array(pair, { maxLength: 6 }).map((pairs) => {
    if (pairs.length === 0) return '';
    const text = pairs
      .map(({ key, value, raw }) => (raw ? `${key}=${value}` : `${encode(key)}=${encode(value)}`))
      .join('&');
    return `?${text.slice(0, 3000)}`;
  });
}

interface BodySpec {
  bytes?: Buffer;
  contentType?: string;
  contentEncoding?: string;
  chunked: boolean;
}

const ODD_CONTENT_TYPES = [
  'text/plain',
  'application/json; charset=utf-16',
  'application/json; charset=utf-42',
  'application/json; charset=latin1',
  'application/json; charset=',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'application/x-www-form-urlencoded',
  'application/xml',
  'application/merge-patch+json',
  'application/json-patch+json',
  'APPLICATION/JSON',
  'application/json, text/plain',
  'application/ json',
  '*/*',
  'garbage',
  '',
];

function multipartArb(
  ctx: Context,
  a: Arbitraries,
  schema: Schema | undefined,
  benign = false,
): fc.Arbitrary<BodySpec> {
  const fields = plausible(ctx, schema).map((v) =>
    v instanceof Obj
      ? v.entries
          .filter(([k]) => k !== 'file')
          .map(([k, x]): [string, string] => [k, typeof x === 'string' ? x : toJson(x)])
      : [],
  );
  const content = fc.oneof(
    fc.constantFrom(
      samplePdf(),
      sampleJpeg(),
      samplePng(),
      sampleExecutable(),
      Buffer.alloc(0),
      samplePdf().subarray(0, 20),
    ),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
    a.hostileString.map((s) => Buffer.from(s.slice(0, 5000))),
  );
  const part = fc.record({
    name: fc.oneof(
      fc.constantFrom('file', 'type', 'personId', 'sensitive', 'validUntil'),
      a.hostileKey.map((k) => k.slice(0, 200)),
    ),
    filename: fc.option(
      fc.constantFrom(
        'document.pdf',
        '../../etc/passwd',
        'a\u0000.pdf',
        'x'.repeat(300),
        'été.pdf',
        '"quoted".pdf',
        '',
      ),
      { nil: undefined },
    ),
    type: fc.option(
      fc.constantFrom('application/pdf', 'image/png', 'application/x-msdownload', 'text/html'),
      { nil: undefined },
    ),
    content,
  });
  return fc
    .record({
      fields,
      fileBytes: benign
        ? fc.constantFrom(samplePdf(), sampleJpeg(), samplePng())
        : fc.option(content, { nil: undefined, freq: 4 }),
      extra: benign ? fc.constant([]) : fc.array(part, { maxLength: 3 }),
      boundary: fc.constantFrom('fuzzBoundary7MA4YWxkTrZu0gW', 'b', 'a'.repeat(70)),
      header: benign
        ? fc.constant('good' as const)
        : fc.constantFrom('good', 'good', 'good', 'missing', 'other', 'quoted'),
      truncateAt: benign ? fc.constant(undefined) : fc.option(fc.nat(), { nil: undefined, freq: 4 }),
      mutation: benign
        ? fc.constant(undefined)
        : fc.option(fc.record({ index: fc.nat(), value: a.hostileString.map((s) => s.slice(0, 2000)) }), {
            nil: undefined,
          }),
    })
    .map(({ fields, fileBytes, extra, boundary, header, truncateAt, mutation }) => {
      const parts: { name: string; filename?: string; type?: string; content: Buffer }[] = fields.map(
        ([name, value]) => ({
          name,
          content: Buffer.from(value),
        }),
      );
      if (mutation && parts.length > 0)
        parts[mutation.index % parts.length]!.content = Buffer.from(mutation.value);
      if (fileBytes)
        parts.push({ name: 'file', filename: 'document.pdf', type: 'application/pdf', content: fileBytes });
      parts.push(...extra);
      const chunks: Buffer[] = [];
      for (const p of parts) {
        const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
        chunks.push(
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
          ),
          p.content,
          Buffer.from('\r\n'),
        );
      }
      chunks.push(Buffer.from(`--${boundary}--\r\n`));
      let bytes = Buffer.concat(chunks);
      if (truncateAt !== undefined) bytes = bytes.subarray(0, truncateAt % (bytes.length + 1));
      const contentType = {
        good: `multipart/form-data; boundary=${boundary}`,
        missing: 'multipart/form-data',
        other: 'multipart/form-data; boundary=somethingElse',
        quoted: `multipart/form-data; boundary="${boundary}"`,
      }[header];
      return { bytes, contentType, chunked: false };
    });
}

function skeletonOf(ctx: Context, route: RouteDeclaration): fc.Arbitrary<Json> | undefined {
  const schema = operationOf(ctx, route)?.requestBody?.content?.['application/json']?.schema;
  return schema ? plausible(ctx, schema, route.method === 'PATCH') : undefined;
}

/** The body the route expects, valid-looking (JSON or multipart), or none. */
function benignBodyArb(ctx: Context, a: Arbitraries, route: RouteDeclaration): fc.Arbitrary<BodySpec> {
  const skeleton = skeletonOf(ctx, route);
  const multipart = operationOf(ctx, route)?.requestBody?.content?.['multipart/form-data'];
  if (skeleton)
    return skeleton.map((body) => ({
      bytes: Buffer.from(toJson(body)),
      contentType: 'application/json',
      chunked: false,
    }));
  if (multipart) return multipartArb(ctx, a, multipart.schema, true);
  return fc.constant({ chunked: false });
}

function hostileBodyArb(ctx: Context, a: Arbitraries, route: RouteDeclaration): fc.Arbitrary<BodySpec> {
  const multipart = operationOf(ctx, route)?.requestBody?.content?.['multipart/form-data'];
  const skeleton = skeletonOf(ctx, route);
  const json = (arb: fc.Arbitrary<Json>) => arb.map(toJson);
  const jsonText = fc.oneof(
    { weight: 3, arbitrary: json(a.hostileJson) },
    ...(skeleton
      ? [
          {
            weight: 8,
            arbitrary: fc
              .tuple(skeleton, fc.array(a.mutation, { minLength: 1, maxLength: 3 }))
              .map(([body, mutations]) => toJson(mutations.reduce(mutate, body))),
          },
        ]
      : []),
    { weight: 1, arbitrary: json(a.big) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{',
        '}',
        '{"a":',
        '[',
        'nul',
        'tru',
        '{"a":1,}',
        "{'a':1}",
        '{"a":1}{"b":2}',
        '\uFEFF{}',
        '{"__proto__":{"admin":true}}',
        '{"constructor":{"prototype":{"admin":true}}}',
        '"string"',
        '123',
        'null',
        '[]',
        '{"a":"\\ud800"}',
        '{"a":"\\u0000"}',
        '{"a":1e999}',
        ' ',
        '',
      ),
    },
  );
  const asJson =
    (type: string) =>
    (text: string): BodySpec => ({ bytes: Buffer.from(text), contentType: type, chunked: false });
  const options: fc.WeightedArbitrary<BodySpec>[] = [
    { weight: 2, arbitrary: fc.constant({ chunked: false }) },
    { weight: 12, arbitrary: jsonText.map(asJson('application/json')) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(jsonText, fc.nat())
        .map(([text, n]) => asJson('application/json')(text.slice(0, n % (text.length + 1)))),
    },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 200 })
        .map((b) => ({ bytes: Buffer.from(b), contentType: 'application/json', chunked: false })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...ODD_CONTENT_TYPES), jsonText)
        .map(([type, text]) => asJson(type)(text)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('utf-16', 'utf-16le', 'utf-16be'), jsonText)
        .map(([charset, text]) => {
          const bytes = Buffer.from(text, 'utf16le');
          if (charset === 'utf-16be') bytes.swap16();
          return { bytes, contentType: `application/json; charset=${charset}`, chunked: false };
        }),
    },
    {
      weight: 1,
      arbitrary: fc.array(fc.tuple(a.hostileKey, a.hostileString), { maxLength: 5 }).map((pairs) => ({
        bytes: Buffer.from(
          pairs.map(([k, v]) => `${encode(k.slice(0, 200))}=${encode(v.slice(0, 2000))}`).join('&'),
        ),
        contentType: 'application/x-www-form-urlencoded',
        chunked: false,
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown', 'gzip, gzip'),
          jsonText,
          fc.boolean(),
        )
        .map(([encoding, text, compress]) => ({
          bytes: compress && encoding === 'gzip' ? gzipSync(text) : Buffer.from(text),
          contentType: 'application/json',
          contentEncoding: encoding,
          chunked: false,
        })),
    },
    { weight: multipart ? 10 : 1, arbitrary: multipartArb(ctx, a, multipart?.schema) },
  ];
  // Now and then without Content-Length: the body streams in chunks.
  const chunked = fc.integer({ min: 0, max: 9 }).map((n) => n === 0);
  return fc.tuple(fc.oneof(...options), chunked).map(([body, streamed]) => ({ ...body, chunked: streamed }));
}

const IF_MATCH_JUNK = [
  'W/"1"',
  '1',
  '*',
  '"-1"',
  '""',
  '"abc"',
  '"99999999999"',
  '"1", "2"',
  'W/',
  '"\u00e9"',
  '"0"',
  '"999999999"',
];

function hostileHeadersArb(): fc.Arbitrary<Record<string, string | undefined>> {
  const optional = <T>(arb: fc.Arbitrary<T>, freq = 4) => fc.option(arb, { nil: undefined, freq });
  return fc
    .record({
      'if-match': optional(fc.oneof(fc.constantFrom(...IF_MATCH_JUNK), headerText(40)), 2),
      'x-request-id': optional(headerText(80)),
      accept: optional(fc.constantFrom('application/json', 'text/html', 'application/xml', 'image/png', '')),
      'x-forwarded-for': optional(fc.constantFrom('1.2.3.4', "' OR 1=1 --", 'garbage', '::1'), 6),
      range: optional(fc.constantFrom('bytes=0-0', 'bytes=abc', 'bytes=999999999-', 'bytes=-1'), 8),
      cookie: optional(headerText(60), 8),
      extra: optional(fc.tuple(fc.stringMatching(/^x-[a-z0-9-]{1,20}$/), headerText(200))),
    })
    .map(({ extra, ...headers }) => (extra ? { ...headers, [extra[0]]: extra[1] } : headers));
}

interface Generated {
  /** Which part of the request is hostile; the others are what the route expects. */
  focus: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: BodySpec;
}

const FOCUS = ['path', 'query', 'headers', 'body', 'body', 'body', 'everything', 'nothing'] as const;

/** One request for `route`: hostile in one respect (or all, or none), plausible otherwise. */
function requestArb(ctx: Context, a: Arbitraries, route: RouteDeclaration): fc.Arbitrary<Generated> {
  const params = route.path.split('/').filter((segment) => segment.startsWith(':'));
  const ifMatch = (operationOf(ctx, route)?.parameters ?? []).some((p) => p.in === 'header');
  const resource = route.path.split('/')[2] ?? '';
  const target = fc
    .constantFrom(...(ctx.byResource[resource] ?? ctx.targets))
    .map((value): PathParam => ({ value, raw: false }));
  return fc
    .record({
      focus: fc.constantFrom(...FOCUS),
      otherMethod: fc.option(fc.constantFrom('PUT', 'DELETE', 'OPTIONS', 'HEAD', 'POST', 'PATCH', 'GET'), {
        nil: undefined,
        freq: 3,
      }),
      params: fc.tuple(...params.map(() => paramArb(ctx, a))),
      benignParams: fc.tuple(...params.map(() => target)),
      query: hostileQueryArb(ctx, a, route),
      benignQuery: benignQueryArb(ctx, route),
      headers: hostileHeadersArb(),
      benignIfMatch: fc.constantFrom('"1"', '"2"', '"3"', '"4"'),
      body: hostileBodyArb(ctx, a, route),
      benignBody: benignBodyArb(ctx, a, route),
    })
    .map((r): Generated => {
      const hostile = (part: string) => r.focus === part || r.focus === 'everything';
      let segment = 0;
      const path = route.path
        .split('/')
        .map((part) => {
          if (!part.startsWith(':')) return part;
          const param = (hostile('path') ? r.params : r.benignParams)[segment++]!;
          return param.raw ? param.value : encode(param.value);
        })
        .join('/')
        .slice(0, 6000);
      const body = hostile('body') ? r.body : r.benignBody;
      const headers: Record<string, string> = {};
      if (ifMatch) headers['if-match'] = r.benignIfMatch;
      if (hostile('headers'))
        for (const [name, value] of Object.entries(r.headers)) if (value !== undefined) headers[name] = value;
      if (body.contentType !== undefined) headers['content-type'] = body.contentType;
      if (body.contentEncoding !== undefined) headers['content-encoding'] = body.contentEncoding;
      return {
        focus: r.focus,
        method: (hostile('everything') && r.otherMethod) || route.method,
        path: `${path}${hostile('query') ? r.query : r.benignQuery}`,
        headers,
        body,
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Callers: broken credentials of every kind, and a signed-in account of every role.

interface Caller {
  label: string;
  authorization?: string;
}

const base64url = (value: unknown): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** An HS256 (or other) JWT signed as the API signs its own, or with another secret. */
function jwt(
  payload: unknown,
  { secret = DEMO_TOKEN_SECRET, alg = 'HS256', rawPayload = false } = {},
): string {
  const head = `${base64url({ alg, typ: 'JWT' })}.${rawPayload ? Buffer.from(String(payload)).toString('base64url') : base64url(payload)}`;
  if (alg === 'none') return `${head}.`;
  return `${head}.${createHmac(alg === 'HS512' ? 'sha512' : 'sha256', secret)
    .update(head)
    .digest('base64url')}`;
}

function brokenCredentials(live: SignedIn, other: LoginResponse): Caller[] {
  const claims = JSON.parse(Buffer.from(live.accessToken.split('.')[1]!, 'base64url').toString()) as {
    sub: string;
    sid: string;
  };
  const now = Math.floor(Date.now() / 1000);
  const valid = { sub: claims.sub, sid: claims.sid, iss: 'passerelle', iat: now, exp: now + 600 };
  const bearer = (label: string, token: string): Caller => ({ label, authorization: `Bearer ${token}` });
  return [
    { label: 'anonymous' },
    { label: 'empty Authorization', authorization: '' },
    { label: 'Bearer without token', authorization: 'Bearer' },
    { label: 'Bearer and a space', authorization: 'Bearer ' },
    {
      label: 'Basic credentials',
      authorization: `Basic ${Buffer.from('cclo.coordination:demo').toString('base64')}`,
    },
    { label: 'lower-case scheme', authorization: `bearer ${live.accessToken}` },
    { label: 'two spaces', authorization: `Bearer  ${live.accessToken}` },
    { label: 'token and more', authorization: `Bearer ${live.accessToken} extra` },
    bearer('bad signature', `${live.accessToken.slice(0, -3)}AAA`),
    bearer('expired JWT', jwt({ ...valid, iat: now - 7200, exp: now - 3600 })),
    bearer('JWT signed with another secret', jwt(valid, { secret: 'not-the-secret-of-this-server-000000' })),
    bearer('alg none', jwt(valid, { alg: 'none' })),
    bearer('HS512', jwt(valid, { alg: 'HS512' })),
    bearer('no issuer', jwt({ ...valid, iss: undefined })),
    bearer('other issuer', jwt({ ...valid, iss: 'evil' })),
    bearer('not yet valid', jwt({ ...valid, nbf: now + 3600 })),
    bearer('sid not a uuid', jwt({ ...valid, sid: 'not-a-uuid' })),
    bearer('sid SQL', jwt({ ...valid, sid: "' OR 1=1 --" })),
    bearer('sid number', jwt({ ...valid, sid: 42 })),
    bearer('sid unknown', jwt({ ...valid, sid: randomUUID() })),
    bearer('sid nil', jwt({ ...valid, sid: '00000000-0000-0000-0000-000000000000' })),
    bearer('sid upper-case', jwt({ ...valid, sid: claims.sid.toUpperCase() })),
    bearer('sub SQL', jwt({ ...valid, sub: "' OR 1=1 --" })),
    bearer('sub of another user', jwt({ ...valid, sub: other.user.id })),
    bearer('sub missing', jwt({ ...valid, sub: undefined })),
    bearer('payload a string', jwt('just a string')),
    bearer('payload an array', jwt([1, 2, 3])),
    bearer('payload not JSON', jwt('{not json', { rawPayload: true })),
    bearer(
      'payload __proto__',
      jwt(`{"__proto__":{"sid":"${claims.sid}"},"sub":"${claims.sub}"}`, { rawPayload: true }),
    ),
    bearer('huge token', 'a'.repeat(5000)),
    bearer('4096 characters', `${'a'.repeat(2000)}.${'b'.repeat(2000)}.${'c'.repeat(94)}`),
    bearer('three dots', 'a.b.c'),
    bearer('refresh token', live.refreshToken),
    bearer('refresh-token shape', `${randomUUID()}.${'a'.repeat(43)}`),
  ];
}

// ---------------------------------------------------------------------------------------------
// Sending: raw HTTP, so that paths, headers and bodies go out exactly as generated.

interface Exchange {
  caller: string;
  focus?: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  chunked?: boolean;
}

interface Answer {
  /** 0: no answer at all; -1: the client itself refused to send the request. */
  status: number;
  contentType: string;
  text: string;
  requestId?: string;
}

function sendOnce(
  port: number,
  exchange: Exchange,
  agent: Agent | false,
  localAddress?: string,
): Promise<Answer> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Answer) => {
      if (!settled) {
        settled = true;
        resolve(answer);
      }
    };
    const headers = { ...exchange.headers };
    if (exchange.body && exchange.chunked) headers['transfer-encoding'] = 'chunked';
    else if (exchange.body) headers['content-length'] = String(exchange.body.length);
    let req: ReturnType<typeof httpRequest>;
    try {
      req = httpRequest({
        host: '127.0.0.1',
        port,
        method: exchange.method,
        path: exchange.path,
        headers,
        agent,
        localAddress,
        timeout: 30_000,
      });
    } catch (error) {
      finish({ status: -1, contentType: '', text: (error as Error).message });
      return;
    }
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      const done = () =>
        finish({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          requestId: String(res.headers['x-request-id'] ?? ''),
          text: Buffer.concat(chunks).toString('utf8'),
        });
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', done);
      res.on('error', done);
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 30 s')));
    req.on('error', (error) => finish({ status: 0, contentType: '', text: error.message }));
    if (exchange.body && exchange.chunked) {
      req.write(exchange.body);
      req.end();
    } else req.end(exchange.body);
  });
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: 8 });

/** A connection the server closed while idle is retried once on a fresh one. */
async function send(port: number, exchange: Exchange, localAddress?: string): Promise<Answer> {
  const answer = await sendOnce(port, exchange, localAddress ? false : keepAlive, localAddress);
  return answer.status === 0 ? sendOnce(port, exchange, false, localAddress) : answer;
}

// ---------------------------------------------------------------------------------------------
// What every answer must be.

const STACK = /\n\s+at\s|\bat\s+\S+\s+\([^)]*:\d+:\d+\)|node_modules|\.ts:\d+|\.js:\d+/;
const SQL_ERROR =
  /QueryFailedError|syntax error at or near|invalid input syntax|violates [a-z -]*constraint|duplicate key value|relation "[^"]*" does not exist|column "[^"]*" (does not exist|of relation)|out of range for type|date\/time field value out of range|current transaction is aborted|unterminated quoted|invalid byte sequence|unsupported Unicode escape|null value in column|\bERROR:\s/i;
const ERROR_KEYS = new Set(['statusCode', 'error', 'message', 'details']);

function problemsOf(answer: Answer, method: string): string[] {
  if (answer.status === 0) return [`no answer (${answer.text})`];
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`answers ${answer.status}`);
  if (answer.status < 400 || method === 'HEAD') return problems;
  if (!answer.contentType.startsWith('application/json'))
    problems.push(`error as ${answer.contentType || 'no content type'}`);
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    problems.push('error body is not JSON');
  }
  if (body !== undefined) {
    const error = body as Record<string, unknown>;
    const shaped =
      typeof body === 'object' &&
      body !== null &&
      !Array.isArray(body) &&
      Object.keys(error).every((key) => ERROR_KEYS.has(key)) &&
      error['statusCode'] === answer.status &&
      error['error'] === STATUS_CODES[answer.status] &&
      typeof error['message'] === 'string' &&
      (error['details'] === undefined ||
        (Array.isArray(error['details']) &&
          error['details'].every(
            (d: unknown) =>
              typeof d === 'object' &&
              d !== null &&
              typeof (d as Record<string, unknown>)['field'] === 'string' &&
              typeof (d as Record<string, unknown>)['message'] === 'string',
          )));
    if (!shaped) problems.push('error body is not { statusCode, error, message, details? }');
  }
  if (STACK.test(answer.text)) problems.push('stack trace in the error body');
  if (SQL_ERROR.test(answer.text)) problems.push('SQL error in the error body');
  return problems;
}

const short = (text: string, max = 300): string =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;

interface Violation {
  route: string;
  problems: string[];
  exchange: Exchange;
  answer: Answer;
  /** What the server logged about it (its errors only), to point at the fault. */
  server?: string;
}

function describeViolation({ route, problems, exchange, answer, server }: Violation): string {
  const headers = Object.entries(exchange.headers)
    .filter(([name]) => name !== 'authorization')
    .map(([name, value]) => `${name}: ${short(JSON.stringify(value), 120)}`);
  return [
    `${route}: ${problems.join(', ')}`,
    `  request: ${exchange.method} ${short(exchange.path, 200)} as ${exchange.caller}${exchange.chunked ? ' (chunked)' : ''}${exchange.focus ? ` [hostile: ${exchange.focus}]` : ''}`,
    `  headers: ${headers.join('; ') || '(none)'}`,
    `  body: ${exchange.body ? short(JSON.stringify(exchange.body.toString('utf8')), 400) : '(none)'}`,
    `  answer: ${answer.status} ${short(answer.text, 400)}`,
    ...(server ? [`  server log: ${server}`] : []),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

const ROLE_ACCOUNTS = [...new Set(DEMO_ACCOUNTS.map((a) => a.role))].map((role) =>
  DEMO_ACCOUNTS.filter((a) => a.role === role).map((a) => a.username),
);

/** Error log lines by request id. */
function errorLog() {
  const byRequest = new Map<string, string[]>();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        try {
          const entry = JSON.parse(line) as {
            msg?: string;
            req?: { id?: string };
            err?: { type?: string; message?: string; stack?: string };
          };
          const id = entry.req?.id ?? '?';
          if (entry.msg === 'request errored') continue;
          const where = (entry.err?.stack ?? '')
            .split('\n')
            .find((l) => l.includes('/apps/'))
            ?.trim();
          const text = `${entry.msg ?? ''}: ${entry.err?.type ?? ''} ${short(entry.err?.message ?? '', 200)}${where ? ` ${where.replace(/^.*\/apps\//, '(apps/')}` : ''}`;
          byRequest.set(id, [...(byRequest.get(id) ?? []), text]);
        } catch {
          byRequest.set('?', [...(byRequest.get('?') ?? []), short(line, 300)]);
        }
      }
      done();
    },
  });
  return { stream, of: (id: string | undefined) => (id ? byRequest.get(id)?.join(' / ') : undefined) };
}

describe('hostile input: generated malformed requests on every route', () => {
  const serverErrors = errorLog();
  let t: TestApp;
  let port: number;
  let ctx: Context;
  const sessions = new Map<string, SignedIn>();
  let brokenCallers: Caller[];
  let sentinel: { id: string; etag: string | null; body: string };

  const api = async <T>(
    username: string | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> => {
    const response = await t.request<T>(method, path, {
      token: username ? sessions.get(username)!.accessToken : undefined,
      body,
    });
    if (response.status >= 300)
      throw new Error(`setup ${method} ${path}: ${response.status} ${response.text}`);
    return response.body;
  };

  beforeAll(async () => {
    // The server's error lines, kept to say where each 5xx comes from.
    t = await startTestApp({ logLevel: 'error' }, { logDestination: serverErrors.stream });
    port = Number(new URL(t.baseUrl).port);
    for (const account of DEMO_ACCOUNTS) sessions.set(account.username, await t.login(account.username));
    const agent = sessions.get('mourenx.agent')!.accessToken;

    const organizations = await api<{ id: string; name: string; type: string }[]>(
      'cclo.coordination',
      'GET',
      '/api/organizations',
    );
    const socialService = organizations.find((o) => o.type === 'SOCIAL_SERVICE')!;
    const fileA = await createFile(t, agent, registrableFile());
    const fileB = await registeredFile(t, agent);
    const fileC = await createFile(t, sessions.get('lagor.relais')!.accessToken, minimalFile());
    const form = new FormData();
    form.append('type', 'TAX_NOTICE');
    form.append('file', new Blob([new Uint8Array(samplePdf())]), 'avis.pdf');
    const uploaded = await fetch(`${t.baseUrl}/api/applicant-files/${fileA.id}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agent}` },
      body: form,
    });
    if (uploaded.status !== 201) throw new Error(`setup upload: ${uploaded.status} ${await uploaded.text()}`);
    const document = (await uploaded.json()) as { id: string };
    const evaluation = await api<{ id: string }>(
      'mourenx.agent',
      'POST',
      `/api/applicant-files/${fileA.id}/evaluations`,
      {
        kind: 'HOUSING_PROJECT',
        notes: 'Projet logement',
        diagnosis: { typologies: ['T2'], communes: ['64430'] },
      },
    );
    const flag = await api<{ id: string }>(
      'mourenx.agent',
      'POST',
      `/api/applicant-files/${fileA.id}/fragility-flags`,
      {
        criterion: 'DISABILITY',
      },
    );
    const referral = await api<{ id: string }>('mourenx.agent', 'POST', '/api/referrals', {
      applicantFileId: fileA.id,
      toOrganizationId: socialService.id,
      reason: 'Accompagnement',
    });
    const appointment = await api<{ id: string }>('mourenx.agent', 'POST', '/api/appointments', {
      applicantFileId: fileA.id,
      startsAt: '2026-06-17T07:00:00Z',
      durationMinutes: 30,
    });
    const organization = await api<{ id: string }>('cclo.coordination', 'POST', '/api/organizations', {
      name: 'Association cible des essais',
      type: 'SOCIAL_SERVICE',
      registersDemands: false,
    });
    const user = await api<{ user: { id: string } }>('cclo.coordination', 'POST', '/api/users', {
      username: 'fuzz.target',
      displayName: 'Compte cible',
      role: 'SOCIAL_WORKER',
      organizationId: organization.id,
    });

    // Never a path parameter, only inside injection attempts: it must come out unchanged.
    const kept = await createFile(t, agent, registrableFile());
    const read = await t.request('GET', `/api/applicant-files/${kept.id}`, { token: agent });
    sentinel = { id: kept.id, etag: read.headers.get('etag'), body: read.text };

    const doc = (await api<OpenApi>(null, 'GET', '/api/docs-json')) as OpenApi;
    const enums = new Set<string>();
    JSON.stringify(doc, (key, value: unknown) => {
      if (key === 'enum' && Array.isArray(value))
        for (const v of value) if (typeof v === 'string') enums.add(v);
      return value;
    });
    const byResource: Record<string, string[]> = {
      'applicant-files': [fileA.id, fileB.id, fileC.id],
      documents: [document.id],
      evaluations: [evaluation.id],
      'fragility-flags': [flag.id],
      referrals: [referral.id],
      appointments: [appointment.id],
      organizations: [organization.id],
      users: [user.user.id],
    };
    const targets = Object.values(byResource).flat();
    ctx = {
      doc,
      targets,
      byResource,
      references: [
        ...targets,
        ...organizations.map((o) => o.id),
        ...[...sessions.values()].map((s) => s.user.id),
      ],
      enums: [...enums],
      injections: [
        `${sentinel.id}' OR '1'='1`,
        `${sentinel.id}'; DELETE FROM applicant_file WHERE id <> '${sentinel.id}'; --`,
      ],
    };
    brokenCallers = brokenCredentials(sessions.get('cclo.coordination')!, sessions.get('mourenx.agent')!);
  }, 120_000);

  afterAll(async () => {
    keepAlive.destroy();
    await t.close();
  });

  it('never answers 5xx and always answers errors in the one format', async () => {
    const started = Date.now();
    const stats = { requests: 0, fiveHundreds: 0, unsent: 0 };
    const statuses = new Map<number, number>();
    const violations: Violation[] = [];
    const a = arbitraries(ctx);
    const routes = listRoutes(t.app);
    expect(routes.length).toBeGreaterThan(40);

    for (const [index, route] of routes.entries()) {
      const label = `${route.method} ${route.path}`;
      const run = fc.record({
        request: requestArb(ctx, a, route),
        credentials: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...brokenCallers) },
          {
            weight: 1,
            arbitrary: fc
              .oneof(
                headerText(300),
                headerText(300).map((s) => `Bearer ${s}`),
              )
              .map((authorization): Caller => ({ label: 'garbage Authorization', authorization })),
          },
        ),
        accounts: fc.tuple(...ROLE_ACCOUNTS.map((usernames) => fc.constantFrom(...usernames))),
      });

      const routeStarted = Date.now();
      const routeStatuses = new Map<number, number>();
      const details = await fc.check(
        fc.asyncProperty(run, async ({ request, credentials, accounts }) => {
          const callers: Caller[] = [
            credentials,
            ...accounts.map((username) => ({
              label: username,
              authorization: `Bearer ${sessions.get(username)!.accessToken}`,
            })),
          ];
          // Every caller at once: the roles' requests also race one another, as in real use.
          const problemsFound = await Promise.all(
            callers.map(async (caller) => {
              const exchange: Exchange = {
                caller: caller.label,
                focus: request.focus,
                method: request.method,
                path: request.path,
                headers: {
                  ...request.headers,
                  ...(caller.authorization !== undefined ? { authorization: caller.authorization } : {}),
                },
                body: request.body.bytes,
                chunked: request.body.chunked,
              };
              const answer = await send(port, exchange);
              if (answer.status === -1) {
                stats.unsent++;
                return false;
              }
              stats.requests++;
              for (const counts of [statuses, routeStatuses])
                counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
              if (answer.status >= 500) stats.fiveHundreds++;
              const problems = problemsOf(answer, exchange.method);
              if (problems.length === 0) return false;
              violations.push({
                route: label,
                problems,
                exchange,
                answer,
                server: serverErrors.of(answer.requestId),
              });
              return true;
            }),
          );
          return !problemsFound.includes(true);
        }),
        { numRuns: RUNS_PER_ROUTE, seed: SEED + index, endOnFailure: true },
      );
      if (
        details.errorInstance &&
        !(
          details.errorInstance instanceof Error &&
          /Property failed by returning false/.test(details.errorInstance.message)
        )
      )
        throw details.errorInstance;
      if (VERBOSE)
        process.stdout.write(
          `${label}: ${histogram(routeStatuses)} in ${Date.now() - routeStarted} ms` +
            `${details.failed ? ` (failed, ${details.numShrinks} shrinks)` : ''}\n`,
        );
    }

    // One line per distinct failure, with the smallest request that shows it.
    const distinct = new Map<string, Violation>();
    for (const violation of violations) {
      const cause =
        violation.server?.replace(/ \(apps\/.*$/, '').slice(0, 80) ?? violation.answer.text.slice(0, 60);
      const key = `${violation.route} ${violation.problems.join()} ${cause}`;
      const known = distinct.get(key);
      const size = (v: Violation) => v.exchange.path.length + (v.exchange.body?.length ?? 0);
      if (!known || size(violation) < size(known)) distinct.set(key, violation);
    }
    process.stdout.write(
      `hostile input: ${stats.requests} requests, ${stats.fiveHundreds} answers 5xx (seed ${SEED}), ` +
        `${violations.length} violations, ${routes.length} routes × ${RUNS_PER_ROUTE} runs, ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s${stats.unsent ? `, ${stats.unsent} not sendable` : ''}\n` +
        `  statuses: ${histogram(statuses)}\n`,
    );
    expect([...distinct.values()].map(describeViolation)).toEqual([]);
    expect(stats.fiveHundreds).toBe(0);
  }, 600_000);

  it('answers 413 in the one format to a JSON body over 1 MB, on every route', async () => {
    const oversized = Buffer.from(JSON.stringify({ a: 'x'.repeat(JSON_LIMIT_BYTES) }));
    const failures: string[] = [];
    for (const route of listRoutes(t.app)) {
      const path = route.path.replace(/:[A-Za-z]+/g, ctx.targets[0]!);
      for (const chunked of [false, true]) {
        const exchange: Exchange = {
          caller: 'coordinator',
          method: route.method,
          path,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${sessions.get('cclo.coordination')!.accessToken}`,
          },
          body: oversized,
          chunked,
        };
        const answer = await sendOnce(port, exchange, false);
        const problems = problemsOf(answer, route.method);
        if (answer.status !== 413 || problems.length > 0)
          failures.push(
            describeViolation({
              route: `${route.method} ${route.path}`,
              problems: [`not 413`, ...problems],
              exchange,
              answer,
            }),
          );
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('lets nothing injected change the accounts or a file it may not reach', async () => {
    // From another local address: the run's failed sign-ins (127.0.0.1) do not count against it.
    for (const account of DEMO_ACCOUNTS) {
      const answer = await send(
        port,
        {
          caller: account.username,
          method: 'POST',
          path: '/api/auth/login',
          headers: { 'content-type': 'application/json' },
          body: Buffer.from(JSON.stringify({ username: account.username, password: DEMO_PASSWORD })),
        },
        '127.0.0.2',
      );
      expect({ username: account.username, status: answer.status }).toEqual({
        username: account.username,
        status: 200,
      });
    }
    const read = await t.request<ApplicantFileView>('GET', `/api/applicant-files/${sentinel.id}`, {
      token: sessions.get('mourenx.agent')!.accessToken,
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe(sentinel.etag);
    expect(read.body).toEqual(JSON.parse(sentinel.body));
    expect((await t.request('GET', '/api/health')).status).toBe(200);
  });
});
