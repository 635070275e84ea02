// 账户 (admin only): list staff accounts, create one, change role, disable/enable, reset a password.

import { get, post, patch, ROLES, session } from './api.js';
import { h, field, mount, messageBox, showMessage, showError, clearFieldErrors, confirmDialog, busy, formatTime } from './dom.js';

function roleSelect(id, value) {
  const select = h('select', { id, testid: id }, Object.entries(ROLES).map(([v, t]) => h('option', { value: v, text: t })));
  select.value = value || 'organizer';
  return select;
}

export async function showAccounts() {
  const message = messageBox('accounts-message');
  const body = h('tbody');
  const page = h('section', { class: 'panel' },
    h('h1', { text: '账户' }), message,
    h('table', { class: 'table', testid: 'accounts-table' },
      h('thead', {}, h('tr', {}, ['用户名', '姓名', '角色', '状态', '创建时间', '操作'].map((t) => h('th', { scope: 'col', text: t })))),
      body),
    createForm(message, () => load()));
  mount(page);

  async function load() {
    try {
      const accounts = await get('/accounts');
      body.textContent = '';
      for (const account of accounts) body.appendChild(accountRow(account, message, load));
    } catch (error) {
      showError(message, error);
    }
  }
  await load();
}

function accountRow(account, message, reload) {
  const self = session.account && session.account.id === account.id;
  const role = roleSelect('role-' + account.username, account.role);
  role.setAttribute('aria-label', account.username + ' 的角色');
  role.disabled = self;
  role.addEventListener('change', async () => {
    try {
      await patch('/accounts/' + account.id, { role: role.value });
      showMessage(message, '已将 ' + account.username + ' 的角色改为' + ROLES[role.value], 'success');
    } catch (error) {
      role.value = account.role;
      showError(message, error);
    }
  });
  const toggle = h('button', { type: 'button', class: 'small', testid: 'toggle-active',
    text: account.active ? '停用' : '启用', disabled: self });
  toggle.addEventListener('click', async () => {
    if (account.active && !(await confirmDialog('停用后 ' + account.username + ' 将立即退出且不能登录。确定停用吗？', '停用'))) return;
    await busy(toggle, async () => {
      try {
        await patch('/accounts/' + account.id, { active: !account.active });
        await reload();
        showMessage(message, (account.active ? '已停用 ' : '已启用 ') + account.username, 'success');
      } catch (error) {
        showError(message, error);
      }
    });
  });
  const reset = h('button', { type: 'button', class: 'small', testid: 'reset-password', text: '重置密码' });
  const cell = h('td', { class: 'row-actions' }, toggle, reset);
  reset.addEventListener('click', () => {
    if (cell.querySelector('.reset-form')) return;
    cell.appendChild(resetForm(account, message));
  });
  return h('tr', { dataset: { username: account.username } },
    h('td', { text: account.username }), h('td', { text: account.displayName || '' }),
    h('td', {}, role),
    h('td', { class: account.active ? '' : 'muted', text: account.active ? '启用' : '已停用' }),
    h('td', { text: formatTime(account.createdAt) }), cell);
}

function resetForm(account, message) {
  const input = h('input', { type: 'password', testid: 'reset-password-input', autocomplete: 'new-password',
    'aria-label': account.username + ' 的新密码', placeholder: '新密码（至少 8 位）' });
  const ok = h('button', { type: 'submit', class: 'small primary', testid: 'reset-password-submit', text: '确定' });
  const form = h('form', { class: 'reset-form inline' }, input, ok);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(ok, async () => {
      try {
        await post('/accounts/' + account.id + '/password', { newPassword: input.value });
        form.remove();
        showMessage(message, '已重置 ' + account.username + ' 的密码，请当面告知本人并提醒修改', 'success');
      } catch (error) {
        showError(message, error);
      }
    });
  });
  setTimeout(() => input.focus());
  return form;
}

function createForm(message, reload) {
  const f = {
    username: h('input', { id: 'new-account-username', testid: 'new-account-username', autocomplete: 'off', maxLength: 50 }),
    displayName: h('input', { id: 'new-account-name', testid: 'new-account-name', maxLength: 50 }),
    role: roleSelect('new-account-role', 'organizer'),
    password: h('input', { id: 'new-account-password', testid: 'new-account-password', type: 'password',
      autocomplete: 'new-password' }),
  };
  const button = h('button', { type: 'submit', class: 'primary', testid: 'create-account', text: '创建账户' });
  const form = h('form', { class: 'subpanel', testid: 'account-form', novalidate: true },
    h('h2', { text: '新建账户' }),
    h('div', { class: 'grid' },
      field('用户名', f.username, { path: 'username' }), field('姓名', f.displayName, { path: 'displayName' }),
      field('角色', f.role, { path: 'role' }),
      field('初始密码', f.password, { path: 'password', hint: '至少 8 位；请本人登录后修改' })),
    h('div', { class: 'actions' }, button));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(button, async () => {
      try {
        const created = await post('/accounts', { username: f.username.value.trim(),
          displayName: f.displayName.value.trim(), role: f.role.value, password: f.password.value });
        clearFieldErrors(form);
        form.reset();
        await reload();
        showMessage(message, '已创建账户 ' + created.username, 'success');
      } catch (error) {
        showError(message, error, form);
      }
    });
  });
  return form;
}
