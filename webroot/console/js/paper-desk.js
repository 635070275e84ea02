// The desk entry of paper ballots: every form as a dense grid (one line per cadre, 德/能/… row, question or
// candidate; one column per option, lined up down the table), filled from the keyboard as the clerk reads the
// paper (paper-keys.js). Marks are taken as marked: over a limit they are kept and shown in the warning colour.

import { h } from './dom.js';
import { OVER_LIMIT_NOTE } from '/shared/ballot-controls.js';
import { blocksOf, keyOf, writeStop } from './paper-lines.js';
import { attachKeys } from './paper-keys.js';

/**
 * Builds the entry grid of `forms` ([{id, definition}]). Returns { element, getAnswers, clear, focusFirst }.
 * `onLast` is called when Enter leaves the last line (the page focuses 提交).
 */
export function deskEntry(forms, onLast) {
  const element = h('div', { class: 'desk', testid: 'paper-desk' });
  let built = [];
  const render = () => {
    element.textContent = '';
    built = forms.map((form, f) => buildForm(element, form, 'pd' + f));
  };
  render();
  const stops = () => built.flatMap((b) => b.stops).filter((s) => !s.line.hidden);
  attachKeys(element, stops, onLast);
  return {
    element,
    getAnswers() {
      const all = {};
      built.forEach((b) => {
        const answers = {};
        b.stops.filter((s) => !s.line.hidden).forEach((s) => writeStop(s.def, answers, s.value()));
        if (Object.keys(answers).length) all[b.id] = answers;
      });
      return all;
    },
    clear: render,
    focusFirst() {
      const first = stops()[0];
      if (first) first.focus();
    },
  };
}

function buildForm(parent, form, prefix) {
  const stops = [];
  const limits = {};
  const box = h('section', { class: 'desk-form', testid: 'paper-form', dataset: { form: form.id } },
    h('h3', { class: 'desk-form-title', text: form.definition.title }));
  for (const block of blocksOf(form.definition)) {
    if (block.section) box.appendChild(h('h4', { class: 'desk-section', text: block.section }));
    box.appendChild(buildBlock(block, prefix, stops, limits));
  }
  parent.appendChild(box);
  Object.values(limits).forEach((l) => l.update());
  return { id: form.id, stops };
}

function buildBlock(block, prefix, stops, limits) {
  const table = h('table', { class: 'desk-grid desk-' + block.kind });
  const body = h('tbody');
  const head = headOf(block);
  if (head) table.appendChild(head);
  table.appendChild(body);
  if (block.limit) limits[block.limit] = limitOf(block.seats, block.note, table.querySelector('.desk-note'));
  for (const line of block.lines) {
    const tr = h('tr', { class: 'desk-line' });
    if (block.kind !== 'multi') {
      tr.appendChild(h('th', { scope: 'row', class: 'desk-label' }, h('span', { text: line.label }),
        line.required ? h('span', { class: 'desk-required', title: '必答', text: '*' }) : null));
      if (hasFacts(block) && line.stops[0].kind !== 'text') {
        tr.appendChild(h('td', { class: 'desk-facts', text: line.sub, title: line.sub }));
      }
    }
    body.appendChild(tr);
    line.stops.forEach((def, i) => {
      // At phone width the lines stack: a further scale of a cadre needs its question there (hidden at the desk).
      if (i > 0) tr.appendChild(h('td', { class: 'desk-group-label', 'aria-hidden': 'true', text: block.groups[i].label }));
      const stop = buildStop(def, tr, prefix, block);
      stops.push(stop);
      const limit = def.limit || (def.max ? def.id : null);
      if (def.max) limits[def.id] = limitOf(def.max, '', table.querySelector('.desk-note'));
      if (limit) limits[limit].add(stop);
    });
    if (line.reasons) stops.push(reasonLine(line, body, tr, stops[stops.length - line.stops.length], prefix, limits));
  }
  return table;
}

/** Whether lines carry a column of facts: a cadre's posts, a candidate's gender, birth and post. */
function hasFacts(block) {
  return block.kind === 'matrix' ? !!block.attributes : block.kind === 'select' || block.kind === 'approve';
}

function headOf(block) {
  const keyed = (options) => options.map((o, i) => h('th', { scope: 'col', class: 'desk-opt-head' },
    h('kbd', { text: keyOf(i) }), h('span', { text: o.label })));
  if (block.kind === 'scale') {
    return h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'desk-label', text: '题目' }), keyed(block.options)));
  }
  if (block.kind === 'matrix') {
    return h('thead', {},
      h('tr', { class: 'desk-groups' }, h('th', { scope: 'col', rowSpan: 2, colSpan: hasFacts(block) ? 2 : 1, class: 'desk-label' },
        h('span', { text: block.title }),
        h('span', { class: 'desk-sub', text: block.rowHeader + (block.attributes ? '（' + block.attributes + '）' : '') })),
      block.groups.map((g, i) => h('th', { scope: 'colgroup', colSpan: g.options.length,
        class: i ? 'desk-group desk-extra' : 'desk-group', text: i ? g.label : '评价', title: g.label }))),
      h('tr', {}, block.groups.map((g) => keyed(g.options))));
  }
  if (block.kind === 'select' || block.kind === 'approve') {
    return h('thead', {}, h('tr', {},
      h('th', { scope: 'col', class: 'desk-label' }, h('span', { text: block.title }),
        h('span', { class: 'desk-note', role: 'status' })),
      h('th', { scope: 'col', class: 'desk-facts', text: '性别 · 出生年月 · 现任职务' }), keyed(block.options)));
  }
  if (block.kind === 'multi') {
    return h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'desk-label' }, h('span', { text: block.title }),
      h('span', { class: 'desk-note', role: 'status' }))));
  }
  return null;
}

