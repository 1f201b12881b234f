import { Knex } from 'knex';
import {
  OPEN_REVIEW_STATES,
  ReadinessEvent,
  Review,
  ReviewState,
} from '@reliability-suite/plugin-reliability-common';

const OPEN = OPEN_REVIEW_STATES as ReviewState[];
const DECIDED: ReviewState[] = ['approved', 'blocked'];

/** Which open reviews the review queue lists. */
export interface OpenReviewsFilter {
  /** Open states to list (default both). */
  states?: ReviewState[];
  /** Reviews naming any of these user or group refs as a reviewer. */
  reviewers?: string[];
  /** Reviews whose target date is on or before this `YYYY-MM-DD`. */
  dueBefore?: string;
}

/** `ESCAPE`d LIKE pattern for text inside a value. */
const containing = (text: string) =>
  `%${text.replace(/[\\%_]/g, c => `\\${c}`)}%`;

/** A unique-index violation: another open review won (SQLite and PostgreSQL). */
const isUniqueViolation = (error: unknown) =>
  /unique/i.test(String((error as Error)?.message)) ||
  (error as { code?: string })?.code === '23505';

type NewEvent = Omit<ReadinessEvent, 'id'>;

function toEventRow(event: NewEvent) {
  return {
    entity_ref: event.entityRef,
    type: event.type,
    actor: event.actor,
    at: event.at,
    item_id: event.itemId ?? null,
    review_id: event.reviewId ?? null,
    data: JSON.stringify(event.data),
    before: event.before ?? null,
    after: event.after ?? null,
  };
}

function toReview(row: Record<string, any>): Review {
  return {
    id: Number(row.id),
    entityRef: row.entity_ref,
    state: row.state,
    targetDate: row.target_date ?? undefined,
    reviewers: JSON.parse(row.reviewers),
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    version: Number(row.version),
  };
}

function toEvent(row: Record<string, any>): ReadinessEvent {
  return {
    id: Number(row.id),
    entityRef: row.entity_ref,
    type: row.type,
    actor: row.actor,
    at: Number(row.at),
    itemId: row.item_id ?? undefined,
    reviewId: row.review_id === null ? undefined : Number(row.review_id),
    data: JSON.parse(row.data),
    before: row.before ?? undefined,
    after: row.after ?? undefined,
  };
}

/**
 * The only code that writes readiness data. Events are only ever inserted: there is no update or
 * delete of readiness_events anywhere. A state change and its event commit together or not at all.
 */
export class ReadinessStore {
  constructor(private readonly db: Knex) {}

  async appendEvent(
    event: NewEvent,
    tx: Knex = this.db,
  ): Promise<ReadinessEvent> {
    const [row] = await tx('readiness_events')
      .insert(toEventRow(event))
      .returning('id');
    return { ...event, id: Number(typeof row === 'object' ? row.id : row) };
  }

  async events(entityRef: string): Promise<ReadinessEvent[]> {
    const rows = await this.db('readiness_events')
      .where({ entity_ref: entityRef })
      .orderBy('id');
    return rows.map(toEvent);
  }

  /** Item events (attestations, waivers) of every entity, in order: for the scorecard projector. */
  async itemEventsByEntity(): Promise<Map<string, ReadinessEvent[]>> {
    const byEntity = new Map<string, ReadinessEvent[]>();
    const rows = await this.db('readiness_events')
      .whereIn('type', ['item.attested', 'item.waived'])
      .orderBy('id');
    for (const row of rows) {
      const events = byEntity.get(row.entity_ref) ?? [];
      events.push(toEvent(row));
      byEntity.set(row.entity_ref, events);
    }
    return byEntity;
  }

  /** Decisions (approved, blocked) taken in [from, to), oldest first: for the weekly review. */
  async decisionsBetween(from: number, to: number): Promise<ReadinessEvent[]> {
    const rows = await this.db('readiness_events')
      .whereIn('type', ['review.approved', 'review.blocked'])
      .where('at', '>=', from)
      .where('at', '<', to)
      .orderBy('id');
    return rows.map(toEvent);
  }

  /**
   * The current review of every entity that has one: its open review, or else its latest decided
   * one (superseded reviews never count).
   */
  async latestReviews(): Promise<Map<string, Review>> {
    const latestDecided = this.db('readiness_reviews')
      .max('id')
      .whereIn('state', DECIDED)
      .groupBy('entity_ref');
    const rows = await this.db('readiness_reviews')
      .whereIn('state', OPEN)
      .orWhereIn('id', latestDecided)
      .orderBy('id');
    const current = new Map<string, Review>();
    for (const row of rows) {
      if (!OPEN.includes(current.get(row.entity_ref)?.state as ReviewState)) {
        current.set(row.entity_ref, toReview(row));
      }
    }
    return current;
  }

