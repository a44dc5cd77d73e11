// Short messages in the corner: success and info for 4 s, errors for 8 s; a click dismisses one.
import { h, $ } from './dom.js';

const ICONS = { success: '✅', error: '❌', info: 'ℹ️' };

export function toast(kind, message) {
  const item = h('div', { class: `toast toast--${kind}`, role: kind === 'error' ? 'alert' : null },
    h('span', { class: 'toast__icon', 'aria-hidden': 'true' }, ICONS[kind]),
    h('span', { class: 'toast__text' }, message));
  const dismiss = () => item.remove();
  item.addEventListener('click', dismiss);
  $('#toasts').append(item);
  setTimeout(dismiss, kind === 'error' ? 8000 : 4000);
  return item;
}

export const success = (message) => toast('success', message);
export const failure = (message) => toast('error', message);
export const info = (message) => toast('info', message);

/** The message of an ApiError (with the request id to quote), or of anything else. */
export function errorText(error) {
  return error.requestId && error.status >= 500 ? `${error.message} (${error.requestId})` : error.message;
}