function buildStop(def, tr, prefix, block) {
  const name = prefix + '-' + def.id;
  if (def.kind === 'text') {
    const input = def.index !== undefined
      ? h('input', { type: 'text', class: 'desk-input', maxLength: def.maxLength, 'aria-label': def.label,
        placeholder: '另行推荐的姓名' })
      : h('textarea', { class: 'desk-input', rows: 1, maxLength: def.maxLength, 'aria-label': def.label,
        placeholder: '照纸质票录入文字；Shift+Enter 换行' });
    const cell = h('td', { class: 'desk-cell desk-text-cell', colSpan: block.kind === 'text' ? 99 : 2 }, input);
    tr.appendChild(cell);
    return stopOf(def, tr, [input], [cell], () => input.value.trim());
  }
  const type = def.kind === 'one' ? 'radio' : 'checkbox';
  const inputs = def.options.map((o) => h('input', { type, name, value: o.id,
    'aria-label': def.label + ' ' + o.label }));
  let cells;
  if (def.kind === 'many') {
    cells = [h('td', { class: 'desk-cell desk-chips' }, inputs.map((input, i) => h('label', { class: 'desk-chip' },
      input, h('kbd', { text: keyOf(i) }), h('span', { text: def.options[i].label }))))];
  } else {
    cells = inputs.map((input, i) => h('td', { class: 'desk-cell' }, h('label', { class: 'desk-opt' }, input,
      h('span', { class: 'desk-opt-text', 'aria-hidden': 'true' }, h('kbd', { text: keyOf(i) }), def.options[i].label))));
  }
  cells.forEach((c) => tr.appendChild(c));
  const value = def.kind === 'one' ? () => (inputs.find((i) => i.checked) || {}).value || ''
    : def.kind === 'mark' ? () => inputs[0].checked : () => inputs.filter((i) => i.checked).map((i) => i.value);
  return stopOf(def, tr, inputs, cells, value);
}

function stopOf(def, line, inputs, cells, value) {
  const stop = { def, line, inputs, cells, value };
  inputs.forEach((i) => { i.stop = stop; });
  stop.focus = (index) => {
    const target = inputs[index] || inputs.find((i) => i.checked) || inputs[0];
    target.focus();
    target.scrollIntoView({ block: 'nearest' });
  };
  return stop;
}

/** 不认同的原因: a sub-line under the cadre, shown only while the cadre's mark asks for a reason. */
function reasonLine(line, body, tr, main, prefix, limits) {
  const def = line.reasons;
  const sub = h('tr', { class: 'desk-line desk-reasons', hidden: true });
  body.appendChild(sub);
  const stop = buildStop(def, sub, prefix, { kind: 'matrix' });
  stop.cells[0].colSpan = 99;
  stop.cells[0].prepend(h('span', { class: 'desk-reason-label', text: line.label + ' · ' + def.title + '：' }),
    h('span', { class: 'desk-note', role: 'status' }));
  if (def.max) limits[def.id] = limitOf(def.max, '', sub.querySelector('.desk-note'));
  if (def.max) limits[def.id].add(stop);
  const show = () => { sub.hidden = !def.when.options.includes(main.value()); };
  main.inputs.forEach((i) => i.addEventListener('change', show));
  return stop;
}

/** Marks over `max` (options checked plus names written) are kept but tinted, with the note the phone shows. */
function limitOf(max, label, note) {
  const members = [];
  const update = () => {
    const marked = members.flatMap((s) => (s.def.kind === 'text'
      ? (s.inputs[0].value.trim() ? s.inputs : []) : s.inputs.filter((i) => i.checked)));
    const over = marked.length > max;
    members.forEach((s) => s.inputs.forEach((i) => i.closest('td,label').classList.toggle('desk-over', over && marked.includes(i))));
    if (note) {
      note.textContent = (label ? label + '，已推荐 ' + marked.length + ' 人' : '') + (over ? (label ? '；' : '') + OVER_LIMIT_NOTE : '');
      note.classList.toggle('over', over);
    }
  };
  return {
    update,
    add(stop) {
      members.push(stop);
      stop.inputs.forEach((i) => { i.addEventListener('change', update); i.addEventListener('input', update); });
    },
  };
}

/** The legend of keys shown beside the grid. */
export function keyLegend() {
  const rows = [
    ['Enter', '票签编号→第一行；下一行；最后一行→提交'],
    ['1–9 a b …', '选该列并跳到下一行（表头标出键）'],
    ['多选题、原因', '数字键勾选/取消，不跳行；Enter 下一行'],
    ['推荐人选', '1 推荐并跳到下一人；空格切换'],
    ['0 / Backspace', '清除本行'],
    ['↑ ↓ / Tab', '上一行、下一行'],
    ['← →', '本行内移动'],
    ['文字题', '照录；Shift+Enter 换行，Enter 下一行'],
  ];
  return h('section', { class: 'desk-legend', testid: 'paper-legend', 'aria-label': '键盘操作' },
    h('h2', { text: '键盘操作' }),
    h('dl', {}, rows.map(([k, v]) => [h('dt', {}, h('kbd', { text: k })), h('dd', { text: v })])));
}
