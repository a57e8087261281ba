import { loadReferenceData } from '@samvirke/reference-data';
import { HistoryFileError, parseCsv, parseHistoryFile } from './history-file';

const refData = loadReferenceData();
const open = { name: 'Ada Jensen', birthDate: '1998-03-01', districtCode: 'VALBY-2', reason: 'Historisk sag' };

describe('a history file', () => {
  it('reads JSON rows, OpenCase taking its identity from the row and the agency as referrer', () => {
    const { rows, refused } = parseHistoryFile(JSON.stringify([{ cpr: '010398-1234', agency: 'BIF', command: 'OpenCase', data: open }]), 'json', refData);
    expect(refused).toEqual([]);
    expect(rows).toEqual([
      { at: 'row 1', cpr: '0103981234', agency: 'BIF', command: { type: 'OpenCase', data: { ...open, referredBy: 'BIF', cpr: '0103981234' } } },
    ]);
  });

  it('reads CSV rows with the fields as one JSON object, quoted', () => {
    const csv = 'cpr,agency,command,data,actor\r\n0103981234,BIF,EnrolInProgramme,"{""programmeCode"":""SSP_PLUS"",""startedOn"":""2019-02-01""}",jc-7\r\n';
    const { rows } = parseHistoryFile(csv, 'csv', refData);
    expect(rows).toEqual([
      {
        at: 'line 2',
        cpr: '0103981234',
        agency: 'BIF',
        actor: 'jc-7',
        command: { type: 'EnrolInProgramme', data: { programmeCode: 'SSP_PLUS', startedOn: '2019-02-01' } },
      },
    ]);
  });

  it('refuses each bad row with where it is, the reason and the field, never its values', () => {
    const rows = [
      { cpr: '320198-1234', agency: 'BIF', command: 'OpenCase', data: open },
      { cpr: '0103981234', agency: 'NOWHERE', command: 'OpenCase', data: open },
      { cpr: '0103981234', agency: 'BIF', command: 'EraseCitizenData', data: {} },
      { cpr: '0103981234', agency: 'BIF', command: 'DropTables', data: {} },
      { cpr: '0103981234', agency: 'BIF', command: 'OpenCase', data: { ...open, cprHash: 'f'.repeat(64) } },
      { cpr: '0103981234', agency: 'BIF', command: 'OpenCase', data: { ...open, name: 42 } },
      { cpr: '0103981234', agency: 'BIF', command: 'OpenCase', data: open, secret: 'x' },
    ];
    const { refused } = parseHistoryFile(JSON.stringify({ rows }), 'json', refData);
    expect(refused.map((r) => [r.at, r.reason, r.field])).toEqual([
      ['row 1', 'INVALID_CPR', 'cpr'],
      ['row 2', 'UNKNOWN_AGENCY', 'agency'],
      ['row 3', 'COMMAND_NOT_IMPORTABLE', 'command'],
      ['row 4', 'UNKNOWN_COMMAND', 'command'],
      ['row 5', 'INVALID_DATA', 'data.cprHash'],
      ['row 6', 'INVALID_DATA', 'data'],
      ['row 7', 'INVALID_ROW', undefined],
    ]);
    expect(JSON.stringify(refused)).not.toMatch(/Ada|320198|NOWHERE|DropTables/);
  });

  it('refuses a CSV line whose data is not JSON, or with a field too many', () => {
    const csv = 'cpr,agency,command,data\n0103981234,BIF,EnrolInProgramme,{not json}\n0103981234,BIF,EnrolInProgramme,{},extra\n';
    expect(parseHistoryFile(csv, 'csv', refData).refused.map((r) => [r.at, r.reason])).toEqual([
      ['line 2', 'INVALID_DATA'],
      ['line 3', 'INVALID_ROW'],
    ]);
  });

  it('refuses a whole file that is not a history file', () => {
    expect(() => parseHistoryFile('{"cases": []}', 'json', refData)).toThrow(HistoryFileError);
    expect(() => parseHistoryFile('cpr,agency\n1,2\n', 'csv', refData)).toThrow('command is missing');
    expect(() => parseCsv('a,"b\n')).toThrow('ends inside a quoted field');
  });

  it('numbers CSV records by the line they start on, across quoted line breaks', () => {
    expect(parseCsv('a,b\n"x\ny",z\nlast,1').map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['x\ny', 'z']],
      [4, ['last', '1']],
    ]);
  });
});
