// Charts of a stored summary's findings, drawn as plain SVG (no chart library: a few shapes each, and
// the bundle stays small). A summary keeps each metric's statistics, trend and incidents, not its raw
// series, so these show the distribution per metric against its limit and the incidents on the window's
// timeline. Every chart is an image with a text alternative; the report's prose says the same in words.

const WIDTH = 640;

/** A value as the report's text writes it (summarize's Format): ratios and seconds in friendlier units. */
export function formatValue(value, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return '–';
  }
  switch (unit) {
    case 'ratio':
      return `${number(value * 100)} %`;
    case 's':
      return Math.abs(value) < 1 ? `${number(value * 1000)} ms` : `${number(value)} s`;
    case '%':
      return `${number(value)} %`;
    default:
      return `${number(value)} ${unit ?? ''}`.trim();
  }
}

function number(value) {
  const magnitude = Math.abs(value);
  if (value === 0) {
    return '0';
  }
  if (magnitude >= 100) {
    return Math.round(value).toLocaleString('en');
  }
  return magnitude >= 10 ? value.toFixed(1) : magnitude >= 0.01 ? value.toFixed(2) : value.toPrecision(2);
}

/** The health score (0–100) as a ring. */
export function HealthRing({ score }) {
  const radius = 52;
  const circumference = 2 * Math.PI * radius;
  const known = score !== null && score !== undefined;
  const color = !known ? '#8a8d90' : score >= 80 ? '#3e8635' : score >= 50 ? '#f0ab00' : '#c9190b';
  return (
    <svg className="ragfn-chart" viewBox="0 0 140 140" width="140" height="140" role="img"
      aria-label={known ? `Health ${score} out of 100` : 'Health not judged'}>
      <circle cx="70" cy="70" r={radius} fill="none" stroke="#d2d2d2" strokeWidth="14" />
      {known && (
        <circle cx="70" cy="70" r={radius} fill="none" stroke={color} strokeWidth="14"
          strokeDasharray={`${(circumference * score) / 100} ${circumference}`} transform="rotate(-90 70 70)" />
      )}
      <text x="70" y="68" textAnchor="middle" fontSize="30" fontWeight="bold">{known ? score : '–'}</text>
      <text x="70" y="92" textAnchor="middle" fontSize="13">of 100</text>
    </svg>
  );
}

/**
 * One row per metric with data: the range min–max as a thin bar, p50–p95 as a box, p99 and the mean as
 * ticks, the latest value as a dot, and the metric's limit as a red line. Each row has its own scale.
 */
