export interface Config {
  reliability?: {
    /** The sample permission policy's groups (used by `permission-backend-module-reliability-policy`). */
    permissions?: {
      /**
       * Group whose members approve or block launch readiness reviews, and may evaluate SLOs and
       * override the deploy gate of any entity.
       * @default group:default/sre
       */
      reviewersGroup?: string;
      /**
       * Group whose members (SRE leads) approve waivers of readiness items.
       * @default group:default/sre-leads
       */
      waiverApproversGroup?: string;
    };
  };
}
