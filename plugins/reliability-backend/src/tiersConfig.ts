import { Config } from '@backstage/config';
import {
  DEFAULT_TIERS,
  PROFILE_REQUIREMENTS,
  ProfileRequirement,
  TierDefinition,
} from '@reliability-suite/plugin-reliability-common';

/** Highest level a tier may have: an annotation names it in at most four digits. */
const MAX_LEVEL = 9999;

/**
 * The tiers of `reliability.tiers`, or the defaults (Tier 0 to Tier 3) when none are configured.
 * A tier without `critical` is critical at levels 0 and 1, as the defaults are. Mistakes stop the
 * start-up with the setting and the reason.
 */
export function readTiers(config: Config): ReadonlyArray<TierDefinition> {
  const configured = config.getOptionalConfigArray('reliability.tiers');
  if (!configured) return DEFAULT_TIERS;
  if (configured.length === 0)
    throw new Error('reliability.tiers must list at least one tier');
  const tiers = configured.map((tier, index) =>
    readTier(tier, `reliability.tiers[${index}]`),
  );
  tiers.forEach((tier, index) => {
    const first = tiers.findIndex(t => t.level === tier.level);
    if (first !== index)
      throw new Error(
        `reliability.tiers[${index}].level ${tier.level} is also the level of reliability.tiers[${first}]`,
      );
  });
  return tiers;
}

function readTier(tier: Config, key: string): TierDefinition {
  const level = tier.getNumber('level');
  if (!Number.isInteger(level) || level < 0 || level > MAX_LEVEL)
    throw new Error(
      `${key}.level must be a whole number from 0 to ${MAX_LEVEL}, got ${level}`,
    );
  const name = tier.getString('name').trim();
  if (!name) throw new Error(`${key}.name must not be empty`);
  const requirements = tier.getStringArray('requirements');
  const unknown = requirements.find(
    r => !PROFILE_REQUIREMENTS.includes(r as ProfileRequirement),
  );
  if (unknown !== undefined)
    throw new Error(
      `${key}.requirements must be among ${PROFILE_REQUIREMENTS.join(
        ', ',
      )}, got "${unknown}"`,
    );
  const runbookReviewDays = tier.getOptionalNumber('runbookReviewDays');
  if (
    runbookReviewDays !== undefined &&
    (!Number.isInteger(runbookReviewDays) || runbookReviewDays < 1)
  )
    throw new Error(
      `${key}.runbookReviewDays must be a whole number of days, at least 1, got ${runbookReviewDays}`,
    );
  if (requirements.includes('runbooksReviewed') && !runbookReviewDays)
    throw new Error(
      `${key}.runbookReviewDays must be set when ${key}.requirements lists runbooksReviewed`,
    );
  return {
    level,
    name,
    description: tier.getString('description'),
    critical: tier.getOptionalBoolean('critical') ?? level <= 1,
    requirements: requirements as ProfileRequirement[],
    defaultSloTarget: tier.getNumber('defaultSloTarget'),
    dr: {
      maxRtoMinutes: tier.getOptionalNumber('dr.maxRtoMinutes'),
      maxRpoMinutes: tier.getOptionalNumber('dr.maxRpoMinutes'),
      testIntervalDays: tier.getOptionalNumber('dr.testIntervalDays'),
    },
    runbookReviewDays,
  };
}
