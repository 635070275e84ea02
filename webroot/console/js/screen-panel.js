// 大屏幕 on the event page: 打开大屏 for any signed-in staff member (the screen tab inherits this tab's session),
// and for organizers the "turnout only until closing" setting and the screen links. A link's key is shown once,
// when it is created: the server keeps only its hash.

import { get, post, put, del, can } from './api.js';
import { h, messageBox, showMessage, showError, busy, confirmDialog, formatTime } from './dom.js';

export function screenPanel(event) {
  const message = messageBox('screen-message');
  // rel=opener: the new tab gets a copy of this tab's sessionStorage, hence the console's session.
  const open = h('a', { href: '/screen/' + event.id, target: '_blank', rel: 'opener', class: 'button',
    testid: 'open-screen', text: '打开大屏' });
  const panel = h('section', { class: 'subpanel', testid: 'screen-panel' },
    h('h2', { text: '大屏幕' }), message,
    h('p', { class: 'hint', text: '大屏按 1920×1080 设计，在投影电脑上打开后按 F11 全屏；← → 翻页，空格键暂停轮播。'
      + '用工作人员账户打开的大屏在登录过期后需重新登录，会场使用建议生成大屏链接。' }),
    h('div', { class: 'actions' }, open));
  if (!can('organizer')) return panel;
  panel.append(turnoutOnlyToggle(event, message), screenLinks(event, message, panel));
  return panel;
}

function turnoutOnlyToggle(event, message) {
  const box = h('input', { type: 'checkbox', testid: 'screen-turnout-only', disabled: true });
  const label = h('label', { class: 'check' }, box, '投票结束前只显示投票人数（默认；服务器不向大屏发送各选项票数，结束投票后自动显示结果）');
  const live = h('p', { class: 'hint', testid: 'screen-live-hint' });
  get('/events/' + event.id + '/tally')
    .then((tally) => {
      box.checked = !!tally.event.screenTurnoutOnly;
      box.disabled = false;
      live.textContent = '取消勾选则投票期间显示实时结果：为保护无记名投票，结果每累计至少 ' + tally.mixBatch
        + ' 张选票才更新一次（投票人数随时更新），分类别结果在投票结束后显示。';
    })
    .catch((e) => showError(message, e));
  box.addEventListener('change', async () => {
    const wanted = box.checked;
    box.disabled = true;
    try {
      await put('/events/' + event.id + '/screen', { turnoutOnly: wanted });
      showMessage(message, wanted ? '已设置：投票结束前大屏只显示投票人数' : '已设置：大屏显示实时结果', 'success');
    } catch (e) {
      box.checked = !wanted;
      showError(message, e);
    } finally {
      box.disabled = false;
    }
  });
  return h('div', { class: 'screen-setting' }, label, live);
}

function screenLinks(event, message, panel) {
  const list = h('tbody', { testid: 'screen-links' });
  const fresh = h('div', { class: 'notice screen-link-new', testid: 'screen-link-new', hidden: true });
  const refresh = () => get('/events/' + event.id + '/screen-links')
    .then((links) => fillLinks(list, links, event, message, refresh))
    .catch((e) => showError(message, e, panel));
  const labelInput = h('input', { type: 'text', maxLength: 50, placeholder: '如：主会场大屏', testid: 'screen-link-label',
    'aria-label': '大屏链接名称' });
  const create = h('button', { type: 'button', class: 'primary', testid: 'create-screen-link', text: '生成大屏链接' });
  create.addEventListener('click', () => busy(create, async () => {
    try {
      const link = await post('/events/' + event.id + '/screen-links', { label: labelInput.value.trim() });
      await showNewLink(fresh, link);
      labelInput.value = '';
      refresh();
    } catch (e) {
      showError(message, e, panel);
    }
  }));
  refresh();
  return h('div', { class: 'screen-links' },
    h('h3', { text: '大屏链接' }),
    h('p', { class: 'hint', text: '大屏链接不需要账户即可打开本活动的大屏。密钥在网址“#”之后，不会出现在任何日志里；不再需要时请收回。' }),
    h('div', { class: 'inline-form' }, labelInput, create), fresh,
    h('table', { class: 'table compact' },
      h('thead', {}, h('tr', {}, ['名称', '生成人', '生成时间', '状态', ''].map((t) => h('th', { scope: 'col', text: t })))),
      list));
}

/** The new link's full address, once: on this console's address and, if different, on the phones' address. */
async function showNewLink(box, link) {
  const addresses = [location.origin];
  try {
    const config = await get('/config');
    if (config.publicUrl && config.publicUrl.replace(/\/$/, '') !== location.origin) addresses.push(config.publicUrl.replace(/\/$/, ''));
  } catch {
    // Without the configuration the console's own address is still right for this computer.
  }
  box.textContent = '';
  box.append(h('p', { class: 'strong', text: '已生成大屏链接' + (link.label ? '“' + link.label + '”' : '')
    + '。链接只显示这一次，请立即复制或打开：' }));
  addresses.forEach((origin, i) => box.append(linkRow(origin + link.path, i === 0 ? '本机地址' : '局域网地址')));
  box.hidden = false;
}

function linkRow(url, name) {
  const field = h('input', { type: 'text', readOnly: true, value: url, class: 'screen-link-url', testid: 'screen-link-url',
    'aria-label': name });
  const copied = h('span', { class: 'muted', 'aria-live': 'polite' });
  const copy = h('button', { type: 'button', class: 'small', testid: 'copy-screen-link', text: '复制' });
  copy.addEventListener('click', async () => {
    copied.textContent = (await copyText(field)) ? '已复制' : '请手动复制（Ctrl+C）';
  });
  const open = h('a', { href: url, target: '_blank', rel: 'noopener', class: 'button small', testid: 'open-screen-link',
    text: '打开' });
  return h('div', { class: 'inline-form' }, h('span', { text: name + '：' }), field, copy, open, copied);
}

/** The clipboard API exists only on https or localhost; a hall's LAN address falls back to a selection copy. */
async function copyText(field) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(field.value);
      return true;
    }
  } catch {
    // fall through to the selection copy
  }
  field.select();
  try { return document.execCommand('copy'); } catch { return false; }
}

function fillLinks(body, links, event, message, refresh) {
  body.textContent = '';
  if (!links.length) {
    body.appendChild(h('tr', {}, h('td', { colspan: '5', class: 'empty', text: '还没有大屏链接' })));
    return;
  }
  for (const link of links) {
    const revoke = link.revoked ? null : h('button', { type: 'button', class: 'small danger', testid: 'revoke-screen-link',
      text: '收回' });
    if (revoke) {
      revoke.addEventListener('click', async () => {
        if (!(await confirmDialog('收回后，这个链接立即失效，用它打开的大屏停止显示。确定收回吗？', '收回'))) return;
        await busy(revoke, async () => {
          try {
            await del('/events/' + event.id + '/screen-links/' + link.id);
            showMessage(message, '已收回大屏链接' + (link.label ? '“' + link.label + '”' : ''), 'success');
            refresh();
          } catch (e) {
            showError(message, e);
          }
        });
      });
    }
    body.appendChild(h('tr', { dataset: { link: link.id } },
      h('td', { text: link.label || '（未命名）' }), h('td', { text: link.createdBy || '' }),
      h('td', { text: formatTime(link.createdAt) }), h('td', { text: link.revoked ? '已收回' : '有效' }),
      h('td', {}, revoke)));
  }
}
