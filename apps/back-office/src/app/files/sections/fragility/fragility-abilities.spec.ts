import type { FragilityFlagView, Principal } from '@passerelle/shared/domain';
import { fragilityAbilities, sortedFlags } from './fragility-abilities';

const flag = (id: string, status: FragilityFlagView['status'], suspectedAt: string): FragilityFlagView => ({
  id,
  applicantFileId: 'f1',
  criterion: 'WITHOUT_HOUSING',
  status,
  suspectedAt,
});

describe('fragilityAbilities', () => {
  it('lets whoever meets the applicant suspect, and only social workers decide', () => {
    const of = (role: Principal['role']) => fragilityAbilities({ role, capabilities: [] });
    expect(of('SOCIAL_WORKER')).toEqual({ list: true, suspect: true, decide: true });
    expect(of('INFO_POINT_AGENT')).toEqual({ list: true, suspect: true, decide: false });
    expect(of('RELAY_CLERK')).toEqual({ list: true, suspect: true, decide: false });
    expect(of('LANDLORD_OFFICER')).toEqual({ list: true, suspect: true, decide: false });
    expect(of('COORDINATOR')).toEqual({ list: false, suspect: false, decide: false });
    expect(fragilityAbilities(null)).toEqual({ list: false, suspect: false, decide: false });
  });
});

describe('sortedFlags', () => {
  it('puts what is left to decide first, newest first', () => {
    const sorted = sortedFlags([
      flag('a', 'CONFIRMED', '2026-01-01T00:00:00Z'),
      flag('b', 'SUSPECTED', '2026-01-02T00:00:00Z'),
      flag('c', 'RULED_OUT', '2026-01-03T00:00:00Z'),
      flag('d', 'SUSPECTED', '2026-01-04T00:00:00Z'),
    ]);
    expect(sorted.map((item) => item.id)).toEqual(['d', 'b', 'a', 'c']);
  });
});
