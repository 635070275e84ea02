// 修改密码: the signed-in user's own password; the server then ends every session, so sign in again. Forced (an
// initial password someone else set, which the server honours for nothing else), it is the only screen there is,
// and the console signs in again with the new password itself.

import { post, session } from './api.js';
import { h, field, mount, messageBox, showMessage, showError, busy } from './dom.js';

export function showPassword({ forced = false, onChanged = null } = {}) {
  const current = h('input', { id: 'current-password', testid: 'current-password', type: 'password',
    autocomplete: 'current-password' });
  const next = h('input', { id: 'new-password', testid: 'new-password', type: 'password', autocomplete: 'new-password' });
  const again = h('input', { id: 'new-password-again', testid: 'new-password-again', type: 'password',
    autocomplete: 'new-password' });
  const message = messageBox('password-message');
  const button = h('button', { type: 'submit', class: 'primary', testid: 'change-password',
    text: forced ? '修改密码并继续' : '修改密码' });
  const form = h('form', { class: 'narrow', novalidate: true },
    field(forced ? '初始密码' : '当前密码', current, { path: 'currentPassword' }),
    field('新密码', next, { path: 'newPassword', hint: '至少 8 位，不能与初始密码相同' }),
    field('再次输入新密码', again), message, h('div', { class: 'actions' }, button));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (next.value !== again.value) {
      showMessage(message, '两次输入的新密码不一致');
      return;
    }
    busy(button, async () => {
      try {
        await post('/auth/password', { currentPassword: current.value, newPassword: next.value });
        if (forced) {
          await signInAgain(next.value);
          onChanged();
          return;
        }
        form.reset();
        showMessage(message, '密码已修改，请用新密码重新登录。', 'success');
        setTimeout(() => { session.clear(); location.hash = '#/login'; }, 1500);
      } catch (error) {
        showError(message, error, form);
      }
    });
  });
  mount(forced ? forcedPage(form) : h('section', { class: 'panel' }, h('h1', { text: '修改密码' }), form));
  if (forced) current.focus();
}

function forcedPage(form) {
  const who = session.account || {};
  return h('section', { class: 'panel forced-password', testid: 'forced-password' },
    h('h1', { text: '请先修改初始密码' }),
    h('p', { class: 'notice', text: (who.displayName || who.username || '您') + '，您的密码是管理员设置的初始密码'
      + '（或首次启动时打印的密码），其他人可能知道。修改为只有您自己知道的密码后，才能使用控制台的其他功能。' }),
    form);
}

/** The change ended every session of the account; the user just typed the new password, so use it once more. */
async function signInAgain(password) {
  const username = session.account.username;
  const result = await post('/auth/login', { username, password });
  session.save(result.token, result.account);
}
