import { loadReferenceData } from '@samvirke/reference-data';
import {
  EMPLOYMENT_KINDS,
  LABOUR_MARKET_STATUSES,
  loadMeasureCatalogue,
  PREDICATE_KINDS,
  type MeasureDefinition,
  type OutcomePredicate,
} from '../measures/measure-definition';
import { computeMeasureReport, describeMeasure, programmesPicking } from './measure-report';

const refData = loadReferenceData();
const catalogue = loadMeasureCatalogue();
const shipped = [...catalogue.measures.values()];
const picking = (measure: MeasureDefinition) => programmesPicking(refData, measure.code, measure.programmes);

/** Words that only an English text would hold (checked without regard to case). */
const ENGLISH_GIVEAWAYS = [' the ', 'counted', 'people', 'window', 'anchor'];
const TEXTS = ['cohort', 'window', 'definition'] as const;

/** Every predicate kind with its widest parameters (every status, every job kind), beside the shipped ones. */
const EVERY_KIND: readonly OutcomePredicate[] = [
  { kind: 'self-sufficient-at' },
  { kind: 'labour-market-status-at', statuses: LABOUR_MARKET_STATUSES },
  { kind: 'ever-wage-subsidy', employmentKinds: EMPLOYMENT_KINDS },
  { kind: 'progression-gain' },
  { kind: 'recidivism-charge' },
  { kind: 'recidivism-conviction' },
  { kind: 'recidivism-dangerous' },
  { kind: 'release-to-jobcentre-days', contactAgency: 'BIF' },
  { kind: 'information-delay', thresholdDays: 5 },
  { kind: 'programme-completed', programmeCode: 'EXIT', handoverLeadDays: 30, handoverFollowDays: 28 },
  { kind: 'plan-action-added', agency: 'BIF' },
  { kind: 'employment-started', employmentKinds: EMPLOYMENT_KINDS },
  { kind: 'staff-knowledge-gain' },
  { kind: 'area-safety-index', area: 'district' },
  { kind: 'area-safety-index', area: 'estate' },
];
const anchorOf = (predicate: OutcomePredicate): MeasureDefinition['anchor'] =>
  predicate.kind === 'staff-knowledge-gain' ? 'training' : predicate.kind === 'area-safety-index' ? 'effort-start' : 'enrolment';
const constructed: MeasureDefinition[] = EVERY_KIND.flatMap((predicate, i) =>
  (anchorOf(predicate) === 'enrolment' ? (['enrolment', 'release'] as const) : [anchorOf(predicate)]).map((anchor) => ({
    code: `constructed-${i}-${anchor}`,
    title: 'A constructed measure',
    anchor,
    windowMonths: 7,
    predicate,
  })),
);

