// @ts-check

/**
 * The org scorecard: one denormalised row per entity (maintained by the scorecard projector after
 * each evaluation) with an index per filter, and one snapshot per entity per day for trends.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecard_rows', table => {
    table.comment('One row per entity; served by the scorecard API');
    table.string('entity_ref', 255).primary();
    table.string('kind', 64).notNullable();
    table.string('namespace', 255).notNullable();
    table.string('name', 255).notNullable().index();
    table.string('title', 255).nullable();
    table.integer('tier').nullable().index();
    table.string('owner', 255).nullable().index();
    table.string('system', 255).nullable().index();
    table.string('domain', 255).nullable().index();
    table.string('lifecycle', 64).nullable().index();
    table.string('on_call', 255).nullable();
    table.integer('runbook_count').notNullable();
    table.integer('slo_count').notNullable();
    table.double('attainment').nullable();
    table.double('budget_remaining').nullable();
    table.double('max_burn_rate').nullable();
    table.string('budget_status', 16).notNullable().index();
    table.string('policy_state', 16).notNullable().index();
    table.double('readiness_score').nullable();
    table.string('review_state', 16).nullable();
    table
      .string('missing', 255)
      .notNullable()
      .comment('Missing requirements as ",onCall,slos," for LIKE filters');
    table
      .text('search_text')
      .notNullable()
      .comment('Lower-case name, title and owner for search');
    table.bigInteger('updated_at').notNullable();
  });
  await knex.schema.createTable('scorecard_daily', table => {
    table.comment('One snapshot per entity per day (UTC), the last of the day');
    table.string('day', 10).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.integer('tier').nullable();
    table.string('owner', 255).nullable();
    table.boolean('has_slos').notNullable();
    table.boolean('has_on_call').notNullable();
    table.boolean('has_runbooks').notNullable();
    table.double('attainment').nullable();
    table.double('budget_remaining').nullable();
    table.string('budget_status', 16).notNullable();
    table.string('policy_state', 16).notNullable();
    table.double('readiness_score').nullable();
    table
      .integer('breached_slos')
      .notNullable()
      .comment('SLOs not meeting their target that day');
    table.primary(['day', 'entity_ref']);
    table.index(['entity_ref', 'day']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecard_daily');
  await knex.schema.dropTable('scorecard_rows');
};
