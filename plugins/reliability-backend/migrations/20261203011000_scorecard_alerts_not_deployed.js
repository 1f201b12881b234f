// @ts-check

/**
 * The scorecard's alerts column: how many of an entity's SLOs have burn-rate alerts missing or
 * out of date on their metric source (the alert audit).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecard_rows', table => {
    table
      .integer('alerts_not_deployed')
      .nullable()
      .comment(
        'SLOs whose burn-rate alerts are missing or out of date; null when not audited',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecard_rows', table => {
    table.dropColumn('alerts_not_deployed');
  });
};
