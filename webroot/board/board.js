// The receipts board, /r/<board>: reads every receipt code of a closed event once, lists them, and checks a code
// typed by the voter against that list here in the browser. The code typed never leaves the phone: a look-up
// sent to the server would tie the code (and so the ballot) to the phone's address and the moment.
// Plain script (no modules, no newer syntax): voters open it in whatever browser their phone scans with.
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var codes = null;
  var items = {};
  var marked = null;

  function key() {
    var parts = location.pathname.split('/');
    return parts.length >= 3 && parts[1] === 'r' ? parts[2] : '';
  }

  /** 7k2qx m9d4a, 7K2QXM9D4A, 7K2QX－M9D4A → 7K2QX-M9D4A; O, I and L read as 0, 1 and 1 (Crockford's base32). */
  function normalise(text) {
    var plain = String(text).toUpperCase().replace(/[\s\-－—_·.]/g, '')
      .replace(/O/g, '0').replace(/[IL]/g, '1');
    return plain.length === 10 ? plain.slice(0, 5) + '-' + plain.slice(5) : plain;
  }

  function show(id, visible) { $(id).hidden = !visible; }

  function message(title, text) {
    $('message-title').textContent = title;
    $('message-text').textContent = text;
    show('message', true);
  }

  function heading(event) {
    $('title').textContent = event.title;
    document.title = event.title + ' - 回执码公布';
    var meta = [event.organizingUnit, event.date, event.venue].filter(function (x) { return x; });
    $('meta').textContent = meta.join('　');
  }

  function list(receipts) {
    var fragment = document.createDocumentFragment();
    for (var i = 0; i < receipts.length; i++) {
      var li = document.createElement('li');
      li.textContent = receipts[i];
      items[receipts[i]] = li;
      fragment.appendChild(li);
    }
    $('codes').appendChild(fragment);
    $('count').textContent = '共 ' + receipts.length + ' 个';
    $('pdf').href = '/r/' + key() + '/receipts.pdf';
  }

  function check(event) {
    event.preventDefault();
    var typed = normalise($('code').value);
    var result = $('result');
    result.hidden = false;
    result.textContent = '';
    if (marked) marked.className = '';
    marked = null;
    if (!typed) {
      result.className = 'b-result';
      result.appendChild(line('b-verdict', '请输入回执码'));
      return;
    }
    if (codes[typed]) {
      marked = items[typed];
      marked.className = 'hit';
      result.className = 'b-result ok';
      result.appendChild(line('b-verdict', '已计入'));
      result.appendChild(line('b-detail', '回执码 ' + typed + ' 在公布的名单中：您的选票已计入。'));
      return;
    }
    result.className = 'b-result missing';
    result.appendChild(line('b-verdict', '未找到'));
    result.appendChild(line('b-detail', /^[0-9A-Z]{5}-[0-9A-Z]{5}$/.test(typed)
      ? '名单中没有回执码 ' + typed + '。请逐位核对（共 10 位，如 7K2QX-M9D4A）；确认无误仍未找到，请联系会场工作人员或监票人。'
      : '“' + typed + '”不是完整的回执码：回执码共 10 位字母和数字，如 7K2QX-M9D4A，请核对后重新输入。'));
  }

  function line(cls, text) {
    var p = document.createElement('p');
    p.className = cls;
    p.textContent = text;
    return p;
  }

  function loaded(board) {
    heading(board.event);
    codes = {};
    for (var i = 0; i < board.receipts.length; i++) codes[board.receipts[i]] = true;
    list(board.receipts);
    show('check', true);
    show('list', true);
    $('search').addEventListener('submit', check);
  }

  function failed(status) {
    $('title').textContent = '回执码公布';
    if (status === 404) {
      message('没有找到回执码名单', '回执码在投票结束后公布。请在投票结束后再打开，或核对地址是否完整。');
    } else {
      message('暂时无法读取回执码', '请检查网络连接后刷新本页。');
    }
  }

  var request = new XMLHttpRequest();
  request.open('GET', '/r/' + encodeURIComponent(key()) + '/receipts.json');
  request.onload = function () {
    if (request.status !== 200) return failed(request.status);
    try {
      loaded(JSON.parse(request.responseText));
    } catch (e) {
      failed(0);
    }
  };
  request.onerror = function () { failed(0); };
  request.send();
}());
