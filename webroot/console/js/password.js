// 修改密码: the signed-in user's own password; the server then ends every session, so sign in again.

import { post, session } from './api.js';
import { h, field, mount, messageBox, showMessage, showError, busy } from './dom.js';

export function showPassword() {
  const current = h('input', { id: 'current-password', testid: 'current-password', type: 'password',
    autocomplete: 'current-password' });
  const next = h('input', { id: 'new-password', testid: 'new-password', type: 'password', autocomplete: 'new-password' });
  const again = h('input', { id: 'new-password-again', testid: 'new-password-again', type: 'password',
    autocomplete: 'new-password' });
  const message = messageBox('password-message');
  const button = h('button', { type: 'submit', class: 'primary', testid: 'change-password', text: '修改密码' });
  const form = h('form', { class: 'narrow', novalidate: true },
    field('当前密码', current, { path: 'currentPassword' }),
    field('新密码', next, { path: 'newPassword', hint: '至少 8 位' }),
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
        form.reset();
        showMessage(message, '密码已修改，请用新密码重新登录。', 'success');
        setTimeout(() => { session.clear(); location.hash = '#/login'; }, 1500);
      } catch (error) {
        showError(message, error, form);
      }
    });
  });
  mount(h('section', { class: 'panel' }, h('h1', { text: '修改密码' }), form));
}
