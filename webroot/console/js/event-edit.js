// 活动详情/编辑: the event's details, its voter categories, counters and supervisors, the responsible person,
// the status actions (开始投票 / 结束投票 / 归档) and, below, its forms.

import { get, post, put, can } from './api.js';
import { h, field, fill, mount, messageBox, showMessage, showError, clearFieldErrors, confirmDialog, busy } from './dom.js';
import { statusBadge } from './events.js';
import { formsPanel } from './forms.js';
import { slipsPanel } from './slips.js';
import { screenPanel } from './screen-panel.js';
import { stepper } from './stepper.js';

const TRANSITIONS = [
  { action: 'open', from: 'draft', text: '开始投票', testid: 'open-event',
    question: '开始投票后，所有表单将被校验并冻结，不能再修改。确定开始投票吗？' },
  { action: 'close', from: 'open', text: '结束投票', testid: 'close-event',
    question: '结束投票后，将不再接受投票。确定结束投票吗？' },
  { action: 'archive', from: 'closed', text: '归档', testid: 'archive-event',
    question: '归档后活动只能查看。确定归档吗？' },
];

/** Splits "张三，李四、王五" (commas, 顿号, semicolons or new lines) into names. */
export function splitNames(text) {
  return text.split(/[,，、;；\n]+/).map((s) => s.trim()).filter(Boolean);
}

function input(testid, value, extra = {}) {
  return h('input', { id: testid, testid, value: value == null ? '' : String(value), ...extra });
}

export async function showEvent(id) {
  const message = messageBox('event-error');
  const page = h('section', { class: 'panel' }, h('p', { text: '正在加载……' }));
  mount(page);
  let event = null;
  if (id) {
    try {
      event = await get('/events/' + encodeURIComponent(id));
    } catch (error) {
      page.textContent = '';
      page.append(h('h1', { text: '活动' }), message);
      showError(message, error);
      return;
    }
  }
  render(page, event, message);
}

function render(page, event, message) {
  const editable = can('organizer') && (!event || event.status === 'draft' || event.status === 'open');
  const e = event || { categories: [], counters: [], supervisors: [], responsible: { name: '', title: '负责人' } };
  const f = {
    title: input('event-title', e.title, { maxLength: 200, required: true }),
    organizingUnit: input('event-unit', e.organizingUnit, { maxLength: 200 }),
    date: input('event-date', e.date, { type: 'date' }),
    venue: input('event-venue', e.venue, { maxLength: 200 }),
    expectedAttendance: input('event-expected', e.expectedAttendance || 0, { type: 'number', min: '0', step: '1' }),
    counters: input('event-counters', (e.counters || []).join('、')),
    supervisors: input('event-supervisors', (e.supervisors || []).join('、')),
    responsibleName: input('event-responsible-name', e.responsible && e.responsible.name, { maxLength: 50 }),
    responsibleTitle: input('event-responsible-title', (e.responsible && e.responsible.title) || '负责人',
      { maxLength: 20, list: 'responsible-titles' }),
  };
  const categories = categoryEditor(e.categories || []);
  const save = h('button', { type: 'submit', class: 'primary', testid: 'save-event', text: event ? '保存' : '创建活动' });
  const form = h('form', { class: 'event-form', testid: 'event-form', novalidate: true },
    h('div', { class: 'grid' },
      field('活动名称', f.title, { path: 'title', wide: true }),
      field('组织单位', f.organizingUnit, { path: 'organizingUnit' }),
      field('日期', f.date, { path: 'date' }),
      field('地点', f.venue, { path: 'venue' }),
      field('应到人数', f.expectedAttendance, { path: 'expectedAttendance' })),
    categories.node,
    h('div', { class: 'grid' },
      field('计票人', f.counters, { path: 'counters', hint: '多人用逗号或顿号分隔' }),
      field('监票人', f.supervisors, { path: 'supervisors', hint: '多人用逗号或顿号分隔' }),
      field('负责人姓名', f.responsibleName, { path: 'responsible.name' }),
      field('负责人职务', f.responsibleTitle, { path: 'responsible.title', hint: '如：主持人、支部书记、考察组长' })),
    h('datalist', { id: 'responsible-titles' },
      ['负责人', '主持人', '支部书记', '考察组长'].map((t) => h('option', { value: t }))),
    editable ? h('div', { class: 'actions' }, save) : null);
  if (!editable) form.querySelectorAll('input, button, select').forEach((n) => { n.disabled = true; });
  // Slips, ballots and the count all hang on the categories: once voting has opened they are fixed.
  if (event && event.status !== 'draft') {
    categories.node.disabled = true;
    categories.node.append(h('p', { class: 'hint', testid: 'categories-locked',
      text: '投票已经开始，参评人员类别已锁定，不能再修改（票签、选票和计票都按这些类别进行）。其他信息仍可修改。' }));
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = {
      title: f.title.value.trim(),
      organizingUnit: f.organizingUnit.value.trim(),
      date: f.date.value || null,
      venue: f.venue.value.trim(),
      expectedAttendance: Number(f.expectedAttendance.value || 0),
      categories: categories.value(),
      counters: splitNames(f.counters.value),
      supervisors: splitNames(f.supervisors.value),
      responsible: { name: f.responsibleName.value.trim(), title: f.responsibleTitle.value.trim() },
    };
    await busy(save, async () => {
      try {
        const saved = event ? await put('/events/' + event.id, body) : await post('/events', body);
        clearFieldErrors(form);
        if (!event) {
          location.hash = '#/events/' + saved.id;
          return;
        }
        render(page, saved, message);
        showMessage(message, '已保存', 'success');
      } catch (error) {
        showError(message, error, form);
      }
    });
  });

  fill(page,
    h('p', { class: 'crumbs' }, h('a', { href: '#/events', text: '活动列表' }), ' / '),
    h('div', { class: 'page-head' },
      h('h1', { text: event ? event.title : '新建活动' }),
      event ? statusBadge(event.status, 'event-status') : null),
    event ? stepper(event, page) : null,
    event ? statusActions(page, event, message) : null,
    event && event.status !== 'draft'
      ? h('p', { class: 'inline-form' },
        event.status === 'open' || event.status === 'closed'
          ? h('a', { href: '#/events/' + event.id + '/paper', class: 'button', testid: 'paper-link', text: '纸质票录入' })
          : null,
        h('a', { href: '#/events/' + event.id + '/exports', class: 'button', testid: 'exports-link', text: '导出与归档' }))
      : null,
    message, form);
  if (event) page.appendChild(formsPanel(event));
  if (event) page.appendChild(slipsPanel(event));
  if (event) page.appendChild(screenPanel(event));
}

