import { loadReferenceData } from '@samvirke/reference-data';
import { searchAgencyDirectory } from './agency-directory';

const agencies = loadReferenceData().agencies;

describe('agency directory search', () => {
  it('lists every agency with all its entry points when no text is given', () => {
    const all = searchAgencyDirectory(agencies.values());
    expect(all.map((agency) => agency.code)).toEqual([...agencies.keys()]);
    expect(searchAgencyDirectory(agencies.values(), '  ')).toHaveLength(agencies.size);
  });

  it('keeps only entry points whose handles or unit contain the text, ignoring case', () => {
    const found = searchAgencyDirectory(agencies.values(), 'HOUSING');
    expect(found.map((agency) => agency.code)).toEqual(['SOF']);
    expect(found[0].entryPoints.map((entry) => entry.code)).toEqual(['SOF-UNGE-18-25']);
    expect(searchAgencyDirectory(agencies.values(), 'exit-enheden')[0].entryPoints.map((entry) => entry.code)).toEqual(['SOF-EXIT']);
  });

  it('finds the same entry points by their Danish lines, each entry point with one Danish line per English one', () => {
    const found = searchAgencyDirectory(agencies.values(), 'Bolig');
    expect(found.map((agency) => agency.code)).toEqual(['SOF']);
    expect(found[0].entryPoints.map((entry) => entry.code)).toEqual(['SOF-UNGE-18-25']);
    expect(searchAgencyDirectory(agencies.values(), 'løsladelsesmøder')[0].entryPoints[0].handles).toContain('release meetings');
    for (const agency of agencies.values()) for (const entry of agency.entryPoints) expect(entry.handlesDa).toHaveLength(entry.handles.length);
  });

  it('answers nothing when no entry point handles the text', () => {
    expect(searchAgencyDirectory(agencies.values(), 'no such thing at all')).toEqual([]);
  });
});
