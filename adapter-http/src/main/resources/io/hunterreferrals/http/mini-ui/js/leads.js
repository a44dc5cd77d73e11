// Leads tab (the default): companies with their referral aggregates, filters in the address, CSV export and import.
import { $, debounce, h, replace } from './dom.js';
import { get, paths, query } from './api.js';
import { t } from './i18n.js';
import { dateTime } from './format.js';
import { REFERRAL_TYPES, countBadge, linkChip, typeBadge, typeName } from './badges.js';
import { DEFAULT_PAGE_SIZE, pageFromAddress, pager } from './pager.js';
import { empty, failed, field, loading, options, table } from './table.js';
import { params, replaceState } from './router.js';
import { exportCsv, openImport } from './lead-files.js';
import { openReferralDetail } from './referral-detail.js';

const SORTS = ['domain_asc', 'name_asc', 'created_desc'];
const state = { referral_type: '', search: '', sort: 'domain_asc', page: 1, page_size: DEFAULT_PAGE_SIZE };
let controller = null;

function readAddress() {
  const p = params();
  state.referral_type = REFERRAL_TYPES.includes(p.get('referral_type')) ? p.get('referral_type') : '';
  state.search = (p.get('search') || '').slice(0, 200);
  state.sort = SORTS.includes(p.get('sort')) ? p.get('sort') : 'domain_asc';
  Object.assign(state, pageFromAddress(p));
}

function apply(changes) {
  Object.assign(state, changes);
  replaceState('leads', { ...state, page: state.page > 1 ? state.page : undefined,
    page_size: state.page_size !== DEFAULT_PAGE_SIZE ? state.page_size : undefined,
    sort: state.sort !== 'domain_asc' ? state.sort : undefined });
  load();
}

function filterBar() {
  const type = h('select', { id: 'filter-referral-type', title: t('leads.referral.tooltip') },
    options([['', t('filter.all')], ...REFERRAL_TYPES.map((v) => [v, typeName(v)])], state.referral_type));
  type.addEventListener('change', () => apply({ referral_type: type.value, page: 1 }));
  const search = h('input', { id: 'filter-leads-search', type: 'search', value: state.search,
    placeholder: t('leads.search.placeholder'), maxlength: 200, autocomplete: 'off' });
  const typed = debounce(() => apply({ search: search.value.trim(), page: 1 }), 400);
  search.addEventListener('input', () => typed());
  search.addEventListener('keydown', (e) => { if (e.key === 'Enter') typed.flush(); });
  const sort = h('select', { id: 'leads-sort' }, options(SORTS.map((s) => [s, t(`leads.sort.${s}`)]), state.sort));
  sort.addEventListener('change', () => apply({ sort: sort.value, page: 1 }));
  return h('div', { class: 'toolbar' },
    field(t('leads.referral'), type), field(t('filter.search'), search, 'field field--grow'),
    field(t('filter.sort'), sort),
    h('div', { class: 'toolbar__actions' },
      h('button', { type: 'button', id: 'btn-leads-export', class: 'btn btn--ghost',
        onclick: () => exportCsv({ referral_type: state.referral_type, search: state.search, sort: state.sort }) },
      h('span', { 'aria-hidden': 'true' }, '⬇️'), ' ', t('leads.export')),
      h('button', { type: 'button', id: 'btn-leads-import', class: 'btn btn--ghost', onclick: () => openImport(load) },
        h('span', { 'aria-hidden': 'true' }, '⬆️'), ' ', t('leads.import'))));
}

function referralCell(lead) {
  const badge = lead.referral_count > 0 ? typeBadge(lead.referral_type)
    : h('span', { class: 'dash', title: t('type.none.tooltip') }, '-');
  return h('td', { class: 'referral-cell' }, badge, countBadge(lead.referral_count, lead.referral_types),
    linkChip(lead.link_status));
}

function row(lead) {
  const open = lead.primary_referral_id ? h('button', {
    type: 'button', class: 'btn btn--small btn--detail', onclick: () => openReferralDetail(lead.primary_referral_id),
    'aria-label': t('leads.openReferral.aria', { name: lead.name }),
  }, t('leads.openReferral')) : null;
  return h('tr', { 'data-lead-id': lead.lead_id, 'data-domain': lead.domain },
    h('td', { class: 'cell-strong' }, lead.name),
    h('td', { class: 'cell-mono' }, lead.domain),
    h('td', {}, lead.country || '-'),
    h('td', {}, t(`source.${lead.source}`)),
    referralCell(lead),
    h('td', { title: dateTime(lead.created_at) }, dateTime(lead.created_at)),
    h('td', { class: 'cell-actions' }, open));
}

async function load() {
  const body = $('#leads-body');
  if (!body) return;
  controller?.abort();
  controller = new AbortController();
  replace(body, loading('leads-loading'));
  try {
    const page = await get(paths.leads + query(state), { signal: controller.signal });
    if (page.leads.length === 0) {
      replace(body, empty(state.search || state.referral_type ? t('leads.noMatch') : t('leads.empty'), 'leads-empty'));
      return;
    }
    const columns = [t('leads.col.company'), t('leads.col.domain'), t('leads.col.country'), t('leads.col.source'),
      t('leads.referral'), t('leads.col.created'), t('col.actions')].map((label) => ({ label }));
    columns[4].title = t('leads.referral.tooltip');
    replace(body,
      table({ id: 'leads-table', caption: t('tabs.leads'), columns, rows: page.leads.map(row) }),
      pager({ id: 'leads-pagination', page: state.page, pageSize: state.page_size, shown: page.leads.length,
        count: page.total, exact: page.total_exact, onPage: (p) => apply({ page: p }),
        onPageSize: (size) => apply({ page_size: size, page: 1 }) }));
    // docs/benchmarks.md measures the first screen up to this mark
    performance.mark('hunter:leads-rendered');
  } catch (error) {
    if (error.name !== 'AbortError') replace(body, failed(error, load, 'leads-error'));
  }
}

export function showLeads() {
  readAddress();
  replace($('#panel-leads'),
    h('h1', { class: 'panel-title' }, t('tabs.leads')),
    filterBar(),
    h('div', { id: 'leads-body' }));
  load();
}

export const reloadLeads = load;
