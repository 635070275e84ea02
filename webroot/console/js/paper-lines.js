// The lines of a paper ballot as a clerk reads it down the page: blocks of lines (a cadre, a 德/能/… row, a
// scale question, a candidate), each line holding one or more stops (a group of choices the keyboard fills in one
// go). The desk entry (paper-desk.js) renders stops as inputs; the mismatch view (paper-compare.js) as values.

import { APPROVE_DEFAULT } from '/shared/ballot-recommendation.js';

/** The key that marks the option at `index`: 1–9, then a, b, c… (a multiple choice may have a dozen options). */
export function keyOf(index) {
  return index < 9 ? String(index + 1) : String.fromCharCode(97 + index - 9);
}

/** The option index a key stands for, or -1. */
export function indexOfKey(key) {
  if (/^[1-9]$/.test(key)) return Number(key) - 1;
  if (/^[a-z]$/i.test(key)) return key.toLowerCase().charCodeAt(0) - 97 + 9;
  return -1;
}

/**
 * The blocks of one form. A block is one table: { kind, title, options?, groups?, note?, lines }. A line is
 * { label, sub, stops, reasons? }; a stop is { id, kind: one|many|mark|text, options, path, label, max?, limit? }.
 * `path` locates the stop's value in the form's answers; `limit` names the stops that share one maximum.
 */
export function blocksOf(form) {
  const blocks = [];
  let number = 0;
  for (const section of form.sections || []) {
    const subject = section.subject ? section.subject.name : '';
    const heading = section.subject
      ? section.subject.name + (section.subject.post ? '（' + section.subject.post + '）' : '')
      : section.title || '';
    let first = true;
    for (const q of section.questions || []) {
      number += 1;
      const title = first && heading ? heading : '';
      first = false;
      const made = BLOCKS[q.kind] ? BLOCKS[q.kind](q, number, subject) : [];
      made.forEach((b, i) => { if (i === 0 && title) b.section = title; });
      const last = blocks[blocks.length - 1];
      // Scale questions in a row with the same choices share one table, so their columns line up.
      if (q.kind === 'scale' && last && last.kind === 'scale' && !made[0].section && sameOptions(last.options, q.options)) {
        last.lines.push(...made[0].lines);
      } else {
        blocks.push(...made);
      }
    }
  }
  return blocks;
}

function sameOptions(a, b) {
  return a.length === b.length && a.every((o, i) => o.id === b[i].id && o.label === b[i].label);
}

function who(subject, label) {
  return (subject ? subject + ' ' : '') + label;
}

