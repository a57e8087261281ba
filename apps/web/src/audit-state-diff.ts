import type { AuditCaseState, AuditCustody, CaseStateAt } from './audit-api';
import type { Translate } from './i18n';

/** How the diff names things: agencies and programmes by name, dates as the reader writes them. */
export interface DiffWords {
  t: Translate;
  agency: (code: string) => string;
  programme: (code: string) => string;
  date: (isoDate: string) => string;
}

const keys = <T>(record: Record<string, T> | undefined): string[] => Object.keys(record ?? {});
const list = (codes: readonly string[], words: DiffWords) => codes.map(words.agency).join(', ');

function custodies(state: AuditCaseState): AuditCustody[] {
  return [...(state.pastCustodies ?? []), ...(state.custody ? [state.custody] : [])];
}

/**
 * What changed from one moment's state to another's, in plain sentences: status, level, coordinator,
 * agencies, custody and release, programmes, shares and their acknowledgements, charges, convictions,
 * the action plan and meetings. Only what the two states hold (no personal data: the state has none).
 */
export function describeChanges(before: CaseStateAt, after: CaseStateAt, words: DiffWords): string[] {
  const { t } = words;
  const a = before.state;
  const b = after.state;
  const lines: string[] = [];

  if (a.status !== b.status) {
    if (a.status === 'not-opened') lines.push(t('diff.opened'));
    if (b.status === 'closed') lines.push(t('diff.closed'));
    else if (a.status === 'closed') lines.push(t('diff.reopened'));
  }

  const levelA = before.sspLevel ?? null;
  const levelB = after.sspLevel ?? null;
  if (levelA !== levelB) {
    if (levelA === null) lines.push(t('diff.levelSet', { to: levelB ?? '' }));
    else if (levelB === null) lines.push(t('diff.levelGone', { from: levelA }));
    else lines.push(t('diff.level', { from: levelA, to: levelB }));
  }

  const coordinatorA = a.coordinator ? `${a.coordinator.coordinatorId} (${words.agency(a.coordinator.agency)})` : null;
  const coordinatorB = b.coordinator ? `${b.coordinator.coordinatorId} (${words.agency(b.coordinator.agency)})` : null;
  if (coordinatorA !== coordinatorB) {
    if (coordinatorA === null) lines.push(t('diff.coordinatorSet', { to: coordinatorB ?? '' }));
    else if (coordinatorB === null) lines.push(t('diff.coordinatorGone', { from: coordinatorA }));
    else lines.push(t('diff.coordinator', { from: coordinatorA, to: coordinatorB }));
  }

  for (const agency of keys(b.agencies)) if (!(agency in (a.agencies ?? {}))) lines.push(t('diff.joined', { agency: words.agency(agency) }));
  for (const agency of keys(a.agencies)) if (!(agency in (b.agencies ?? {}))) lines.push(t('diff.left', { agency: words.agency(agency) }));

  const custodyA = new Map(custodies(a).map((custody) => [custody.custodyId, custody]));
  for (const custody of custodies(b)) {
    const earlier = custodyA.get(custody.custodyId);
    if (!earlier) {
      lines.push(t('diff.custody', { kind: t(`auditTime.kind.${custody.kind}`), institution: custody.institution, date: words.date(custody.startedOn) }));
      if (custody.expectedReleaseOn) lines.push(t('diff.releaseSet', { to: words.date(custody.expectedReleaseOn) }));
    } else if (earlier.expectedReleaseOn !== custody.expectedReleaseOn && custody.expectedReleaseOn) {
      lines.push(
        earlier.expectedReleaseOn
          ? t('diff.releaseMoved', { from: words.date(earlier.expectedReleaseOn), to: words.date(custody.expectedReleaseOn) })
          : t('diff.releaseSet', { to: words.date(custody.expectedReleaseOn) }),
      );
    }
    if (custody.releasedOn && !earlier?.releasedOn) lines.push(t('diff.released', { date: words.date(custody.releasedOn) }));
  }

  for (const code of keys(b.enrolments)) if (!(code in (a.enrolments ?? {}))) lines.push(t('diff.enrolled', { programme: words.programme(code) }));
  for (const code of keys(a.enrolments)) if (!(code in (b.enrolments ?? {}))) lines.push(t('diff.unenrolled', { programme: words.programme(code) }));

  for (const [id, entry] of Object.entries(b.entries ?? {})) {
    const earlier = a.entries?.[id];
    if (!earlier) lines.push(t('diff.shared', { from: words.agency(entry.fromAgency), to: list(entry.sharedWith, words) }));
    for (const agency of keys(entry.acknowledgedBy)) {
      if (!earlier || !(agency in (earlier.acknowledgedBy ?? {})))
        lines.push(t('diff.acknowledged', { agency: words.agency(agency), from: words.agency(entry.fromAgency) }));
    }
  }

  for (const [id, charge] of Object.entries(b.charges ?? {})) if (!a.charges?.[id]) lines.push(t('diff.charged', { date: words.date(charge.chargedOn) }));
  for (const [id, conviction] of Object.entries(b.convictions ?? {}))
    if (!a.convictions?.[id]) lines.push(t('diff.convicted', { date: words.date(conviction.convictedOn) }));

  const count = (record: Record<string, unknown> | undefined) => keys(record).length;
  if (count(a.goals) !== count(b.goals)) lines.push(t('diff.goals', { from: count(a.goals), to: count(b.goals) }));
  if (count(a.actions) !== count(b.actions)) lines.push(t('diff.actions', { from: count(a.actions), to: count(b.actions) }));
  if (count(a.requests) !== count(b.requests)) lines.push(t('diff.requests', { from: count(a.requests), to: count(b.requests) }));
  for (const [id, conference] of Object.entries(b.conferences ?? {}))
    if (!a.conferences?.[id]) lines.push(t('diff.conference', { date: words.date(conference.heldOn) }));

  return lines;
}
