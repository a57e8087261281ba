import type { OutcomePredicate } from '../measures/measure-definition';
import { addDays, daysFromTo } from './calendar-months';
import { employmentPeriods, factsOfType, labourMarketStatusOn, selfSufficientOn, type CaseHistory } from './case-history';
import type { CohortMember } from './cohort';

/** Whether a member has the outcome, and for kinds that measure an amount, that amount. */
export interface MemberOutcome {
  readonly hit: boolean;
  readonly value?: number;
}

/** Kinds whose cells also carry the median of the members' values. */
export function predicateHasValue(predicate: OutcomePredicate): boolean {
  return predicate.kind === 'progression-gain' || predicate.kind === 'release-to-jobcentre-days';
}

/**
 * Evaluates one outcome predicate for one member. "After the anchor" means strictly after the
 * anchor day and up to and including the window's last day, so an event on the window's last day
 * counts and the charge or conviction that led to the anchor itself does not.
 */
export function evaluateOutcome(history: CaseHistory, member: CohortMember, predicate: OutcomePredicate): MemberOutcome {
  const { anchorOn, windowEndOn } = member;
  const afterAnchor = (on: string) => on > anchorOn && on <= windowEndOn;
  switch (predicate.kind) {
    case 'self-sufficient-at':
      return { hit: selfSufficientOn(history, windowEndOn) };
    case 'labour-market-status-at':
      return { hit: predicate.statuses.includes(labourMarketStatusOn(history, windowEndOn)) };
    case 'ever-wage-subsidy':
      return {
        hit: employmentPeriods(history).some(
          (p) => predicate.employmentKinds.includes(p.kind as never) && p.startedOn <= windowEndOn && (p.endedOn === undefined || p.endedOn >= anchorOn),
        ),
      };
    case 'progression-gain': {
      const steps = factsOfType(history, 'progression-assessed').filter((f) => f.on <= windowEndOn);
      const before = steps.filter((f) => f.on <= anchorOn);
      const baseline = before.length > 0 ? before[before.length - 1] : steps[0];
      if (baseline === undefined) return { hit: false };
      const gain = steps[steps.length - 1].detail.step - baseline.detail.step;
      return { hit: gain >= 1, value: gain };
    }
    case 'recidivism-charge':
      return { hit: factsOfType(history, 'charged').some((f) => afterAnchor(f.on)) };
    case 'recidivism-conviction':
      return { hit: factsOfType(history, 'convicted').some((f) => afterAnchor(f.on)) };
    case 'recidivism-dangerous':
      return { hit: factsOfType(history, 'convicted').some((f) => f.detail.dangerousToPersons && afterAnchor(f.on)) };
    case 'release-to-jobcentre-days': {
      const contact = history.facts.find(
        (f) =>
          f.on >= anchorOn &&
          f.on <= windowEndOn &&
          f.detail.type !== 'released' &&
          (f.agency === predicate.contactAgency || (f.detail.type === 'conference-held' && f.detail.agenciesPresent.includes(predicate.contactAgency))),
      );
      return contact === undefined ? { hit: false } : { hit: true, value: daysFromTo(anchorOn, contact.on) };
    }
    case 'information-delay': {
      const acknowledged = new Map<string, number>();
      for (const f of factsOfType(history, 'information-acknowledged')) {
        const key = `${f.detail.entryId}\u0000${f.detail.receiver}`;
        const at = Date.parse(f.detail.at);
        acknowledged.set(key, Math.min(at, acknowledged.get(key) ?? at));
      }
      const limitMs = predicate.thresholdDays * 86_400_000;
      const delayed = factsOfType(history, 'information-shared').some(
        (f) =>
          f.on >= anchorOn &&
          f.on <= windowEndOn &&
          f.detail.sharedWith.some((receiver) => {
            const at = acknowledged.get(`${f.detail.entryId}\u0000${receiver}`);
            return at === undefined || at - Date.parse(f.detail.at) > limitMs;
          }),
      );
      return { hit: delayed };
    }
    case 'programme-completed': {
      // Inside the window from the anchor day on: the programme left as completed, or a release
      // with a case conference from `handoverLeadDays` before it through `handoverFollowDays` after
      // it (the hand-over meeting with the local exit unit, as in road map EXIT_RELEASE_HANDOVER).
      const inWindow = (on: string) => on >= anchorOn && on <= windowEndOn;
      const completed = factsOfType(history, 'exited').some(
        (f) => f.detail.programmeCode === predicate.programmeCode && f.detail.exitReason === 'completed' && inWindow(f.on),
      );
      if (completed) return { hit: true };
      const conferences = factsOfType(history, 'conference-held')
        .map((f) => f.on)
        .filter(inWindow);
      const handedOver = factsOfType(history, 'released')
        .filter((f) => inWindow(f.on))
        .some((release) =>
          conferences.some((on) => on >= addDays(release.on, -predicate.handoverLeadDays) && on <= addDays(release.on, predicate.handoverFollowDays)),
        );
      return { hit: handedOver };
    }
    case 'plan-action-added':
      return {
        hit: factsOfType(history, 'action-added').some((f) => f.detail.responsibleAgency === predicate.agency && f.on >= anchorOn && f.on <= windowEndOn),
      };
    case 'employment-started':
      return {
        hit: employmentPeriods(history).some(
          (p) => predicate.employmentKinds.includes(p.kind as never) && p.startedOn >= anchorOn && p.startedOn <= windowEndOn,
        ),
      };
    case 'staff-knowledge-gain':
    case 'area-safety-index':
      throw new Error(`measure kind ${predicate.kind} counts ${predicate.kind === 'area-safety-index' ? 'areas' : 'staff units'}, not people`);
  }
}
