// @ts-check

/**
 * The alert-correctness audit: per SLO, whether the rules its metric source has loaded are the
 * ones its definition needs; per metric source, the rule groups of SLOs that no longer exist.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('alert_audit', table => {
    table.comment(
      'Per SLO: its burn-rate rules as deployed on its metric source',
    );
    table.string('entity_ref', 255).notNullable().comment('The entity');
    table.string('slo_name', 255).notNullable().comment('The SLO');
    table
      .string('source', 255)
      .notNullable()
      .comment('The metric source whose loaded rules were read');
    table
      .string('status', 32)
      .notNullable()
      .comment(
        'deployed, missing, out-of-date, no-rules, not-exportable or unknown',
      );
    table
      .text('findings')
      .notNullable()
      .comment('JSON array of lines: what is missing or out of date');
    table
      .bigInteger('audited_at')
      .notNullable()
      .comment('When the rules were read, epoch ms');
    table.primary(['entity_ref', 'slo_name']);
    table.index(['source'], 'alert_audit_source_idx');
  });
  await knex.schema.createTable('alert_audit_sources', table => {
    table.comment('Per metric source: the last audit of its loaded rules');
    table.string('source', 255).primary().comment('The metric source');
    table
      .text('orphan_groups')
      .notNullable()
      .comment('JSON array of rule group names of SLOs that no longer exist');
    table
      .text('error')
      .nullable()
      .comment('Why its rules could not be read, if they could not');
    table
      .bigInteger('audited_at')
      .notNullable()
      .comment('When the rules were read, epoch ms');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('alert_audit_sources');
  await knex.schema.dropTable('alert_audit');
};
