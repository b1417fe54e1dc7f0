/**
 * The tier an office gives (R-D1: chair unit, standing-director units, director units, member units) and when
 * a change of tier takes effect (R-D5: a year's dues follow the tier held on 1 January, so a change applies
 * from the next year).
 */
import type { IsoDate, OfficeRole, Tier } from '../domain/types';
import { startOfYear, yearOf } from './dates';

/** R-D1: the tier an office gives its unit; null for offices that give none (e.g. the secretary-general). */
export function tierForRole(role: OfficeRole): Tier | null {
  if (role === 'chair') return 'chair';
  if (role === 'standing' || role === 'vice-chair') return 'standing';
  if (role === 'director') return 'director';
  return null;
}

const TIER_RANK: Record<Tier, number> = { member: 0, director: 1, standing: 2, chair: 3 };

/**
 * R-D1, R-D5: the tier change an election brings — the higher tier, effective 1 January of the year after
 * the term starts (a tier change applies from the next year). Null when the unit's tier does not rise.
 */
export function tierChangeFor(
  current: Tier,
  role: OfficeRole,
  startOn: IsoDate,
): { tier: Tier; effectiveFrom: IsoDate } | null {
  const tier = tierForRole(role);
  if (!tier || TIER_RANK[tier] <= TIER_RANK[current]) return null;
  return { tier, effectiveFrom: startOfYear(yearOf(startOn) + 1) };
}

/**
 * R-D1, R-D5: the tier a unit falls to when offices end — the highest tier given by the offices it still
 * holds after `on` (`remaining`; none: 会员单位), effective 1 January of the year after `on` (a tier change
 * applies from the next year). Null when the tier does not fall.
 */
export function tierDropFor(
  current: Tier,
  remaining: readonly OfficeRole[],
  on: IsoDate,
): { tier: Tier; effectiveFrom: IsoDate } | null {
  let tier: Tier = 'member';
  for (const role of remaining) {
    const t = tierForRole(role);
    if (t && TIER_RANK[t] > TIER_RANK[tier]) tier = t;
  }
  if (TIER_RANK[tier] >= TIER_RANK[current]) return null;
  return { tier, effectiveFrom: startOfYear(yearOf(on) + 1) };
}
