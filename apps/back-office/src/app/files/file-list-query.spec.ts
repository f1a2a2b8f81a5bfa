import { paramsFromQuery, queryFromParams, withFilters } from './file-list-query';

describe('the file list query in the URL', () => {
  it('reads filters, sort and page from the URL', () => {
    expect(
      queryFromParams({
        q: ' menard ',
        status: 'REGISTERED',
        commune: '64410',
        typology: 'T3',
        renewalDueBefore: '2026-12-31',
        sort: 'name',
        order: 'asc',
        page: '3',
        pageSize: '50',
      }),
    ).toEqual({
      q: 'menard',
      status: 'REGISTERED',
      commune: '64410',
      typology: 'T3',
      renewalDueBefore: '2026-12-31',
      sort: 'name',
      order: 'asc',
      page: 3,
      pageSize: 50,
    });
  });

  it('defaults to the first page of 20 and drops what is malformed', () => {
    expect(
      queryFromParams({
        status: 'LOST',
        commune: 'Mourenx',
        typology: 'T9',
        renewalDueBefore: '31/12/2026',
        sort: 'salary',
        order: 'up',
        page: '-1',
        pageSize: 'x',
      }),
    ).toEqual({ page: 1, pageSize: 20 });
  });

  it('never asks for more than 100 lines', () => {
    expect(queryFromParams({ pageSize: '500' }).pageSize).toBe(100);
  });

  it('writes back the same query (round trip), defaults left out', () => {
    const params = { q: 'dupre', status: 'CONTACT', sort: 'renewalDueOn', order: 'desc', page: '2' };
    expect(paramsFromQuery(queryFromParams(params))).toEqual(params);
    expect(paramsFromQuery({ page: 1, pageSize: 20 })).toEqual({});
  });

  it('goes back to the first page when a filter changes, and removes a cleared one', () => {
    const query = queryFromParams({ q: 'martin', commune: '64410', page: '4' });
    expect(withFilters(query, { commune: undefined, typology: 'T2' })).toEqual({
      q: 'martin',
      typology: 'T2',
      page: 1,
      pageSize: 20,
    });
  });
});
