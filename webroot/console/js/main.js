// Boots the console: the header (current user, navigation by role, 退出) and the hash router. An account that
// must replace its initial password sees only the password screen (the server refuses it everything else too).

import { get, session, whenUnauthorised, whenPasswordChangeRequired, mustChangePassword, ROLES, can } from './api.js';
import { h, mount } from './dom.js';
import { showLogin } from './login.js';
import { showEvents } from './events.js';
import { showEvent } from './event-edit.js';
import { showPaper } from './paper.js';
import { showExports } from './exports.js';
import { showFormEditor } from './form-editor.js';
import { showAccounts } from './accounts.js';
import { showAudit } from './audit.js';
import { showPassword } from './password.js';
import { showProbation } from './probation.js';
import { showFeedback } from './feedback.js';
import { showFeedbackBox } from './feedback-box.js';

const ROUTES = [
  { pattern: /^#\/events\/?$/, show: () => showEvents() },
  { pattern: /^#\/events\/new$/, show: () => showEvent(null) },
  { pattern: /^#\/events\/([\w-]+)$/, show: (m) => showEvent(m[1]) },
  { pattern: /^#\/events\/([\w-]+)\/paper$/, show: (m) => showPaper(m[1]) },
  { pattern: /^#\/events\/([\w-]+)\/exports$/, show: (m) => showExports(m[1]) },
  { pattern: /^#\/forms\/([\w-]+)$/, show: (m) => showFormEditor(m[1]) },
  { pattern: /^#\/probation$/, show: () => showProbation() },
  { pattern: /^#\/accounts$/, show: () => showAccounts(), role: 'admin' },
  { pattern: /^#\/audit$/, show: () => showAudit(), role: 'admin' },
  { pattern: /^#\/feedback$/, show: () => showFeedback() },
  { pattern: /^#\/feedback\/([\w-]+)$/, show: (m) => showFeedbackBox(m[1]) },
  { pattern: /^#\/password$/, show: () => showPassword() },
];

const NAV = [
  { hash: '#/events', text: '活动', testid: 'nav-events' },
  { hash: '#/probation', text: '试用期', testid: 'nav-probation' },
  { hash: '#/feedback', text: '意见箱', testid: 'nav-feedback' },
  { hash: '#/accounts', text: '账户', testid: 'nav-accounts', role: 'admin' },
  { hash: '#/audit', text: '审计日志', testid: 'nav-audit', role: 'admin' },
  { hash: '#/password', text: '修改密码', testid: 'nav-password' },
];

let afterLogin = '#/events';

function route() {
  const hash = location.hash || '#/events';
  if (!session.token) {
    if (hash !== '#/login') afterLogin = hash;
    renderHeader();
    showLogin(signedIn);
    return;
  }
  if (hash === '#/login') {
    location.hash = '#/events';
    return;
  }
  renderHeader();
  if (mustChangePassword()) {
    if (hash !== '#/password') {
      afterLogin = hash;
      location.replace('#/password');
      return;
    }
    showPassword({ forced: true, onChanged: afterForcedChange });
    return;
  }
  for (const r of ROUTES) {
    const match = hash.match(r.pattern);
    if (!match) continue;
    if (r.role && !can(r.role)) {
      mount(h('section', { class: 'panel' }, h('h1', { text: '没有权限' }),
        h('p', { text: '当前账户的角色不能使用此功能。' })));
      return;
    }
    r.show(match);
    return;
  }
  location.hash = '#/events';
}

function signedIn() {
  const target = afterLogin && afterLogin !== '#/login' ? afterLogin : '#/events';
  afterLogin = '#/events';
  if (location.hash === target) route();
  else location.hash = target;
  loadConfig();
}

/** Signed in again with the new password: on to where the user was going, never back to the password page. */
function afterForcedChange() {
  if (afterLogin === '#/password') afterLogin = '#/events';
  signedIn();
}

function renderHeader() {
  const account = session.account;
  const nav = document.getElementById('nav');
  const user = document.getElementById('user-box');
  nav.textContent = '';
  user.textContent = '';
  nav.hidden = !account || mustChangePassword();
  user.hidden = !account;
  if (!account) return;
  const current = (location.hash || '#/events').split('/').slice(0, 2).join('/');
  for (const item of NAV) {
    if (item.role && !can(item.role)) continue;
    nav.appendChild(h('a', {
      href: item.hash, text: item.text, testid: item.testid,
      class: current === item.hash ? 'active' : undefined,
      'aria-current': current === item.hash ? 'page' : undefined,
    }));
  }
  user.appendChild(h('span', { class: 'current-user', testid: 'current-user' },
    account.displayName || account.username, h('span', { class: 'role', text: ROLES[account.role] || account.role })));
  user.appendChild(h('button', { type: 'button', class: 'ghost', testid: 'logout', text: '退出', onclick: logout }));
}

function logout() {
  session.clear();
  afterLogin = '#/events';
  location.hash = '#/login';
}

async function loadConfig() {
  const footer = document.getElementById('footer');
  if (mustChangePassword()) return; // refused until then; signedIn() comes back here after the change
  try {
    const config = await get('/config');
    footer.textContent = '';
    footer.append(h('span', { text: '评议 Pingyi ' + (config.version || '') }),
      h('span', { testid: 'public-url', text: '手机访问地址：' + (config.publicUrl || '') }));
  } catch {
    footer.textContent = '评议 Pingyi';
  }
}

async function refreshAccount() {
  try {
    const account = await get('/auth/me');
    session.save(null, account);
  } catch {
    // a 401 already sent us to sign-in; anything else keeps the stored account
  }
}

whenPasswordChangeRequired(() => route());

whenUnauthorised(() => {
  if (location.hash !== '#/login') afterLogin = location.hash || '#/events';
  location.hash = '#/login';
  route();
});

window.addEventListener('hashchange', route);

if (session.token) {
  refreshAccount().then(() => { route(); if (session.token) loadConfig(); });
} else {
  route();
}
