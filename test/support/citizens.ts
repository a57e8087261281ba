import { randomInt } from 'node:crypto';

/**
 * Synthetic citizens for tests: valid-looking CPR numbers for people born in the 2000s (serial
 * digits 5xxx, which the century rule places after 2000), with names that are easy to grep for.
 * No real person is meant; collisions across tests are avoided by randomness.
 */
export interface TestCitizen {
  cpr: string;
  name: string;
  birthDate: string;
}

export function testCitizen(birthYear = 2004): TestCitizen {
  const month = randomInt(1, 13);
  const day = randomInt(1, 29);
  const yy = String(birthYear % 100).padStart(2, '0');
  const serial = `5${String(randomInt(0, 1000)).padStart(3, '0')}`;
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  return {
    cpr: `${dd}${mm}${yy}-${serial}`,
    name: `Testperson Zq${randomInt(100000, 999999)}`,
    birthDate: `${birthYear}-${mm}-${dd}`,
  };
}
