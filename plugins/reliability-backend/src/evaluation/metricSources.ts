import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { PrometheusDriver } from 'prometheus-query';
import { BatchingMetricSource } from './BatchingMetricSource';
import {
  MetricSource,
  MetricSourceError,
  PrometheusMetricSource,
} from './MetricSource';

/** The configured metric sources by name; SLIs without a metricSourceRef use the first. */
export class MetricSourceRegistry {
  constructor(private readonly sources: MetricSource[]) {}

  static fromConfig(
    config: Config,
    logger: LoggerService,
  ): MetricSourceRegistry {
    const sources = (
      config.getOptionalConfigArray('reliability.metricSources') ?? []
    ).map(source => {
      const name = source.getString('name');
      const headers: Record<string, string> = {};
      const headerConfig = source.getOptionalConfig('headers');
      for (const key of headerConfig?.keys() ?? [])
        headers[key] = headerConfig!.getString(key);
      const token = source.getOptionalString('token');
      if (token) headers.Authorization = `Bearer ${token}`;
      const timeoutSeconds = source.getOptionalNumber('timeoutSeconds') ?? 30;
      const driver = new PrometheusDriver({
        endpoint: source.getString('url'),
        baseURL: '/api/v1',
        headers,
        timeout: timeoutSeconds * 1000,
        preferPost: true,
        warningHook: warning =>
          logger.warn(
            `Metric source ${name} warned: ${JSON.stringify(warning)}`,
          ),
      });
      const prometheus = new PrometheusMetricSource(
        name,
        driver,
        timeoutSeconds,
        source.getOptionalNumber('maxConcurrentQueries') ?? 8,
      );
      return new BatchingMetricSource(
        prometheus,
        source.getOptionalNumber('batchSize') ?? 50,
        {
          recordingRules: source.getOptionalBoolean('recordingRules') ?? false,
        },
      );
    });
    return new MetricSourceRegistry(sources);
  }

  /** Every configured source, the default one first. */
  all(): ReadonlyArray<MetricSource> {
    return this.sources;
  }

  /** The source named by an SLI (OpenSLO metricSourceRef), or the default one. */
  get(name: string | undefined): MetricSource {
    const source = name
      ? this.sources.find(s => s.name === name)
      : this.sources[0];
    if (!source) {
      throw new MetricSourceError(
        name
          ? `metric source "${name}" is not configured (reliability.metricSources)`
          : 'no metric source is configured (reliability.metricSources)',
      );
    }
    return source;
  }
}
