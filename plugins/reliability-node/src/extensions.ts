import { createExtensionPoint } from '@backstage/backend-plugin-api';
import {
  AutomaticCheckContext,
  ReadinessItem,
} from '@reliability-suite/plugin-reliability-common';

/** An automatic readiness check: pure, from the profile, SLO statuses and dependencies. */
export type ReadinessCheck = (context: AutomaticCheckContext) => {
  passed: boolean;
  reason: string;
};

/** Lets backend modules add automatic items to the production-readiness checklist. */
export interface ReadinessChecksExtensionPoint {
  /** Adds an automatic item and the check that evaluates it (replaces a built-in one with the same id). */
  addAutomaticItem(
    item: Omit<ReadinessItem, 'kind'>,
    check: ReadinessCheck,
  ): void;
}

/**
 * Extension point of the reliability backend for organisation-specific readiness checks:
 *
 * ```ts
 * env.registerInit({ deps: { readiness: readinessChecksExtensionPoint }, async init({ readiness }) {
 *   readiness.addAutomaticItem({ id: 'pci-scope', title: 'PCI scope', description: '…', requiredForTiers: [0] },
 *     ({ profile }) => ({ passed: …, reason: '…' }));
 * } });
 * ```
 */
export const readinessChecksExtensionPoint =
  createExtensionPoint<ReadinessChecksExtensionPoint>({
    id: 'reliability.readiness-checks',
  });
