// 纸质票双人录入: a clerk types the serial of a paper ballot's slip and marks its forms exactly as the voter did
// (asMarked: too many marks are kept, nothing is required); a second clerk enters it again independently.
// Below: the serials still waiting (a lone first entry shows only who entered it; a mismatch shows both entries
// side by side, to check against the paper and discard the wrong one) and the ballots counted per category.

import { get, post, del, STATUSES } from './api.js';
import { h, mount, messageBox, showError, confirmDialog, busy } from './dom.js';
import { renderBallot } from '/shared/ballot-view.js';

const OUTCOMES = {
  awaiting_second: '已录入第一遍，等待另一名工作人员录入第二遍',
  counted: '两遍录入一致，已计票',
  mismatch: '两遍录入不一致，请核对纸质票',
};

export async function showPaper(id) {
  const message = messageBox('paper-error');
  const page = h('section', { class: 'panel paper-page' }, h('p', { text: '正在加载……' }));
  mount(page);
  let event;
  let forms;
  try {
    event = await get('/events/' + encodeURIComponent(id));
    forms = await Promise.all((event.forms || []).map((f) => get('/forms/' + encodeURIComponent(f.id))));
  } catch (error) {
    page.textContent = '';
    page.append(h('h1', { text: '纸质票录入' }), message);
    showError(message, error);
    return;
  }

  const pending = h('div', { class: 'paper-pending', testid: 'paper-pending' });
  const counts = h('tbody', { testid: 'paper-counts' });
  const names = {};
  (event.categories || []).forEach((c) => { names[c.code] = c.name; });
  const refresh = async () => {
    try {
      const [list, rows] = await Promise.all([
        get('/events/' + event.id + '/paper-ballots'), get('/events/' + event.id + '/ballots/counts')]);
      fillPending(pending, list, event, forms, refresh, message);
      fillCounts(counts, rows, names);
    } catch (error) {
      showError(message, error);
    }
  };

  const accepting = event.status === 'open' || event.status === 'closed';
  page.textContent = '';
  page.append(
    h('p', { class: 'crumbs' }, h('a', { href: '#/events', text: '活动列表' }), ' / ',
      h('a', { href: '#/events/' + event.id, text: event.title }), ' / '),
    h('div', { class: 'page-head' }, h('h1', { text: '纸质票录入' }),
      h('span', { class: 'hint', text: STATUSES[event.status] || event.status })),
    h('p', { class: 'hint', text: '每张纸质票须由两名工作人员分别录入；两遍一致才计票。请按纸质票上的实际标记录入，超过限选人数的也照实录入。' }),
    message,
    accepting ? entryForm(event, forms, refresh)
      : h('p', { class: 'message error', text: '只有投票中或已结束（未归档）的活动可以录入纸质票' }),
    h('section', { class: 'subpanel' },
      h('div', { class: 'page-head' }, h('h2', { text: '待处理的纸质票' }),
        h('button', { type: 'button', class: 'small', testid: 'paper-refresh', text: '刷新', onclick: refresh })),
      pending),
    h('section', { class: 'subpanel' }, h('h2', { text: '已计票数' }),
      h('table', { class: 'table' },
        h('thead', {}, h('tr', {}, ['类别', '手机票', '纸质票', '无法辨认', '待第二遍']
          .map((t) => h('th', { scope: 'col', text: t })))),
        counts)));
  await refresh();
  const serial = page.querySelector('[data-testid=paper-serial]');
  if (serial) serial.focus();
}

function entryForm(event, forms, refresh) {
  const serial = h('input', { type: 'text', id: 'paper-serial', testid: 'paper-serial', maxLength: 20,
    autocomplete: 'off', placeholder: '如 A-0042', required: true });
  const unreadable = h('input', { type: 'checkbox', id: 'paper-unreadable', testid: 'paper-unreadable' });
  const submit = h('button', { type: 'submit', class: 'primary', testid: 'paper-submit', text: '提交录入' });
  const result = h('p', { class: 'paper-result', testid: 'paper-result', role: 'status', 'aria-live': 'polite' });
  const ballots = h('div', { class: 'paper-ballots' });
  let rendered = [];

  const renderForms = () => {
    ballots.textContent = '';
    rendered = forms.map((form, i) => {
      const box = h('div', { class: 'paper-ballot', testid: 'paper-form', dataset: { form: form.id } });
      ballots.appendChild(box);
      return { id: form.id, view: renderBallot(box, form.definition, { asMarked: true, idPrefix: 'paper-f' + i }) };
    });
  };
  renderForms();
  unreadable.addEventListener('change', () => { ballots.hidden = unreadable.checked; });

  const form = h('form', { class: 'paper-entry', testid: 'paper-entry', novalidate: true },
    h('div', { class: 'inline-form' },
      h('label', { for: 'paper-serial', text: '票签编号' }), serial,
      h('label', { class: 'check' }, unreadable, '无法辨认（整张无效）')),
    ballots,
    h('div', { class: 'actions' }, submit),
    result);

  const say = (text, kind) => {
    result.textContent = text;
    result.className = 'paper-result ' + kind;
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const number = serial.value.trim().toUpperCase();
    if (!number) {
      say('请输入票签编号', 'error');
      serial.focus();
      return;
    }
    const body = { serial: number, unreadable: unreadable.checked };
    if (!unreadable.checked) {
      body.answers = {};
      rendered.forEach((r) => {
        const answers = r.view.getAnswers();
        if (Object.keys(answers).length) body.answers[r.id] = answers;
      });
    }
    busy(submit, async () => {
      try {
        const outcome = await post('/events/' + event.id + '/paper-ballots', body);
        say('票签 ' + number + '：' + (OUTCOMES[outcome.status] || outcome.status),
          outcome.status === 'mismatch' ? 'error' : 'success');
        serial.value = '';
        unreadable.checked = false;
        ballots.hidden = false;
        renderForms();
      } catch (error) {
        // Nothing was recorded: the marks stay, so a mistyped serial can be corrected without entering again.
        say(error.message || String(error), 'error');
      }
      serial.focus();
      serial.select();
      refresh();
    });
  });
  return form;
}

