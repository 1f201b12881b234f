import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  SCORECARD_ROLLUP_DIMENSIONS,
  ScorecardFilter,
  ScorecardRollupDimension,
} from '@reliability-suite/plugin-reliability-common';
import {
  SCORECARD_QUERY_PARAMS,
  ScorecardQuery,
  parseScorecardQuery,
  scorecardQueryParams,
  withoutEmpty,
} from '../../api/scorecardParams';

const SCORECARD_TABS = ['scorecard', 'trends', 'weekly', 'reviews'] as const;
export type ScorecardTabId = (typeof SCORECARD_TABS)[number];

/** Days of history the Trends tab offers; the first of them is the backend's default. */
export const TREND_DAYS = [56, 28, 91, 182, 364];

/** Everything on the scorecard page that a link can carry. */
export interface ScorecardView {
  query: ScorecardQuery;
  tab: ScorecardTabId;
  /** Dimension of the rollup table. */
  by: ScorecardRollupDimension;
  /** Days of history on the Trends tab. */
  days: number;
  /** ISO week of the weekly review; this week without one. */
  week?: string;
}

const DEFAULT_TAB: ScorecardTabId = 'scorecard';
const DEFAULT_BY: ScorecardRollupDimension = 'owner';

/**
 * The view a URL's query string describes; unknown or invalid values (a tier not among
 * `tierLevels`) fall back to defaults.
 */
function parseScorecardView(
  params: URLSearchParams,
  tierLevels: ReadonlyArray<number>,
): ScorecardView {
  const tab = SCORECARD_TABS.find(t => t === params.get('tab'));
  const by = SCORECARD_ROLLUP_DIMENSIONS.find(d => d === params.get('by'));
  const days = TREND_DAYS.find(d => String(d) === params.get('days'));
  const week = params.get('week');
  return {
    query: parseScorecardQuery(params, tierLevels),
    tab: tab ?? DEFAULT_TAB,
    by: by ?? DEFAULT_BY,
    days: days ?? TREND_DAYS[0],
    week: week && /^\d{4}-W\d{2}$/.test(week) ? week : undefined,
  };
}

type Options = { replace?: boolean };

/**
 * The scorecard page's state, kept in the URL's query string so that a link (or a reload) opens
 * the same view, and Back undoes a change. `tierLevels`: the configured tiers' levels.
 */
export function useScorecardView(tierLevels: ReadonlyArray<number>) {
  const [params, setParams] = useSearchParams();
  const view = useMemo(
    () => parseScorecardView(params, tierLevels),
    [params, tierLevels],
  );

  const update = useCallback(
    (change: (next: URLSearchParams) => void, options?: Options) =>
      setParams(previous => {
        const next = new URLSearchParams(previous);
        change(next);
        return next;
      }, options),
    [setParams],
  );

  const setValue = useCallback(
    (name: string, value: string | undefined, fallback?: string) =>
      update(next => {
        if (value === undefined || value === fallback) next.delete(name);
        else next.set(name, value);
      }),
    [update],
  );

  const setQuery = useCallback(
    (query: ScorecardQuery, options?: Options) =>
      update(next => {
        SCORECARD_QUERY_PARAMS.forEach(name => next.delete(name));
        scorecardQueryParams(query).forEach((value, name) =>
          next.set(name, value),
        );
      }, options),
    [update],
  );

  return {
    view,
    setQuery,
    /** New filters start again at the first page. */
    setFilter: (filter: ScorecardFilter, options?: Options) =>
      setQuery(
        { ...view.query, filter: withoutEmpty(filter), page: 1 },
        options,
      ),
    setTab: (tab: ScorecardTabId) => setValue('tab', tab, DEFAULT_TAB),
    setBy: (by: ScorecardRollupDimension) => setValue('by', by, DEFAULT_BY),
    setDays: (days: number) =>
      setValue('days', String(days), String(TREND_DAYS[0])),
    setWeek: (week: string | undefined) => setValue('week', week),
  };
}

export type ScorecardViewControls = ReturnType<typeof useScorecardView>;
