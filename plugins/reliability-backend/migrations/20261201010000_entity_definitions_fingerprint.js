// @ts-check

/**
 * A hash of each entity's SLO rows as last written, so that a sync which reads the same
 * definitions again (every cycle reads every entity) does not delete and insert them again.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('entity_definitions', table => {
    table.string('slos_fingerprint', 64).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('entity_definitions', table => {
    table.dropColumn('slos_fingerprint');
  });
};
