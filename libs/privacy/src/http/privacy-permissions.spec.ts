import type { AuthenticatedUser, Role } from '@samvirke/access';
import { loadReferenceData } from '@samvirke/reference-data';
import { mayErase, mayLiftLegalHold, mayPlaceLegalHold } from './privacy-permissions';

const { agencies } = loadReferenceData();
const user = (agency: string, ...roles: Role[]): AuthenticatedUser => ({ userId: `u-${agency}`, agency, roles });

describe('privacy permissions', () => {
  it('lets only a municipal coordinator erase the citizen', () => {
    expect(mayErase(user('BIF', 'coordinator'), 'citizen', agencies)).toBe(true);
    expect(mayErase(user('KBH-POLITI', 'coordinator'), 'citizen', agencies)).toBe(false);
    expect(mayErase(user('BIF', 'liaison'), 'citizen', agencies)).toBe(false);
    expect(mayErase(user('BIF', 'auditor'), 'citizen', agencies)).toBe(false);
  });

  it("lets an agency's coordinator or liaison erase that agency's scope only", () => {
    expect(mayErase(user('KBH-POLITI', 'liaison'), 'KBH-POLITI', agencies)).toBe(true);
    expect(mayErase(user('KBH-POLITI', 'liaison'), 'BIF', agencies)).toBe(false);
    expect(mayErase(user('BIF', 'coordinator'), 'KBH-POLITI', agencies)).toBe(false);
    expect(mayErase(user('KBH-POLITI', 'auditor'), 'KBH-POLITI', agencies)).toBe(false);
  });

  it('lets coordinators and liaisons place holds; the holding agency or a municipal coordinator lift them', () => {
    expect(mayPlaceLegalHold(user('KBH-POLITI', 'liaison'))).toBe(true);
    expect(mayPlaceLegalHold(user('BIF', 'auditor'))).toBe(false);
    expect(mayLiftLegalHold(user('KBH-POLITI', 'liaison'), 'KBH-POLITI', agencies)).toBe(true);
    expect(mayLiftLegalHold(user('SOF', 'liaison'), 'KBH-POLITI', agencies)).toBe(false);
    expect(mayLiftLegalHold(user('BIF', 'coordinator'), 'KBH-POLITI', agencies)).toBe(true);
    expect(mayLiftLegalHold(user('KBH-POLITI', 'liaison'), undefined, agencies)).toBe(false);
  });
});
