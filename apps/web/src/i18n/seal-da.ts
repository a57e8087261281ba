/** The break-glass opening of a sealed identity (OpenSeal.tsx). */
export const sealDa = {
  'seal.note': 'Borgerens identitet er beskyttet (exitforløb). Kun de navngivne personer ser navn, fødselsdato og bydel.',
  'seal.open': 'Åbn den beskyttede identitet',
  'seal.title': 'Åbn den beskyttede identitet',
  'seal.explain':
    'Skriv hvorfor du skal se identiteten. Begrundelsen gemmes i adgangsloggen, vises for de personer der er navngivet på den beskyttede identitet, og står i borgerens indsigt. Åbningen gælder i 4 timer og kun for dig.',
  'seal.reason': 'Begrundelse',
  'seal.reasonHint': 'Mindst 10 og højst 500 tegn.',
  'seal.reasonTooShort': 'Skriv en begrundelse på mindst 10 tegn.',
  'seal.submit': 'Åbn og log begrundelsen',
  'seal.opened': 'Identiteten er åbnet for dig til {time}.',
} as const;
