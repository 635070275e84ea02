// 纸质票双人录入 at a desk: a clerk types the serial of a paper ballot's slip and marks its forms from the keyboard
// exactly as the voter did (as marked: too many marks are kept, nothing is required); a second clerk enters it
// again independently. Beside the grid: the keys and the ballots counted per category. Below: the serials still
// waiting (a lone first entry shows only who entered it; a mismatch shows both entries side by side with the
// differing cells marked, to check against the paper and keep the right one).

import { get, post, del, session, STATUSES } from './api.js';
import { h, mount, messageBox, showError, confirmDialog, busy } from './dom.js';
import { deskEntry, keyLegend } from './paper-desk.js';
import { compareEntries } from './paper-compare.js';

const OUTCOMES = {
  awaiting_second: '已录入第一遍，等待另一名工作人员录入第二遍',
  counted: '两遍一致，已计票',
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
      fillPending(pending, list, { event, forms, refresh, message, entry });
      fillCounts(counts, rows, names);
    } catch (error) {
      showError(message, error);
    }
  };

  const accepting = event.status === 'open' || event.status === 'closed';
  const entry = accepting ? entryForm(event, forms, refresh) : null;
  page.textContent = '';
  page.append(
    h('p', { class: 'crumbs' }, h('a', { href: '#/events', text: '活动列表' }), ' / ',
      h('a', { href: '#/events/' + event.id, text: event.title }), ' / '),
    h('div', { class: 'page-head' }, h('h1', { text: '纸质票录入' }),
      h('span', { class: 'hint', text: STATUSES[event.status] || event.status }),
      h('span', { class: 'hint', text: '每张纸质票须由两名工作人员分别录入，两遍一致才计票；按纸质票上的实际标记录入，超过限选人数的也照实录入。' })),
    message,
    h('div', { class: 'desk-layout' },
      entry ? entry.form : h('p', { class: 'message error', text: '只有投票中或已结束（未归档）的活动可以录入纸质票' }),
      h('aside', { class: 'desk-aside' },
        entry ? keyLegend() : null,
        h('section', { class: 'desk-counts' }, h('h2', { text: '已计票数' }),
          h('table', { class: 'table compact' },
            h('thead', {}, h('tr', {}, ['类别', '手机票', '纸质票', '无法辨认', '待第二遍']
              .map((t) => h('th', { scope: 'col', text: t })))),
            counts)))),
    h('section', { class: 'subpanel', id: 'paper-pending-panel' },
      h('div', { class: 'page-head' }, h('h2', { text: '待处理的纸质票' }),
        h('button', { type: 'button', class: 'small', testid: 'paper-refresh', text: '刷新', onclick: refresh })),
      pending));
  await refresh();
  if (entry) entry.serial.focus();
}

/** The entry: serial, 无法辨认, the desk grid, and 提交 with its outcome beside it (kept in view while entering). */
function entryForm(event, forms, refresh) {
  const serial = h('input', { type: 'text', id: 'paper-serial', testid: 'paper-serial', maxLength: 20,
    autocomplete: 'off', placeholder: '如 A-0042', required: true, class: 'desk-serial' });
  const unreadable = h('input', { type: 'checkbox', id: 'paper-unreadable', testid: 'paper-unreadable' });
  const submit = h('button', { type: 'submit', class: 'primary', testid: 'paper-submit', text: '提交录入' });
  const result = h('p', { class: 'paper-result', testid: 'paper-result', role: 'status', 'aria-live': 'polite' });
  const look = h('button', { type: 'button', class: 'small', testid: 'paper-show-mismatch', text: '查看对照', hidden: true });
  const desk = deskEntry(forms, () => submit.focus());
  unreadable.addEventListener('change', () => { desk.element.hidden = unreadable.checked; });
  serial.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter') return;
    ev.preventDefault();
    if (unreadable.checked) submit.focus();
    else desk.focusFirst();
  });

  const form = h('form', { class: 'paper-entry', testid: 'paper-entry', novalidate: true },
    h('div', { class: 'desk-bar' },
      h('label', { for: 'paper-serial', text: '票签编号' }), serial,
      h('label', { class: 'check' }, unreadable, '无法辨认（整张无效）')),
    desk.element,
    h('div', { class: 'desk-submit' }, submit, result, look));

  const say = (text, kind, serialShown) => {
    result.textContent = text;
    result.className = 'paper-result ' + kind;
    look.hidden = !serialShown;
    look.onclick = () => showPendingItem(serialShown);
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
    if (!unreadable.checked) body.answers = desk.getAnswers();
    busy(submit, async () => {
      try {
        const outcome = await post('/events/' + event.id + '/paper-ballots', body);
        const mismatch = outcome.status === 'mismatch';
        say('票签 ' + number + '：' + (OUTCOMES[outcome.status] || outcome.status), mismatch ? 'error' : 'success',
          mismatch ? number : null);
        serial.value = '';
        unreadable.checked = false;
        desk.element.hidden = false;
        desk.clear();
      } catch (error) {
        // Nothing was recorded: the marks stay, so a mistyped serial can be corrected without entering again.
        say(error.message || String(error), 'error');
      }
      serial.focus();
      serial.select();
      refresh();
    });
  });
  return { form, serial, say, desk };
}

