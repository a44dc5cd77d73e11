// The sync quarantine on the sync runs tab: referrals the sync could not store because of their content. They no
// longer hold the watermark back, so someone has to see them here (or with `hunter sync failures`).
import { h } from './dom.js';
import { get, paths, query } from './api.js';
import { t } from './i18n.js';
import { dateTime, number } from './format.js';
import { pager } from './pager.js';
import { table } from './table.js';

const state = { page: 1, page_size: 25 };

function pretty(json) {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json; // kept exactly as sent, even when it is not JSON
  }
}

function row(entry) {
  const name = entry.referral_id
    ? h('span', { class: 'cell-mono' }, entry.referral_id)
    : h('span', { class: 'muted', title: entry.key }, t('quarantine.noId'));
  return h('tr', { 'data-key': entry.key, 'data-reason': entry.reason },
    h('td', {}, name),
    h('td', {}, t(`reason.${entry.reason}`, {}, entry.reason)),
    h('td', { class: 'cell-number' }, t('quarantine.where', { page: entry.page, position: entry.position })),
    h('td', { class: 'cell-mono' }, entry.updated_date_time || '-'),
    h('td', { class: 'cell-number' }, `${number(entry.times_seen)}×`),
    h('td', {}, dateTime(entry.first_seen_at)),
    h('td', {}, dateTime(entry.last_seen_at)),
    h('td', {}, h('details', { class: 'payload' },
      h('summary', {}, t('quarantine.payload')),
      h('pre', { class: 'payload__text' }, pretty(entry.payload || '')))));
}

/** The quarantine section, or nothing when it is empty; {@code reload} re-renders the tab. */
export async function quarantineSection(reload) {
  const page = await get(paths.syncFailures + query({ ...state, include_payload: true }));
  if (page.total === 0) return null;
  const columns = ['referral', 'reason', 'where', 'updated', 'seen', 'firstSeen', 'lastSeen', 'payload']
    .map((c) => ({ label: t(`quarantine.col.${c}`) }));
  return h('section', { class: 'quarantine', id: 'sync-quarantine', 'aria-labelledby': 'sync-quarantine-title' },
    h('h2', { class: 'section-title', id: 'sync-quarantine-title' },
      t('quarantine.title', { count: number(page.total) })),
    h('p', { class: 'muted' }, t('quarantine.explain')),
    table({ id: 'quarantine-table', caption: t('quarantine.title', { count: number(page.total) }), columns,
      rows: page.failures.map(row) }),
    pager({ id: 'quarantine-pagination', page: state.page, pageSize: state.page_size, shown: page.failures.length,
      count: page.total, exact: page.total_exact ?? true, onPage: (p) => { state.page = p; reload(); },
      onPageSize: (size) => { state.page_size = size; state.page = 1; reload(); } }));
}