describe("a measure's texts in Danish (lang=da) and English", () => {
  it('covers every predicate kind in the shipped catalogue and in the constructed measures', () => {
    expect(new Set(shipped.map((m) => m.predicate.kind))).toEqual(new Set(PREDICATE_KINDS));
    expect(new Set(constructed.map((m) => m.predicate.kind))).toEqual(new Set(PREDICATE_KINDS));
  });

  it.each([...shipped, ...constructed].map((m) => [m.code, m] as const))(
    '%s: the Danish cohort, window and definition are written, differ from the English and hold no English words',
    (_code, measure) => {
      for (const programmes of [picking(measure), []]) {
        const en = describeMeasure(measure, programmes, 'en');
        const da = describeMeasure(measure, programmes, 'da');
        for (const text of TEXTS) {
          expect(da[text].trim()).not.toBe('');
          expect(da[text]).not.toBe(en[text]);
          const english = ENGLISH_GIVEAWAYS.filter((word) => da[text].toLowerCase().includes(word));
          expect({ text, english }).toEqual({ text, english: [] });
        }
        // Everything but the texts is the same in both languages.
        const { cohort: _c, window: _w, definition: _d, ...rest } = da;
        expect(en).toMatchObject(rest);
      }
    },
  );

  it('is English unless Danish is asked for', () => {
    for (const measure of shipped) expect(describeMeasure(measure, picking(measure))).toEqual(describeMeasure(measure, picking(measure), 'en'));
  });

  it('keeps the numbers and codes of the definition in the Danish texts', () => {
    const completed = describeMeasure(catalogue.measures.get('exit-completed')!, ['EXIT'], 'da');
    expect(completed.cohort).toContain('EXIT');
    expect(completed.window).toContain('24 måned(er)');
    expect(completed.definition).toMatch(/udskrevet af EXIT .* fra 30 dag\(e\) før til og med 28 dag\(e\) efter løsladelsen .*EXIT_RELEASE_HANDOVER/);
    expect(describeMeasure(catalogue.measures.get('information-delay')!, [], 'da').definition).toContain('mere end 5 dag(e)');
    expect(describeMeasure(catalogue.measures.get('release-to-jobcentre-days')!, [], 'da').definition).toContain('jobcentret (BIF)');
  });

  it('words self-sufficiency-12m in Danish exactly', () => {
    const described = describeMeasure(catalogue.measures.get('self-sufficiency-12m')!, ['SSP_PLUS', 'VINK'], 'da');
    expect(described).toMatchObject({
      cohort:
        'Personer indskrevet i SSP_PLUS, VINK, talt én gang hver fra den første dag i deres første indskrivning i et af programmerne (ankerdagen), hvis hele måleperioden er slut på eller før måledatoen.',
      window:
        'Fra ankerdagen til og med samme dag 12 måned(er) senere (måleperiodens sidste dag medregnet; findes dagen ikke i den måned, bruges månedens sidste dag).',
      definition:
        "Tælles med, når personen er selvforsørgende på måleperiodens sidste dag (den seneste registrering af selvforsørgelse opnået eller mistet på eller før den dag var 'opnået').",
    });
  });

  it('names each labour-market status and job kind in Danish beside its code, and flexible jobs (fleksjob) exactly when the English does', () => {
    expect(describeMeasure(catalogue.measures.get('job-or-education-at-release')!, [], 'da').definition).toContain(
      'en af: selvforsørgende (self-sufficient), ordinært job eller fleksjob (ordinary-job), løntilskudsjob (wage-subsidy-job), praktik (internship), uddannelse (education) (',
    );
    expect(describeMeasure(catalogue.measures.get('employment-ever-12m')!, [], 'da').definition).toContain(
      'et job af typen ordinært job (ordinary), løntilskud (wage-subsidy), praktik (internship) eller fleksjob (flexible) overlapper måleperioden',
    );
    for (const code of ['job-or-education-at-release', 'employment-ever-12m', 'wage-subsidy-ever', 'leisure-job-started']) {
      const measure = catalogue.measures.get(code)!;
      const saysFleksjob = (lang: 'da' | 'en') => describeMeasure(measure, [], lang).definition.includes('fleksjob');
      expect({ code, da: saysFleksjob('da') }).toEqual({ code, da: saysFleksjob('en') });
    }
  });

  it("words a report's measure in the request's language and leaves its figures alone", () => {
    const request = {
      measure: catalogue.measures.get('recidivism-charge-12m')!,
      catalogue,
      refData,
      asOf: '2026-01-01T00:00:00.000Z',
      measurementDate: '2025-12-31',
    };
    const english = computeMeasureReport([], request);
    const danish = computeMeasureReport([], { ...request, lang: 'da' });
    expect(computeMeasureReport([], { ...request, lang: 'en' })).toEqual(english);
    expect(danish.measure.definition).toBe('Tælles med, når en ny sigtelse er dateret efter ankerdagen og på eller før måleperiodens sidste dag.');
    expect({ ...danish, measure: null }).toEqual({ ...english, measure: null });
  });
});
