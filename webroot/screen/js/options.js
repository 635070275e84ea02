// ECharts options for the screen's two chart shapes, sized to be read from the back of a hall: horizontal bars
// (one per option or candidate, against the whole they are a share of) and stacked bars (one per cadre or
// candidate, a segment per option). Names go into axis data as plain text, never into rich-text templates.

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const INK = '#1f2329';
const MUTED = '#5c6370';
const TONES = {
  t0: '#b3141c', t1: '#e8787d', t2: '#d4a017', t3: '#4a5568', t4: '#8a6d3b', t5: '#6b7280',
  negative: '#3d4653', unknown: '#a7adb7', lead: '#b3141c', plain: '#d4a017',
};

/** The option for a chart model of slides.js, at a size (px) that sets the type: `narrow` for half-width charts. */
export function optionOf(chart, { narrow = false } = {}) {
  return chart.type === 'stacked' ? stackedOption(chart, narrow) : barsOption(chart, narrow);
}

function base() {
  return {
    animationDuration: 700,
    animationDurationUpdate: 900,
    textStyle: { fontFamily: FONT, color: INK },
    tooltip: { show: false },
  };
}

/** Names on the left; long ones (the 主要问题 of a multiple choice) wrap onto two lines rather than lose words. */
function labelAxis(labels, size, narrow) {
  const long = labels.some((l) => String(l).length > 12);
  const fontSize = long ? Math.min(size, 36) : size;
  return {
    type: 'category', inverse: true, data: labels,
    axisTick: { show: false }, axisLine: { show: false },
    axisLabel: { fontSize, color: INK, fontWeight: 'bold', margin: 24, lineHeight: Math.round(fontSize * 1.2),
      width: long ? (narrow ? 360 : 600) : (narrow ? 260 : 520), overflow: long ? 'break' : 'truncate' },
  };
}

function barsOption(chart, narrow) {
  const size = fontSize(chart.rows.length, narrow);
  return {
    ...base(),
    // Room on the right for the count and rate written after a full-length bar.
    grid: { left: 8, right: narrow ? 230 : 290, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: chart.whole > 0 ? chart.whole : null, show: false },
    yAxis: labelAxis(chart.rows.map((r) => r.label), size, narrow),
    series: [{
      type: 'bar', barMaxWidth: 64, barCategoryGap: '28%',
      showBackground: true, backgroundStyle: { color: '#eef0f3', borderRadius: 6 },
      itemStyle: { borderRadius: 6 },
      data: chart.rows.map((r) => ({ value: r.count, itemStyle: { color: TONES[r.tone] || TONES.t0 } })),
      label: {
        show: true, position: 'right', distance: 16, color: INK,
        formatter: (p) => barLabel(chart.rows[p.dataIndex]),
        rich: {
          n: { fontSize: size + 8, fontWeight: 'bold', color: INK, fontFamily: FONT },
          u: { fontSize: size - 6, color: MUTED, fontFamily: FONT, padding: [0, 14, 0, 4] },
          p: { fontSize: size, color: INK, fontFamily: FONT },
          b: { fontSize: size - 6, color: '#fff', backgroundColor: TONES.lead, borderRadius: 6,
            padding: [6, 10], fontFamily: FONT },
        },
      },
    }],
  };
}

/** "{n|23}{u|票}{p|38.33%}", plus a 过半数 badge: only numbers and fixed words, never a name. */
function barLabel(row) {
  const percent = row.percent === null || row.percent === undefined ? '—' : Number(row.percent).toFixed(2) + '%';
  return '{n|' + row.count + '}{u|票}{p|' + percent + '}' + (row.badge ? '  {b|' + row.badge + '}' : '');
}

function stackedOption(chart, narrow) {
  const size = fontSize(chart.rows.length, narrow);
  const hasSide = chart.rows.some((r) => r.side);
  const sideAxis = {
    ...labelAxis(chart.rows.map((r) => r.side || ''), size - 2, true), position: 'right',
    axisLabel: { fontSize: size - 2, margin: 20, color: INK,
      formatter: (value, index) => (chart.rows[index] && chart.rows[index].flagged ? '{flag|⚑ ' + plain(value) + '}'
        : plain(value)),
      rich: { flag: { fontSize: size - 2, color: TONES.t0, fontWeight: 'bold', fontFamily: FONT } } },
  };
  return {
    ...base(),
    legend: { top: 0, left: 'center', itemWidth: 36, itemHeight: 24, itemGap: 36,
      textStyle: { fontSize: narrow ? 28 : 32, color: INK, fontFamily: FONT }, selectedMode: false },
    // containLabel measures the side labels in their plain face: a flagged one is bold with a ⚑ before it, and
    // would run off the right edge ("不认同率 100.(") without this much more room.
    grid: { left: 8, right: chart.rows.some((r) => r.flagged) ? 8 + size : 8, top: narrow ? 56 : 64, bottom: 4,
      containLabel: true },
    xAxis: { type: 'value', min: 0, max: chart.whole > 0 ? chart.whole : null, show: false },
    yAxis: hasSide ? [labelAxis(chart.rows.map((r) => r.label), size, narrow), sideAxis]
      : [labelAxis(chart.rows.map((r) => r.label), size, narrow)],
    series: chart.options.map((o, k) => ({
      type: 'bar', stack: 'all', name: o.label, barMaxWidth: 60, barCategoryGap: '30%',
      itemStyle: { color: TONES[o.tone] || TONES.t0, borderColor: '#fff', borderWidth: 2 },
      data: chart.rows.map((r) => r.counts[k] || 0),
      label: {
        show: true, color: '#fff', fontSize: size - 4, fontWeight: 'bold', fontFamily: FONT,
        // A count is written inside its segment only where it fits; the text table has all of them.
        formatter: (p) => (chart.whole > 0 && p.value / chart.whole >= (narrow ? 0.1 : 0.05) ? String(p.value) : ''),
      },
    })),
  };
}

/** An option label (同意, in approve mode) in a rich-text axis: braces would start a style, so they become full-width. */
function plain(text) {
  return String(text).replace(/[{}]/g, (c) => (c === '{' ? '｛' : '｝'));
}

/** Type as large as the rows allow: 8 rows still get 34 px labels on a 1080-line screen. */
function fontSize(rows, narrow) {
  const size = rows <= 4 ? 44 : rows <= 6 ? 40 : 34;
  return narrow ? size - 6 : size;
}