const BLOCKS = {
  scale(q, number, subject) {
    const name = who(subject, q.text.length <= 16 ? q.text : '第' + number + '题');
    return [{ kind: 'scale', title: '', options: q.options, lines: [{
      label: number + '. ' + q.text, required: q.required,
      stops: [{ id: q.id, kind: 'one', options: q.options, path: [q.id], label: name }] }] }];
  },
  multi(q, number, subject) {
    const name = who(subject, q.text.length <= 16 ? q.text : '第' + number + '题');
    return [{ kind: 'multi', title: number + '. ' + q.text, note: q.max ? '最多选 ' + q.max + ' 项' : '', lines: [{
      label: '', stops: [{ id: q.id, kind: 'many', options: q.options, path: [q.id], label: name, max: q.max }] }] }];
  },
  text(q, number) {
    return [{ kind: 'text', title: '', lines: [{ label: number + '. ' + q.text,
      stops: [{ id: q.id, kind: 'text', path: [q.id], label: q.text, maxLength: q.maxLength || 500 }] }] }];
  },
  matrix(q, number, subject) {
    const groups = [{ label: q.text, options: q.options }]
      .concat((q.extra || []).map((x) => ({ label: x.label, options: x.options })));
    const lines = (q.rows || []).map((row) => {
      const name = who(subject, row.label);
      const attrs = (q.columns || []).map((c) => (row.attributes || {})[c.key]).filter((v) => v);
      const stops = [{ id: q.id + '.' + row.id, kind: 'one', options: q.options, path: [q.id, row.id, 'option'],
        label: name }];
      (q.extra || []).forEach((x) => stops.push({ id: q.id + '.' + row.id + '.' + x.id, kind: 'one',
        options: x.options, path: [q.id, row.id, 'extra', x.id], label: name + ' ' + x.label }));
      const reasons = q.reason ? { id: q.id + '.' + row.id + '.reasons', kind: 'many', options: q.reason.options,
        path: [q.id, row.id, 'reasons'], label: name + ' ' + q.reason.label, max: q.reason.max,
        title: q.reason.label, when: { path: [q.id, row.id, 'option'], options: q.reason.whenOptions || [] } } : null;
      return { label: row.label, sub: attrs.join(' · '), stops, reasons };
    });
    return [{ kind: 'matrix', title: number + '. ' + q.text, rowHeader: q.rowHeader || '', groups, lines,
      attributes: (q.columns || []).map((c) => c.label).join(' · ') }];
  },
  recommendation(q, number) {
    const approve = q.mode === 'approve';
    const choices = q.approveOptions && q.approveOptions.length ? q.approveOptions : APPROVE_DEFAULT;
    return (q.positions || []).map((p) => {
      const limit = q.id + '.' + p.id;
      const lines = (p.candidates || []).map((c) => ({
        label: c.name, sub: [c.gender, c.birth, c.currentPost].filter((f) => f).join(' · '),
        stops: [approve
          ? { id: limit + '.' + c.id, kind: 'one', options: choices, path: [q.id, p.id, c.id], label: c.name }
          : { id: limit + '.' + c.id, kind: 'mark', options: [{ id: c.id, label: '推荐' }],
            path: [q.id, p.id, 'selected'], label: c.name, limit }] }));
      if (!approve && p.writeIns) {
        for (let i = 0; i < p.seats; i += 1) {
          lines.push({ label: '另行推荐第 ' + (i + 1) + ' 人', sub: '', stops: [{ id: limit + '.w' + i, kind: 'text',
            path: [q.id, p.id, 'writeIns'], index: i, label: p.title + ' 另行推荐第' + (i + 1) + '人',
            maxLength: 40, limit }] });
        }
      }
      return { kind: approve ? 'approve' : 'select', title: number + '. 推荐职位：' + p.title,
        note: (approve ? '职数 ' : '应推荐 ') + p.seats + ' 人', seats: p.seats, limit,
        options: approve ? choices : [{ id: 'mark', label: '推荐' }], lines };
    });
  },
};

/** The value of a stop in one form's answers: an option id, a list of ids, a text, or (mark) true/false. */
export function readStop(stop, answers) {
  let value = answers || {};
  for (const key of stop.path) value = value && typeof value === 'object' ? value[key] : undefined;
  if (stop.kind === 'mark') return Array.isArray(value) && value.includes(stop.options[0].id);
  if (stop.index !== undefined) return Array.isArray(value) ? value[stop.index] || '' : '';
  if (stop.kind === 'many') return Array.isArray(value) ? value : [];
  return value === undefined || value === null ? '' : value;
}

/** Puts a stop's value into one form's answers (built up stop by stop, in order). */
export function writeStop(stop, answers, value) {
  const empty = value === '' || value === false || (Array.isArray(value) && !value.length);
  if (empty) return;
  let node = answers;
  stop.path.slice(0, -1).forEach((key) => { node = node[key] = node[key] || {}; });
  const last = stop.path[stop.path.length - 1];
  if (stop.kind === 'mark' || stop.index !== undefined) {
    // A 民主推荐 position carries both lists whenever either has a name, as the phone sends it.
    node.selected = node.selected || [];
    node.writeIns = node.writeIns || [];
    node[last].push(stop.kind === 'mark' ? stop.options[0].id : value);
  } else {
    node[last] = value;
  }
}
