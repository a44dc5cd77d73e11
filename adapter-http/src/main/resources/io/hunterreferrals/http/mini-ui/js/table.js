// Tables and the states around them: loading, empty, error (with a retry).
import { h } from './dom.js';
import { t } from './i18n.js';

/** columns: [{label, title?, className?}]; rows: <tr> nodes. */
export function table({ id, caption, columns, rows }) {
  return h('div', { class: 'table-wrap' },
    h('table', { id, class: 'data-table' },
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', title: c.title, class: c.className },
        c.label)))),
      h('tbody', {}, rows)));
}

export function loading(id) {
  return h('div', { class: 'state state--loading', id, role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('state.loading'));
}

export function empty(text, id) {
  return h('div', { class: 'state state--empty', id }, text);
}

export function failed(error, retry, id) {
  return h('div', { class: 'state state--error', id, role: 'alert' },
    h('p', {}, error.message),
    error.requestId ? h('p', { class: 'muted' }, t('error.requestId', { id: error.requestId })) : null,
    h('button', { type: 'button', class: 'btn btn--ghost', onclick: retry }, t('state.retry')));
}

/** A label + control pair for filter bars. */
export function field(label, control, className = 'field') {
  return h('div', { class: className }, h('label', { for: control.id }, label), control);
}

export function options(pairs, selected) {
  return pairs.map(([value, label]) => h('option', { value, selected: value === (selected || '') }, label));
}
