// @ts-check

/**
 * The CSV lines stored before formulas were neutralised carry titles, owners and on-call texts
 * that a spreadsheet runs (`=…`, `+…`, `-…`, `@…`). They are cleared, so that the export renders
 * every row from its columns, neutralised, until the next projection stores the new lines.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex('scorecard_rows').update({ csv_line: null });
};

/**
 * Nothing to undo: a cleared line is rendered from its row's columns.
 *
 * @param {import('knex').Knex} _knex
 */
exports.down = async function down(_knex) {};
