import { Knex } from 'knex';
import {
  ReadinessEvent,
  Review,
  ReviewState,
} from '@reliability-suite/plugin-reliability-common';

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

  /** The latest review of every entity that has one. */
  async latestReviews(): Promise<Map<string, Review>> {
    const latestIds = this.db('readiness_reviews')
      .max('id')
      .groupBy('entity_ref');
    const rows = await this.db('readiness_reviews').whereIn('id', latestIds);
    return new Map(rows.map(row => [row.entity_ref, toReview(row)]));
  }

  /** Opens a review in `draft` and records it, in one transaction. */
  async openReview(review: {
    entityRef: string;
    targetDate?: string;
    reviewers: string[];
    createdBy: string;
    createdAt: number;
  }): Promise<Review> {
    return this.db.transaction(async tx => {
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
          data: { targetDate: review.targetDate, reviewers: review.reviewers },
          after: 'draft',
        },
        tx,
      );
      return { ...review, id, state: 'draft' as const, version: 0 };
    });
  }

  async review(id: number): Promise<Review | undefined> {
    const row = await this.db('readiness_reviews').where({ id }).first();
    return row ? toReview(row) : undefined;
  }

  async latestReview(entityRef: string): Promise<Review | undefined> {
    const row = await this.db('readiness_reviews')
      .where({ entity_ref: entityRef })
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
