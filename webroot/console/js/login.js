// 登录: username and password, POST /api/auth/login, token kept in sessionStorage.

import { post, session } from './api.js';
import { h, field, mount, messageBox, showMessage, busy } from './dom.js';

export function showLogin(onSignedIn) {
  const username = h('input', { id: 'login-username', testid: 'login-username', name: 'username',
    autocomplete: 'username', required: true });
  const password = h('input', { id: 'login-password', testid: 'login-password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true });
  const button = h('button', { type: 'submit', class: 'primary', testid: 'login-submit', text: '登录' });
  const message = messageBox('login-error');

  const form = h('form', { class: 'login-form', testid: 'login-form', novalidate: true },
    field('用户名', username), field('密码', password), message, h('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!username.value.trim() || !password.value) {
      showMessage(message, '请输入用户名和密码');
      return;
    }
    await busy(button, async () => {
      try {
        const result = await post('/auth/login', { username: username.value.trim(), password: password.value });
        session.save(result.token, result.account);
        onSignedIn();
      } catch (error) {
        password.value = '';
        showMessage(message, error.status === 401 ? (error.message || '用户名或密码错误') : error.message);
      }
    });
  });

  mount(h('section', { class: 'login panel' }, h('h1', { text: '登录管理控制台' }),
    h('p', { class: 'hint', text: '评议 · 无记名民主评议平台' }), form));
  username.focus();
}
