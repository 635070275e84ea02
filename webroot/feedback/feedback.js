// A feedback box's public page, /f/<key>: leave an anonymous message, get a follow-up code, read the reply with it.
// Before a message is accepted the page proves some work (a nonce whose SHA-256 with the server's challenge starts
// with zero bits), done in small slices while the person writes. Everything typed is shown back as text only.
// Plain script (no modules, no newer syntax): people open it in whatever browser their phone scans with.
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var box = null;
  var challenge = null;
  var solution = null;
  var solving = 0;
  var waiting = null;

  function key() {
    var parts = location.pathname.split('/');
    return parts.length >= 3 && parts[1] === 'f' ? parts[2] : '';
  }

  function request(method, path, body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.setRequestHeader('Accept', 'application/json');
    if (body) xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.onload = function () {
      var data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
      done(xhr.status, data || {});
    };
    xhr.onerror = function () { done(0, {}); };
    xhr.send(body ? JSON.stringify(body) : null);
  }

  function show(id, visible) { $(id).hidden = !visible; }

  function message(title, text) {
    $('message-title').textContent = title;
    $('message-text').textContent = text;
    show('message', true);
  }

  // ---- proof of work ----

  function leadingZeros(words, bits) {
    for (var i = 0; i < bits; i++) {
      if ((words[i >> 5] >>> (31 - (i & 31))) & 1) return false;
    }
    return true;
  }

  /** Solves the current challenge in slices of 1,500 hashes, so typing stays smooth. */
  function solve() {
    var mine = ++solving;
    var text = challenge.text + ':';
    var bits = challenge.bits;
    var nonce = 0;
    function slice() {
      if (mine !== solving) return;
      for (var end = nonce + 1500; nonce < end; nonce++) {
        if (leadingZeros(window.pingyiSha256(text + nonce), bits)) {
          solution = String(nonce);
          if (waiting) { var next = waiting; waiting = null; next(); }
          return;
        }
      }
      setTimeout(slice, 0);
    }
    solution = null;
    setTimeout(slice, 0);
  }

  function freshChallenge(then) {
    request('GET', '/api/f/' + encodeURIComponent(key()), null, function (status, data) {
      if (status !== 200) return then(false);
      challenge = data.challenge;
      solve();
      then(true);
    });
  }

  // ---- the form ----

  function categories(list) {
    var holder = $('categories');
    for (var i = 0; i < list.length; i++) {
      var label = document.createElement('label');
      label.className = 'f-choice';
      var input = document.createElement('input');
      input.type = 'radio';
      input.name = 'category';
      input.value = list[i].code;
      var span = document.createElement('span');
      span.textContent = list[i].label;
      label.appendChild(input);
      label.appendChild(span);
      holder.appendChild(label);
    }
  }

  function chosenCategory() {
    var checked = document.querySelector('input[name="category"]:checked');
    return checked ? checked.value : '';
  }

  function count() {
    var n = Array.from ? Array.from($('text').value).length : $('text').value.length;
    $('count').textContent = n.toLocaleString('en-US') + ' / 2,000 字';
  }

  function clearErrors() {
    show('error', false);
    var marked = document.querySelectorAll('.invalid');
    for (var i = 0; i < marked.length; i++) marked[i].className = marked[i].className.replace(/\s*invalid/g, '');
  }

  function showError(text, fields) {
    var box = $('error');
    box.textContent = text;
    show('error', true);
    for (var name in fields || {}) {
      var field = document.querySelector('[data-field="' + name + '"]');
      if (field) field.className += ' invalid';
    }
  }

  function submit(event) {
    event.preventDefault();
    clearErrors();
    // The server checks the same, in the same words; asking here first saves a round trip on a slow network.
    if (!chosenCategory()) return showError('请选择意见类别（选人用人、干部作风或其他）', { category: true });
    if (!$('text').value.replace(/\s/g, '')) return showError('请填写意见内容', { text: true });
    $('send').disabled = true;
    if (!solution) {
      $('working').textContent = '正在准备提交，请稍候…';
      waiting = function () { send(true); };
      return;
    }
    send(true);
  }

  function send(retry) {
    $('working').textContent = '正在提交…';
    var body = { category: chosenCategory(), cadre: $('cadre').value, text: $('text').value,
      challenge: challenge.text, nonce: solution };
    request('POST', '/api/f/' + encodeURIComponent(key()) + '/messages', body, function (status, data) {
      $('working').textContent = '';
      if (status === 201) return received(data.code);
      var stale = data.error === 'challenge_expired' || data.error === 'proof_used' || data.error === 'proof_invalid';
      if (stale && retry) {
        $('working').textContent = '正在重新验证，请稍候…';
        return freshChallenge(function (ok) {
          if (!ok) return failed(0, {});
          waiting = function () { send(false); };
        });
      }
      failed(status, data);
    });
  }

  function failed(status, data) {
    $('send').disabled = false;
    if (status === 0) return showError('无法连接服务器，请检查网络后重新提交。您写的内容仍在页面上。');
    if (status === 429) return showError('提交过于频繁，请过一会儿再提交。您写的内容仍在页面上。');
    showError(data.message || '提交没有成功（' + status + '），请稍后再试。', data.fields);
  }

  function received(code) {
    $('code').textContent = code;
    $('form').reset();
    count();
    show('write', false);
    show('done', true);
    $('send').disabled = false;
    freshChallenge(function () {});
    $('done').scrollIntoView();
  }

  function again() {
    show('done', false);
    show('write', true);
    $('text').focus();
  }

  // ---- follow-up ----

  function lookup(event) {
    event.preventDefault();
    var answer = $('answer');
    request('POST', '/api/followup', { code: $('lookup-code').value }, function (status, data) {
      answer.textContent = '';
      answer.hidden = false;
      if (status !== 200) {
        answer.className = 'f-answer missing';
        answer.appendChild(line('f-verdict', status === 404 ? '没有找到' : '无法查询'));
        answer.appendChild(line('f-detail', status === 0 ? '无法连接服务器，请检查网络。'
          : status === 429 ? '查询过于频繁，请稍后再试。' : (data.message || '请稍后再试。')));
        return;
      }
      answer.className = 'f-answer ok';
      answer.appendChild(line('f-verdict', data.statusLabel));
      answer.appendChild(line('f-detail', data.receivedOn + ' 收到 · ' + data.category));
      if (data.reply) {
        answer.appendChild(line('f-reply-head', '答复' + (data.repliedOn ? '（' + data.repliedOn + '）' : '') + '：'));
        var reply = line('f-reply', data.reply);
        reply.setAttribute('data-testid', 'lookup-reply');
        answer.appendChild(reply);
      }
    });
  }

  function line(cls, text) {
    var p = document.createElement('p');
    p.className = cls;
    p.textContent = text;
    return p;
  }

  function opened(status, data) {
    if (status !== 200) {
      $('title').textContent = '意见箱';
      if (status === 404) message('没有找到这个意见箱', '请核对地址是否完整，或重新扫描海报上的二维码。');
      else message('暂时无法打开意见箱', '请检查网络连接后刷新本页。');
      return;
    }
    box = data;
    $('title').textContent = box.title;
    document.title = box.title + ' - 意见箱';
    var meta = [box.unit, box.eventTitle ? '《' + box.eventTitle + '》' : ''].filter(function (x) { return x; });
    $('meta').textContent = meta.join('　');
    categories(box.categories);
    challenge = box.challenge;
    solve();
    show('write', true);
    show('check', true);
    show('about', true);
    $('form').addEventListener('submit', submit);
    $('form').addEventListener('change', clearErrors);
    $('text').addEventListener('input', count);
    $('again').addEventListener('click', again);
    $('lookup').addEventListener('submit', lookup);
  }

  request('GET', '/api/f/' + encodeURIComponent(key()), null, opened);
}());
