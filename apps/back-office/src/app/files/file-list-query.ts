import type { Params } from '@angular/router';
import {
  type ApplicantFileQuery,
  DEFAULT_PAGE_SIZE,
  FILE_SORTS,
  FILE_STATUSES,
  isCalendarDate,
  isCode,
  MAX_PAGE_SIZE,
  TYPOLOGIES,
} from '@passerelle/shared/domain';

/** The list's filters, sort and page, as kept in the URL so that a reload or a shared link gives the same list. */
export type FileListQuery = ApplicantFileQuery & { page: number; pageSize: number };

const INSEE_CODE = /^[0-9][0-9AB][0-9]{3}$/;

function positiveInt(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^[0-9]{1,6}$/.test(value)) return undefined;
  const parsed = Number(value);
  return parsed >= 1 ? parsed : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Reads the URL's query; what is malformed (an old link, a hand-edited URL) is dropped, not sent. */
export function queryFromParams(params: Params): FileListQuery {
  const query: FileListQuery = {
    page: positiveInt(params['page']) ?? 1,
    pageSize: Math.min(positiveInt(params['pageSize']) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
  };
  const q = text(params['q']);
  if (q) query.q = q;
  if (isCode(FILE_STATUSES, params['status'])) query.status = params['status'];
  const commune = text(params['commune']);
  if (commune && INSEE_CODE.test(commune)) query.commune = commune;
  if (isCode(TYPOLOGIES, params['typology'])) query.typology = params['typology'];
  if (isCalendarDate(params['renewalDueBefore'])) query.renewalDueBefore = params['renewalDueBefore'];
  if (isCode(FILE_SORTS, params['sort'])) {
    query.sort = params['sort'];
    if (params['order'] === 'asc' || params['order'] === 'desc') query.order = params['order'];
  }
  return query;
}

/** The URL's query for a list query: defaults left out, so that links stay short. */
export function paramsFromQuery(query: FileListQuery): Params {
  const params: Params = {};
  if (query.q) params['q'] = query.q;
  if (query.status) params['status'] = query.status;
  if (query.commune) params['commune'] = query.commune;
  if (query.typology) params['typology'] = query.typology;
  if (query.renewalDueBefore) params['renewalDueBefore'] = query.renewalDueBefore;
  if (query.sort) {
    params['sort'] = query.sort;
    if (query.order) params['order'] = query.order;
  }
  if (query.page > 1) params['page'] = String(query.page);
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params['pageSize'] = String(query.pageSize);
  return params;
}

/** A change of filter or search: the list starts again at its first page. */
export function withFilters(query: FileListQuery, changes: Partial<ApplicantFileQuery>): FileListQuery {
  const next: FileListQuery = { ...query, ...changes, page: 1 };
  for (const key of Object.keys(changes) as (keyof ApplicantFileQuery)[]) {
    if (next[key] === undefined || next[key] === null || next[key] === '') delete next[key];
  }
  return next;
}
