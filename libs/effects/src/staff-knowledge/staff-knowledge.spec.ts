import fc from 'fast-check';
import { parseStaffKnowledge, staffKnowledgeFigures, unitPairs, type StaffKnowledgeAssessment } from './staff-knowledge';

const known = { agencies: new Set(['KFF', 'SOF']), programmes: new Set(['VINK']), today: '2026-12-06' };
const dayOf = (offset: number) => new Date(Date.parse('2024-01-01T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);

describe('VINK staff knowledge (per unit, never per citizen)', () => {
  it('refuses anything about a person and names each problem', () => {
    const { problems } = parseStaffKnowledge(
      {
        assessments: [
          {
            programme: 'VINK',
            agency: 'KFF',
            unit: 'club-1',
            trainingId: 't1',
            phase: 'before',
            assessedOn: '2026-02-30',
            staffAssessed: 0,
            meanScore: 101,
            caseId: 'abc',
          },
        ],
      },
      known,
    );
    expect(problems.map((p) => p.field).sort()).toEqual(['assessedOn', 'caseId', 'meanScore', 'staffAssessed']);
    expect(parseStaffKnowledge({ assessments: [] }, known).problems).toHaveLength(1);
    expect(
      parseStaffKnowledge(
        {
          assessments: [
            { programme: 'SSP_PLUS', agency: 'X', unit: 'a b', trainingId: '', phase: 'during', assessedOn: '2027-01-01', staffAssessed: 3, meanScore: 50 },
          ],
        },
        known,
      ).problems.map((p) => p.field),
    ).toEqual(['programme', 'agency', 'unit', 'trainingId', 'phase', 'assessedOn']);
  });

  it('pairs before and after per unit and training exactly as a count written out again, window edges included', () => {
    const assessment = fc.record({
      agency: fc.constantFrom('KFF', 'SOF'),
      unit: fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5', 'u6'),
      trainingId: fc.constantFrom('t1', 't2'),
      beforeDay: fc.integer({ min: 0, max: 700 }),
      // Around 12 months (365/366 days) and the day before the assessment before.
      afterGap: fc.oneof(fc.integer({ min: -3, max: 400 }), fc.constantFrom(-1, 0, 365, 366, 367)),
      before: fc.integer({ min: 0, max: 100 }),
      after: fc.integer({ min: 0, max: 100 }),
      hasAfter: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(assessment, { selector: (a) => `${a.agency}|${a.unit}|${a.trainingId}`, maxLength: 24 }),
        fc.integer({ min: 0, max: 1200 }),
        (units, measured) => {
          const measurementDate = dayOf(measured);
          const rows: StaffKnowledgeAssessment[] = units.flatMap((u) => [
            {
              programme: 'VINK',
              agency: u.agency,
              unit: u.unit,
              trainingId: u.trainingId,
              phase: 'before' as const,
              assessedOn: dayOf(u.beforeDay),
              staffAssessed: 8,
              meanScore: u.before,
            },
            ...(u.hasAfter
              ? [
                  {
                    programme: 'VINK',
                    agency: u.agency,
                    unit: u.unit,
                    trainingId: u.trainingId,
                    phase: 'after' as const,
                    assessedOn: dayOf(u.beforeDay + u.afterGap),
                    staffAssessed: 7,
                    meanScore: u.after,
                  },
                ]
              : []),
          ]);
          const pairs = unitPairs(rows, new Set(['VINK']), 12, measurementDate);
          const expected = units.filter((u) => {
            if (!u.hasAfter || u.afterGap < 0) return false;
            const before = new Date(`${dayOf(u.beforeDay)}T00:00:00Z`);
            const limit = new Date(Date.UTC(before.getUTCFullYear() + 1, before.getUTCMonth(), 1));
            limit.setUTCDate(Math.min(before.getUTCDate(), new Date(Date.UTC(limit.getUTCFullYear(), limit.getUTCMonth() + 1, 0)).getUTCDate()));
            const afterOn = dayOf(u.beforeDay + u.afterGap);
            return afterOn <= limit.toISOString().slice(0, 10) && afterOn <= measurementDate;
          });
          expect(pairs.length).toBe(expected.length);
          const figures = staffKnowledgeFigures(pairs, 1, undefined);
          expect(figures.total.people).toBe(expected.length);
          expect(figures.total.count).toBe(expected.filter((u) => u.after > u.before).length);
        },
      ),
      { numRuns: 300, seed: 22 },
    );
  });

  it('hides fewer than 5 units as it hides people', () => {
    const pairs = ['a', 'b', 'c'].map((agency) => ({ programme: 'VINK', agency, beforeOn: '2024-01-01', afterOn: '2024-06-01', gain: 5 }));
    expect(staffKnowledgeFigures(pairs, 5, undefined).total).toMatchObject({ people: '<5', count: '<5', share: null, median: null });
  });
});
