// Referral inbox tab: filters (in the address), the table with its row actions, paging with the capped total.
import { $, debounce, h, replace } from './dom.js';
import { get, paths, query } from './api.js';
import { t } from './i18n.js';
import { age, dateTime, money, total } from './format.js';
import { REFERRAL_TYPES, linkChip, statusChip, typeBadge, typeName } from './badges.js';
import { DEFAULT_PAGE_SIZE, pageFromAddress, pager } from './pager.js';
import { empty, failed, field, loading, options, table } from './table.js';
import { params, replaceState } from './router.js';
import { info } from './toast.js';
import { rowActions } from './referral-actions.js';

const LINK_STATUSES = ['unlinked', 'auto_linked', 'manual_linked', 'manual_unlinked'];
const STATUSES = ['New', 'Active', 'Closed'];
const TYPES = [...REFERRAL_TYPES, 'unclassified'];
const SORTS = ['changed_desc', 'created_desc', 'updated_desc', 'company_asc', 'deal_value_desc'];
const DEFAULTS = { link_status: '', referral_type: '', status: '', search: '', sort: 'changed_desc', page: 1,
  page_size: DEFAULT_PAGE_SIZE };
const state = { ...DEFAULTS };
let controller = null;

function readAddress() {
  const p = params();
  const pick = (name, allowed) => (allowed.includes(p.get(name)) ? p.get(name) : DEFAULTS[name]);
  state.link_status = pick('link_status', LINK_STATUSES);
  state.referral_type = pick('referral_type', TYPES);
  state.status = pick('status', STATUSES);
  state.sort = pick('sort', SORTS);
  state.search = (p.get('search') || '').slice(0, 200);
  Object.assign(state, pageFromAddress(p));
}

function apply(changes) {
  Object.assign(state, changes);
  const shown = Object.fromEntries(Object.entries(state).filter(([k, v]) => v !== DEFAULTS[k]));
  replaceState('inbox', shown);
  load();
}

function filterBar() {
  const select = (id, pairs, value) => h('select', { id, class: 'js-referral-filter-control' },
    options([['', t('filter.all')], ...pairs], value));
  const link = select('filter-referral-link-status', LINK_STATUSES.map((v) => [v, t(`link.${v}`)]), state.link_status);
  const type = select('filter-referral-type-inbox', TYPES.map((v) => [v, typeName(v === 'unclassified' ? null : v)]),
    state.referral_type);
  const status = select('filter-referral-status', STATUSES.map((v) => [v, t(`status.${v}`)]), state.status);
  const sort = h('select', { id: 'referrals-sort' }, options(SORTS.map((s) => [s, t(`inbox.sort.${s}`)]), state.sort));
  const search = h('input', { id: 'filter-referral-search', type: 'search', value: state.search, maxlength: 200,
    placeholder: t('inbox.search.placeholder'), autocomplete: 'off', class: 'js-referral-filter-control' });
  const current = () => ({ link_status: link.value, referral_type: type.value, status: status.value,
    search: search.value.trim(), sort: sort.value, page: 1 });
  const typed = debounce(() => apply(current()), 500);
  search.addEventListener('input', () => typed());
  search.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); typed.flush(); } });
  [link, type, status, sort].forEach((control) => control.addEventListener('change', () => apply(current())));
  return h('div', { class: 'toolbar' },
    field(t('inbox.filter.link'), link), field(t('inbox.filter.type'), type), field(t('inbox.filter.status'), status),
    field(t('filter.search'), search, 'field field--grow'), field(t('filter.sort'), sort),
    h('div', { class: 'toolbar__actions' },
      h('button', { type: 'button', id: 'btn-referral-filter', class: 'btn btn--primary',
        onclick: () => typed.flush() }, t('filter.apply')),
      h('button', { type: 'button', id: 'btn-referral-filters-clear', class: 'btn btn--ghost',
        onclick: () => { typed.cancel(); Object.assign(state, DEFAULTS); showInbox(true); } }, t('filter.clear'))));
}

function domainCell(r) {
  const raw = r.raw_domain && r.raw_domain !== r.domain
    ? h('span', { class: 'raw-domain' }, t('inbox.rawDomain', { host: r.raw_domain })) : null;
  const domain = r.domain ? h('span', { class: 'cell-mono' }, r.domain)
    : h('span', { class: 'no-domain' }, t('inbox.noDomain'));
  return h('td', { class: 'domain-cell' }, domain, raw);
}

export function referralRow(r) {
  const tr = h('tr', { 'data-referral-id': r.referral_id },
    h('td', { class: 'cell-strong' }, r.company_name || r.name || '-',
      r.company_name && r.name ? h('span', { class: 'sub' }, r.name) : null),
    domainCell(r),
    h('td', {}, typeBadge(r.referral_type)),
    h('td', {}, statusChip(r.status, r.substatus)),
    h('td', {}, linkChip(r.link_status),
      r.linked_lead_domain ? h('span', { class: 'sub cell-mono' }, r.linked_lead_domain) : null),
    h('td', { class: 'cell-number' }, money(r.deal_value, r.currency)),
    h('td', { title: `${t('inbox.syncedAt')}: ${dateTime(r.synced_at)}\n${t('inbox.changedAt')}: ${dateTime(r.changed_at)}` },
      h('span', { class: 'js-age', 'data-at': r.changed_at }, age(r.changed_at)),
      h('span', { class: 'sub' }, t('inbox.syncedAge', { age: age(r.synced_at) }))),
    h('td', { class: 'cell-actions' }, rowActions(r, (updated) => tr.replaceWith(referralRow(updated)))));
  return tr;
}

async function load() {
  const body = $('#referrals-body');
  if (!body) return;
  controller?.abort();
  controller = new AbortController();
  replace(body, loading('referrals-loading'));
  try {
    const page = await get(paths.inbox + query(state), { signal: controller.signal });
    const filtered = state.search || state.link_status || state.referral_type || state.status;
    if (page.referrals.length === 0) {
      replace(body, empty(filtered ? t('inbox.noMatch') : t('inbox.empty'), 'referrals-empty'));
      if (state.search) info(t('inbox.searchNone', { search: state.search }));
      return;
    }
    const columns = ['company', 'domain', 'type', 'status', 'link', 'deal', 'changed', 'actions']
      .map((c) => ({ label: t(`inbox.col.${c}`), className: c === 'deal' ? 'cell-number' : null }));
    replace(body,
      h('p', { class: 'muted', id: 'referrals-count' }, t('inbox.count', { total: total(page.total, page.total_exact) })),
      table({ id: 'referrals-table', caption: t('tabs.inbox'), columns, rows: page.referrals.map(referralRow) }),
      pager({ id: 'referrals-pagination', page: state.page, pageSize: state.page_size, shown: page.referrals.length,
        count: page.total, exact: page.total_exact, onPage: (p) => apply({ page: p }),
        onPageSize: (size) => apply({ page_size: size, page: 1 }) }));
  } catch (error) {
    if (error.name !== 'AbortError') replace(body, failed(error, load, 'referrals-error'));
  }
}

export function showInbox(writeAddress = false) {
  if (!writeAddress) readAddress();
  else replaceState('inbox', {});
  replace($('#panel-inbox'),
    h('h1', { class: 'panel-title' }, t('tabs.inbox')),
    filterBar(),
    h('div', { id: 'referrals-body' }));
  load();
}

export const reloadInbox = load;
