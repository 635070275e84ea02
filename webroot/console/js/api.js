// Talks to /api: adds the bearer token, turns every error into an ApiError carrying the server's
// Chinese message and its field map, and sends the user back to sign-in on any 401.

const TOKEN_KEY = 'pingyi.token';
const ACCOUNT_KEY = 'pingyi.account';

/** An error answer of the API: {error, message, fields}. */
export class ApiError extends Error {
  constructor(status, body) {
    super(messageFor(status, body));
    this.status = status;
    this.code = body.error || 'error';
    this.fields = body.fields || {};
  }
}

function messageFor(status, body) {
  if (status === 429) return '尝试次数过多，请稍后再试';
  if (body.message) return body.message;
  switch (status) {
    case 400: return '输入有误，请检查标出的字段';
    case 401: return '登录已失效，请重新登录';
    case 403: return '没有权限执行此操作';
    case 404: return '对象不存在或已被删除';
    case 409: return '操作与当前状态冲突，请刷新后重试';
    case 413: return '提交的内容过大';
    default: return '服务器出错（' + status + '），请稍后再试';
  }
}

export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  get account() {
    try { return JSON.parse(sessionStorage.getItem(ACCOUNT_KEY) || 'null'); } catch { return null; }
  },
  save(token, account) {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(ACCOUNT_KEY, JSON.stringify(account));
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(ACCOUNT_KEY);
  },
};

let onUnauthorised = () => {};
let onPasswordChangeRequired = () => {};

/** Called with no arguments whenever the server answers 401 to a signed-in request. */
export function whenUnauthorised(handler) {
  onUnauthorised = handler;
}

/** Called when the server refuses a request until the initial password is changed (403 password_change_required). */
export function whenPasswordChangeRequired(handler) {
  onPasswordChangeRequired = handler;
}

/** Whether the signed-in account must replace a password someone else set before doing anything else. */
export function mustChangePassword() {
  return Boolean(session.account && session.account.passwordChangeRequired);
}

/** Calls the API; resolves to the parsed JSON body (null for 204), rejects with ApiError. */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  const token = session.token;
  if (token) headers.Authorization = 'Bearer ' + token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch('/api' + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, { error: 'network', message: '无法连接服务器，请检查网络' });
  }
  if (response.status === 204) return null;
  let data = null;
  const text = await response.text();
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (response.ok) return data;
  const error = new ApiError(response.status, data && typeof data === 'object' ? data : {});
  if (response.status === 401 && path !== '/auth/login') {
    session.clear();
    onUnauthorised();
  }
  if (response.status === 403 && error.code === 'password_change_required' && session.account) {
    session.save(null, { ...session.account, passwordChangeRequired: true });
    onPasswordChangeRequired();
  }
  throw error;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const put = (path, body) => api('PUT', path, body);
export const patch = (path, body) => api('PATCH', path, body);
export const del = (path) => api('DELETE', path);

export const ROLES = { admin: '管理员', organizer: '组织者', clerk: '工作人员', observer: '观察员' };
/** The least role first: a new account starts with it (as the server does when no role is sent). */
export const LEAST_ROLE = 'observer';
/** What each role may do, in the words of the confirmation before a role change (README, 角色). */
export const ROLE_POWERS = {
  admin: '可以做一切操作，包括创建和停用账户、重置密码、修改角色、查看审计日志。',
  organizer: '可以创建和编辑活动与表单、发放和作废票签、开始和结束投票、归档、管理大屏链接。',
  clerk: '可以查看活动和表单、录入纸质票，投票结束后导出选票、汇总表和归档包。',
  observer: '只能查看活动、表单、投票进度和结果，打开大屏幕；不能修改任何内容。',
};
export const STATUSES = { draft: '草稿', open: '投票中', closed: '已结束', archived: '已归档' };

/** Whether the signed-in account may do what `role` may (admins may do everything). */
export function can(role) {
  const account = session.account;
  if (!account) return false;
  return account.role === 'admin' || account.role === role;
}
