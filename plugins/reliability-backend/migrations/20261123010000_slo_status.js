// @ts-check

/**
 * Latest evaluation of each SLO (last good figures kept through failures) and deploy-gate
 * overrides (append-only).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('slo_status', table => {
    table.comment('Latest evaluation of each SLO');
    table.string('entity_ref', 255).notNullable();
    table.string('slo_name', 255).notNullable();
    table
      .text('figures')
      .nullable()
      .comment(
        'JSON SloFigures of the last successful evaluation, with the burn-down history',
      );
    table
      .bigInteger('good_at')
      .nullable()
      .comment('When the figures were measured, epoch ms');
    table
      .text('error')
      .nullable()
      .comment('Why the last evaluation failed; null when it succeeded');
    table
      .bigInteger('attempted_at')
      .notNullable()
      .comment('When evaluation was last tried, epoch ms');
    table.primary(['entity_ref', 'slo_name']);
  });
  await knex.schema.createTable('deploy_overrides', table => {
    table.comment(
      'Emergency overrides of the deploy gate; rows are only ever inserted',
    );
    table.increments('id');
    table.string('entity_ref', 255).notNullable().index();
    table.text('reason').notNullable();
    table
      .string('created_by', 255)
      .notNullable()
      .comment('User entity ref of who overrode');
    table.bigInteger('created_at').notNullable();
    table.bigInteger('expires_at').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('deploy_overrides');
  await knex.schema.dropTable('slo_status');
};
