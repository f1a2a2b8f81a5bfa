import { FormControl, FormGroup } from '@angular/forms';
import { auditQuery, type AuditFilterValues, fileIdValidator, periodValidator } from './audit-filters';

const control = (value: string) => new FormControl(value, { nonNullable: true });

const empty: AuditFilterValues = { userId: '', applicantFileId: '', action: '', from: '', to: '' };

describe('access log filters', () => {
  it('sends only the filters that are set', () => {
    expect(auditQuery(empty)).toEqual({});
    expect(
      auditQuery({
        ...empty,
        action: 'LOGIN',
        from: '2026-11-01',
        applicantFileId: ' 0B6D2A4C-1111-4222-8333-944455556666 ',
      }),
    ).toEqual({
      action: 'LOGIN',
      from: '2026-11-01',
      applicantFileId: '0b6d2a4c-1111-4222-8333-944455556666',
    });
  });

  it('checks the file number', () => {
    expect(fileIdValidator(control('0b6d2a4c-1111-4222-8333-944455556666'))).toBeNull();
    expect(fileIdValidator(control('Durand'))).toEqual({ fileId: true });
  });

  it('refuses a period that ends before it starts', () => {
    const group = (from: string, to: string) =>
      new FormGroup({
        userId: control(''),
        applicantFileId: control(''),
        action: control(''),
        from: control(from),
        to: control(to),
      });
    expect(periodValidator(group('2026-11-02', '2026-11-01'))).toEqual({ period: true });
    expect(periodValidator(group('2026-11-01', '2026-11-01'))).toBeNull();
    expect(periodValidator(group('2026-11-01', ''))).toBeNull();
  });
});
