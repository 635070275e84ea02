// The tally report (GET /api/events/{id}/tally) turned into the pages the screen rotates through: per form and
// question one page, long lists split over several. Plain data, no DOM: the numbers and rates are the
// report's own (the server applies the official denominators), only arranged for a projector.

const ROWS_PER_PAGE = 8;
const LONG_ROWS_PER_PAGE = 4;
const LONG_LABEL = 12;

/** Every page of the report's results, in form order; [] when the report has none (turnout only, draft). */
export function slidesOf(tally) {
  const slides = [];
  for (const form of tally.forms || []) {
    for (const section of form.sections || []) {
      if (section.subject) slides.push(personSlide(form, section));
      else (section.questions || []).forEach((q) => slides.push(...questionSlides(form, q)));
    }
  }
  return slides.filter((s) => s.charts.length);
}

function questionSlides(form, q) {
  const base = { form: form.title, title: q.text };
  switch (q.kind) {
    case 'scale':
      return [{ ...base, key: form.id + '|' + q.id, facts: scaleFacts(q), charts: [scaleChart(form, q)] }];
    case 'multi':
      // The 主要问题 have no order of merit: one colour for all.
      return split(bars(q.options, q.answered, () => ({ tone: 't0' })), (chart, part) => ({ ...base, key: form.id + '|' + q.id + '|' + part,
        facts: [fact('作答', q.answered, '票')], notes: ['多选题，每项单独计数'], charts: [chart] }));
    case 'matrix':
      return matrixSlides(form, q, base);
    case 'recommendation':
      return (q.positions || []).flatMap((p) => positionSlides(form, q, p));
    default:
      return [];
  }
}

function scaleFacts(q) {
  const facts = [fact('作答', q.answered, '票')];
  if ('favourableRate' in q) facts.push(rate('好评率', q.favourableRate, 'lead'));
  if ('favourableRateExcludingUnknown' in q) facts.push(rate('好评率（不计不了解）', q.favourableRateExcludingUnknown));
  if ('excellentRate' in q) facts.push(rate('优秀率', q.excellentRate, 'lead'));
  if ('competentOrBetterRate' in q) facts.push(rate('称职以上率', q.competentOrBetterRate));
  return facts;
}

function scaleChart(form, q) {
  return { title: q.text, ...bars(q.options, q.answered) };
}

/** One horizontal bar per option or candidate, each against the whole it is a share of. */
function bars(items, whole, extra) {
  return {
    type: 'bars', whole, rows: (items || []).map((o, i) => ({
      label: o.label, count: o.count, percent: o.percent, tone: toneOf(o.id, i), ...(extra ? extra(o) : {}),
    })),
  };
}

function matrixSlides(form, q, base) {
  const sideName = form.template === 'new-cadres' ? '认同率' : '好评率';
  const rows = q.rows || [];
  const flagged = rows.filter((r) => r.flagged).length;
  const facts = [fact('有效票', q.valid, '票')];
  if (q.rule) facts.push(fact('需关注', flagged, '人', flagged ? 'alert' : ''));
  const notes = q.rule ? [q.rule] : [];
  const main = stacked(rows, (r) => r.options, q.valid, (r) => sideOf(r, sideName));
  const slides = split(main, (chart, part) => ({ ...base, key: form.id + '|' + q.id + '|' + part, facts, notes,
    charts: [chart] }));
  const extraIds = rows.length && rows[0].extra ? rows[0].extra.map((x) => x.id) : [];
  extraIds.forEach((id, n) => {
    const title = rows[0].extra[n].label;
    const chart = stacked(rows, (r) => ((r.extra || []).find((x) => x.id === id) || { options: [] }).options, q.valid);
    slides.push(...split(chart, (c, part) => ({ form: form.title, title, key: form.id + '|' + q.id + '|x:' + id + '|' + part,
      facts: [fact('有效票', q.valid, '票')], charts: [c] })));
  });
  return slides;
}

function sideOf(row, name) {
  if (row.flagged) return { side: '不认同率 ' + percent(row.unfavourableRate), flagged: true };
  if ('favourableRate' in row) return { side: name + ' ' + percent(row.favourableRate) };
  if ('score' in row) return { side: '平均分 ' + number(row.score) };
  return {};
}

/** One stacked bar per row (cadre, candidate, 德/能/…), a segment per option, against the valid ballots. */
function stacked(rows, optionsOf, whole, extra) {
  const options = rows.length ? optionsOf(rows[0]) : [];
  return {
    type: 'stacked', whole,
    options: options.map((o, i) => ({ label: o.label, tone: toneOf(o.id, i) })),
    rows: rows.map((r) => ({
      label: r.label,
      counts: optionsOf(r).map((o) => o.count),
      percents: optionsOf(r).map((o) => o.percent),
      ...(extra ? extra(r) : {}),
    })),
  };
}

