import { frenchLongDate, renewalReminderText } from './reporting';

describe('renewal reminder text', () => {
  it('writes French dates', () => {
    expect(frenchLongDate('2026-07-01')).toBe('1er juillet 2026');
    expect(frenchLongDate('2026-08-15')).toBe('15 août 2026');
    expect(frenchLongDate('2027-02-28')).toBe('28 février 2027');
  });

  it('addresses the applicant by civility and name in use, and gives the demand and its due date', () => {
    const text = renewalReminderText({
      civility: 'MRS',
      lastName: 'Lacoste',
      usageName: 'Bordenave',
      sneNumber: '064021900012345',
      renewalDueOn: '2026-07-01',
    });
    expect(text.startsWith('Madame Bordenave,\n\n')).toBe(true);
    expect(text).toContain(
      'Votre demande de logement social n° 064021900012345 arrive à échéance le 1er juillet 2026 : pensez à la renouveler',
    );
    expect(text).toContain('www.demande-logement-social.gouv.fr');
  });

  it('falls back to « Madame, Monsieur » and leaves out a missing number', () => {
    const text = renewalReminderText({ lastName: 'Etchart', sneNumber: null, renewalDueOn: '2026-12-31' });
    expect(text.startsWith('Madame, Monsieur,')).toBe(true);
    expect(text).toContain('Votre demande de logement social arrive à échéance le 31 décembre 2026');
    expect(
      renewalReminderText({
        civility: 'MR',
        lastName: 'Etchart',
        sneNumber: null,
        renewalDueOn: '2026-12-31',
      }),
    ).toMatch(/^Monsieur Etchart,/);
  });
});
