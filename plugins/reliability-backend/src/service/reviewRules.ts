import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Review } from '@reliability-suite/plugin-reliability-common';
import { DateTime } from 'luxon';

const REVIEWER_KINDS = ['user', 'group'];

/** Why a target launch date cannot be taken (before today, UTC), or undefined. */
export function targetDateProblem(
  targetDate: string | undefined,
  now: number,
): string | undefined {
  const today = DateTime.fromMillis(now, { zone: 'utc' }).toISODate()!;
  if (targetDate !== undefined && targetDate < today) {
    return `targetDate must not be in the past: ${targetDate} is before today, ${today}`;
  }
  return undefined;
}

/**
 * The reviewers as the catalog names them (`group:default/sre`), each a user or group the caller
 * can see in the catalog; a 400 naming the first that is not.
 */
export async function reviewerRefs(
  reviewers: string[],
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<string[]> {
  const refs = reviewers.map((reviewer, index) => {
    const problem = new InputError(
      `reviewers.${index} "${reviewer}" must be a user or group ref such as group:default/sre`,
    );
    try {
      const ref = parseEntityRef(reviewer, { defaultNamespace: 'default' });
      if (!REVIEWER_KINDS.includes(ref.kind.toLocaleLowerCase('en-US')))
        throw problem;
      return stringifyEntityRef(ref);
    } catch {
      throw problem;
    }
  });
  const { items } = await catalog.getEntitiesByRefs(
    {
      entityRefs: refs,
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
    },
    { credentials },
  );
  return refs.map((_, index) => {
    const entity = items[index] as Entity | null | undefined;
    if (!entity) {
      throw new InputError(
        `reviewers.${index} "${reviewers[index]}" is no user or group in the catalog`,
      );
    }
    return stringifyEntityRef(entity);
  });
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * Why `actor` may not decide (approve or block) the review, or undefined when they may: they are
 * a named reviewer, a member of a named group (their sign-in ownership refs), or a member of the
 * reviewers group when that group decides any review.
 */
export function mayDecide(
  review: Pick<Review, 'reviewers'>,
  actor: string,
  ownershipRefs: string[],
  reviewersGroupDecides?: string,
): string | undefined {
  const claims = new Set([actor, ...ownershipRefs].map(lower));
  const deciders = [
    ...review.reviewers,
    ...(reviewersGroupDecides ? [reviewersGroupDecides] : []),
  ];
  if (deciders.some(ref => claims.has(lower(ref)))) return undefined;
  return `only the review's reviewers may decide it: ${deciders.join(
    ', ',
  )}; ${actor} is none of them`;
}
