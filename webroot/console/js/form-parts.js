// Editors for the parts of a form: question texts, matrix rows pasted from Excel, recommendation positions
// (title, 职数, 另行推荐, 等额) with their candidates, and the persons assessed (被测评人).

import { h, field } from './dom.js';

const KIND_NAMES = { scale: '单选', multi: '多选', text: '文字', matrix: '逐行评议', recommendation: '民主推荐' };

/** One question's editor; `editor` is the FormEditor (changed(), paste(), editable). */
export function questionEditor(q, path, section, editor) {
  const text = h('input', { id: 'question-text-' + q.id, testid: 'question-text-' + q.id, value: q.text || '',
    maxLength: 500 });
  text.addEventListener('input', () => { q.text = text.value; editor.changed(); });
  const box = h('fieldset', { class: 'question-editor', dataset: { question: q.id, field: path } },
    h('legend', { text: (KIND_NAMES[q.kind] || q.kind) + (section.subject ? ' · ' + section.subject.name : '') }),
    field('题目', text, { path: path + '.text', wide: true }));
  if (q.kind === 'matrix') box.appendChild(matrixEditor(q, path, !!section.subject, editor));
  if (q.kind === 'recommendation') box.appendChild(recommendationEditor(q, path, editor));
  if (q.kind === 'scale' || q.kind === 'multi') {
    box.appendChild(h('p', { class: 'hint', text: '选项：' + q.options.map((o) => o.label).join(' / ') +
      '（选项可在“高级：编辑 JSON”中修改）' }));
  }
  return box;
}

function table(headers, rows, testid) {
  return h('table', { class: 'table compact', testid },
    h('thead', {}, h('tr', {}, headers.map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, rows.length ? rows.map((cells) => h('tr', {}, cells.map((c) => h('td', { text: c || '' }))))
      : h('tr', {}, h('td', { colspan: String(headers.length), class: 'empty', text: '（尚无名单）' }))));
}

/** A textarea to paste tab-separated lines into, and 导入; `body()` builds the request around the text. */
function pasteBox(key, columns, body, editor) {
  const area = h('textarea', { id: 'paste-' + key, testid: 'paste-' + key, rows: 5, class: 'code', spellcheck: false,
    placeholder: columns.join('\t') + '\n' + columns.map((c, i) => (i === 0 ? '张三' : '…')).join('\t') });
  const button = h('button', { type: 'button', testid: 'import-' + key, text: '导入' });
  const wrap = h('div', { class: 'paste', dataset: { field: 'tsv' } },
    h('label', { for: area.id, text: '粘贴名单（从 Excel 复制）' }), area,
    h('p', { class: 'hint', text: '列顺序：' + columns.join('、') + '。第一行可以是表头（含“姓名”）。导入会替换现有名单。' }),
    h('div', { class: 'actions' }, button));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try { await editor.paste(body(area.value), wrap); } finally { button.disabled = false; }
  });
  return wrap;
}

function matrixEditor(q, path, inSubjectSection, editor) {
  const columns = [q.rowHeader || '姓名', ...(q.columns || []).map((c) => c.label)];
  const rows = (q.rows || []).map((r) => [r.label, ...(q.columns || []).map((c) => (r.attributes || {})[c.key])]);
  const wrap = h('div', { class: 'matrix-editor', dataset: { field: path + '.rows' } },
    h('p', { class: 'hint', text: '选项：' + q.options.map((o) => o.label).join(' / ') }),
    table(columns, rows, 'rows-' + q.id));
  if (inSubjectSection) {
    wrap.appendChild(h('p', { class: 'hint', text: '测评项目可在“高级：编辑 JSON”中修改。' }));
  } else if (editor.editable) {
    wrap.appendChild(pasteBox(q.id, ['姓名', ...(q.columns || []).map((c) => c.label)],
      (tsv) => ({ questionId: q.id, tsv }), editor));
  }
  return wrap;
}

function nextPositionId(q) {
  let n = q.positions.length + 1;
  while (q.positions.some((p) => p.id === 'p' + n)) n += 1;
  return 'p' + n;
}