  /** The entity's open review (draft or in review), if any: at most one, by a unique index. */
  async openReviewOf(entityRef: string): Promise<Review | undefined> {
    const row = await this.db('readiness_reviews')
      .where({ entity_ref: entityRef })
      .whereIn('state', OPEN)
      .first();
    return row ? toReview(row) : undefined;
  }

  /** Open reviews of every entity, oldest first, for the review queue. */
  async openReviews(filter: OpenReviewsFilter): Promise<Review[]> {
    let query = this.db('readiness_reviews').whereIn(
      'state',
      filter.states?.length ? filter.states : OPEN,
    );
    query = query.whereIn('state', OPEN);
    if (filter.dueBefore) {
      query = query.where('target_date', '<=', filter.dueBefore);
    }
    if (filter.reviewers) {
      const refs = filter.reviewers;
      query = query.where(any => {
        // No ref: nothing matches.
        if (!refs.length) any.whereRaw('1 = 0');
        for (const ref of refs)
          any.orWhereRaw("lower(reviewers) like ? escape '\\'", [
            containing(JSON.stringify(ref.toLocaleLowerCase('en-US'))),
          ]);
      });
    }
    const rows = await query.orderBy('created_at').orderBy('id');
    return rows.map(toReview);
  }

  /**
   * Opens a review in `draft` and records it, in one transaction, unless the entity has an open
   * review already: then nothing is written and that review is answered as `open`.
   */
  async openReview(review: {
    entityRef: string;
    targetDate?: string;
    reviewers: string[];
    createdBy: string;
    createdAt: number;
  }): Promise<{ opened: Review } | { open: Review }> {
    try {
      return await this.db.transaction(async tx => {
        const existing = await tx('readiness_reviews')
          .where({ entity_ref: review.entityRef })
          .whereIn('state', OPEN)
          .first();
        if (existing) return { open: toReview(existing) };
        const [row] = await tx('readiness_reviews')
          .insert({
            entity_ref: review.entityRef,
            state: 'draft',
            target_date: review.targetDate ?? null,
            reviewers: JSON.stringify(review.reviewers),
            created_by: review.createdBy,
            created_at: review.createdAt,
            version: 0,
          })
          .returning('id');
        const id = Number(typeof row === 'object' ? row.id : row);
        await this.appendEvent(
          {
            entityRef: review.entityRef,
            type: 'review.opened',
            actor: review.createdBy,
            at: review.createdAt,
            reviewId: id,
            data: {
              targetDate: review.targetDate,
              reviewers: review.reviewers,
            },
            after: 'draft',
          },
          tx,
        );
        return {
          opened: { ...review, id, state: 'draft' as const, version: 0 },
        };
      });
    } catch (error) {
      // A concurrent opening won the unique index: answer with its review.
      const open = isUniqueViolation(error)
        ? await this.openReviewOf(review.entityRef)
        : undefined;
      if (open) return { open };
      throw error;
    }
  }

  async review(id: number): Promise<Review | undefined> {
    const row = await this.db('readiness_reviews').where({ id }).first();
    return row ? toReview(row) : undefined;
  }

  /** The entity's current review: its open one, or else its latest decided one. */
  async latestReview(entityRef: string): Promise<Review | undefined> {
    const row = await this.db('readiness_reviews')
      .where({ entity_ref: entityRef })
      .whereIn('state', [...OPEN, ...DECIDED])
      .orderByRaw(
        `case when state in (${OPEN.map(() => '?').join(
          ', ',
        )}) then 0 else 1 end`,
        OPEN,
      )
      .orderBy('id', 'desc')
      .first();
    return row ? toReview(row) : undefined;
  }

  /**
   * Moves a review from `from` to `to` and records the event, only if nobody changed it since
   * (compare-and-set on state and version). Returns false when another decision won the race.
   */
  async transition(
    review: Review,
    to: ReviewState,
    event: NewEvent,
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const updated = await tx('readiness_reviews')
        .where({ id: review.id, state: review.state, version: review.version })
        .update({ state: to, version: review.version + 1 });
      if (updated !== 1) return false;
      await this.appendEvent({ ...event, before: review.state, after: to }, tx);
      return true;
    });
  }
}
