// 账户 (admin only): list staff accounts, create one (the least role unless chosen), change a role (after a
// confirmation that says what the new role may do), disable/enable, reset a password (which is initial again).

import { get, post, patch, ROLES, ROLE_POWERS, LEAST_ROLE, session } from './api.js';
import { h, field, mount, messageBox, showMessage, showError, clearFieldErrors, confirmDialog, busy, formatTime } from './dom.js';

/** Least to most: the role a hurried click lands on first grants the least. */
const ROLE_ORDER = ['observer', 'clerk', 'organizer', 'admin'];

function roleSelect(id, value) {
  const select = h('select', { id, testid: id },
    ROLE_ORDER.map((v) => h('option', { value: v, text: ROLES[v] })));
  select.value = value || LEAST_ROLE;
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
    const chosen = role.value;
    const question = '将 ' + account.username + ' 的角色由“' + ROLES[account.role] + '”改为“' + ROLES[chosen] + '”？\n\n'
      + ROLES[chosen] + ROLE_POWERS[chosen] + '\n\n修改后该账户须重新登录。';
    if (!(await confirmDialog(question, '改为' + ROLES[chosen]))) {
      role.value = account.role;
      return;
    }
    try {
      await patch('/accounts/' + account.id, { role: chosen });
      await reload();
      showMessage(message, '已将 ' + account.username + ' 的角色改为' + ROLES[chosen], 'success');
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
  // The flex box sits inside the cell: a td that is itself a flex box stops being a table cell and its borders drift.
  const actions = h('div', { class: 'row-actions' }, toggle, reset);
  const cell = h('td', {}, actions);
  reset.addEventListener('click', () => {
    if (actions.querySelector('.reset-form')) return;
    actions.appendChild(resetForm(account, message, reload));
  });
  return h('tr', { dataset: { username: account.username } },
    h('td', { text: account.username }), h('td', { text: account.displayName || '' }),
    h('td', {}, role),
    h('td', { class: account.active ? '' : 'muted', text: state(account), testid: 'account-state' }),
    h('td', { text: formatTime(account.createdAt) }), cell);
}

function state(account) {
  if (!account.active) return '已停用';
  return account.passwordChangeRequired ? '启用（待修改初始密码）' : '启用';
}

function resetForm(account, message, reload) {
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
        await reload();
        showMessage(message, '已重置 ' + account.username + ' 的密码，请当面告知本人；本人下次登录时须先修改', 'success');
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
    role: roleSelect('new-account-role', LEAST_ROLE),
    password: h('input', { id: 'new-account-password', testid: 'new-account-password', type: 'password',
      autocomplete: 'new-password' }),
  };
  const button = h('button', { type: 'submit', class: 'primary', testid: 'create-account', text: '创建账户' });
  const powers = h('p', { class: 'hint', testid: 'new-account-role-powers', text: ROLE_POWERS[LEAST_ROLE] });
  f.role.addEventListener('change', () => { powers.textContent = ROLE_POWERS[f.role.value]; });
  const roleField = field('角色', f.role, { path: 'role' });
  roleField.appendChild(powers);
  const form = h('form', { class: 'subpanel', testid: 'account-form', novalidate: true },
    h('h2', { text: '新建账户' }),
    h('div', { class: 'grid' },
      field('用户名', f.username, { path: 'username' }), field('姓名', f.displayName, { path: 'displayName' }),
      roleField,
      field('初始密码', f.password, { path: 'password', hint: '至少 8 位；本人首次登录时须修改' })),
    h('div', { class: 'actions' }, button));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(button, async () => {
      try {
        const created = await post('/accounts', { username: f.username.value.trim(),
          displayName: f.displayName.value.trim(), role: f.role.value, password: f.password.value });
        clearFieldErrors(form);
        form.reset();
        f.role.value = LEAST_ROLE;
        powers.textContent = ROLE_POWERS[LEAST_ROLE];
        await reload();
        showMessage(message, '已创建账户 ' + created.username, 'success');
      } catch (error) {
        showError(message, error, form);
      }
    });
  });
  return form;
}
