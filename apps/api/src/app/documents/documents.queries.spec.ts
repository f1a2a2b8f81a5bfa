import {
  checklistQuery,
  documentInScopeQuery,
  documentPageQueries,
  fileForUploadQuery,
} from './documents.queries';

const landlord = {
  scope: 'shared+own' as const,
  organizationId: '11111111-1111-4111-8111-111111111111',
  today: '2026-06-15',
};
const FILE_ID = '22222222-2222-4222-8222-222222222222';
const DOCUMENT_ID = '33333333-3333-4333-8333-333333333333';

/** The SQL reviewers read: a change to it shows up in these snapshots. */
describe('supporting document SQL', () => {
  it('lists a file’s documents with the scope inside the page and the count', () => {
    const { page, count } = documentPageQueries(FILE_ID, landlord, { limit: 20, offset: 40 });
    expect(page.text).toMatchSnapshot('document page');
    expect(page.values).toEqual([FILE_ID, '2025-06-15', landlord.organizationId, 20, 40]);
    expect(count.text).toMatchSnapshot('document count');
    expect(count.values).toEqual([FILE_ID, '2025-06-15', landlord.organizationId]);
  });

  it('reads one document through its file’s scope, locked for a check', () => {
    const read = documentInScopeQuery(DOCUMENT_ID, landlord);
    expect(read.text).toMatchSnapshot('document in scope');
    expect(read.text).not.toContain('FOR UPDATE');
    const locked = documentInScopeQuery(DOCUMENT_ID, { ...landlord, scope: 'all' }, true);
    expect(locked.text).toMatch(/WHERE d\.id = \$1 AND TRUE\nFOR UPDATE OF d$/);
    expect(locked.values).toEqual([DOCUMENT_ID]);
  });

  it('finds the upload’s file and the checklist’s input in scope', () => {
    expect(fileForUploadQuery(FILE_ID, landlord).text).toMatchSnapshot('file for upload');
    expect(checklistQuery(FILE_ID, landlord).text).toMatchSnapshot('checklist');
  });

  it('never reaches a file for scopes of other records', () => {
    expect(documentInScopeQuery(DOCUMENT_ID, { ...landlord, scope: 'ownUploads' }).text).toContain(
      'AND FALSE',
    );
  });
});
