// Benchmark rows: each a count or a ratio measured in this run, checked against its target, printed as a
// console table, a Markdown table and JSON.

/**
 * @typedef {'ms'|'requests'|'bytes'|'ratio'|'count'|'bool'|'text'} Unit
 * @typedef {{ op: '<=', value: number, label?: string }} Target
 * @typedef {{ id: string, section: string, label: string, unit: Unit, value: number|boolean|string|null,
 *   display?: string, target?: Target, status?: 'PASS'|'MISS'|'INFO'|'ERROR', miss?: string, note?: string,
 *   detail?: unknown }} Row
 */

const KB = 1024;

export function formatValue(value, unit) {
  if (value === null || value === undefined) return 'n/a';
  switch (unit) {
    case 'ms':
      return `${Math.round(value)} ms`;
    case 'bytes':
      return `${(value / KB).toFixed(1)} KB`;
    case 'ratio':
      return value.toFixed(3);
    case 'requests':
      return `${value}`;
    case 'bool':
      return value ? 'yes' : 'no';
    default:
      return String(value);
  }
}

function formatTarget(target, unit) {
  if (!target) return '—';
  if (target.label) return target.label;
  if (target.value === 0) return '0';
  return `≤ ${formatValue(target.value, unit)}`;
}

/** How far a missed target is off, in the row's unit (and relative where that says more). */
function missBy(value, target, unit) {
  const over = value - target.value;
  const relative = target.value > 0 ? `, ${((over / target.value) * 100).toFixed(0)} % over` : '';
  switch (unit) {
    case 'ms':
      return `+${Math.round(over)} ms${relative}`;
    case 'bytes':
      return `+${(over / KB).toFixed(1)} KB${relative}`;
    case 'ratio':
      return `+${over.toFixed(3)}${relative}`;
    case 'requests':
      return `${over} request${over === 1 ? '' : 's'} over`;
    default:
      return `off by ${over}`;
  }
}

/** Fills status, miss and display. */
export function evaluate(row) {
  const out = { ...row };
  out.display ??= formatValue(row.value, row.unit);
  if (row.status === 'ERROR' || row.value === null || row.value === undefined) {
    out.status = 'ERROR';
    return out;
  }
  if (!row.target || typeof row.value !== 'number') {
    out.status = 'INFO';
    return out;
  }
  const ok = row.value <= row.target.value;
  out.status = ok ? 'PASS' : 'MISS';
  if (!ok) out.miss = missBy(row.value, row.target, row.unit);
  return out;
}

function resultCell(row) {
  if (row.status === 'MISS') return `MISS (${row.miss})`;
  if (row.status === 'ERROR') return `ERROR${row.note ? `: ${row.note}` : ''}`;
  return row.status;
}

const truncate = (text, width) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** A fixed-width console table. */
export function consoleTable(rows) {
  const header = ['Measure', 'Target', 'Measured', 'Result'];
  const body = rows.map((row) => [row.label, formatTarget(row.target, row.unit), row.display, resultCell(row)]);
  const widths = header.map((h, i) => Math.min(i === 0 ? 64 : 44, Math.max(h.length, ...body.map((r) => r[i].length))));
  const line = (cells) => cells.map((c, i) => truncate(c, widths[i]).padEnd(widths[i])).join(' │ ');
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  const out = [line(header), rule];
  let section;
  for (let i = 0; i < rows.length; i += 1) {
    if (rows[i].section !== section) {
      section = rows[i].section;
      out.push(`▸ ${section}`);
    }
    out.push(line(body[i]));
  }
  return out.join('\n');
}

const mdCell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdown(rows, meta) {
  const lines = [
    `### Performance benchmark`,
    '',
    `Built extension in Chromium ${meta.chromium ?? '?'} (headless) against the offline Hub with ${meta.latencyMs} ms added to every request; ` +
      `timings are the median (and p90) of ${meta.runs} runs unless a row says otherwise; ${meta.date}; machine load average ${meta.loadAverage.before} on ${meta.cpus} CPUs. Produced by \`npm run bench\`.`,
    '',
    '| Measure | Target | Measured | Result |',
    '|---|---|---|---|',
  ];
  let section;
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      lines.push(`| **${mdCell(section)}** | | | |`);
    }
    lines.push(`| ${mdCell(row.label)} | ${mdCell(formatTarget(row.target, row.unit))} | ${mdCell(row.display)} | ${mdCell(resultCell(row))} |`);
  }
  const notes = rows.filter((r) => r.note && r.status !== 'ERROR');
  if (notes.length) {
    lines.push('', 'Notes:', '');
    for (const row of notes) lines.push(`- *${mdCell(row.label)}*: ${mdCell(row.note)}`);
  }
  return `${lines.join('\n')}\n`;
}