function fillPending(box, list, event, forms, refresh, message) {
  box.textContent = '';
  if (!list.length) {
    box.appendChild(h('p', { class: 'hint', text: '没有待处理的纸质票。' }));
    return;
  }
  for (const item of list) {
    const mismatch = item.status === 'mismatch';
    const node = h('article', { class: 'pending-item ' + item.status, testid: 'pending-serial',
      dataset: { serial: item.serial, status: item.status } },
      h('h3', {}, h('span', { class: 'serial', text: item.serial }), ' ',
        h('span', { class: mismatch ? 'badge warn' : 'badge', text: mismatch ? '两遍录入不一致' : '等待第二遍录入' })));
    if (mismatch) {
      const columns = h('div', { class: 'pending-columns' });
      item.entries.forEach((entry, n) => {
        const column = h('div', { class: 'pending-entry', testid: 'pending-entry', dataset: { clerk: entry.clerk } },
          h('h4', { text: '录入人：' + entry.clerk }),
          entry.unreadable ? h('p', { class: 'message error', text: '录为无法辨认（整张无效）' }) : null,
          discardButton(event, item.serial, entry, refresh, message));
        if (!entry.unreadable) {
          forms.forEach((form, i) => {
            const holder = h('div', { class: 'paper-ballot' });
            column.insertBefore(holder, column.lastChild);
            renderBallot(holder, form.definition, { answers: (entry.answers || {})[form.id], readOnly: true,
              asMarked: true, idPrefix: 'pending-' + item.serial + '-' + n + '-f' + i });
          });
        }
        columns.appendChild(column);
      });
      markDifferences(columns, item.entries, forms);
      node.appendChild(h('p', { class: 'hint', text: '标红的题目两遍录入不一致。请核对纸质票，删除录错的一条，再重新录入。' }));
      node.appendChild(columns);
    } else {
      for (const entry of item.entries) {
        node.appendChild(h('p', { class: 'pending-entry', testid: 'pending-entry', dataset: { clerk: entry.clerk } },
          '第一遍录入人：' + entry.clerk + ' ', discardButton(event, item.serial, entry, refresh, message)));
      }
    }
    box.appendChild(node);
  }
}

/** Marks, in both columns, each question whose answers differ between the two entries. */
function markDifferences(columns, entries, forms) {
  if (entries.length !== 2 || entries[0].unreadable !== entries[1].unreadable) return;
  const [a, b] = entries.map((e) => e.answers || {});
  const blocks = Array.from(columns.querySelectorAll('.pending-entry'));
  forms.forEach((form, i) => {
    const questions = new Set([...Object.keys(a[form.id] || {}), ...Object.keys(b[form.id] || {})]);
    for (const q of questions) {
      if (canonical((a[form.id] || {})[q]) === canonical((b[form.id] || {})[q])) continue;
      for (const block of blocks) {
        const ballot = block.querySelectorAll('.paper-ballot')[i];
        const node = ballot && ballot.querySelector('.pb-q[data-question="' + CSS.escape(q) + '"]');
        if (node) node.classList.add('paper-diff');
      }
    }
  });
}

/** JSON with object keys sorted, so that the key order jsonb happens to keep does not count as a difference. */
function canonical(value) {
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  if (value && typeof value === 'object') {
    return '{' + Object.keys(value).sort().map((k) => JSON.stringify(k) + ':' + canonical(value[k])).join(',') + '}';
  }
  return JSON.stringify(value === undefined ? null : value);
}

function discardButton(event, serial, entry, refresh, message) {
  const button = h('button', { type: 'button', class: 'small', testid: 'discard-entry', text: '删除此条录入' });
  button.addEventListener('click', async () => {
    if (!(await confirmDialog('删除票签 ' + serial + ' 由 ' + entry.clerk + ' 录入的这一遍？删除后须重新录入。', '删除'))) return;
    await busy(button, async () => {
      try {
        await del('/events/' + event.id + '/paper-ballots/' + encodeURIComponent(serial) + '/entries/'
          + encodeURIComponent(entry.id));
        await refresh();
      } catch (error) {
        showError(message, error);
      }
    });
  });
  return button;
}

function fillCounts(body, rows, names) {
  body.textContent = '';
  for (const row of rows) {
    body.appendChild(h('tr', { dataset: { category: row.category } },
      h('td', { text: row.category + ' ' + (names[row.category] || '') }),
      ...[row.phone, row.paper, row.unreadable, row.paperPending].map((n) => h('td', { text: String(n) }))));
  }
}