function showPendingItem(serial) {
  const item = document.querySelector('[data-testid=pending-serial][data-serial="' + CSS.escape(serial) + '"]');
  if (!item) return;
  item.scrollIntoView({ block: 'start' });
  const button = item.querySelector('button');
  if (button) button.focus({ preventScroll: true });
}

function fillPending(box, list, page) {
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
    if (mismatch && item.entries.length === 2) {
      const actions = item.entries.map((entry, n) => keepButton(page, item.serial, entry, item.entries[1 - n], n));
      const compared = compareEntries(page.forms, item.entries, actions);
      const differing = compared.querySelectorAll('[data-testid=diff-cell]').length / 2;
      node.append(
        h('p', { class: 'hint', text: '标红的 ' + differing + ' 处两遍录入不一致。请对照纸质票，选择录对的一遍“以此为准”；'
          + '另一遍删除后，须由另一名工作人员重新录入，两遍一致才计票。' }),
        h('div', { class: 'compare-scroll' }, compared));
    } else {
      for (const entry of item.entries) {
        node.appendChild(h('p', { class: 'pending-entry', testid: 'pending-entry', dataset: { clerk: entry.clerk } },
          '第一遍录入人：' + entry.clerk + ' ', discardButton(page, item.serial, entry)));
      }
    }
    box.appendChild(node);
  }
}

/** 以此为准: deletes the other entry after saying what follows; the clerk whose entry went may enter it again. */
function keepButton(page, serial, kept, other, n) {
  const button = h('button', { type: 'button', class: 'small', testid: 'keep-entry', text: '以此为准，删除另一遍' });
  button.addEventListener('click', async () => {
    const question = '以票签 ' + serial + ' 第' + (n + 1) + '遍（' + kept.clerk + ' 录入）为准：删除 ' + other.clerk
      + ' 录入的第' + (2 - n) + '遍。\n删除后，须由 ' + kept.clerk + ' 以外的工作人员对照纸质票重新录入一遍，与此一致即计票。';
    if (!(await confirmDialog(question, '删除另一遍'))) return;
    await busy(button, async () => {
      try {
        await removeEntry(page, serial, other);
        const me = (session.account || {}).displayName;
        // The serial is filled in only when the clerk is not in the middle of another paper.
        if (page.entry && me !== kept.clerk && !page.entry.serial.value.trim()) {
          page.entry.serial.value = serial;
          page.entry.say('票签 ' + serial + '：已删除另一遍，请对照纸质票重新录入', 'success');
          page.entry.desk.focusFirst();
        } else if (page.entry) {
          page.entry.say('票签 ' + serial + '：已删除另一遍，请' + (me === kept.clerk ? '另一名工作人员' : '对照纸质票')
            + '重新录入', 'success');
        }
      } catch (error) {
        showError(page.message, error);
      }
    });
  });
  return button;
}

function discardButton(page, serial, entry) {
  const button = h('button', { type: 'button', class: 'small', testid: 'discard-entry', text: '删除此条录入' });
  button.addEventListener('click', async () => {
    if (!(await confirmDialog('删除票签 ' + serial + ' 由 ' + entry.clerk + ' 录入的这一遍？删除后须重新录入两遍。', '删除'))) return;
    await busy(button, async () => {
      try {
        await removeEntry(page, serial, entry);
      } catch (error) {
        showError(page.message, error);
      }
    });
  });
  return button;
}

async function removeEntry(page, serial, entry) {
  await del('/events/' + page.event.id + '/paper-ballots/' + encodeURIComponent(serial) + '/entries/'
    + encodeURIComponent(entry.id));
  await page.refresh();
}

function fillCounts(body, rows, names) {
  body.textContent = '';
  for (const row of rows) {
    body.appendChild(h('tr', { dataset: { category: row.category } },
      h('td', { text: row.category + ' ' + (names[row.category] || '') }),
      ...[row.phone, row.paper, row.unreadable, row.paperPending].map((n) => h('td', { text: String(n) }))));
  }
}