function positionSlides(form, q, p) {
  const base = { form: form.title, title: p.title + '（职数 ' + p.seats + '）' };
  const facts = [fact('有效票', p.valid, '票')];
  if (q.mode === 'approve' || !('writeIns' in p)) {
    // Candidates by their 同意 votes, as the select mode's are by votes (the server keeps the ballot's order here).
    const ranked = p.candidates.map(named).sort((a, b) => count(b) - count(a));
    const chart = stacked(ranked, (c) => c.options, p.valid,
      (c) => ({ side: (c.options[0] ? c.options[0].label : '') + ' ' + percent(c.options[0] && c.options[0].percent) }));
    return split(chart, (c, part) => ({ ...base, key: form.id + '|' + q.id + '|' + p.id + '|' + part, facts, charts: [c] }));
  }
  if (p.invalid) facts.push(fact('无效', p.invalid, '票'));
  facts.push(fact('弃权', p.abstain, '票'), rate('最高得票率', p.leadingRate, 'lead'));
  const notes = q.rule ? [q.rule] : [];
  const marks = (c) => ({ badge: c.majority ? '过半数' : '', tone: c.majority ? 'lead' : 'plain' });
  const writeIns = (p.writeIns || []).map((w) => ({ ...w, label: w.name + '（另行推荐）' }));
  const chart = bars(p.candidates.map(named).concat(writeIns), p.valid, marks);
  return split(chart, (c, part) => ({ ...base, key: form.id + '|' + q.id + '|' + p.id + '|' + part, facts, notes,
    charts: [c] }));
}

/** A candidate as a chart row: the tally names a candidate as the form does (name); chart rows have labels. */
function named(candidate) {
  return { ...candidate, label: candidate.name };
}

function count(candidate) {
  return candidate.options[0] ? candidate.options[0].count : 0;
}

/** 民主测评: one page per assessed person, the 德能勤绩廉 rows and the overall grade side by side. */
function personSlide(form, section) {
  const facts = [];
  const charts = [];
  for (const q of section.questions || []) {
    if (q.kind === 'matrix') {
      charts.push({ title: q.text,
        ...stacked(q.rows || [], (r) => r.options, q.valid, (r) => ('score' in r ? { side: number(r.score) + ' 分' } : {})) });
      if ('score' in q) facts.push(fact('测评得分', number(q.score), '分', 'lead'));
      const weighted = (form.weighted || []).find((w) => w.section === section.id && w.question === q.id);
      if (weighted) facts.push(fact('分类考核得分', number(weighted.score), '分'));
    } else if (q.kind === 'scale') {
      charts.push(scaleChart(form, q));
      // 优秀率 and 称职以上率 are over the valid ballots; the 好评率 over those answering would repeat them.
      facts.push(...scaleFacts(q).filter((f) => f.label !== '作答' && !f.label.startsWith('好评率')));
    }
  }
  const valid = (section.questions || []).find((q) => 'valid' in q);
  if (valid) facts.unshift(fact('有效票', valid.valid, '票'));
  return { key: form.id + '|' + section.id, form: form.title, title: section.subject, facts, charts };
}

/** Splits a chart with many rows over pages of 8 (4 when labels are long), marking each page "续 n/m". */
function split(chart, slide) {
  const long = chart.rows.some((r) => String(r.label).length > LONG_LABEL);
  const size = long ? LONG_ROWS_PER_PAGE : ROWS_PER_PAGE;
  if (chart.rows.length <= size) return [slide(chart, 1)];
  const pages = Math.ceil(chart.rows.length / size);
  const out = [];
  for (let i = 0; i < pages; i += 1) {
    const part = { ...chart, rows: chart.rows.slice(i * size, (i + 1) * size) };
    out.push({ ...slide(part, i + 1), part: '续 ' + (i + 1) + '/' + pages });
  }
  return out;
}

/**
 * Colours carry the order of the scale (best first, as docs/domain.md says the order carries the meaning); 不了解
 * and 弃权 are grey, 不认同 and 不同意 dark, whatever their position.
 */
function toneOf(id, index) {
  if (id === 'unknown' || id === 'abstain') return 'unknown';
  // 存在 (拉票、跑官、要官 found) is the bad answer of the template's extra question, 不存在 the good one.
  if (id === 'disagree' || id === 'yes') return 'negative';
  if (id === 'no') return 't0';
  return ['t0', 't1', 't2', 't3', 't4', 't5'][Math.min(index, 5)];
}

function fact(label, value, unit, tone) {
  return { label, value: value === null || value === undefined ? '—' : String(value), unit, tone: tone || '' };
}

function rate(label, value, tone) {
  return value === null || value === undefined ? fact(label, '—', '', tone) : fact(label, number(value), '%', tone);
}

export function percent(value) {
  return value === null || value === undefined ? '—' : number(value) + '%';
}

function number(value) {
  return value === null || value === undefined ? '—' : Number(value).toFixed(2);
}
