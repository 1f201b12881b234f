export interface Config {
  /** Reliability Suite settings. */
  reliability?: {
    /**
     * Service tiers, replacing the defaults (Tier 0 to Tier 3) when set. Each tier lists what an
     * entity of that tier must have. The configured tiers are the only ones: the tier annotation,
     * the scorecard's tier filter (`?tier=`, answered 400 for another level), its labels and the
     * CSV export follow them, and `GET /api/reliability/tiers` serves them to the frontend.
     */
    tiers?: Array<{
      /**
       * Tier level as entities name it in `reliability-suite.io/tier` (`2`, `tier-2`, `Tier 2`):
       * a whole number from 0 (most critical) upwards, at most 9999, each level once.
       */
      level: number;
      /** Display name, e.g. `Tier 1`: the tier's label on badges, filters, rollups and exports. */
      name: string;
      /** What the tier means, shown next to the badge. */
      description: string;
      /**
       * Whether the tier is critical: the scorecard's critical figures ("… services with SLOs",
       * "… with on-call", in the coverage summary, the rollups and the trends) count the entities
       * of the critical tiers. Default: true for levels 0 and 1, false above (the default tiers'
       * Tier 0 and Tier 1).
       */
      critical?: boolean;
      /**
       * Profile items required of this tier: any of `owner`, `onCall`, `slos`, `runbooks`,
       * `runbooksReviewed` (needs `runbookReviewDays`), `dashboards`, `drTargets`, `drTested`.
       */
      requirements: Array<
        | 'owner'
        | 'onCall'
        | 'slos'
        | 'runbooks'
        | 'runbooksReviewed'
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
      /**
       * Each runbook must have been reviewed within this many days (a whole number, at least 1),
       * by the date in `reliability-suite.io/runbook-reviewed`; an older or undated runbook is
       * reported by the `runbooksReviewed` requirement, which needs this setting. Unset: runbooks
       * are not reviewed on a schedule. Defaults of the default tiers: Tier 0 90, Tier 1 180,
       * Tier 2 365, Tier 3 unset.
       */
      runbookReviewDays?: number;
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
    /**
     * Prometheus-compatible HTTP APIs (Prometheus, Thanos, Mimir, VictoriaMetrics) that SLIs are
     * measured from. An OpenSLO `metricSourceRef` names one of them; SLIs without one use the first.
     */
    metricSources?: Array<{
      /** Name, as OpenSLO DataSources and `metricSourceRef` use it, e.g. `prometheus-main`. */
      name: string;
      /** Base URL of the API, without `/api/v1`, e.g. `http://prometheus:9090`. */
      url: string;
      /**
       * Bearer token sent as `Authorization`; use `${ENV_VAR}` substitution to keep it out of files.
       * @visibility secret
       */
      token?: string;
      /**
       * Extra HTTP headers, e.g. `X-Scope-OrgID` for Mimir tenants.
       * @visibility secret
       */
      headers?: { [name: string]: string };
      /** Seconds before a query is abandoned (HTTP and PromQL timeout). Default 30. */
      timeoutSeconds?: number;
      /**
       * Most queries sent to this source at once; the others wait. Prometheus runs 20 at once by
       * default (`--query.max-concurrency`). Default 8.
       */
      maxConcurrentQueries?: number;
      /**
       * Most instant queries sent as one: queries asked at the same moment (the aggregated
       * counts of a wave's windows, counts that cannot be aggregated) are joined with `or`, each
       * tagged by `label_replace`. 1 sends every SLO's every count alone, as
       * `sum(increase(SELECTOR[range]))`, without aggregation. Default 50.
       */
      batchSize?: number;
      /**
       * This source evaluates the suite's exported recording rules (`yarn reliability rules`,
       * `GET /rules`; on Prometheus or a ruler such as Thanos' or Mimir's). The window counts and
       * burn-rate ratios of Occurrences SLOs are then read from the records, one query per
       * record name for a whole wave instead of counting raw series; the burn-down still counts
       * raw series. An SLO whose records are absent, or whose `slo:objective:ratio` record has
       * another target or window than its definition (rules not redeployed yet), is measured
       * directly. Default false.
       */
      recordingRules?: boolean;
    }>;
    /** The scheduled evaluation of every SLO against its metric source. */
    evaluation?: {
      /**
       * SLOs measured at once (a wave). They share one query time, so the event counts of
       * SLOs whose selectors differ only in `=` matcher values (`service="a"`, `service="b"`)
       * go to their source as one aggregated query per window, and due SLOs are taken in the
       * order of what they select, so that a wave holds neighbours. `maxConcurrentQueries` still
       * bounds what is sent. Default 1000.
       */
      concurrency?: number;
      /**
       * How often each SLO is evaluated, in minutes: the pipeline's cycle evaluates the SLOs
       * whose last attempt is at least this old (less 10 %, for the jitter of cycle starts),
       * never attempted and oldest first, so none is evaluated twice in one interval and a cycle
       * cut short resumes where it matters most. "Evaluate now" is not limited. Default 5.
       */
      intervalMinutes?: number;
      /**
       * Scrape interval of the measured metrics, in seconds. `increase()` needs two samples, so
       * ranges are at least twice this. Definitions are checked against it where they are parsed
       * (the catalog module, the definitions sync): a time slice of a ratio SLI must be at least
       * twice this, a threshold SLI's at least this. Default 60.
       */
      scrapeIntervalSeconds?: number;
    };
    /**
     * Error-budget policies by name. `default` applies unless a tier (errorBudgetPolicyByTier) or
     * an entity (annotation `reliability-suite.io/error-budget-policy`) names another. Unset fields
     * keep the defaults: green ≥ 50 % remaining (2 deploys/day), yellow ≥ 10 % (1 deploy/day,
     * staging validation), red below (feature freeze); warning at 25 %, critical at 10 %.
     */
    errorBudgetPolicies?: {
      [name: string]: {
        /**
         * Remaining budget (fraction) at or below which the budget counts as at warning level;
         * reported with the policy (`GET /slos/...` → `policy`), nothing is notified.
         */
        warningAt?: number;
        /** Remaining budget (fraction) at or below which the budget counts as critical; reported, not notified. */
        criticalAt?: number;
        /** The green state: normal development. */
        green?: PolicyLevelConfig;
        /** The yellow state: caution. */
        yellow?: PolicyLevelConfig;
        /** The red state: feature freeze. */
        red?: PolicyLevelConfig;
      };
    };
    /** Which named error-budget policy each tier uses, e.g. `{ "0": strict }`. */
    errorBudgetPolicyByTier?: { [tier: string]: string };
    /** How the deploy gate answers when it cannot measure an SLO. */
    deployGate?: {
      /**
       * An SLO whose definition is invalid, or whose file cannot be read (unreachable, outside
       * the entity's folder, not YAML): `refuse` (default) or `allow` with a warning. A stored
       * definition is never used to answer while its file cannot be read.
       */
      onDefinitionProblem?: 'allow' | 'refuse';
      /**
       * An SLO whose metric source failed at the last evaluation, whose window had no traffic,
       * or that was not evaluated yet: `allow` (default, with a warning in the answer) or
       * `refuse`.
       */
      onUnmeasurable?: 'allow' | 'refuse';
      /** `onUnmeasurable` per tier level, e.g. `{ '0': refuse }`; other tiers use the default. */
      onUnmeasurableByTier?: { [tier: string]: 'allow' | 'refuse' };
    };
    /** The launch readiness checklist and reviews. */
    readiness?: {
      /**
       * The four-eyes rule of launch reviews: the approver may not be the person who opened the
       * review, nor anyone whose attestation of one of the entity's items is in force (the latest
       * unexpired attestation of a manual item). Such an approval is answered `409` with the
       * reason; another reviewer must approve. Blocking a review stays open to them. Default
       * true; false lets one person open, attest and approve.
       */
      fourEyes?: boolean;
      /**
       * Whether members of the reviewers group (`reliability.permissions.reviewersGroup`, default
       * group:default/sre) may decide any launch review. Default false: only the reviewers named
       * on a review (a named user, or a member of a named group) approve or block it; anyone else
       * is answered 403.
       */
      reviewersGroupDecides?: boolean;
      /**
       * Items added to the default checklist, or replacing a default item with the same `id`
       * (defaults: ownership, on-call, slos-defined, slos-measurable, dashboards, alerts,
       * runbooks, dr-posture, dependency-tiers, capacity, rollback, security-review).
       */
      items?: Array<{
        /** Stable id, referenced by attestations, waivers and the audit trail. */
        id: string;
        /** What the checklist shows. */
        title: string;
        /** One line on what satisfies the item. */
        description?: string;
        /**
         * `automatic`: decided by a check (built in, or added through
         * `readinessChecksExtensionPoint` under the same id); `manual`: attested with evidence.
         */
        kind: 'automatic' | 'manual';
        /** Tier levels for which the item is required; other tiers see it as optional. */
        requiredForTiers?: number[];
      }>;
    };
    /** The org scorecard. */
    scorecard?: {
      /**
       * Days before today whose missing daily snapshots (trends, weekly review) are measured
       * afterwards, once, by the pipeline's backfill stage: every SLO evaluated at the end of each
       * such day against its metric source, which must still hold that data (Prometheus
       * retention). Fills the history after installation and days the backend did not run. Only
       * from a complete basis (the catalog loaded and its definitions read in full); a day whose
       * snapshot was recorded from an incomplete basis, or before bases were recorded, is
       * measured again. Costs one evaluation of every SLO per missing day. Default 0 (off).
       */
      backfillDays?: number;
    };
    /** The scheduled reading of every entity's SLO files into the store. */
    definitions?: {
      /**
       * How often every entity's definitions are read again, in minutes: the pipeline's sync
       * stage runs in the first cycle at least this long (less 10 %) after the last complete
       * sync, and at once when the catalog has finished loading. The pipeline's task runs every
       * min(this, `evaluation.intervalMinutes`). Default 5.
       */
      refreshIntervalMinutes?: number;
      /** How many entities are read at once. Default 4. */
      concurrency?: number;
      /**
       * Seconds a definition file's version is used before it is revalidated (an ETag request
       * for SCM files, a stat for local ones). The catalog module and the definitions sync share
       * these reads: a file holding 1,000 entities is fetched and parsed once, and an unchanged
       * file is never fetched again. Default 60.
       */
      cacheFreshSeconds?: number;
    };
    /**
     * The pipeline: one global scheduled task (`reliability-definitions-sync`; one replica runs
     * each cycle) whose cycle runs sync → evaluate → project → backfill, each stage once and only
     * what is due. Every stage stops at the task's timeout or at shutdown, leaving the store
     * consistent; the next cycle resumes with the oldest evaluations.
     */
    pipeline?: {
      /**
       * Minutes after which a cycle is stopped (the scheduler's timeout). With several replicas
       * it is also how long a replica that died mid-cycle keeps the cycle to itself: another
       * replica takes it over up to a minute after this. Default 10.
       */
      timeoutMinutes?: number;
      /**
       * The first cycle after start-up waits until the catalog has finished its first
       * processing: the Location entity of every `catalog.locations` entry is served (the
       * location has been read) and the number of entities has not changed for
       * `catalogQuietSeconds`. Then it runs at once.
       */
      startup?: {
        /**
         * Longest wait, in minutes. The cycle then runs anyway, its snapshot marked incomplete
         * (not used for history), and another runs as soon as the catalog has loaded. Default 10.
         */
        catalogMaxWaitMinutes?: number;
        /** Seconds the catalog's entity count must stay the same. Default 15. */
        catalogQuietSeconds?: number;
      };
    };
    /** The alert-correctness audit: the rules each metric source has loaded, against the SLOs' definitions. */
    alertAudit?: {
      /**
       * Minutes a source's audit stands before its loaded rules (`GET /api/v1/rules`) are read
       * again; the pipeline's cycle audits a source only when its last audit is older. Rules change
       * with deployments, and at 30,000 SLOs the rule list is about 180 MB. 0 audits every cycle.
       * Default 10.
       */
      intervalMinutes?: number;
    };
    /**
     * Notifications through Backstage's notifications service (`@backstage/plugin-notifications-backend`
     * must be installed in the backend). Each crossing is sent once: nothing repeats while the
     * state holds, and a recovery is sent once. Slack and email are the notifications plugin's
     * own modules (processors), configured there.
     */
    notifications?: {
      /** Whether the suite sends notifications at all. Default true. */
      enabled?: boolean;
      /** Which events are sent; each is on unless set to false. */
      events?: {
        /**
         * An SLO's remaining budget crossing the policy's warning or critical level, running
         * out, or its error-budget policy state changing (e.g. entering feature freeze), and the
         * recovery; to the entity's owner.
         */
        budget?: boolean;
        /** A page-level burn-rate alert starting to fire for an SLO, and its end; to the owner. */
        fastBurn?: boolean;
        /** A launch review opened (to its reviewers) and approved or blocked (to the owner). */
        reviews?: boolean;
        /**
         * An attestation or waiver of a readiness item expiring within `expiringWithinDays`;
         * once per attestation or waiver (again only after it is renewed), to the owner.
         */
        expiring?: boolean;
        /**
         * A DR test overdue for the entity's tier (`reliability-suite.io/dr-tested` older than the
         * tier's `dr.testIntervalDays`), and a newer test recorded; to the owner.
         */
        drTests?: boolean;
      };
      /**
       * Attestations and waivers expiring within this many days are announced to the owner (a
       * whole number from 1 to 366). Default 14.
       */
      expiringWithinDays?: number;
      /**
       * Severity of each event in the notifications service: `critical`, `high`, `normal` or
       * `low` (users filter and route by it, e.g. email only for `critical`).
       */
      severity?: {
        /** Remaining budget at or below the warning level, or increased caution (yellow). Default normal. */
        budgetWarning?: 'critical' | 'high' | 'normal' | 'low';
        /** Remaining budget at or below the critical level, or feature freeze (red). Default high. */
        budgetCritical?: 'critical' | 'high' | 'normal' | 'low';
        /** The whole budget of the window spent. Default critical. */
        outOfBudget?: 'critical' | 'high' | 'normal' | 'low';
        /** A fast burn starting. Default high. */
        fastBurn?: 'critical' | 'high' | 'normal' | 'low';
        /** A budget or burn back to a better state. Default low. */
        recovered?: 'critical' | 'high' | 'normal' | 'low';
        /** A launch review opened, to its reviewers. Default normal. */
        reviewOpened?: 'critical' | 'high' | 'normal' | 'low';
        /** A launch review approved or blocked, to the owner. Default normal. */
        reviewDecided?: 'critical' | 'high' | 'normal' | 'low';
        /** An attestation or waiver expiring soon, to the owner. Default normal. */
        expiring?: 'critical' | 'high' | 'normal' | 'low';
        /** A DR test overdue for the tier, to the owner (a newer test: recovered). Default high. */
        drTestOverdue?: 'critical' | 'high' | 'normal' | 'low';
      };
    };
  };
}

/** One state of an error-budget policy. */
interface PolicyLevelConfig {
  /** Lowest remaining budget (fraction, e.g. 0.5) at which the state applies. */
  minRemaining?: number;
  /** Deploys allowed per day. */
  maxDeploysPerDay?: number;
  /** Whether the deploy gate lets ordinary deploys through. */
  deployAllowed?: boolean;
  /** Risk level the deploy gate reports: low, medium or high. */
  riskLevel?: 'low' | 'medium' | 'high';
  /** One-line summary shown with the state. */
  summary?: string;
  /** What the policy prescribes in this state. */
  actions?: string[];
}
