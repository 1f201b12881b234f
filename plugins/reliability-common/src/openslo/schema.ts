import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { BUDGETING_METHODS } from '../slo';
import { TEXT_LIMITS, boundedText } from '../textLimits';

/** OpenSLO names are DNS labels. */
const name = z
  .string({ error: 'must be a string' })
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    'must be lowercase letters, digits and dashes, starting and ending with a letter or digit',
  )
  .max(63, 'must be at most 63 characters');

export const metadataSchema = z.object({
  name,
  displayName: boundedText(TEXT_LIMITS.displayName).optional(),
  labels: z.record(z.string(), z.unknown()).optional(),
  annotations: z.record(z.string(), boundedText(TEXT_LIMITS.link)).optional(),
});

/** `metricSource` of an SLI: a DataSource reference or type plus the query in `spec.query`. */
export const metricSourceSchema = z.object({
  metricSourceRef: name.optional(),
  type: boundedText(TEXT_LIMITS.identifier).optional(),
  spec: z.object({ query: z.string({ error: 'must be a PromQL string' }) }),
});

const metricSourceHolder = z.object({ metricSource: metricSourceSchema });

export const ratioMetricSchema = z
  .object({
    counter: z.boolean().default(true),
    good: metricSourceHolder.optional(),
    bad: metricSourceHolder.optional(),
    total: metricSourceHolder.optional(),
    rawType: z.enum(['success', 'failure']).optional(),
    raw: metricSourceHolder.optional(),
  })
  .superRefine((metric, ctx) => {
    if (metric.raw) {
      if (!metric.rawType) {
        ctx.addIssue({
          code: 'custom',
          path: ['rawType'],
          message: 'is required with raw',
        });
      }
      return;
    }
    if (!metric.total) {
      ctx.addIssue({ code: 'custom', path: ['total'], message: 'is required' });
    }
    if (Boolean(metric.good) === Boolean(metric.bad)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'must have exactly one of good or bad (with total), or raw',
      });
    }
  });

export const sliSpecSchema = z
  .object({
    description: boundedText(TEXT_LIMITS.description).optional(),
    ratioMetric: ratioMetricSchema.optional(),
    thresholdMetric: metricSourceHolder.optional(),
  })
  .superRefine((spec, ctx) => {
    if (Boolean(spec.ratioMetric) === Boolean(spec.thresholdMetric)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'must have exactly one of ratioMetric or thresholdMetric',
      });
    }
  });

export const sliDocumentSchema = z.object({
  metadata: metadataSchema,
  spec: sliSpecSchema,
});

const fractionBelowOne = z
  .number({ error: 'must be a number' })
  .gt(0, 'must be > 0')
  .lt(1, 'must be < 1 (100% leaves no error budget)');

export const objectiveSchema = z
  .object({
    displayName: boundedText(TEXT_LIMITS.displayName).optional(),
    target: fractionBelowOne.optional(),
    targetPercent: z
      .number({ error: 'must be a number' })
      .gt(0, 'must be > 0')
      .lt(100, 'must be < 100 (100% leaves no error budget)')
      .optional(),
    op: z.enum(['lt', 'lte', 'gt', 'gte']).optional(),
    value: z.number({ error: 'must be a number' }).optional(),
    timeSliceTarget: z
      .number({ error: 'must be a number' })
      .gt(0, 'must be > 0')
      .max(1, 'must be ≤ 1')
      .optional(),
    timeSliceWindow: boundedText(16).optional(),
  })
  .superRefine((objective, ctx) => {
    if (
      (objective.target === undefined) ===
      (objective.targetPercent === undefined)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: 'exactly one of target or targetPercent is required',
      });
    }
  });

export const timeWindowSchema = z.object({
  duration: z
    .string({ error: 'must be a duration such as 30d or 1M' })
    .max(16, 'must be a duration such as 30d or 1M'),
  isRolling: z.boolean().default(true),
  calendar: z
    .object({
      startTime: z
        .string({ error: 'must be a date-time such as 2026-01-01 00:00:00' })
        .refine(
          value =>
            DateTime.fromFormat(value, 'yyyy-MM-dd HH:mm:ss', { zone: 'utc' })
              .isValid,
          'must be a date-time such as 2026-01-01 00:00:00',
        ),
      timeZone: z
        .string({ error: 'must be an IANA time zone such as UTC' })
        .refine(
          value => value.length <= 64 && IANAZone.isValidZone(value),
          'must be an IANA time zone such as UTC',
        ),
    })
    .optional(),
});

const alertPolicyEntry = z.union([
  name,
  z.object({ alertPolicyRef: name }),
  z.object({ kind: z.literal('AlertPolicy'), metadata: metadataSchema }),
]);

export const sloSpecSchema = z
  .object({
    description: boundedText(TEXT_LIMITS.description).optional(),
    service: boundedText(TEXT_LIMITS.identifier).optional(),
    indicatorRef: name.optional(),
    indicator: sliDocumentSchema.optional(),
    timeWindow: z
      .array(timeWindowSchema)
      .length(1, 'must hold exactly one time window'),
    budgetingMethod: z.enum(BUDGETING_METHODS as [string, ...string[]], {
      error: `must be one of ${BUDGETING_METHODS.join(', ')}`,
    }),
    objectives: z
      .array(objectiveSchema)
      .min(1, 'must hold at least one objective')
      .max(20, 'must hold at most 20 objectives'),
    alertPolicies: z
      .array(alertPolicyEntry)
      .max(20, 'must hold at most 20 alert policies')
      .default([]),
  })
  .superRefine((spec, ctx) => {
    if (Boolean(spec.indicatorRef) === Boolean(spec.indicator)) {
      ctx.addIssue({
        code: 'custom',
        path: ['indicatorRef'],
        message: 'exactly one of indicatorRef or indicator is required',
      });
    }
  });

export const sloDocumentSchema = z.object({
  metadata: metadataSchema,
  spec: sloSpecSchema,
});

export const dataSourceDocumentSchema = z.object({
  metadata: metadataSchema,
  spec: z.object({
    type: z
      .string({ error: 'must name the source type, e.g. Prometheus' })
      .max(
        TEXT_LIMITS.identifier,
        `must be at most ${TEXT_LIMITS.identifier} characters`,
      ),
    connectionDetails: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const alertPolicyDocumentSchema = z.object({
  metadata: metadataSchema,
  spec: z.object({
    description: boundedText(TEXT_LIMITS.description).optional(),
    conditions: z.array(z.unknown()).min(1, 'must hold at least one condition'),
    notificationTargets: z.array(z.unknown()).optional(),
  }),
});

export type SloDocument = z.infer<typeof sloDocumentSchema>;
export type SliDocument = z.infer<typeof sliDocumentSchema>;
export type DataSourceDocument = z.infer<typeof dataSourceDocumentSchema>;
export type MetricSourceValue = z.infer<typeof metricSourceSchema>;
