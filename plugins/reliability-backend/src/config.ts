import { Config } from '@backstage/config';
import {
  DEFAULT_TIERS,
  PagingLinkTemplates,
  ProfileRequirement,
  TierDefinition,
} from '@reliability-suite/plugin-reliability-common';

/** The backend's settings, read once at start-up (see config.d.ts). */
export interface ReliabilitySettings {
  tiers: ReadonlyArray<TierDefinition>;
  paging: PagingLinkTemplates;
  refreshIntervalMinutes: number;
  concurrency: number;
}

export function readReliabilitySettings(config: Config): ReliabilitySettings {
  const root = config.getOptionalConfig('reliability');
  const tiers = root?.getOptionalConfigArray('tiers')?.map(
    (tier): TierDefinition => ({
      level: tier.getNumber('level'),
      name: tier.getString('name'),
      description: tier.getString('description'),
      requirements: tier.getStringArray('requirements') as ProfileRequirement[],
      defaultSloTarget: tier.getNumber('defaultSloTarget'),
      dr: {
        maxRtoMinutes: tier.getOptionalNumber('dr.maxRtoMinutes'),
        maxRpoMinutes: tier.getOptionalNumber('dr.maxRpoMinutes'),
        testIntervalDays: tier.getOptionalNumber('dr.testIntervalDays'),
      },
    }),
  );
  return {
    tiers: tiers ?? DEFAULT_TIERS,
    paging: {
      pagerDutyService: root?.getOptionalString('onCall.pagerDutyServiceUrl'),
      opsgenieTeam: root?.getOptionalString('onCall.opsgenieTeamUrl'),
    },
    refreshIntervalMinutes:
      root?.getOptionalNumber('definitions.refreshIntervalMinutes') ?? 5,
    concurrency: root?.getOptionalNumber('definitions.concurrency') ?? 4,
  };
}
