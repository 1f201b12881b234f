#!/usr/bin/env node
// Writes the demo Prometheus history as OpenMetrics, for `promtool tsdb create-blocks-from
// openmetrics` (see scripts/lib/prometheus.sh): 35 days at 1-minute resolution up to "now"
// (default: the current minute) and HOURS_AHEAD (default 0) past it, shaped by
// examples/metrics/scenarios.yaml.
//
//   node scripts/generate-demo-metrics.mjs OUTPUT.om [NOW_EPOCH_MS] [HOURS_AHEAD]
//
// Series: http_requests_total{job,[handler,]code="200"|"500"} counters,
// http_request_duration_seconds_bucket{job,[handler,]le} and _count counters for services with a
// `latency` section, and the gauges listed under `gauges` (pg_up, redis_up,
// kafka_consumergroup_lag...). Every family is written as `# TYPE <name> gauge` (as the backfill
// tests do), its samples grouped by series, oldest first. Deterministic for a given end time.
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const HISTORY_DAYS = 35;
const STEP_S = 60;
const NOISE = 0.05; // +/- share of per-minute traffic noise (zero mean)
const SCENARIOS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../examples/metrics/scenarios.yaml',
);

function fail(message) {
  console.error(`generate-demo-metrics: ${message}`);
  process.exit(1);
}

const [outputPath, nowArg, aheadArg] = process.argv.slice(2);
if (!outputPath) {
  fail(
    'usage: node scripts/generate-demo-metrics.mjs OUTPUT.om [NOW_EPOCH_MS] [HOURS_AHEAD]',
  );
}
// Events are placed relative to "now"; samples continue HOURS_AHEAD past it (steady traffic),
// so the demo keeps live-looking burn rates for that long without a scraper.
const nowMs =
  nowArg === undefined || nowArg === '' ? Date.now() : Number(nowArg);
const hoursAhead = aheadArg === undefined ? 0 : Number(aheadArg);
if (!Number.isFinite(nowMs) || nowMs <= 0) {
  fail(`now "${nowArg}" is not an epoch time in milliseconds`);
}
if (!Number.isInteger(hoursAhead) || hoursAhead < 0) {
  fail(`hours ahead "${aheadArg}" is not a whole number of hours`);
}

const started = Date.now();
const scenarios = parse(fs.readFileSync(SCENARIOS, 'utf8'));

// Sample i is at t0 + i * STEP_S (seconds); the history reaches HISTORY_DAYS back from now.
const NOW_S = Math.floor(nowMs / 60_000) * 60;
const END_S = NOW_S + hoursAhead * 3600;
const COUNT = HISTORY_DAYS * 1440 + hoursAhead * 60 + 1;
const T0 = END_S - (COUNT - 1) * STEP_S;
const timestamps = Array.from(
  { length: COUNT },
  (_, i) => ` ${T0 + i * STEP_S}\n`,
);

