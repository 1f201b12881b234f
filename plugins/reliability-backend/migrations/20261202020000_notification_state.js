// @ts-check

/**
 * What the suite last notified about each subject (an SLO's budget, an SLO's burn), shared by
 * every replica and kept across restarts: a notification is sent when the state changes, never
 * again while it holds.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('notification_state', table => {
    table.comment('The state last notified per entity, kind and subject');
    table.string('entity_ref', 255).notNullable().comment('The entity');
    table
      .string('kind', 32)
      .notNullable()
      .comment('What is watched: budget or burn');
    table
      .string('subject', 255)
      .notNullable()
      .comment('Which one of the entity: the SLO name');
    table
      .string('state', 64)
      .notNullable()
      .comment('The state last notified (or first seen), e.g. red/critical');
    table
      .bigInteger('changed_at')
      .notNullable()
      .comment('When the state was recorded, epoch ms');
    table.primary(['entity_ref', 'kind', 'subject']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('notification_state');
};
