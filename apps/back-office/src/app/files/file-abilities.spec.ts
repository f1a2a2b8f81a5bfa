import type { Principal } from '@passerelle/shared/domain';
import { fileAbilities } from './file-permissions';

const mourenx: Principal = { role: 'INFO_POINT_AGENT', capabilities: ['registersDemands'] };
const orthez: Principal = { role: 'INFO_POINT_AGENT', capabilities: [] };
const relay: Principal = { role: 'RELAY_CLERK', capabilities: [] };

describe('fileAbilities', () => {
  it('offers registration to a registering info point on a contact file only', () => {
    expect(fileAbilities(mourenx, 'CONTACT')).toMatchObject({
      registration: true,
      renewal: false,
      closure: true,
    });
    expect(fileAbilities(mourenx, 'RENEWAL_DUE')).toMatchObject({ registration: false, renewal: true });
    expect(fileAbilities(mourenx, 'CLOSED')).toMatchObject({
      registration: false,
      closure: false,
      update: false,
    });
  });

  it('offers no lifecycle step to Orthez', () => {
    expect(fileAbilities(orthez, 'CONTACT')).toMatchObject({
      update: true,
      registration: false,
      closure: false,
    });
  });

  it('lets a relay clerk edit identity and contact while the file is a contact', () => {
    expect(fileAbilities(relay, 'CONTACT')).toMatchObject({ update: true, updateEverything: false });
    expect(fileAbilities(relay, 'REGISTERED').update).toBe(false);
  });
});
