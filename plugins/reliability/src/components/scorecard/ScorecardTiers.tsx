import { ReactNode, createContext, useContext, useMemo } from 'react';
import {
  DEFAULT_TIERS,
  TierDefinition,
} from '@reliability-suite/plugin-reliability-common';
import { criticalTiersLabel, tierLabel } from './labels';

/** The configured tiers as the scorecard shows them. */
export interface ScorecardTiers {
  tiers: ReadonlyArray<TierDefinition>;
  /** Levels lowest first: the tier filter's options. */
  levels: number[];
  /** `Platinum`; `Tier 7` for a level that is not configured; a dash without a tier. */
  label: (level: number | undefined) => string;
  /** `Tier 0/Tier 1`: the critical tiers, as the critical figures are labelled. */
  critical: string;
}

function scorecardTiers(tiers: ReadonlyArray<TierDefinition>): ScorecardTiers {
  const sorted = [...tiers].sort((a, b) => a.level - b.level);
  return {
    tiers: sorted,
    levels: sorted.map(t => t.level),
    label: level => tierLabel(sorted, level),
    critical: criticalTiersLabel(sorted),
  };
}

const TiersContext = createContext<ScorecardTiers>(
  scorecardTiers(DEFAULT_TIERS),
);

/** Gives the scorecard's components the configured tiers (the default tiers without it). */
export function ScorecardTiersProvider({
  tiers,
  children,
}: {
  tiers: ReadonlyArray<TierDefinition>;
  children: ReactNode;
}) {
  const value = useMemo(() => scorecardTiers(tiers), [tiers]);
  return (
    <TiersContext.Provider value={value}>{children}</TiersContext.Provider>
  );
}

/** The configured tiers, their labels and the critical ones. */
export function useScorecardTiers(): ScorecardTiers {
  return useContext(TiersContext);
}

/** A tier's configured name, as a cell shows it. */
export function TierName({ level }: { level: number | undefined }) {
  return <>{useScorecardTiers().label(level)}</>;
}
