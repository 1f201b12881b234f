// @ts-check

/**
 * The last completed run of each stage of the reliability pipeline (sync, evaluate, project),
 * shared by every replica: when it started and ended, whether the catalog had finished loading
 * when it started, and its counts.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pipeline_stages', table => {
    table.comment('The last completed run of each pipeline stage');
    table.string('stage', 32).primary().comment('sync, evaluate or project');
    table
      .bigInteger('started_at')
      .notNullable()
      .comment('When the completed run started, epoch ms');
    table
      .bigInteger('completed_at')
      .notNullable()
      .comment('When it completed, epoch ms');
    table
      .boolean('catalog_loaded')
      .notNullable()
      .comment(
        'Whether the catalog had finished its first processing when the run started',
      );
    table.text('summary').notNullable().comment('JSON: the counts of the run');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pipeline_stages');
};