function recommendationEditor(q, path, editor) {
  const mode = h('select', { id: 'mode-' + q.id, testid: 'mode-' + q.id },
    h('option', { value: 'select', text: '在候选人中勾选（最多职数人）' }),
    h('option', { value: 'approve', text: '对每名候选人表态（同意/不同意/弃权）' }));
  mode.value = q.mode || 'select';
  mode.addEventListener('change', () => { q.mode = mode.value; editor.changed(); editor.render(); });
  const wrap = h('div', { class: 'recommendation-editor' }, field('推荐方式', mode, { path: path + '.mode' }));
  q.positions.forEach((p, pi) => wrap.appendChild(positionEditor(q, p, `${path}.positions[${pi}]`, editor)));
  if (editor.editable) {
    wrap.appendChild(h('button', { type: 'button', class: 'small', testid: 'add-position-' + q.id, text: '添加职位',
      onclick: () => {
        q.positions.push({ id: nextPositionId(q), title: '（请填写推荐职位）', seats: 1, writeIns: true,
          equalSlate: false, candidates: [] });
        editor.changed();
        editor.render();
      } }));
  }
  return wrap;
}

function positionEditor(q, p, path, editor) {
  const key = q.id + '-' + p.id;
  const title = h('input', { id: 'position-title-' + key, testid: 'position-title-' + key, value: p.title,
    maxLength: 200 });
  title.addEventListener('input', () => { p.title = title.value; editor.changed(); });
  const seats = h('input', { id: 'position-seats-' + key, testid: 'position-seats-' + key, type: 'number', min: '1',
    step: '1', value: String(p.seats) });
  seats.addEventListener('input', () => { p.seats = Math.max(1, parseInt(seats.value, 10) || 1); editor.changed(); });
  const writeIns = checkbox('position-writeins-' + key, '允许另行推荐', p.writeIns, (v) => { p.writeIns = v; editor.changed(); });
  const equal = checkbox('position-equal-' + key, '等额推荐（候选人不多于职数）', p.equalSlate,
    (v) => { p.equalSlate = v; editor.changed(); });
  const remove = editor.editable && q.positions.length > 1
    ? h('button', { type: 'button', class: 'ghost small danger', testid: 'remove-position-' + key, text: '删除职位',
      onclick: () => { q.positions.splice(q.positions.indexOf(p), 1); editor.changed(); editor.render(); } })
    : null;
  const rows = (p.candidates || []).map((c) => [c.name, c.gender, c.birth, c.currentPost]);
  return h('fieldset', { class: 'position-editor', dataset: { position: p.id, field: path } },
    h('legend', { text: '推荐职位 ' + p.id }),
    h('div', { class: 'grid' },
      field('职位名称', title, { path: path + '.title' }),
      field('职数（应推荐人数）', seats, { path: path + '.seats' }),
      h('div', { class: 'field checks', dataset: { field: path + '.writeIns' } }, writeIns, equal)),
    h('div', { dataset: { field: path + '.candidates' } },
      table(['姓名', '性别', '出生年月', '现任职务'], rows, 'candidates-' + key)),
    editor.editable ? pasteBox(key, ['姓名', '性别', '出生年月', '现任职务'],
      (tsv) => ({ questionId: q.id, positionId: p.id, tsv }), editor) : null,
    remove);
}

function checkbox(testid, text, value, onChange) {
  const input = h('input', { type: 'checkbox', id: testid, testid, checked: !!value });
  input.addEventListener('change', () => onChange(input.checked));
  return h('label', { class: 'check' }, input, ' ', text);
}

/** 被测评人: for forms whose sections assess a person; pasting replaces them all (target "subjects"). */
export function subjectsEditor(definition, editor) {
  const people = definition.sections.filter((s) => s.subject).map((s) => [s.subject.name, s.subject.post]);
  if (!people.length) return null;
  return h('fieldset', { class: 'question-editor', testid: 'subjects-editor' },
    h('legend', { text: '被测评人' }),
    table(['姓名', '职务'], people, 'subjects-table'),
    editor.editable ? pasteBox('subjects', ['姓名', '职务'], (tsv) => ({ target: 'subjects', tsv }), editor) : null);
}