/** Deterministic PRNG (mulberry32) seeded from a name, so reruns give the same shapes. */
function random(name) {
  let seed = 2166136261;
  for (const ch of name) seed = Math.imul(seed ^ ch.charCodeAt(0), 16777619);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An event's start and end in epoch seconds ({daysAgo | hoursAgo, minutes}). */
function eventSpan(event, where) {
  const agoS =
    event.daysAgo !== undefined
      ? Number(event.daysAgo) * 86400
      : event.hoursAgo !== undefined
      ? Number(event.hoursAgo) * 3600
      : NaN;
  const minutes = Number(event.minutes);
  if (!(agoS >= 0) || !(minutes > 0)) {
    fail(`${where}: needs daysAgo or hoursAgo (>= 0) and minutes (> 0)`);
  }
  if (agoS > (COUNT - 1) * STEP_S) fail(`${where}: starts before the history`);
  const start = NOW_S - agoS;
  return { start, end: start + minutes * 60 };
}

/** Indexes of the counter increments (t[i-1], t[i]] that fall inside an event. */
function counterRange({ start, end }) {
  const from = Math.max(1, Math.floor((start - T0) / STEP_S) + 1);
  const to = Math.min(COUNT - 1, Math.floor((end - T0) / STEP_S));
  return [from, to];
}

/** Indexes of the gauge samples with start <= t < end. */
function gaugeRange({ start, end }) {
  const from = Math.max(0, Math.ceil((start - T0) / STEP_S));
  const to = Math.min(COUNT - 1, Math.ceil((end - T0) / STEP_S) - 1);
  return [from, to];
}

function labelText(labels) {
  return Object.entries(labels)
    .map(
      ([key, value]) =>
        `${key}="${String(value)
          .replace(/\\/g, '\\\\')
          .replace(/"/g, '\\"')
          .replace(/\n/g, '\\n')}"`,
    )
    .join(',');
}

// ---- latency shapes ------------------------------------------------------------------------

const buckets = (scenarios.buckets ?? []).map(Number).sort((a, b) => a - b);
const defaultAbove = scenarios.defaultLatencyAbove ?? {};

/**
 * Share of requests above each bucket bound: the named shares as given, the other bounds from the
 * default profile clamped between their named neighbours, then made non-increasing in `le`.
 */
function aboveShares(named, where) {
  const given = new Map(
    Object.entries(named ?? {}).map(([le, share]) => [
      Number(le),
      Number(share),
    ]),
  );
  for (const [le, share] of given) {
    if (!buckets.includes(le)) fail(`${where}: le="${le}" is not in buckets`);
    if (!(share >= 0 && share <= 1))
      fail(`${where}: share for le="${le}" must be 0..1`);
  }
  const shares = buckets.map(le => {
    if (given.has(le)) return given.get(le);
    let lo = 0;
    let hi = 1;
    for (const [g, share] of given) {
      if (g > le) lo = Math.max(lo, share);
      if (g < le) hi = Math.min(hi, share);
    }
    const fallback = Number(defaultAbove[String(le)] ?? 0);
    return Math.min(hi, Math.max(lo, fallback));
  });
  for (let k = shares.length - 2; k >= 0; k--)
    shares[k] = Math.max(shares[k], shares[k + 1]);
  return shares;
}

// ---- series ------------------------------------------------------------------------------

/** name -> [{ labels, values }] in insertion order. */
const families = new Map();
function addSeries(name, labels, values) {
  if (!families.has(name)) families.set(name, []);
  families.get(name).push({ labels: labelText(labels), values });
}

const summary = [];
const windowMinutes = { '7d': 7 * 1440, '28d': 28 * 1440, '30d': 30 * 1440 };

for (const [job, spec] of Object.entries(scenarios.services ?? {})) {
  const where = `services.${job}`;
  const rpm = Number(spec.requestsPerMinute);
  if (!(rpm > 0)) fail(`${where}: requestsPerMinute must be > 0`);
  const steady = Number(spec.errorRatio ?? 0);
  if (!(steady >= 0 && steady <= 1)) fail(`${where}: errorRatio must be 0..1`);

  // Error ratio per minute: steady, overridden during outages.
  const errorRatio = new Float64Array(COUNT).fill(steady);
  (spec.outages ?? []).forEach((outage, k) => {
    const ratio = Number(outage.errorRatio ?? 1);
    if (!(ratio >= 0 && ratio <= 1))
      fail(`${where}.outages[${k}]: errorRatio must be 0..1`);
    const [from, to] = counterRange(
      eventSpan(outage, `${where}.outages[${k}]`),
    );
    errorRatio.fill(ratio, from, to + 1);
  });

  // Latency shape per minute: 0 = normal, k = slowdown k.
  const latency = spec.latency;
  const shapes = latency
    ? [aboveShares(latency.above, `${where}.latency.above`)]
    : [];
  const shapeAt = new Uint8Array(COUNT);
  (latency?.slowdowns ?? []).forEach((slowdown, k) => {
    const w = `${where}.latency.slowdowns[${k}]`;
    shapes.push(aboveShares({ ...latency.above, ...slowdown.above }, w));
    const [from, to] = counterRange(eventSpan(slowdown, w));
    shapeAt.fill(k + 1, from, to + 1);
  });

  const handlers = spec.handlers
    ? Object.entries(spec.handlers).map(([handler, share]) => ({
        labels: { job, handler },
        share: Number(share),
      }))
    : [{ labels: { job }, share: 1 }];

  let total30 = 0;
  const errorsIn = Object.fromEntries(
    Object.keys(windowMinutes).map(w => [w, 0]),
  );
  const totalIn = { ...errorsIn };
  for (const { labels, share } of handlers) {
    const rand = random(`${job}/${labels.handler ?? ''}`);
    const ok = new Float64Array(COUNT);
    const failed = new Float64Array(COUNT);
    const count = new Float64Array(COUNT);
    const bucketValues = latency
      ? buckets.map(() => new Float64Array(COUNT))
      : [];
    const slowExpected = new Float64Array(buckets.length);
    let requests = 0;
    let errorsExpected = 0;
    for (let i = 1; i < COUNT; i++) {
      const n = Math.max(
        0,
        Math.round(rpm * share * (1 + NOISE * (2 * rand() - 1))),
      );
      requests += n;
      errorsExpected += n * errorRatio[i];
      const errors = Math.floor(errorsExpected + 1e-9);
      ok[i] = requests - errors;
      failed[i] = errors;
      count[i] = requests;
      if (latency) {
        const above = shapes[shapeAt[i]];
        for (let k = 0; k < buckets.length; k++) {
          slowExpected[k] += n * above[k];
          bucketValues[k][i] = requests - Math.floor(slowExpected[k] + 1e-9);
        }
      }
    }
    addSeries('http_requests_total', { ...labels, code: '200' }, ok);
    addSeries('http_requests_total', { ...labels, code: '500' }, failed);
    if (latency) {
      buckets.forEach((le, k) =>
        addSeries(
          'http_request_duration_seconds_bucket',
          { ...labels, le: String(le) },
          bucketValues[k],
        ),
      );
      addSeries(
        'http_request_duration_seconds_bucket',
        { ...labels, le: '+Inf' },
        count,
      );
      addSeries('http_request_duration_seconds_count', labels, count);
    }
    for (const [w, minutes] of Object.entries(windowMinutes)) {
      const from = COUNT - 1 - minutes;
      errorsIn[w] += failed[COUNT - 1] - failed[from];
      totalIn[w] += count[COUNT - 1] - count[from];
    }
    total30 += count[COUNT - 1];
  }
  summary.push(
    `  ${job.padEnd(16)} ${spec.state ?? ''}`.padEnd(32) +
      Object.keys(windowMinutes)
        .map(w => `err ${w} ${((errorsIn[w] / totalIn[w]) * 100).toFixed(4)}%`)
        .join('  '),
  );
}

(scenarios.gauges ?? []).forEach((gauge, g) => {
  const where = `gauges[${g}] (${gauge.metric})`;
  if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(gauge.metric ?? ''))
    fail(`${where}: bad metric name`);
  const normal = Number(gauge.normal ?? 1);
  const jitter = Number(gauge.jitter ?? 0);
  const partitions =
    gauge.partitions === undefined ? undefined : Number(gauge.partitions);
  const spans = (gauge.outages ?? []).map((outage, k) => ({
    range: gaugeRange(eventSpan(outage, `${where}.outages[${k}]`)),
    value: Number(outage.value ?? 0),
  }));
  for (let p = 0; p < (partitions ?? 1); p++) {
    const labels =
      partitions === undefined
        ? gauge.labels
        : { ...gauge.labels, partition: String(p) };
    const rand = random(`${gauge.metric}/${labelText(labels)}`);
    const phase = rand() * 2 * Math.PI;
    const values = new Float64Array(COUNT);
    for (let i = 0; i < COUNT; i++) {
      // Slow 6-hour wave plus per-minute noise, both within +/- jitter.
      const wave =
        0.6 * Math.sin(phase + (2 * Math.PI * i) / 360) +
        0.4 * (2 * rand() - 1);
      values[i] = jitter
        ? Math.max(0, Math.round(normal * (1 + jitter * wave)))
        : normal;
    }
    for (const {
      range: [from, to],
      value,
    } of spans)
      values.fill(value, from, to + 1);
    addSeries(gauge.metric, labels, values);
  }
});

// ---- output ------------------------------------------------------------------------------

const out = fs.createWriteStream(outputPath);
const failed = new Promise((_, reject) => out.on('error', reject));
async function write(text) {
  if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
}

let series = 0;
for (const [name, list] of families) {
  await write(`# TYPE ${name} gauge\n`);
  for (const { labels, values } of list) {
    const prefix = `${name}{${labels}} `;
    // One series per chunk (~4 MB): strings are cheap to append, writes are few.
    let chunk = '';
    for (let i = 0; i < COUNT; i++) chunk += prefix + values[i] + timestamps[i];
    await write(chunk);
    series += 1;
  }
}
await write('# EOF\n');
out.end();
await Promise.race([once(out, 'finish'), failed]);

const bytes = fs.statSync(outputPath).size;
console.log(
  `Wrote ${series} series x ${COUNT} samples (${HISTORY_DAYS} days at 1m, ending ${new Date(
    END_S * 1000,
  ).toISOString()}) to ${outputPath}: ${(bytes / 1e6).toFixed(0)} MB in ${(
    (Date.now() - started) /
    1000
  ).toFixed(1)} s`,
);
console.log('Error ratio over the last 7d / 28d / 30d, per job:');
console.log(summary.join('\n'));
