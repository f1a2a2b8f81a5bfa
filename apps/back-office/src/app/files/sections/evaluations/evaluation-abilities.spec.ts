import type { EvaluationView, Principal } from '@passerelle/shared/domain';
import { evaluationAbilities, mayApplyWishes } from './evaluation-abilities';
import { evaluationRequest } from './evaluation-request';

const socialWorker: Principal = { role: 'SOCIAL_WORKER', capabilities: [] };
const agent: Principal = { role: 'INFO_POINT_AGENT', capabilities: ['registersDemands'] };
const relay: Principal = { role: 'RELAY_CLERK', capabilities: [] };
const landlord: Principal = { role: 'LANDLORD_OFFICER', capabilities: [] };

function evaluation(overrides: Partial<EvaluationView> = {}): EvaluationView {
  return {
    id: 'e1',
    applicantFileId: 'f1',
    kind: 'HOUSING_PROJECT',
    notes: 'Entretien',
    diagnosis: { typologies: ['T2'] },
    author: { userId: 'u1', displayName: 'Anne', organizationId: 'o1', organizationName: 'CCAS' },
    createdAt: '2026-03-01T10:00:00Z',
    appliedAt: null,
    ...overrides,
  };
}

describe('evaluationAbilities', () => {
  it('follows the permission table', () => {
    expect(evaluationAbilities(socialWorker, 'CONTACT')).toEqual({
      read: true,
      write: { HOUSING_PROJECT: true, SOCIAL: true },
      updateFile: true,
    });
    expect(evaluationAbilities(agent, 'REGISTERED').write).toEqual({ HOUSING_PROJECT: true, SOCIAL: false });
    expect(evaluationAbilities(relay, 'CONTACT')).toMatchObject({
      read: false,
      write: { HOUSING_PROJECT: false, SOCIAL: false },
    });
    // A landlord without registersDemands writes evaluations but may not change the file.
    expect(evaluationAbilities(landlord, 'REGISTERED')).toMatchObject({
      read: true,
      write: { HOUSING_PROJECT: true, SOCIAL: false },
      updateFile: false,
    });
    expect(evaluationAbilities(null, 'CONTACT').read).toBe(false);
  });

  it('offers to apply the recommended wishes to their author only, once, when there is something', () => {
    const abilities = evaluationAbilities(socialWorker, 'REGISTERED');
    expect(mayApplyWishes(evaluation(), 'u1', abilities)).toBe(true);
    expect(mayApplyWishes(evaluation(), 'u2', abilities)).toBe(false);
    expect(mayApplyWishes(evaluation({ appliedAt: '2026-03-02T10:00:00Z' }), 'u1', abilities)).toBe(false);
    expect(mayApplyWishes(evaluation({ diagnosis: { conclusion: 'RAS' } }), 'u1', abilities)).toBe(false);
    expect(mayApplyWishes(evaluation(), 'u1', evaluationAbilities(socialWorker, 'CLOSED'))).toBe(false);
  });
});

describe('evaluationRequest', () => {
  it('trims the texts and leaves out an empty diagnosis', () => {
    expect(
      evaluationRequest('SOCIAL', {
        notes: '  Vu ce jour  ',
        typologies: [],
        communes: [],
        familySituation: ' ',
        economicSituation: '',
        conclusion: '',
      }),
    ).toEqual({ kind: 'SOCIAL', notes: 'Vu ce jour' });
  });

  it('keeps only the parts of the diagnosis that were filled', () => {
    expect(
      evaluationRequest('HOUSING_PROJECT', {
        notes: 'Notes',
        typologies: ['T2', 'T3'],
        communes: ['64430'],
        familySituation: '',
        economicSituation: ' RSA ',
        conclusion: '',
      }),
    ).toEqual({
      kind: 'HOUSING_PROJECT',
      notes: 'Notes',
      diagnosis: { typologies: ['T2', 'T3'], communes: ['64430'], economicSituation: 'RSA' },
    });
  });
});
