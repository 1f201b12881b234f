/** The evaluation benchmark's figures as a Markdown table (bench/README.md says what each means). */

const n = (value: number | undefined, digits = 0) =>
  value === undefined || !Number.isFinite(value)
    ? '–'
    : value.toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      });
const s = (ms: number | undefined) =>
  ms === undefined ? '–' : `${n(ms / 1000, 1)} s`;

export function formatReport(r: any): string {
  const { org, cold, steady, floor, prometheus, options } = r;
  const reached = (key: string, what: string) => {
    const value = cold.milestonesS[key];
    return value !== undefined
      ? `${n(value, 1)} s`
      : `not reached in ${cold.limitMinutes} min (${what})`;
  };
  const rows: Array<[string, string, string]> = [
    [
      'Organisation',
      `${n(org.profileEntities)} entities, ${n(org.slos)} SLOs over ${n(
        org.services,
      )} services; ${n(org.bigFileEntities)} entities in one file (${n(
        org.bigFileBytes / 1024,
      )} KiB)${
        org.bigFileEntities < org.profileEntities
          ? ', the others one file each (half with an OpenSLO file)'
          : ''
      }`,
      '10,000 / 30,000',
    ],
    [
      'Prometheus data',
      `${n(prometheus.series)} series, 31 days, a sample every ${
        options.stepSeconds
      } s (${n(prometheus.samples / 1e6, 1)} M samples)`,
      '',
    ],
    [
      'Cold start → catalog holds every entity',
      reached(
        'catalogComplete',
        `${n(cold.final.catalogEntities)} of ${n(org.profileEntities)}`,
      ),
      '',
    ],
    [
      'Cold start → every SLO definition stored',
      reached(
        'definitionsComplete',
        `${n(cold.final.definitions)} of ${n(org.slos)}`,
      ),
      '',
    ],
    [
      `Cold start → every SLO of the ${n(
        org.bigFileEntities,
      )}-entity file measured`,
      reached(
        'bigFileMeasured',
        `${n(cold.final.bigFileMeasured)} of ${n(org.bigFileEntities * 3)}`,
      ),
      '≤ 240 s',
    ],
    [
      '**Cold start → every SLO measured**',
      reached('allMeasured', `${n(cold.final.measured)} of ${n(org.slos)}`),
      '',
    ],
    ['Backend peak RSS, cold start', `${n(cold.peakRssMiB)} MiB`, ''],
  ];
  const cycle = steady?.cycles[steady.cycles.length - 1];
  if (cycle) {
    rows.push(
      [
        `**Steady-state cycle, direct mode** (task \`${cycle.task}\`)`,
        `${s(cycle.ms)} for ${n(cycle.sloEvaluated)} SLOs (${n(
          cycle.msPerSlo,
          1,
        )} ms per SLO)`,
        'direct < 5 min, rules < 60 s',
      ],
      [
        'Prometheus queries per cycle',
        `${n(cycle.queries)} (${n(cycle.queriesPerSlo, 1)} per SLO); ${n(
          cycle.prometheusBusyS,
          1,
        )} s of Prometheus handler time (summed over concurrent queries)`,
        '',
      ],
      [
        'Batched floor',
        `${s(floor.sequentialMs)} one query at a time (${n(
          floor.queries,
        )} queries); ${s(floor.concurrentMs)} with ${
          floor.concurrency
        } at a time`,
        '',
      ],
      [
        '**Cycle ÷ floor**',
        `${n(cycle.ms / floor.sequentialMs, 1)}× (÷ ${
          floor.concurrency
        }-at-a-time floor: ${n(cycle.ms / floor.concurrentMs, 1)}×)`,
        '≤ 2×',
      ],
      [
        'Floor figures = stored figures',
        `${n(floor.check.agreeing)} of ${n(
          floor.check.compared,
        )} sampled SLOs (SLI, budget, 7 burn rates, burn-down)${
          floor.evaluationTimes > 1
            ? `, measured at ${n(floor.check.times)} of the cycle's ${n(
                floor.evaluationTimes,
              )} evaluation times`
            : ''
        }`,
        '',
      ],
      [
        '**Backend RSS during the cycle**',
        `${n(cycle.rss.startMiB)} → ${n(cycle.rss.peakMiB)} MiB (+${n(
          cycle.rss.growthMiB,
        )} MiB)`,
        '< +300 MB',
      ],
      ...(cycle.idleRss
        ? [
            [
              'Backend RSS in as long before it, without a cycle (the catalog processing)',
              `${n(cycle.idleRss.startMiB)} → ${n(
                cycle.idleRss.peakMiB,
              )} MiB (+${n(cycle.idleRss.growthMiB)} MiB in ${n(
                cycle.idleRss.seconds,
              )} s)`,
              '',
            ] as [string, string, string],
          ]
        : []),
    );
  }
  const recordedCycle = r.recorded?.cycles[r.recorded.cycles.length - 1];
  if (recordedCycle) {
    rows.push(
      [
        '**Steady-state cycle, recording-rule mode**',
        `${s(recordedCycle.ms)} for ${n(recordedCycle.sloEvaluated)} SLOs (${n(
          recordedCycle.msPerSlo,
          1,
        )} ms per SLO)`,
        '< 60 s',
      ],
      [
        'Prometheus queries per cycle, recording-rule mode',
        `${n(recordedCycle.queries)} (${n(
          recordedCycle.queriesPerSlo,
          1,
        )} per SLO); ${n(recordedCycle.prometheusBusyS, 1)} s of handler time`,
        '',
      ],
      [
        'Backend RSS during the cycle, recording-rule mode',
        `${n(recordedCycle.rss.startMiB)} → ${n(
          recordedCycle.rss.peakMiB,
        )} MiB (+${n(recordedCycle.rss.growthMiB)} MiB)`,
        '< +300 MB',
      ],
    );
  }
  if (r.rules) {
    rows.push([
      'Exported rules loaded (recording-rule hook)',
      `${n(r.rules.groups)} groups, ${n(r.rules.rules)} rules; ${n(
        r.rules.evaluated,
      )} groups evaluated once in ${n(r.rules.waitedS)} s, ${n(
        r.rules.lastDurationS,
        1,
      )} s of rule evaluation per round, ${n(
        r.rules.missed,
      )} iterations missed`,
      '',
    ]);
  }
  const lines = [
    `# Evaluation benchmark (${r.date.slice(0, 10)}, commit ${r.commit}, ${
      r.db
    }, ${r.machine.cpus} cores)`,
    '',
    '| Figure | Measured | Target (issue 12) |',
    '| --- | --- | --- |',
    ...rows.map(row => `| ${row.join(' | ')} |`),
    '',
    `Load average before ${r.loadBefore
      .map((x: number) => x.toFixed(1))
      .join(' ')}, after ${r.loadAfter
      .map((x: number) => x.toFixed(1))
      .join(' ')}.`,
  ];
  if (floor?.check.differences.length)
    lines.push(
      '',
      'Floor figures that differ:',
      ...floor.check.differences.map((d: string) => `- ${d}`),
    );
  return `${lines.join('\n')}\n`;
}
