import {
  BUDGET_STATUSES,
  DEFAULT_TIER_LEVELS,
  PROFILE_REQUIREMENTS,
  PolicyState,
  ProfileRequirement,
  SCORECARD_KINDS,
  SCORECARD_SORT_FIELDS,
  ScorecardFilter,
  ScorecardSortField,
} from '@reliability-suite/plugin-reliability-common';

export type ScorecardOrder = 'asc' | 'desc';

/** A view of the scorecard: filters, sort and page, as the backend's `GET scorecard` takes them. */
export interface ScorecardQuery {
  filter: ScorecardFilter;
  sort: ScorecardSortField;
  order: ScorecardOrder;
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** What the backend assumes when a parameter is left out. */
export const SCORECARD_DEFAULTS: Omit<ScorecardQuery, 'filter'> = {
  sort: 'tier',
  order: 'asc',
  page: 1,
  pageSize: 50,
};

const MAX_PAGE_SIZE = 500;

const POLICY_STATES: ReadonlyArray<PolicyState> = [
  'green',
  'yellow',
  'red',
  'nodata',
];

/** List filters and their query parameters; lists are written comma-separated. */
const LIST_PARAMS = [
  ['kinds', 'kind'],
  ['types', 'type'],
  ['tiers', 'tier'],
  ['owners', 'owner'],
  ['systems', 'system'],
  ['domains', 'domain'],
  ['lifecycles', 'lifecycle'],
  ['policyStates', 'policyState'],
  ['budgetStatuses', 'budgetStatus'],
] as const;

/** Query parameters that hold the scorecard's query; anything else in a URL is left alone. */
export const SCORECARD_QUERY_PARAMS: ReadonlyArray<string> = [
  ...LIST_PARAMS.map(([, param]) => param),
  'missing',
  'q',
  'stale',
  'alerts',
  'sort',
  'order',
  'page',
  'pageSize',
];

/**
 * The filters as query parameters (`tier=0,1&owner=group:default/payments&q=pay&stale=true`);
 * empty filters are left out.
 */
export function scorecardFilterParams(
  filter: ScorecardFilter,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, param] of LIST_PARAMS) {
    const values = filter[key];
    if (values?.length) params.set(param, values.join(','));
  }
  if (filter.missing) params.set('missing', filter.missing);
  const search = filter.search?.trim();
  if (search) params.set('q', search);
  if (filter.stale !== undefined) params.set('stale', String(filter.stale));
  if (filter.alertsNotDeployed !== undefined)
    params.set(
      'alerts',
      filter.alertsNotDeployed ? 'not-deployed' : 'deployed',
    );
  return params;
}

/**
 * The query as query parameters, for the backend and for the page's URL alike. Sort, order, page
 * and page size are left out when they are the backend's defaults, so URLs stay short.
 */
export function scorecardQueryParams(query: ScorecardQuery): URLSearchParams {
  const params = scorecardFilterParams(query.filter);
  if (query.sort !== SCORECARD_DEFAULTS.sort) params.set('sort', query.sort);
  if (query.order !== SCORECARD_DEFAULTS.order) {
    params.set('order', query.order);
  }
  if (query.page !== SCORECARD_DEFAULTS.page) {
    params.set('page', String(query.page));
  }
  if (query.pageSize !== SCORECARD_DEFAULTS.pageSize) {
    params.set('pageSize', String(query.pageSize));
  }
  return params;
}

/**
 * The query a URL's parameters describe: the inverse of `scorecardQueryParams`. Values the backend
 * would refuse (a tier that is not among `tierLevels`, the configured ones; `sort=colour`,
 * `page=0`) are dropped rather than sent, so a hand-edited link still opens.
 */
export function parseScorecardQuery(
  params: URLSearchParams,
  tierLevels: ReadonlyArray<number> = DEFAULT_TIER_LEVELS,
): ScorecardQuery {
  const list = (param: string) =>
    params
      .getAll(param)
      .flatMap(value => value.split(','))
      .map(value => value.trim())
      .filter(Boolean);
  const oneOf = <T extends string>(
    values: ReadonlyArray<T>,
    value: string | null,
  ): T | undefined => values.find(v => v === value);
  const lowerCase = (values: string[]) =>
    values.map(value => value.toLocaleLowerCase('en-US'));
  const filter: ScorecardFilter = {
    kinds: unique(
      lowerCase(list('kind')).filter(kind => SCORECARD_KINDS.includes(kind)),
    ),
    types: unique(lowerCase(list('type')).filter(type => type.length <= 64)),
    tiers: unique(
      list('tier')
        .filter(value => /^\d+$/.test(value))
        .map(Number)
        .filter(level => tierLevels.includes(level)),
    ),
    owners: unique(list('owner')),
    systems: unique(list('system')),
    domains: unique(list('domain')),
    lifecycles: unique(list('lifecycle')),
    policyStates: unique(
      list('policyState').flatMap(v => oneOf(POLICY_STATES, v) ?? []),
    ),
    budgetStatuses: unique(
      list('budgetStatus').flatMap(v => oneOf(BUDGET_STATUSES, v) ?? []),
    ),
    missing: oneOf<ProfileRequirement>(
      PROFILE_REQUIREMENTS,
      params.get('missing'),
    ),
    search: params.get('q')?.trim() || undefined,
    stale: booleanParam(params.get('stale')),
    alertsNotDeployed:
      { 'not-deployed': true, deployed: false }[params.get('alerts') ?? ''] ??
      undefined,
  };
  return {
    filter: withoutEmpty(filter),
    sort:
      oneOf(SCORECARD_SORT_FIELDS, params.get('sort')) ??
      SCORECARD_DEFAULTS.sort,
    order:
      oneOf(['asc', 'desc'] as const, params.get('order')) ??
      SCORECARD_DEFAULTS.order,
    page: wholeNumber(params.get('page'), 1, Infinity) ?? 1,
    pageSize:
      wholeNumber(params.get('pageSize'), 1, MAX_PAGE_SIZE) ??
      SCORECARD_DEFAULTS.pageSize,
  };
}

/**
 * The filter without its empty lists and blank values, so equal filters compare equal (`stale`
 * is kept whether true or false).
 */
export function withoutEmpty(filter: ScorecardFilter): ScorecardFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => {
      if (Array.isArray(value)) return value.length > 0;
      return typeof value === 'boolean' || Boolean(value);
    }),
  );
}

/** `true` or `false`; anything else is left out. */
function booleanParam(value: string | null): boolean | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function wholeNumber(
  value: string | null,
  min: number,
  max: number,
): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number >= min && number <= max ? number : undefined;
}
