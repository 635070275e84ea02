// Shows what validate() or the server found wrong: a message inside the group it concerns (a question, a
// cadre's row, a position, an extra question), aria-invalid on its controls, and focus on the first one.
// Paths are those of ballot-view.js's validate(): "q1", "cadres.r1", "cadres.r1.extra.canvass", "rec.p1".

import { el } from '/shared/ballot-controls.js';

const ID = /^[A-Za-z0-9_-]{1,40}$/;
let counter = 0;

/** The element a problem path points at within a rendered ballot, narrowed as far as the path allows. */
export function locate(root, path) {
  const parts = String(path).split('.');
  if (!ID.test(parts[0])) return null;
  let group = root.querySelector('.pb-q[data-question="' + parts[0] + '"]');
  if (!group || !parts[1] || !ID.test(parts[1])) return group;
  const inner = group.querySelector('fieldset.pb-row[data-row="' + parts[1] + '"]') ||
    group.querySelector('fieldset.pb-position[data-position="' + parts[1] + '"]');
  if (!inner) return group;
  group = inner;
  if (parts[2] === 'extra' && ID.test(parts[3] || '')) {
    return group.querySelector('fieldset.pb-extra[data-extra="' + parts[3] + '"]') || group;
  }
  if (parts[2] === 'reasons') {
    const reasons = group.querySelector('fieldset.pb-reason');
    return reasons && !reasons.hidden ? reasons : group;
  }
  return group;
}

/** The controls that belong to `group` itself, not to a group nested inside it. */
function ownControls(group) {
  return Array.prototype.filter.call(group.querySelectorAll('input, textarea'), function (input) {
    return input.closest('fieldset, .pb-q') === group;
  });
}

/** Marks `group` with `message` (several messages for one group are joined). */
export function mark(group, message) {
  group.classList.add('v-invalid');
  let box = null;
  for (let i = 0; i < group.children.length; i += 1) {
    if (group.children[i].classList.contains('v-error')) box = group.children[i];
  }
  if (!box) {
    counter += 1;
    box = el('p', 'v-error');
    box.id = 'v-error-' + counter;
    const head = group.querySelector('legend, label.pb-q-legend');
    group.insertBefore(box, head && head.parentNode === group ? head.nextSibling : group.firstChild);
  }
  box.textContent = box.textContent ? box.textContent + '；' + message : message;
  ownControls(group).forEach(function (input) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', box.id);
  });
}

export function clear(group) {
  group.classList.remove('v-invalid');
  for (let i = group.children.length - 1; i >= 0; i -= 1) {
    if (group.children[i].classList.contains('v-error')) group.removeChild(group.children[i]);
  }
  ownControls(group).forEach(function (input) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  });
}

export function clearAll(root) {
  Array.prototype.forEach.call(root.querySelectorAll('.v-invalid'), clear);
}

/** Scrolls to `group` and focuses its chosen option, or else its first control. */
export function focusOn(group) {
  const controls = ownControls(group);
  const target = controls.filter(function (c) { return c.checked; })[0] || controls[0] || group;
  if (target === group) group.tabIndex = -1;
  try {
    group.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  } catch (e) {
    target.focus();
  }
}
