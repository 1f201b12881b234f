// @ts-check

/**
 * Each scorecard row's CSV line, rendered by the projector, so that a full export reads one
 * column instead of formatting 10,000 rows per request. Rows projected before this column
 * existed have none until the next projection; the export renders those from their columns.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecard_rows', table => {
    table
      .text('csv_line')
      .nullable()
      .comment('The row as one CSV line (with its line break), as exported');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecard_rows', table => {
    table.dropColumn('csv_line');
  });
};
