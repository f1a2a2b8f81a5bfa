import { FormControl, FormGroup } from '@angular/forms';
import {
  auditQuery,
  type AuditFilterValues,
  fileIdValidator,
  periodValidator,
  targetFromAddress,
} from './audit-filters';

const control = (value: string) => new FormControl(value, { nonNullable: true });

const empty: AuditFilterValues = {
  userId: '',
  targetId: '',
  applicantFileId: '',
  action: '',
  from: '',
  to: '',
};

describe('access log filters', () => {
  it('sends only the filters that are set', () => {
    expect(auditQuery(empty)).toEqual({});
    expect(
      auditQuery({
        ...empty,
        action: 'LOGIN',
        from: '2026-11-01',
        applicantFileId: ' 0B6D2A4C-1111-4222-8333-944455556666 ',
        targetId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      }),
    ).toEqual({
      action: 'LOGIN',
      from: '2026-11-01',
      applicantFileId: '0b6d2a4c-1111-4222-8333-944455556666',
      targetId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    });
  });

  it('takes from the address an account or organisation id, and nothing else', () => {
    expect(targetFromAddress('7C9E6679-7425-40DE-944B-E07FC1F90AE7')).toBe(
      '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    );
    expect(targetFromAddress('Etcheverry')).toBe('');
    expect(targetFromAddress(null)).toBe('');
  });

  it('checks the file number', () => {
    expect(fileIdValidator(control('0b6d2a4c-1111-4222-8333-944455556666'))).toBeNull();
    expect(fileIdValidator(control('Durand'))).toEqual({ fileId: true });
  });

  it('refuses a period that ends before it starts', () => {
    const group = (from: string, to: string) =>
      new FormGroup({
        userId: control(''),
        targetId: control(''),
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
