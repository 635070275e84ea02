// Keyboard entry on the desk grid (paper-desk.js), so a clerk keeps their eyes on the paper: the key of a
// column marks it and moves to the next line, 0 or Backspace clears the line, Enter moves on (and from the last
// line to 提交), arrows move without marking. Multiple choices toggle in place. The legend is keyLegend().

import { indexOfKey } from './paper-lines.js';

/** Handles keys inside `root`; `stops()` lists the visible stops in reading order. */
export function attachKeys(root, stops, onLast) {
  root.addEventListener('focusin', (ev) => mark(root, ev.target.stop));
  root.addEventListener('keydown', (ev) => {
    const stop = ev.target.stop;
    if (!stop || ev.ctrlKey || ev.altKey || ev.metaKey || ev.isComposing) return;
    const handled = stop.def.kind === 'text' ? textKey(ev, stop, stops, onLast) : choiceKey(ev, stop, stops, onLast);
    if (handled) ev.preventDefault();
  });
}

/** The current stop's cells get a stronger tint than the rest of the line (which :focus-within tints). */
function mark(root, stop) {
  root.querySelectorAll('.desk-current').forEach((c) => c.classList.remove('desk-current'));
  if (stop) stop.cells.forEach((c) => c.classList.add('desk-current'));
}

function textKey(ev, stop, stops, onLast) {
  const single = stop.inputs[0].tagName === 'INPUT';
  if (ev.key === 'Enter' && !ev.shiftKey) return next(stop, stops, onLast);
  if (single && (ev.key === 'ArrowDown' || ev.key === 'ArrowUp')) return vertical(ev, stop, stops);
  return false;
}

function choiceKey(ev, stop, stops, onLast) {
  const { key } = ev;
  if (key === 'Enter') return next(stop, stops, onLast);
  if (key === '0' || key === 'Backspace' || key === 'Delete') {
    stop.inputs.forEach((i) => set(i, false));
    return true;
  }
  if (key === 'ArrowDown' || key === 'ArrowUp') return vertical(ev, stop, stops);
  if (key === 'ArrowLeft' || key === 'ArrowRight') return sideways(ev, stop, stops);
  const index = stop.def.kind === 'mark' ? (key === '1' ? 0 : -1) : indexOfKey(key);
  if (index < 0 || index >= stop.inputs.length) return /^[0-9a-z]$/i.test(key);
  const input = stop.inputs[index];
  if (stop.def.kind === 'many') {
    set(input, !input.checked);
    input.focus();
    return true;
  }
  set(input, true);
  return next(stop, stops, onLast);
}

/** Checks or clears an input as a click would, so the grid's listeners (reasons, limits) hear it. */
function set(input, checked) {
  if (input.checked === checked) return;
  input.checked = checked;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function next(stop, stops, onLast) {
  const list = stops();
  const following = list[list.indexOf(stop) + 1];
  if (following) following.focus();
  else onLast();
  return true;
}

/** Up and down go to the line above or below, staying in the same column where it has one. */
function vertical(ev, stop, stops) {
  const list = stops();
  const lines = [...new Set(list.map((s) => s.line))];
  const target = lines[lines.indexOf(stop.line) + (ev.key === 'ArrowDown' ? 1 : -1)];
  if (!target) return true;
  const inLine = list.filter((s) => s.line === stop.line);
  const there = list.filter((s) => s.line === target);
  const column = stop.inputs.indexOf(ev.target);
  there[Math.min(inLine.indexOf(stop), there.length - 1)].focus(column);
  return true;
}

/** Left and right move along the line's choices without marking them (a radio would mark itself). */
function sideways(ev, stop, stops) {
  const inputs = stops().filter((s) => s.line === stop.line).flatMap((s) => s.inputs);
  const target = inputs[inputs.indexOf(ev.target) + (ev.key === 'ArrowRight' ? 1 : -1)];
  if (target) target.focus();
  return true;
}
