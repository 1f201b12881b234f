// @ts-check

/**
 * At most one open launch review (draft or in review) per entity, enforced by the database.
 * Before, opening a review while one was open left the earlier one orphaned: of an entity's open
 * reviews, the newest stays open and the earlier ones become `superseded` (never shown as the
 * entity's review, never decided).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const open = await knex('readiness_reviews')
    .whereIn('state', ['draft', 'in_review'])
    .orderBy('id', 'desc')
    .select('id', 'entity_ref');
  const seen = new Set();
  const superseded = [];
  for (const row of open) {
    if (seen.has(row.entity_ref)) superseded.push(row.id);
    else seen.add(row.entity_ref);
  }
  for (let i = 0; i < superseded.length; i += 500) {
    await knex('readiness_reviews')
      .whereIn('id', superseded.slice(i, i + 500))
      .update({ state: 'superseded' });
  }
  await knex.raw(
    "create unique index readiness_reviews_one_open on readiness_reviews (entity_ref) where state in ('draft', 'in_review')",
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.raw('drop index readiness_reviews_one_open');
};
