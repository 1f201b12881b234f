// @ts-check

/**
 * Definitions read from each entity's files: one row per entity (problems, when read) and one
 * row per valid SLO (normalised definition).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('entity_definitions', table => {
    table.comment(
      'Reliability definitions read from each entity, one row per entity',
    );
    table
      .string('entity_ref', 255)
      .primary()
      .comment('Entity reference, e.g. component:default/checkout');
    table
      .text('settings')
      .notNullable()
      .comment('JSON: tier, SLO file patterns, DR settings');
    table
      .text('problems')
      .notNullable()
      .comment('JSON: problems found, each with file, line, field and message');
    table
      .bigInteger('read_at')
      .notNullable()
      .comment('When the files were read, epoch milliseconds UTC');
  });
  await knex.schema.createTable('slo_definitions', table => {
    table.comment('Valid SLO definitions, normalised');
    table
      .string('entity_ref', 255)
      .notNullable()
      .references('entity_ref')
      .inTable('entity_definitions')
      .onDelete('CASCADE');
    table.string('slo_name', 255).notNullable();
    table
      .integer('position')
      .notNullable()
      .comment('Order of the SLO in the entity');
    table
      .text('definition')
      .notNullable()
      .comment('JSON: the normalised SloDefinition');
    table.string('source_file', 1024).notNullable();
    table.integer('source_line').nullable();
    table.primary(['entity_ref', 'slo_name']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_definitions');
  await knex.schema.dropTable('entity_definitions');
};
