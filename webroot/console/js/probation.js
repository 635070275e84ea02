// 试用期干部登记: the register of newly appointed cadres, pasted from Excel or WPS, exported as xlsx; organizers tick
// cadres and 发起试用期满考核, which creates a 民主测评 event prefilled with them.

import { get, post, del, can } from './api.js';
import { h, field, mount, messageBox, showMessage, showError, confirmDialog, busy } from './dom.js';
import { fetchFile, save } from './download.js';
import { stateBadge, assessmentCell } from './probation-parts.js';

const COLUMNS = ['姓名', '原任职务', '现任职务', '任职时间', '试用期', '单位'];

export async function showProbation() {
  const message = messageBox('probation-error');
  const body = h('tbody');
  const organizer = can('organizer');
  const start = h('button', { type: 'button', class: 'primary', testid: 'start-assessment', text: '发起试用期满考核',
    disabled: true });
  const download = h('button', { type: 'button', testid: 'register-xlsx', text: '导出 Excel' });
  const page = h('section', { class: 'panel' },
    h('div', { class: 'page-head' }, h('h1', { text: '试用期干部登记' }),
      h('span', { class: 'page-actions inline' }, organizer ? start : null, download)),
    h('p', { class: 'hint intro', text: '试用期满日期 = 任职时间 + 试用期（默认一年）。勾选干部后点击“发起试用期满考核”，'
      + '将新建一个民主测评活动并填好名单；该活动归档时，测评结果自动记入本登记。' }),
    message,
    h('table', { class: 'table compact probation-table', testid: 'probation-table' },
      h('thead', {}, h('tr', {}, [organizer ? '' : null, '状态', '姓名', '原任职务', '现任职务', '单位', '任职时间',
        '试用期', '试用期满', '试用期满考核', organizer ? '' : null].filter((t) => t !== null)
        .map((t) => h('th', { scope: 'col', text: t })))),
      body),
    organizer ? pasteBox(message, () => load()) : null);
  mount(page);

  const selected = new Set();
  const refresh = () => { start.disabled = selected.size === 0; };
  async function load() {
    selected.clear();
    refresh();
    try {
      const entries = await get('/probation/entries');
      body.textContent = '';
      if (!entries.length) {
        body.appendChild(h('tr', {}, h('td', { colspan: '11', class: 'empty', text: '登记为空。请从 Excel 粘贴名单导入。' })));
      }
      for (const e of entries) body.appendChild(row(e, organizer, selected, refresh, message, load));
    } catch (error) {
      showError(message, error);
    }
  }
  start.addEventListener('click', () => busy(start, () => startAssessment([...selected], body, message)));
  download.addEventListener('click', () => busy(download, async () => {
    try {
      const file = await fetchFile('/api/probation/register.xlsx');
      save(file.blob, file.name);
    } catch (error) {
      showError(message, error);
    }
  }));
  await load();
}

function row(e, organizer, selected, refresh, message, reload) {
  const startable = !e.assessment || e.assessment.eventStatus === 'draft';
  const box = organizer ? h('input', { type: 'checkbox', testid: 'select-entry', 'aria-label': '选择 ' + e.name,
    disabled: !startable }) : null;
  if (box) box.addEventListener('change', () => { if (box.checked) selected.add(e.id); else selected.delete(e.id); refresh(); });
  const remove = organizer && startable
    ? h('button', { type: 'button', class: 'ghost small danger', testid: 'delete-entry', text: '删除' }) : null;
  if (remove) {
    remove.addEventListener('click', async () => {
      if (!(await confirmDialog('确定从登记中删除“' + e.name + '”吗？', '删除'))) return;
      try {
        await del('/probation/entries/' + e.id);
        showMessage(message, '已删除', 'success');
        reload();
      } catch (error) {
        showError(message, error);
      }
    });
  }
  return h('tr', { class: 'entry-' + e.state, dataset: { entryId: e.id, name: e.name } },
    organizer ? h('td', {}, box) : null,
    h('td', {}, stateBadge(e)),
    h('td', { class: 'nowrap', text: e.name }),
    h('td', { text: e.formerPost }),
    h('td', { text: e.currentPost }),
    h('td', { text: e.unit }),
    h('td', { class: 'nowrap', text: e.appointedOn }),
    h('td', { class: 'nowrap', text: e.months + ' 个月' }),
    h('td', { class: 'nowrap', text: e.endsOn }),
    h('td', {}, assessmentCell(e)),
    organizer ? h('td', {}, remove) : null);
}

async function startAssessment(ids, body, message) {
  const names = ids.map((id) => body.querySelector(`tr[data-entry-id="${id}"]`).dataset.name);
  if (!(await confirmDialog('将为 ' + names.join('、') + ' 新建“试用期满考核”民主测评活动（德、能、勤、绩、廉及总体评价），'
    + '并填好测评名单。确定吗？', '发起考核'))) return;
  try {
    const created = await post('/probation/assessments', { entryIds: ids });
    location.hash = '#/events/' + created.eventId;
  } catch (error) {
    showError(message, error);
  }
}

function pasteBox(message, reload) {
  const area = h('textarea', { id: 'paste-probation', testid: 'paste-probation', rows: 6, class: 'code', spellcheck: false,
    placeholder: COLUMNS.join('\t') + '\n张三\t办公室副主任\t办公室主任\t2025-03-01\t12\t县委办公室' });
  const button = h('button', { type: 'button', class: 'primary', testid: 'import-probation', text: '导入' });
  const wrap = h('div', { class: 'paste', dataset: { field: 'tsv' } },
    field('粘贴名单（从 Excel 或 WPS 复制）', area, { path: 'tsv', wide: true,
      hint: '列顺序：' + COLUMNS.join('、') + '。第一行可以是表头（含“姓名”）。任职时间写到日（如 2025-03-01 或 2025年3月1日）；'
        + '试用期按月填写，空白为一年。已登记的（姓名、现任职务、任职时间相同）不会重复添加。' }),
    h('div', { class: 'actions' }, button));
  button.addEventListener('click', () => busy(button, async () => {
    try {
      const result = await post('/probation/paste', { tsv: area.value });
      area.value = '';
      await reload();
      showMessage(message, '已导入 ' + result.added + ' 人' + (result.skipped ? '，' + result.skipped + ' 人已在登记中' : ''), 'success');
    } catch (error) {
      showError(message, error, wrap);
    }
  }));
  return h('section', { class: 'subpanel' }, h('h2', { text: '导入名单' }), wrap);
}
