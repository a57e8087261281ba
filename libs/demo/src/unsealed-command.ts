/**
 * A case command before its personal text is sealed. The scenario is pure and has no keys, so it
 * writes personal text as plain strings; the seeder seals them with the citizen's key for the acting
 * agency, exactly where the HTTP layer would. The types below are derived from `CaseCommand`, so a
 * new sealed field in a command fails to compile here until `sealCommand` seals it.
 */
import type { CaseCommand, Sealed } from '@samvirke/case';

type Unsealed<T> = T extends Sealed
  ? string
  : T extends readonly (infer Item)[]
    ? readonly Unsealed<Item>[]
    : T extends object
      ? { readonly [K in keyof T]: Unsealed<T[K]> }
      : T;

/**
 * OpenCase leaves out the citizen's id (the CPR lookup gives it, libs/privacy citizen-case-lookup.ts) and
 * the sealed birth date and district, which `sealCommand` seals from the clear ones.
 */
type UnsealedOf<C extends CaseCommand> = C extends { type: 'OpenCase' }
  ? { readonly type: 'OpenCase'; readonly data: Omit<Unsealed<C['data']>, 'citizenId' | 'sealedBirthDate' | 'sealedDistrictCode'> }
  : { readonly type: C['type']; readonly data: Unsealed<C['data']> };

export type UnsealedCommand = UnsealedOf<CaseCommand>;

export interface CitizenIdentity {
  readonly citizenId: string;
}

/** Every personal text of the command, in the order `sealCommand` asks for them. */
export function personalTexts(command: UnsealedCommand): string[] {
  const texts: string[] = [];
  sealCommand(command, { citizenId: '' }, (text) => {
    texts.push(text);
    return { sealed: '' };
  });
  return texts;
}

/** The command with each personal text replaced by `seal(text)`; synchronous so it can run inside a pure fold. */
export function sealCommand(command: UnsealedCommand, identity: CitizenIdentity, seal: (text: string) => Sealed): CaseCommand {
  switch (command.type) {
    case 'OpenCase': {
      const { name, cpr, reason, ...rest } = command.data;
      return {
        type: 'OpenCase',
        data: {
          ...rest,
          ...identity,
          name: seal(name),
          cpr: seal(cpr),
          sealedBirthDate: seal(rest.birthDate),
          sealedDistrictCode: seal(rest.districtCode),
          reason: seal(reason),
        },
      };
    }
    case 'CloseCase': {
      const { note, ...rest } = command.data;
      return { type: 'CloseCase', data: { ...rest, ...(note === undefined ? {} : { note: seal(note) }) } };
    }
    case 'ReopenCase':
      return { type: 'ReopenCase', data: { reason: seal(command.data.reason) } };
    case 'AssessSspCategory':
      return { type: 'AssessSspCategory', data: { ...command.data, rationale: seal(command.data.rationale) } };
    case 'ShareInformation':
      return { type: 'ShareInformation', data: { ...command.data, summary: seal(command.data.summary) } };
    case 'RequestInformation':
      return { type: 'RequestInformation', data: { ...command.data, question: seal(command.data.question) } };
    case 'AnswerInformationRequest':
      return { type: 'AnswerInformationRequest', data: { ...command.data, answer: seal(command.data.answer) } };
    case 'DeclineInformationRequest': {
      const { note, ...rest } = command.data;
      return { type: 'DeclineInformationRequest', data: { ...rest, ...(note === undefined ? {} : { note: seal(note) }) } };
    }
    case 'SetGoal':
      return { type: 'SetGoal', data: { ...command.data, description: seal(command.data.description) } };
    case 'AddAction':
      return { type: 'AddAction', data: { ...command.data, title: seal(command.data.title) } };
    case 'CancelAction':
      return { type: 'CancelAction', data: { ...command.data, reason: seal(command.data.reason) } };
    case 'RecordCaseConference':
      return {
        type: 'RecordCaseConference',
        data: {
          ...command.data,
          decisions: command.data.decisions.map(({ text, createsAction, ...decision }) => ({
            ...decision,
            text: seal(text),
            ...(createsAction === undefined ? {} : { createsAction: { ...createsAction, title: seal(createsAction.title) } }),
          })),
        },
      };
    case 'RecordConviction':
      return { type: 'RecordConviction', data: { ...command.data, sentence: seal(command.data.sentence) } };
    case 'AssessProgression': {
      const { note, ...rest } = command.data;
      return { type: 'AssessProgression', data: { ...rest, ...(note === undefined ? {} : { note: seal(note) }) } };
    }
    case 'PlaceLegalHold':
      return { type: 'PlaceLegalHold', data: { ...command.data, reason: seal(command.data.reason) } };
    default:
      // The remaining commands carry no personal text: their unsealed and sealed shapes are the same.
      return command;
  }
}
