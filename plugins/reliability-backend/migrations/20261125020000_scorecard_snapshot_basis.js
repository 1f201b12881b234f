// @ts-check

/**
 * What each day's scorecard snapshot was computed from: how many entities and SLOs, whether the
 * catalog had finished loading and the definitions had been read from it. A day whose basis is
 * incomplete (or unknown: recorded before this table) is measured again by the backfill.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecard_snapshot_basis', table => {
    table.comment(
      'The catalog and definition state each daily snapshot rests on',
    );
    table.string('day', 10).primary().comment('UTC day, e.g. 2026-11-23');
    table
      .integer('entity_count')
      .notNullable()
      .comment('Entities in the snapshot');
    table.integer('slo_count').notNullable().comment('SLOs of those entities');
    table
      .boolean('catalog_loaded')
      .notNullable()
      .comment(
        'The catalog had finished its first processing of all locations',
      );
    table
      .boolean('definitions_read')
      .notNullable()
      .comment('The definitions had been read in full from the loaded catalog');
    table
      .string('measured', 16)
      .notNullable()
      .comment('live (projected that day) or afterwards (backfilled)');
    table.bigInteger('recorded_at').notNullable().comment('Epoch ms');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecard_snapshot_basis');
};
