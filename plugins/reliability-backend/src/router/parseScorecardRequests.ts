import { z } from 'zod';
import {
  BUDGET_STATUSES,
  BudgetStatus,
  PROFILE_REQUIREMENTS,
  SCORECARD_KINDS,
  SCORECARD_ROLLUP_DIMENSIONS,
  SCORECARD_SORT_FIELDS,
  formatTierLevels,
} from '@reliability-suite/plugin-reliability-common';
import { parseWith } from './parseWith';

/** `?tier=0,1` and `?tier=0&tier=1` both give `[0, 1]`. */
function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess(value => {
    if (value === undefined || value === '') return undefined;
    return (Array.isArray(value) ? value : [value])
      .flatMap(v => String(v).split(','))
      .map(v => v.trim())
      .filter(Boolean);
  }, z.array(item).optional());
}

const filterWithoutTier = z.object({
  /** `kind=component,api`: kinds in any case. */
  kind: listOf(
    z.preprocess(
      value =>
        typeof value === 'string' ? value.toLocaleLowerCase('en-US') : value,
      z.enum(SCORECARD_KINDS as [string, ...string[]], {
        error: `must be one of ${SCORECARD_KINDS.join(', ')}`,
      }),
    ),
  ),
  /** `type=service`: `spec.type`s, in any case. */
  type: listOf(z.string().max(64, 'must be at most 64 characters')),
  owner: listOf(z.string().max(255, 'must be at most 255 characters')),
  system: listOf(z.string().max(255, 'must be at most 255 characters')),
  domain: listOf(z.string().max(255, 'must be at most 255 characters')),
  lifecycle: listOf(z.string().max(64, 'must be at most 64 characters')),
  policyState: listOf(
    z.enum(['green', 'yellow', 'red', 'nodata'], {
      error: 'must be green, yellow, red or nodata',
    }),
  ),
  budgetStatus: listOf(
    z.enum(BUDGET_STATUSES as [BudgetStatus, ...BudgetStatus[]], {
      error: `must be one of ${BUDGET_STATUSES.join(', ')}`,
    }),
  ),
  missing: z
    .enum(PROFILE_REQUIREMENTS as [string, ...string[]], {
      error: `must be one of ${PROFILE_REQUIREMENTS.join(', ')}`,
    })
    .optional(),
  q: z.string().max(200, 'must be at most 200 characters').optional(),
  /** `stale=true`: only entities whose figures are stale now; `stale=false`: only current ones. */
  stale: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional(),
  /** `alerts=not-deployed`: only entities whose alerts are missing or out of date; `deployed`: all deployed. */
  alerts: z
    .enum(['not-deployed', 'deployed'], {
      error: 'must be not-deployed or deployed',
    })
    .optional(),
});

/** A level of the configured tiers; another is refused naming them. */
function tierLevel(levels: ReadonlyArray<number>) {
  const message = `must be a configured tier: ${formatTierLevels(levels)}`;
  return z.coerce
    .number({ error: message })
    .refine(level => levels.includes(level), message);
}

/** The filters of every scorecard request, their tiers those configured. */
function filterOf(levels: ReadonlyArray<number>) {
  return filterWithoutTier.extend({ tier: listOf(tierLevel(levels)) });
}

/**
 * The parsers of the scorecard's requests: a problem is a 400 naming the field, e.g.
 * `tier.0 must be a configured tier: 0, 1, 2 or 3`.
 */
export function scorecardRequestParsers(
  tiers: ReadonlyArray<{ level: number }>,
) {
  const filter = filterOf(tiers.map(t => t.level));
  const sorted = filter.extend({
    sort: z
      .enum(SCORECARD_SORT_FIELDS, {
        error: `must be one of ${SCORECARD_SORT_FIELDS.join(', ')}`,
      })
      .default('tier'),
    order: z
      .enum(['asc', 'desc'], { error: 'must be asc or desc' })
      .default('asc'),
  });
  const paged = sorted.extend({
    page: z.coerce.number().int().min(1, 'must be 1 or more').default(1),
    pageSize: z.coerce
      .number()
      .int()
      .min(1, 'must be 1–500')
      .max(500, 'must be 1–500')
      .default(50),
  });
  const exported = sorted.extend({
    format: z
      .enum(['csv', 'json'], { error: 'must be csv or json' })
      .default('csv'),
  });
  const rolledUp = filter.extend({
    by: z.enum(SCORECARD_ROLLUP_DIMENSIONS, {
      error: `must be one of ${SCORECARD_ROLLUP_DIMENSIONS.join(', ')}`,
    }),
  });
  const trends = z.object({
    days: z.coerce
      .number()
      .int()
      .min(1, 'must be 1–400')
      .max(400, 'must be 1–400')
      .default(56),
    owner: filter.shape.owner,
    tier: filter.shape.tier,
  });

  return {
    /** `GET /scorecard`: filters, sort, order, page, pageSize. */
    page(query: unknown) {
      const params = parseWith(paged, query);
      return {
        filter: toFilter(params),
        sort: params.sort,
        order: params.order,
        page: params.page,
        pageSize: params.pageSize,
      };
    },
    /** `GET /scorecard/export`: the view's filters and sort, and the format. */
    export(query: unknown) {
      const params = parseWith(exported, query);
      return {
        filter: toFilter(params),
        sort: params.sort,
        order: params.order,
        format: params.format,
      };
    },
    /** `GET /scorecard/rollups`: the dimension and the filters. */
    rollups(query: unknown) {
      const params = parseWith(rolledUp, query);
      return { by: params.by, filter: toFilter(params) };
    },
    /** `GET /scorecard/trends`: days back (default 8 weeks), owner and tier. */
    trends(query: unknown) {
      const params = parseWith(trends, query);
      return {
        days: params.days,
        filter: { owners: params.owner, tiers: params.tier },
      };
    },
  };
}

type FilterParams = z.infer<ReturnType<typeof filterOf>>;

function toFilter(params: FilterParams) {
  return {
    kinds: params.kind,
    types: params.type?.map(type => type.toLocaleLowerCase('en-US')),
    tiers: params.tier,
    owners: params.owner,
    systems: params.system,
    domains: params.domain,
    lifecycles: params.lifecycle,
    policyStates: params.policyState,
    budgetStatuses: params.budgetStatus,
    missing: params.missing as
      | (typeof PROFILE_REQUIREMENTS)[number]
      | undefined,
    search: params.q?.trim() || undefined,
    stale: params.stale === undefined ? undefined : params.stale === 'true',
    alertsNotDeployed:
      params.alerts === undefined
        ? undefined
        : params.alerts === 'not-deployed',
  };
}

/** `GET /scorecard/weekly`: an ISO week such as 2026-W48 (default: this week). */
export function parseWeeklyReviewQuery(query: unknown) {
  return parseWith(
    z.object({
      week: z
        .string()
        .regex(
          /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/,
          'must be an ISO week such as 2026-W48',
        )
        .optional(),
    }),
    query,
  ).week;
}
