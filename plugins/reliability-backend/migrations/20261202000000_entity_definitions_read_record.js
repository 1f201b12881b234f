// @ts-check

/**
 * What each entity's definitions were read from (its inputs' hash and the ETags of its files),
 * so that after a restart an unchanged entity is confirmed with conditional requests instead of
 * fetching and parsing its files again.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('entity_definitions', table => {
    table.text('read_record').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('entity_definitions', table => {
    table.dropColumn('read_record');
  });
};
