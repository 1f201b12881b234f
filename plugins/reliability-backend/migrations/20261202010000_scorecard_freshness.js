// @ts-check

/**
 * How current each scorecard row's figures are: when its least recently measured SLO figures
 * were measured and whether an SLO's last evaluation failed. Freshness is judged from them when
 * the rows are read (the projection cannot mark itself stale when the pipeline stops). Each
 * daily snapshot keeps its figures' age and whether they were stale when it was projected, for
 * the weekly review and trends. Rows projected before have neither until the next projection.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecard_rows', table => {
    table
      .bigInteger('measured_at')
      .nullable()
      .comment('When its oldest SLO figures were measured, epoch ms');
    table
      .boolean('degraded')
      .notNullable()
      .defaultTo(false)
      .comment('The last evaluation of one of its SLOs failed');
  });
  await knex.schema.alterTable('scorecard_daily', table => {
    table
      .bigInteger('measured_at')
      .nullable()
      .comment('When its oldest SLO figures were measured, epoch ms');
    table
      .string('stale_because', 16)
      .nullable()
      .comment(
        'Null: figures current when projected; degraded or old: stale, and why',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecard_daily', table => {
    table.dropColumn('stale_because');
    table.dropColumn('measured_at');
  });
  await knex.schema.alterTable('scorecard_rows', table => {
    table.dropColumn('degraded');
    table.dropColumn('measured_at');
  });
};
