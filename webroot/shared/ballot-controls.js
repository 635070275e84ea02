// Building blocks of the ballot (ballot-view.js): labelled choices, fieldsets, live limits, alerts.
// Plain ES2017 on purpose (no ?. or ??): old Android and WeChat browsers run the voter page.

export function el(tag, cls, text) {
  var node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

export function choice(type, name, value, ariaLabel, text, data) {
  var label = el('label', 'pb-choice');
  var input = el('input');
  input.type = type;
  input.name = name;
  input.value = value;
  input.setAttribute('aria-label', ariaLabel);
  Object.keys(data).forEach(function (k) { input.dataset[k] = data[k]; });
  label.appendChild(input);
  label.appendChild(el('span', 'pb-choice-text', text));
  return { label: label, input: input };
}

export function fieldset(cls, legendText, data) {
  var fs = el('fieldset', cls);
  Object.keys(data || {}).forEach(function (k) { fs.dataset[k] = data[k]; });
  var legend = el('legend', cls.split(' ')[0] + '-legend');
  if (legendText) legend.textContent = legendText;
  fs.appendChild(legend);
  return { fs: fs, legend: legend };
}

export function alertBox() {
  var box = el('p', 'pb-alert');
  box.setAttribute('role', 'alert');
  box.hidden = true;
  return box;
}

export function say(box, message) {
  box.textContent = message;
  box.hidden = !message;
}

export function checked(inputs) {
  return inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
}

export function radioValue(inputs) {
  var chosen = checked(inputs);
  return chosen.length ? chosen[0] : null;
}

export function obj(v) { return v && typeof v === 'object' ? v : {}; }

export function questionBox(q, ctx) {
  var box = fieldset('pb-q', '', { question: q.id, kind: q.kind });
  box.fs.id = ctx.name('q', q.id);
  box.legend.appendChild(el('span', 'pb-q-number', ctx.number + '. '));
  box.legend.appendChild(el('span', 'pb-q-text', q.text));
  if (q.required) box.legend.appendChild(el('span', 'pb-required', '（必答）'));
  return box;
}

export function scaleGroup(parent, optionsList, groupName, subject, initialValue, onChange, data) {
  var group = el('div', 'pb-options');
  var inputs = optionsList.map(function (o) {
    var d = Object.assign({ option: o.id }, data);
    var c = choice('radio', groupName, o.id, (subject ? subject + ' ' : '') + o.label, o.label, d);
    c.input.id = groupName + '-' + o.id;
    c.input.checked = initialValue === o.id;
    c.input.addEventListener('change', onChange);
    group.appendChild(c.label);
    return c.input;
  });
  parent.appendChild(group);
  return inputs;
}

/** Keeps at most `max` of `inputs` checked (plus `extraCount()`), refusing the extra one with a message. */
export function limitTo(inputs, max, extraCount, box, message) {
  inputs.forEach(function (input) {
    input.addEventListener('change', function () {
      if (!max) return;
      var count = checked(inputs).length + extraCount();
      if (input.checked && count > max) {
        input.checked = false;
        say(box, message);
      } else if (count <= max) {
        say(box, '');
      }
    });
  });
}

/** What a choice belongs to, for its accessible name: the person assessed and the question, kept short. */
export function shortName(q, ctx) {
  var what = q.text.length <= 16 ? q.text : '第' + ctx.number + '题';
  return (ctx.subject ? ctx.subject + ' ' : '') + what;
}

/** The note the paper desk shows when a ballot is recorded with more marks than allowed (it is kept as marked). */
export var OVER_LIMIT_NOTE = '超过限选人数，该部分将按无效计';
