// @ts-check

/**
 * The burn-down history of an SLO's figures in a column of its own, so that reading every
 * status for the scorecard (30,000 SLOs) does not read and parse 120 chart points each. Rows
 * written before keep their history inside `figures` and are read as before.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('slo_status', table => {
    table.text('history').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('slo_status', table => {
    table.dropColumn('history');
  });
};