/**
 * 结束投票's question says what is still open: slips nobody has voted with yet (per category) and paper ballots
 * waiting for their second entry, so that nobody closes a hall that is still voting by mistake.
 */
async function closeQuestion(event) {
  const ask = '结束投票后，手机不能再投票（纸质票仍可录入，直到归档）。';
  try {
    const [counts, pending] = await Promise.all([
      get('/events/' + event.id + '/slips/counts'), get('/events/' + event.id + '/paper-ballots')]);
    const unused = counts.reduce((n, c) => n + c.unused, 0);
    const lines = [];
    if (unused > 0) {
      lines.push('还有 ' + unused + ' 张票签未使用（' + counts.filter((c) => c.unused > 0)
        .map((c) => c.category + ' 类 ' + c.unused + ' 张').join('、') + '）；结束后可登记为“未收回”。');
    }
    if (pending.length > 0) lines.push('还有 ' + pending.length + ' 张纸质票在等待第二遍录入或核对。');
    if (!lines.length) lines.push('发出的票签都已使用，没有待录入的纸质票。');
    return ask + '\n' + lines.join('\n') + '\n确定结束投票吗？';
  } catch {
    return ask + '确定结束投票吗？';
  }
}

function statusActions(page, event, message) {
  if (!can('organizer')) return null;
  const bar = h('div', { class: 'status-actions' });
  for (const t of TRANSITIONS) {
    if (t.from !== event.status) continue;
    const button = h('button', { type: 'button', class: t.action === 'open' ? 'primary' : '', testid: t.testid,
      text: t.text });
    button.addEventListener('click', async () => {
      const question = t.action === 'close' ? await closeQuestion(event) : t.question;
      if (!(await confirmDialog(question, t.text))) return;
      await busy(button, async () => {
        try {
          const updated = await post('/events/' + event.id + '/' + t.action);
          render(page, updated, message);
          showMessage(message, '已' + t.text, 'success');
        } catch (error) {
          showError(message, error, page);
        }
      });
    });
    bar.appendChild(button);
  }
  return bar.childNodes.length ? bar : null;
}

/** 参评人员类别: rows of code, name, expected count and optional weight, with add and remove. */
function categoryEditor(initial) {
  const body = h('tbody');
  const rows = [];
  const addRow = (c = {}) => {
    const i = () => rows.indexOf(row);
    const cells = {
      code: h('input', { value: c.code || '', maxLength: 8, testid: 'category-code', 'aria-label': '类别代码' }),
      name: h('input', { value: c.name || '', maxLength: 50, testid: 'category-name', 'aria-label': '类别名称' }),
      expected: h('input', { type: 'number', min: '0', step: '1', value: String(c.expected || 0),
        testid: 'category-expected', 'aria-label': '应到人数' }),
      weight: h('input', { type: 'number', min: '0', step: 'any', value: c.weight == null ? '' : String(c.weight),
        testid: 'category-weight', 'aria-label': '权重（可选）' }),
    };
    const remove = h('button', { type: 'button', class: 'ghost small', testid: 'remove-category', text: '删除' });
    const tr = h('tr', {}, Object.entries(cells).map(([key, cell]) => h('td', {}, cell)), h('td', {}, remove));
    const row = { tr, cells };
    remove.addEventListener('click', () => { rows.splice(i(), 1); tr.remove(); renumber(); });
    rows.push(row);
    body.appendChild(tr);
    renumber();
  };
  const renumber = () => rows.forEach((r, n) => {
    Object.entries(r.cells).forEach(([key, cell]) => { cell.parentNode.dataset.field = `categories[${n}].${key}`; });
    r.tr.dataset.field = `categories[${n}]`;
  });
  initial.forEach(addRow);
  const node = h('fieldset', { class: 'categories', dataset: { field: 'categories' } },
    h('legend', { text: '参评人员类别（票类）' }),
    h('table', { class: 'table compact', testid: 'categories-table' },
      h('thead', {}, h('tr', {}, ['代码', '名称', '应到人数', '权重（可选）', ''].map((t) => h('th', { text: t })))),
      body),
    h('button', { type: 'button', class: 'small', testid: 'add-category', text: '添加类别', onclick: () => addRow() }),
    h('p', { class: 'hint', text: '如：A 领导班子成员、B 干部职工代表。权重用于分类考核，可不填。' }));
  return {
    node,
    value: () => rows.map((r) => ({
      code: r.cells.code.value.trim(),
      name: r.cells.name.value.trim(),
      expected: Number(r.cells.expected.value || 0),
      weight: r.cells.weight.value === '' ? null : Number(r.cells.weight.value),
    })),
  };
}
