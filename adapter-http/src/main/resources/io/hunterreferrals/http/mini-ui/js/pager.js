// Paging under a table: previous / a window of five pages / next, the range shown of the (capped) total, and the
// page size.
import { h } from './dom.js';
import { t } from './i18n.js';
import { number, total } from './format.js';

export const PAGE_SIZES = [25, 50, 100, 200];
export const DEFAULT_PAGE_SIZE = 50;

/** page and page_size from the address, falling back to page 1 and the default size for anything else. */
export function pageFromAddress(params) {
  const size = Number(params.get('page_size'));
  return {
    page: Math.max(1, Number.parseInt(params.get('page'), 10) || 1),
    page_size: PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

export function pager({ id, page, pageSize, shown, count, exact, onPage, onPageSize }) {
  const lastPage = Math.max(1, Math.ceil(count / pageSize));
  const from = shown ? (page - 1) * pageSize + 1 : 0;
  const to = (page - 1) * pageSize + shown;
  const button = (label, target, { current = false, aria } = {}) => h('button', {
    type: 'button', class: current ? 'pager__page pager__page--current' : 'pager__page',
    disabled: target < 1 || (exact && target > lastPage) || current, 'aria-current': current ? 'page' : null,
    'aria-label': aria, onclick: () => onPage(target),
  }, label);
  const first = Math.max(1, Math.min(page - 2, lastPage - 4));
  const pages = [];
  for (let p = first; p <= Math.min(first + 4, exact ? lastPage : page + 2); p++) {
    pages.push(button(number(p), p, { current: p === page, aria: t('pager.page', { n: p }) }));
  }
  const sizeId = `${id}-size`;
  const size = h('select', { id: sizeId, onchange: (e) => onPageSize(Number(e.target.value)) },
    PAGE_SIZES.map((n) => h('option', { value: n, selected: n === pageSize }, number(n))));
  const hasNext = exact ? page < lastPage : shown === pageSize;
  return h('nav', { class: 'pager', id, 'aria-label': t('pager.label') },
    h('span', { class: 'pager__range' }, t('pager.range', { from: number(from), to: number(to),
      total: total(count, exact) })),
    h('span', { class: 'pager__buttons' },
      h('button', { type: 'button', class: 'pager__page', disabled: page <= 1, onclick: () => onPage(page - 1) },
        t('pager.previous')),
      pages,
      h('button', { type: 'button', class: 'pager__page', disabled: !hasNext, onclick: () => onPage(page + 1) },
        t('pager.next'))),
    h('label', { class: 'pager__size', for: sizeId }, t('pager.size')), size);
}
