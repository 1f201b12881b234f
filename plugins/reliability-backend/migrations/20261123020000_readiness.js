// @ts-check

/**
 * Launch readiness: reviews (current state, guarded by a version for concurrent decisions) and
 * the append-only audit trail of attestations, waivers, comments and state changes.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_reviews', table => {
    table.comment(
      'Launch readiness reviews; the state is a projection of readiness_events',
    );
    table.increments('id');
    table.string('entity_ref', 255).notNullable().index();
    table.string('state', 32).notNullable();
    table
      .string('target_date', 10)
      .nullable()
      .comment('Target launch date, YYYY-MM-DD');
    table
      .text('reviewers')
      .notNullable()
      .comment('JSON array of user or group refs');
    table.string('created_by', 255).notNullable();
    table.bigInteger('created_at').notNullable();
    table
      .integer('version')
      .notNullable()
      .defaultTo(0)
      .comment('Bumped by every state change');
  });
  await knex.schema.createTable('readiness_events', table => {
    table.comment(
      'Append-only audit trail: rows are inserted, never updated or deleted',
    );
    table.increments('id');
    table.string('entity_ref', 255).notNullable().index();
    table.string('type', 64).notNullable();
    table.string('actor', 255).notNullable();
    table.bigInteger('at').notNullable();
    table.string('item_id', 255).nullable();
    table
      .integer('review_id')
      .nullable()
      .references('id')
      .inTable('readiness_reviews');
    table
      .text('data')
      .notNullable()
      .comment('JSON: evidence, comment, reason, expiry…');
    table.string('before', 32).nullable();
    table.string('after', 32).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_events');
  await knex.schema.dropTable('readiness_reviews');
};
