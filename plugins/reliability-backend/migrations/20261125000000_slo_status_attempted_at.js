// @ts-check

/**
 * The pipeline evaluates SLOs oldest attempt first and skips those attempted within the
 * evaluation interval: an index on when each SLO was last attempted.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('slo_status', table => {
    table.index(['attempted_at'], 'slo_status_attempted_at_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('slo_status', table => {
    table.dropIndex(['attempted_at'], 'slo_status_attempted_at_idx');
  });
};