export function MetricRanges({ metrics }) {
  const rows = metrics.filter((m) => m.stats);
  const rowHeight = 40;
  const left = 190;
  const right = 20;
  const plot = WIDTH - left - right;
  const description = rows.map((m) => `${m.title}: min ${formatValue(m.stats.min, m.unit)}, median ${formatValue(m.stats.p50, m.unit)}, `
    + `p95 ${formatValue(m.stats.p95, m.unit)}, max ${formatValue(m.stats.max, m.unit)}, latest ${formatValue(m.stats.latest, m.unit)}`
    + (m.limit !== null && m.limit !== undefined ? `, limit ${formatValue(m.limit, m.unit)}` : '')).join('; ');
  return (
    <svg className="ragfn-chart" viewBox={`0 0 ${WIDTH} ${rows.length * rowHeight + 24}`} role="img"
      aria-label={`Distribution of each metric over the window. ${description}`}>
      {rows.map((m, i) => {
        const s = m.stats;
        const high = Math.max(s.max, m.limit ?? -Infinity);
        const low = Math.min(0, s.min);
        const x = (v) => left + (plot * (v - low)) / ((high - low) || 1) / 1.05;
        const y = i * rowHeight + 8;
        const mid = y + 14;
        return (
          <g key={m.name} data-metric={m.name}>
            <text x="0" y={mid} fontSize="13">{m.title}</text>
            <text x="0" y={mid + 16} fontSize="11" fill="#6a6e73">{formatValue(s.min, m.unit)} – {formatValue(s.max, m.unit)}</text>
            <line x1={left} x2={left + plot} y1={mid} y2={mid} stroke="#f0f0f0" />
            <rect x={x(s.min)} y={mid - 2} width={Math.max(1, x(s.max) - x(s.min))} height="4" fill="#8bc1f7" />
            <rect x={x(s.p50)} y={mid - 9} width={Math.max(2, x(s.p95) - x(s.p50))} height="18" fill="#0066cc" opacity="0.75" />
            <line x1={x(s.p99)} x2={x(s.p99)} y1={mid - 9} y2={mid + 9} stroke="#004080" strokeWidth="2" />
            <line x1={x(s.mean)} x2={x(s.mean)} y1={mid - 12} y2={mid + 12} stroke="#151515" strokeDasharray="2 2" />
            <circle cx={x(s.latest)} cy={mid} r="5" fill="#f0ab00" stroke="#151515" />
            {m.limit !== null && m.limit !== undefined && (
              <line x1={x(m.limit)} x2={x(m.limit)} y1={mid - 16} y2={mid + 16} stroke="#c9190b" strokeWidth="2" />
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** What MetricRanges' marks mean, shown once beside it. */
export function MetricRangesLegend() {
  const items = [
    ['#8bc1f7', 'min to max'],
    ['#0066cc', 'median to p95'],
    ['#004080', 'p99'],
    ['#f0ab00', 'latest'],
    ['#c9190b', 'limit'],
  ];
  return (
    <ul className="ragfn-legend" aria-label="Legend">
      {items.map(([color, label]) => (
        <li key={label}><span className="ragfn-swatch" style={{ background: color }} aria-hidden="true" />{label}</li>
      ))}
      <li><span className="ragfn-swatch ragfn-swatch-dashed" aria-hidden="true" />mean</li>
    </ul>
  );
}

const KIND_COLORS = { SPIKE: '#c9190b', DROP: '#0066cc', PLATEAU: '#f0ab00', ABOVE_LIMIT: '#7d1007' };

/** Incidents on the window's timeline, one row per metric that had any; an ongoing one runs to the end. */
export function IncidentTimeline({ metrics, windowStart, windowEnd }) {
  const rows = metrics.filter((m) => m.anomalies?.length);
  if (rows.length === 0) {
    return null;
  }
  const start = Date.parse(windowStart);
  const end = Date.parse(windowEnd);
  const left = 190;
  const plot = WIDTH - left - 20;
  const rowHeight = 30;
  const x = (t) => left + (plot * (Date.parse(t) - start)) / (end - start);
  const height = rows.length * rowHeight + 30;
  const description = rows.flatMap((m) => m.anomalies.map((a) =>
    `${m.title} ${a.kind.toLowerCase().replace('_', ' ')} from ${time(a.start)} to ${a.ongoing ? 'the end' : time(a.end)}`)).join('; ');
  return (
    <svg className="ragfn-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`Incidents over the window: ${description}`}>
      {rows.map((m, i) => {
        const y = i * rowHeight + 6;
        return (
          <g key={m.name}>
            <text x="0" y={y + 14} fontSize="13">{m.title}</text>
            <line x1={left} x2={left + plot} y1={y + 10} y2={y + 10} stroke="#f0f0f0" />
            {m.anomalies.map((a, j) => (
              <rect key={j} data-kind={a.kind} x={x(a.start)} y={y + 2} height="16" rx="2" fill={KIND_COLORS[a.kind] ?? '#6a6e73'}
                width={Math.max(4, (a.ongoing ? left + plot : x(a.end)) - x(a.start))} />
            ))}
          </g>
        );
      })}
      <line x1={left} x2={left + plot} y1={height - 22} y2={height - 22} stroke="#6a6e73" />
      <text x={left} y={height - 6} fontSize="11">{time(windowStart)}</text>
      <text x={left + plot} y={height - 6} fontSize="11" textAnchor="end">{time(windowEnd)}</text>
    </svg>
  );
}

/** Where the health score's points went, largest first. */
export function DeductionBars({ deductions }) {
  if (!deductions?.length) {
    return null;
  }
  const left = 260;
  const plot = WIDTH - left - 50;
  const most = Math.max(...deductions.map((d) => d.points));
  return (
    <svg className="ragfn-chart" viewBox={`0 0 ${WIDTH} ${deductions.length * 26 + 4}`} role="img"
      aria-label={`Points lost: ${deductions.map((d) => `${d.points} for ${d.reason}`).join('; ')}`}>
      {deductions.map((d, i) => (
        <g key={i}>
          <text x="0" y={i * 26 + 17} fontSize="12">{d.reason.length > 38 ? `${d.reason.slice(0, 37)}…` : d.reason}</text>
          <rect x={left} y={i * 26 + 5} height="16" width={Math.max(2, (plot * d.points) / most)} fill="#c9190b" opacity="0.8" />
          <text x={left + (plot * d.points) / most + 6} y={i * 26 + 17} fontSize="12">−{d.points}</text>
        </g>
      ))}
    </svg>
  );
}

function time(iso) {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
