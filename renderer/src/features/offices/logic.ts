/**
 * View logic of the 任职 desk (offices and terms): checks before an election is recorded and the default end
 * of a term, from the charter engine (shared/charter). No rule is re-implemented here.
 */
import type { Member, Office } from '../../../../shared/domain/records';
import type { IsoDate, OfficeRole } from '../../../../shared/domain/types';
import {
  chairEligibility,
  checkStandingSeatCap,
  compareDates,
  isDirectorEligible,
  STANDING_COUNCIL_ROLES,
  termEndOn,
  tierForRole,
  type CharterSettings,
  type OfficeTerm,
} from '../../../../shared/charter';
import { officeTerms } from '../meetings/logic';

export interface ElectionCheck {
  errors: string[];
  warnings: string[];
}

/**
 * Checks an election before it is recorded, from the engine: the cap of 9 standing directors (R-O5),
 * chair eligibility and re-election limit (R-O8, R-O9; R-O5 as a warning), and one year of membership
 * for director units (R-M4).
 */
export function electionCheck(
  input: { role: OfficeRole; memberId?: number | undefined; startOn: IsoDate },
  offices: readonly Office[],
  members: readonly Member[],
  settings: Pick<CharterSettings, 'termYears' | 'chairMaxConsecutiveTerms'>,
): ElectionCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const terms = officeTerms(offices, settings);
  const unitRole = tierForRole(input.role) !== null;
  if (unitRole && input.memberId === undefined) errors.push('请选择任职单位');
  if (input.memberId !== undefined && unitRole) {
    const holderId = input.memberId;
    const member = members.find((m) => m.id === holderId);
    if (member) {
      if (!member.approvedOn) errors.push('该单位尚未成为会员，不能担任理事');
      else if (!isDirectorEligible(member.approvedOn, input.startOn))
        errors.push(`${member.name}入会未满一年，不能成为理事单位（章程第十条、第十九条）`);
      if (member.left && compareDates(member.left.on, input.startOn) <= 0) errors.push('该单位已退会');
    }
    const candidate: OfficeTerm = { holderId, role: input.role, startOn: input.startOn };
    if (STANDING_COUNCIL_ROLES.includes(input.role)) {
      const cap = checkStandingSeatCap(terms, candidate, settings);
      if (!cap.ok && cap.message) errors.push(cap.message);
    }
    if (input.role === 'chair') {
      const c = chairEligibility(terms, holderId, input.startOn, settings);
      errors.push(...c.reasons);
      warnings.push(...c.warnings);
    }
  }
  return { errors, warnings };
}

/** Default end of a term (R-O3, R-O9) from the engine. */
export function defaultTermEnd(startOn: IsoDate, termYears: number): IsoDate {
  return termEndOn(startOn, termYears);
}
