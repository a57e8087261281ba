import type { sealDa } from './seal-da';

export const sealEn: Record<keyof typeof sealDa, string> = {
  'seal.note': "The citizen's identity is protected (exit programme). Only the people named on it see the name, birth date and district.",
  'seal.open': 'Open the protected identity',
  'seal.title': 'Open the protected identity',
  'seal.explain':
    "Write why you must see the identity. The reason is kept in the access log, shown to the people named on the protected identity, and listed in the citizen's copy. The opening lasts 4 hours and is for you alone.",
  'seal.reason': 'Reason',
  'seal.reasonHint': 'At least 10 and at most 500 characters.',
  'seal.reasonTooShort': 'Write a reason of at least 10 characters.',
  'seal.submit': 'Open and log the reason',
  'seal.opened': 'The identity is open to you until {time}.',
};
