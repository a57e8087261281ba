/**
 * Synthetic citizens for the demo. NO REAL PERSON IS MEANT: names are drawn at random from lists of
 * common first names and surnames seen in Copenhagen, and CPR numbers are made up to fit the drawn
 * birth date. Any match with a real person's name or number is a coincidence of the lists, and the
 * demo never pairs a name with a real person's CPR number on purpose.
 */
import { birthDateFromCpr, isValidCprDate } from '@samvirke/case/cpr';
import type { IsoDate } from '@samvirke/case';
import type { SeededRandom } from './seeded-random';

// Synthetic-name material: common given names and surnames, combined at random.
const MALE_FIRST_NAMES = [
  'Mads',
  'Emil',
  'Mikkel',
  'Jonas',
  'Frederik',
  'Kasper',
  'Oliver',
  'Lucas',
  'Magnus',
  'Mathias',
  'Nikolaj',
  'Rasmus',
  'Tobias',
  'Christian',
  'Sebastian',
  'Ali',
  'Mohammed',
  'Ahmad',
  'Omar',
  'Yusuf',
  'Hamza',
  'Ibrahim',
  'Mustafa',
  'Bilal',
  'Adam',
  'Noah',
  'Elias',
  'Zakaria',
  'Hassan',
  'Mahmoud',
  'Karim',
  'Samir',
  'Daniel',
  'Patrick',
  'Marcus',
  'Victor',
  'Anton',
  'Jamal',
  'Abdi',
  'Emre',
] as const;
const FEMALE_FIRST_NAMES = [
  'Sara',
  'Emma',
  'Ida',
  'Freja',
  'Laura',
  'Julie',
  'Fatima',
  'Amira',
  'Yasmin',
  'Maryam',
  'Sofie',
  'Nadia',
  'Leila',
  'Caroline',
  'Amalie',
  'Aisha',
  'Zeynep',
  'Hiba',
  'Cecilie',
  'Maja',
] as const;
const SURNAMES = [
  'Jensen',
  'Nielsen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Poulsen',
  'Johansen',
  'Møller',
  'Mortensen',
  'Knudsen',
  'Holm',
  'Ahmed',
  'Ali',
  'Hussein',
  'Hassan',
  'Yilmaz',
  'Khan',
  'Mahmoud',
  'Abdullahi',
  'Öztürk',
  'Nasser',
  'Karimi',
  'Rahimi',
  'Demir',
  'Jama',
  'Saleh',
] as const;

export type Sex = 'male' | 'female';

export interface SyntheticPerson {
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: IsoDate;
  /** DDMMYY-SSSS. */
  readonly cpr: string;
}

/** Hands out people whose CPR numbers are unique among those it has handed out. */
export class SyntheticPopulation {
  private readonly cprs = new Set<string>();

  person(random: SeededRandom, sex: Sex, birthDate: IsoDate): SyntheticPerson {
    const first = random.pick(sex === 'male' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
    const middle = random.chance(0.2) ? ` ${random.pick(MALE_FIRST_NAMES.slice(0, 15))}` : '';
    const name = sex === 'male' ? `${first}${middle} ${random.pick(SURNAMES)}` : `${first} ${random.pick(SURNAMES)}`;
    for (;;) {
      const cpr = syntheticCpr(random, sex, birthDate);
      if (this.cprs.has(cpr)) continue;
      this.cprs.add(cpr);
      return { name, sex, birthDate, cpr };
    }
  }
}

/**
 * A CPR number whose date part is `birthDate` under the CPR office's century rule (7th digit 0-3:
 * 1900s; 5-8: 2000s up to 2057), with the last digit odd for men and even for women.
 */
export function syntheticCpr(random: SeededRandom, sex: Sex, birthDate: IsoDate): string {
  const year = Number(birthDate.slice(0, 4));
  if (year < 1900 || year > 2057) throw new RangeError('synthetic CPR numbers cover births from 1900 to 2057');
  const ddmmyy = `${birthDate.slice(8, 10)}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}`;
  const firstSerialDigit = year >= 2000 ? random.int(5, 8) : random.int(0, 3);
  const middle = String(random.int(0, 99)).padStart(2, '0');
  const last = random.int(0, 4) * 2 + (sex === 'male' ? 1 : 0);
  const cpr = `${ddmmyy}-${firstSerialDigit}${middle}${last}`;
  // The century rule lives in the privacy library; checking against it keeps the two from drifting.
  if (!isValidCprDate(cpr) || birthDateFromCpr(cpr) !== birthDate) throw new Error('synthetic CPR does not match its birth date');
  return cpr;
}
