import type { ReceptionRequestView } from '@passerelle/shared/domain';
import { receptionCommitment } from './reception-state';

function request(state: ReceptionRequestView['state'], daysLate?: number): ReceptionRequestView {
  return {
    id: 'r',
    applicantFileId: 'f',
    requestedOn: '2026-01-31',
    deadline: '2026-02-28',
    state,
    ...(daysLate === undefined ? {} : { daysLate }),
    recordedBy: { organizationId: 'o', organizationName: 'Mourenx' },
    createdAt: '2026-01-31T09:00:00Z',
  };
}

describe('receptionCommitment', () => {
  it('says when the applicant must be received, in French', () => {
    expect(receptionCommitment(request('OPEN'))).toBe(
      'En attente : à recevoir au plus tard le 28 février 2026',
    );
  });

  it('says whether the commitment was met, and how late', () => {
    expect(receptionCommitment(request('MET'))).toBe('Engagement tenu (échéance le 28 février 2026)');
    expect(receptionCommitment(request('MET', 0))).toBe('Engagement tenu (échéance le 28 février 2026)');
    expect(receptionCommitment(request('MET', 3))).toBe('Engagement tenu avec 3 jours de retard');
    expect(receptionCommitment(request('LATE', 1))).toBe(
      'En retard de 1 jour : l’échéance était le 28 février 2026',
    );
  });
});
