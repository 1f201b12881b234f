export interface Config {
  reliability?: {
    catalog?: {
      /**
       * How problems in an entity's reliability definitions are reported.
       * `false` (default): as error items in the entity's status, shown in Backstage's
       * processing-errors panel, while the entity stays in the catalog: a broken SLO file never
       * hides a service. `true`: as catalog processing errors, which stop the entity from being
       * updated (and keep a new entity out of the catalog) until the files are fixed.
       */
      blockInvalidEntities?: boolean;
    };
  };
}
