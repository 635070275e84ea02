// Downloads that need the bearer token: fetched as blobs and saved under the server's Chinese file name.

import { session, ApiError } from './api.js';
import { h } from './dom.js';

/** The file at `url` (a full /api/... address), or an ApiError with the server's message. */
export async function fetchFile(url) {
  let response;
  try {
    response = await fetch(url, { cache: 'no-store', headers: { Authorization: 'Bearer ' + session.token } });
  } catch {
    throw new ApiError(0, { error: 'network', message: '无法连接服务器，请检查网络' });
  }
  if (!response.ok) {
    let body = {};
    try { body = await response.json(); } catch { body = {}; }
    throw new ApiError(response.status, body);
  }
  try {
    return { blob: await response.blob(), name: fileName(response, url) };
  } catch {
    throw new ApiError(0, { error: 'download_interrupted', message: '下载中断，文件不完整，请重新下载。' });
  }
}

/** The Chinese name from Content-Disposition's filename* (RFC 5987), else the name in the address. */
function fileName(response, url) {
  const header = response.headers.get('Content-Disposition') || '';
  const match = header.match(/filename\*=UTF-8''([^;]+)/i);
  if (match) {
    try { return decodeURIComponent(match[1]); } catch { /* fall through */ }
  }
  return url.slice(url.lastIndexOf('/') + 1);
}

export function save(blob, name) {
  const link = h('a', { href: URL.createObjectURL(blob), download: name, text: name });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
