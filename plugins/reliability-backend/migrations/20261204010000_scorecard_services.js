// @ts-check

/**
 * What the scorecard's coverage figures and "SLOs meeting target n/m" count: an entity's
 * `spec.type` (services are Components of type service), and how many of its SLOs were measured
 * and met their target. Daily snapshots keep whether the entity was a service and how many of its
 * SLOs were measured (those meeting target are `slos_measured - breached_slos`); snapshots from
 * before this migration have neither (null), and count no services and no measured SLOs.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecard_rows', table => {
    table
      .string('spec_type', 255)
      .nullable()
      .comment('spec.type of the entity (service, website, library…)');
    table
      .integer('slos_meeting_target')
      .notNullable()
      .defaultTo(0)
      .comment('SLOs meeting their target, of slos_measured');
    table
      .integer('slos_measured')
      .notNullable()
      .defaultTo(0)
      .comment('SLOs with a measured SLI in their window');
  });
  await knex.schema.alterTable('scorecard_daily', table => {
    table
      .boolean('is_service')
      .nullable()
      .comment(
        'A Component of type service; null in snapshots from before it was recorded',
      );
    table
      .integer('slos_measured')
      .nullable()
      .comment(
        'SLOs with a measured SLI; null in snapshots from before it was recorded',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecard_daily', table => {
    table.dropColumn('slos_measured');
    table.dropColumn('is_service');
  });
  await knex.schema.alterTable('scorecard_rows', table => {
    table.dropColumn('slos_measured');
    table.dropColumn('slos_meeting_target');
    table.dropColumn('spec_type');
  });
};
