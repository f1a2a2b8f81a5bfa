import type { AppointmentView, WalkInSlotView } from '@passerelle/shared/domain';
import { agendaDays } from './agenda-days';
import { weekOf } from './paris-time';

function appointment(id: string, startsAt: string): AppointmentView {
  return {
    id,
    applicantFileId: 'file',
    applicant: { lastName: 'Durand', firstNames: 'Marie' },
    organizationId: 'org',
    startsAt,
    durationMinutes: 30,
    walkIn: false,
    createdAt: startsAt,
  };
}

describe('agendaDays', () => {
  const week = weekOf('2026-11-18');

  it('puts each appointment on its Paris day, sorted by time', () => {
    const days = agendaDays(
      week,
      [
        appointment('late', '2026-11-18T15:00:00Z'),
        appointment('early', '2026-11-18T08:00:00Z'),
        // 23:30 UTC on Tuesday is 00:30 on Wednesday in Paris.
        appointment('midnight', '2026-11-17T23:30:00Z'),
      ],
      [],
    );
    expect(days.map((day) => day.date)).toEqual(week.days);
    expect(days[1].appointments).toEqual([]);
    expect(days[2].appointments.map((item) => item.id)).toEqual(['midnight', 'early', 'late']);
  });

  it('shows the walk-in slots on their day', () => {
    const slot: WalkInSlotView = {
      organizationId: 'org',
      startsAt: '2026-11-18T07:00:00Z',
      endsAt: '2026-11-18T11:00:00Z',
    };
    const days = agendaDays(week, [], [slot]);
    expect(days[2].walkInSlots).toEqual([slot]);
    expect(days.filter((day) => day.walkInSlots.length)).toHaveLength(1);
  });
});
