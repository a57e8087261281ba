/**
 * Short Danish free texts for the demo's personal fields (sealed before they are stored). Written to
 * read like a caseworker's notes without describing anyone: no names, places or dates in them.
 */
import type { GoalArea } from '@samvirke/case';

export const REFERRAL_REASONS: Readonly<Record<string, readonly string[]>> = {
  'KBH-POLITI': [
    'Gentagne sigtelser for vold i nattelivet',
    'Bekymring for tilknytning til bandemiljøet',
    'Sigtet for røveri sammen med ældre kammerater',
    'Flere anholdelser for besiddelse af kniv',
  ],
  'KBH-FAENGSLER': ['Henvist fra fængslet forud for løsladelse', 'Ønsker hjælp til uddannelse efter afsoning'],
  KRIMINALFORSORGEN: ['Løsladelse nærmer sig, mangler bolig og forsørgelse', 'Henvist af tilsynet under prøveløsladelse'],
  BIF: ['Udeblevet fra jobcentret, bekymring for kriminel løbebane', 'Afbrudt uddannelse og kontakt til kriminelt miljø'],
  SOF: ['Uden fast bolig efter brud med familien', 'Bekymring for kriminalitet og misbrug af hash'],
  BUF: ['Overgang fra SSP-indsatsen ved det 18. år', 'Skolen er bekymret efter gentagne voldsepisoder'],
};

export const CATEGORY_RATIONALES: Readonly<Record<number, readonly string[]>> = {
  1: ['Bekymrende adfærd, ingen sigtelser'],
  2: ['Førstegangskriminalitet, sigtet for tyveri', 'Første sigtelse, hærværk'],
  3: ['Gentagen grov kriminalitet', 'Flere sigtelser for indbrud og narkotika'],
  4: ['Personfarlig kriminalitet: vold og trusler', 'Røveri med trusler om vold'],
};

export const SHARE_SUMMARIES: Readonly<Record<string, readonly string[]>> = {
  'KBH-POLITI': ['Anholdt i weekenden, løsladt efter afhøring', 'Set i selskab med kendte bandemedlemmer', 'Ny sigtelse for besiddelse af hash'],
  'KBH-FAENGSLER': ['Deltager stabilt i undervisning i fængslet', 'Udgang gennemført uden anmærkninger', 'Forventet prøveløsladelse om tre måneder'],
  KRIMINALFORSORGEN: ['Tilsyn overholdt, møder til aftaler', 'Vilkår om misbrugsbehandling er fastsat'],
  BIF: ['Startet i praktik, møder stabilt', 'Udeblevet fra to samtaler i jobcentret', 'Plan for job og uddannelse underskrevet'],
  SOF: ['Har fået anvist midlertidig bolig', 'Visiteret til misbrugsbehandling', 'Familien ønsker et netværksmøde'],
  BUF: ['Oplysninger fra skoletiden om fravær og konflikter'],
  KFF: ['Fået fritidsjob i en idrætsforening', 'Mentor fra Fra Sport til Job er tilknyttet'],
  OKF: ['Drøftet på koordinationsmødet i Sikker By'],
};

export const QUESTIONS = [
  'Er der nye sigtelser siden sidste møde?',
  'Hvornår forventes løsladelse?',
  'Er der bevilget bolig?',
  'Hvordan går fremmødet i praktikken?',
  'Er misbrugsbehandlingen startet?',
] as const;

export const ANSWERS = [
  'Ingen nye forhold registreret',
  'Forventet løsladelse er uændret',
  'Bolig er bevilget fra næste måned',
  'Fremmødet er stabilt',
  'Behandlingen startede i sidste uge',
] as const;

export const DECLINE_NOTES = ['Kan ikke videregives uden samtykke', 'Vi har ingen oplysninger om det'] as const;

export const GOAL_DESCRIPTIONS: Readonly<Record<GoalArea, string>> = {
  employment: 'Komme i job eller løntilskud',
  education: 'Starte og gennemføre en uddannelse',
  housing: 'Skaffe en stabil bolig',
  health: 'Udredning og lægelig opfølgning',
  finances: 'Få styr på gæld og økonomi',
  network: 'Bryde med det kriminelle netværk',
  'substance-use': 'Stoppe misbruget af hash',
  leisure: 'Finde en fast fritidsaktivitet',
  other: 'Fast kontakt til en voksen',
};

export const ACTION_TITLES: Readonly<Record<GoalArea, readonly string[]>> = {
  employment: ['Jobsamtale i jobcentret', 'Finde en praktikplads'],
  education: ['Tilmelding til forberedende undervisning', 'Besøg på en erhvervsskole'],
  housing: ['Ansøgning om ungdomsbolig', 'Boligsocial vejledning'],
  health: ['Samtale med egen læge'],
  finances: ['Budgetrådgivning', 'Møde med gældsrådgiver'],
  network: ['Netværksmøde med familien', 'Tilknytte en mentor'],
  'substance-use': ['Henvisning til misbrugsbehandling'],
  leisure: ['Prøvetræning i en idrætsforening'],
  other: ['Ugentlig samtale med kontaktperson'],
};

export const CANCEL_REASONS = ['Ikke længere relevant', 'Borgeren ønskede ikke at deltage', 'Erstattet af en ny aftale'] as const;

export const CONFERENCE_DECISIONS = [
  'Fortsat fokus på uddannelse',
  'Jobcentret indkalder til samtale',
  'Socialforvaltningen undersøger boligmuligheder',
  'Mentorordning etableres',
  'Status på misbrugsbehandling ved næste møde',
  'Politiet orienterer om nye forhold',
] as const;

export const RELEASE_MEETING_DECISIONS = [
  'Løsladelsesmøde: bolig skal være på plads før løsladelse',
  'Løsladelsesmøde: job- og uddannelsesplan aftales før løsladelse',
] as const;

export const SENTENCES = {
  custodial: ['Ubetinget fængsel 6 måneder', 'Ubetinget fængsel 1 år og 3 måneder', 'Ubetinget fængsel 9 måneder'],
  other: ['Betinget fængsel 60 dage med vilkår om behandling', 'Bøde 3.000 kr.', 'Samfundstjeneste 80 timer'],
} as const;

export const CLOSE_NOTES = ['Målene i handleplanen er nået', 'Afsluttet efter aftale på koordinationsmødet'] as const;
export const REOPEN_REASONS = ['Ny sigtelse, genhenvist af politiet', 'Borgeren har selv bedt om hjælp igen'] as const;
export const LEGAL_HOLD_REASONS = ['Verserende klagesag hos Ankestyrelsen', 'Aktindsigtssag under behandling'] as const;
export const PROGRESSION_NOTES = ['Møder stabilt op', 'Motivationen er steget', 'Tilbagefald efter en svær periode'] as const;

/** Contact roles, not people: an entry point's contact stays in clear text, so no names here. */
export const CONTACT_ROLES = ['Vagthavende SSP-medarbejder', 'Kontaktperson i ungeteamet', 'Teamleder', 'Udslusningskoordinator'] as const;
