export interface Config {
  /** Reliability Suite settings. */
  reliability?: {
    /**
     * Service tiers, replacing the defaults (Tier 0 to Tier 3) when set. Each tier lists what an
     * entity of that tier must have.
     */
    tiers?: Array<{
      /** Tier level as entities name it in `reliability-suite.io/tier`, 0 (most critical) upwards. */
      level: number;
      /** Display name, e.g. `Tier 1`. */
      name: string;
      /** What the tier means, shown next to the badge. */
      description: string;
      /**
       * Profile items required of this tier: any of `owner`, `onCall`, `slos`, `runbooks`,
       * `dashboards`, `drTargets`, `drTested`.
       */
      requirements: Array<
        | 'owner'
        | 'onCall'
        | 'slos'
        | 'runbooks'
        | 'dashboards'
        | 'drTargets'
        | 'drTested'
      >;
      /** Default SLO target of the tier as a fraction, e.g. 0.999. */
      defaultSloTarget: number;
      /** Disaster-recovery targets of the tier. */
      dr?: {
        /** Longest acceptable RTO, in minutes. */
        maxRtoMinutes?: number;
        /** Longest acceptable RPO, in minutes. */
        maxRpoMinutes?: number;
        /** A DR test must have happened within this many days. */
        testIntervalDays?: number;
      };
    }>;
    /** Links from paging annotations to the paging provider. */
    onCall?: {
      /**
       * URL of a PagerDuty service page; `{id}` is replaced by `pagerduty.com/service-id`.
       * Example: `https://acme.pagerduty.com/service-directory/{id}`.
       */
      pagerDutyServiceUrl?: string;
      /**
       * URL of an Opsgenie team page; `{id}` is replaced by `opsgenie.com/team`.
       * Example: `https://acme.app.opsgenie.com/teams/dashboard/{id}`.
       */
      opsgenieTeamUrl?: string;
    };
    /** The scheduled reading of every entity's SLO files into the store. */
    definitions?: {
      /** Minutes between two reads of all definitions. Default 5. */
      refreshIntervalMinutes?: number;
      /** How many entities are read at once. Default 4. */
      concurrency?: number;
    };
  };
}
