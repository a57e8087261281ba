import { loadReferenceData } from '@samvirke/reference-data';
import { loadMeasureCatalogue, MeasureDefinitionError, parseMeasureDefinition } from './measure-definition';

const refData = loadReferenceData();
const context = { programmes: new Set(refData.programmes.keys()), agencies: new Set(refData.agencies.keys()) };
const good = {
  code: 'self-sufficiency-18m',
  title: 'Self-sufficient 18 months after enrolment',
  anchor: 'enrolment',
  windowMonths: 18,
  predicate: { kind: 'self-sufficient-at' },
};

/** The field and rule a definition is refused for. */
function refusal(raw: unknown): { field: string; rule: string } {
  try {
    parseMeasureDefinition(raw, context);
  } catch (error) {
    if (error instanceof MeasureDefinitionError) return { field: error.field, rule: error.rule };
    throw error;
  }
  throw new Error('the definition was accepted');
}

describe('a measure definition sent by an effects administrator', () => {
  it('accepts a definition that combines a known kind with another window', () => {
    expect(parseMeasureDefinition(good, context)).toEqual(good);
  });

  it('accepts every shipped definition', () => {
    for (const measure of loadMeasureCatalogue().measures.values())
      expect(parseMeasureDefinition(JSON.parse(JSON.stringify(measure)), context)).toEqual(measure);
  });

  it('accepts programmes that report the measure besides reference data', () => {
    expect(parseMeasureDefinition({ ...good, programmes: ['SSP_PLUS'] }, context).programmes).toEqual(['SSP_PLUS']);
  });

  it('refuses a calculation kind the engine does not know', () => {
    expect(refusal({ ...good, predicate: { kind: 'happiness' } })).toEqual({ field: 'predicate.kind', rule: 'one-of' });
  });

  it('refuses a field a kind does not have', () => {
    expect(refusal({ ...good, predicate: { kind: 'self-sufficient-at', statuses: ['education'] } })).toEqual({ field: 'predicate', rule: 'known-fields' });
  });

  it('refuses an unknown field of the definition', () => {
    expect(refusal({ ...good, sql: 'select 1' })).toEqual({ field: 'definition', rule: 'known-fields' });
  });

  it('refuses a code that is not lower-case words joined by hyphens', () => {
    expect(refusal({ ...good, code: 'Self Sufficiency' })).toEqual({ field: 'code', rule: 'code-format' });
  });

  it('refuses a missing title', () => {
    expect(refusal({ ...good, title: ' ' })).toEqual({ field: 'title', rule: 'non-empty-string' });
  });

  it('refuses a window that is not a whole number of months, or longer than 10 years', () => {
    expect(refusal({ ...good, windowMonths: 1.5 })).toEqual({ field: 'windowMonths', rule: 'whole-number' });
    expect(refusal({ ...good, windowMonths: 121 })).toEqual({ field: 'windowMonths', rule: 'max' });
  });

  it('refuses an anchor that does not fit what the kind counts', () => {
    expect(refusal({ ...good, anchor: 'training' })).toEqual({ field: 'anchor', rule: 'anchor-fits-kind' });
  });

  it('refuses a status the engine does not know, an empty list and a list with an entry twice', () => {
    const statuses = (list: unknown) => ({ ...good, anchor: 'release', predicate: { kind: 'labour-market-status-at', statuses: list } });
    expect(refusal(statuses(['astronaut']))).toEqual({ field: 'predicate.statuses[0]', rule: 'one-of' });
    expect(refusal(statuses([]))).toEqual({ field: 'predicate.statuses', rule: 'non-empty' });
    expect(refusal(statuses(['education', 'education']))).toEqual({ field: 'predicate.statuses', rule: 'unique' });
  });

  it('refuses programme and agency codes that reference data does not know', () => {
    expect(refusal({ ...good, programmes: ['NO_SUCH'] })).toEqual({ field: 'programmes[0]', rule: 'known-programme' });
    expect(refusal({ ...good, predicate: { kind: 'plan-action-added', agency: 'NOWHERE' } })).toEqual({ field: 'predicate.agency', rule: 'known-agency' });
    expect(refusal({ ...good, predicate: { kind: 'programme-completed', programmeCode: 'NO_SUCH', handoverLeadDays: 1, handoverFollowDays: 1 } })).toEqual({
      field: 'predicate.programmeCode',
      rule: 'known-programme',
    });
  });

  it('names the field, never the value sent', () => {
    try {
      parseMeasureDefinition({ ...good, anchor: 'secret-value' }, context);
    } catch (error) {
      expect((error as Error).message).toBe('anchor must be one of enrolment, release, training, effort-start');
    }
    expect.assertions(1);
  });
});
