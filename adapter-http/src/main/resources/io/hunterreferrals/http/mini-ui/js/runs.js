// Sync runs tab: the quarantine (when a sync could not store some referrals), charts of the recent runs and of the
// stored referrals by type and status, then the run history.
import { $, h, replace } from './dom.js';
import { get, paths, query } from './api.js';
import { intlLocale, t } from './i18n.js';
import { dateTime, duration, number } from './format.js';
import { typeName } from './badges.js';
import { stackedBars } from './charts.js';
import { pager } from './pager.js';
import { empty, failed, loading, table } from './table.js';
import { showRunError } from './run-error.js';
import { quarantineSection } from './quarantine.js';

const CHART_RUNS = 20;
const state = { page: 1, page_size: 25 };

function reasons(map) {
  const entries = Object.entries(map || {});
  return entries.length ? entries.map(([reason, n]) => `${t(`reason.${reason}`, {}, reason)}: ${number(n)}`).join(', ') : '-';
}

function seconds(run) {
  if (!run.started_at || !run.finished_at) return 0;
  return Math.max(0, (new Date(run.finished_at) - new Date(run.started_at)) / 1000);
}

function runsChart(runs) {
  const recent = runs.filter((r) => r.finished_at).slice(0, CHART_RUNS).reverse();
  const groups = recent.map((r) => ({ label: new Intl.DateTimeFormat(intlLocale(), { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' })
    .format(new Date(r.finished_at)), values: { created: r.created_count, updated: r.updated_count,
    skipped: r.skipped_count, failed: r.failure_count, seconds: seconds(r) } }));
  return [
    stackedBars({ id: 'chart-runs', title: t('runs.chart.counts'), groups, emptyText: t('runs.empty'), width: 1280,
      series: ['created', 'updated', 'skipped', 'failed'].map((key) => ({ key, label: t(`runs.${key}`),
        className: `series--${key}` })) }),
    stackedBars({ id: 'chart-durations', title: t('runs.chart.durations'), groups, emptyText: t('runs.empty'),
      series: [{ key: 'seconds', label: t('runs.seconds'), className: 'series--duration' }],
      format: (v) => number(v, v < 10 ? 1 : 0) })];
}

function statsChart(stats) {
  const statuses = ['New', 'Active', 'Closed'];
  const types = ['co-sell', 'marketplace', 'solution-provider', 'unclassified'];
  const groups = types.map((type) => {
    const values = {};
    for (const c of stats.counts.filter((x) => x.referral_type === type)) {
      const key = statuses.includes(c.status) ? c.status : 'other';
      values[key] = (values[key] || 0) + c.count;
    }
    return { label: typeName(type === 'unclassified' ? null : type), values };
  }).filter((g) => Object.keys(g.values).length);
  return stackedBars({ id: 'chart-referral-stats', title: t('runs.chart.stats', { total: number(stats.total) }),
    groups, emptyText: t('inbox.empty'),
    series: [...statuses, 'other'].map((s) => ({ key: s, label: s === 'other' ? t('status.other') : t(`status.${s}`),
      className: `series--status-${s.toLowerCase()}` })) });
}

function runRow(run) {
  const error = run.error ? h('button', { type: 'button', class: 'btn btn--small btn--danger-ghost',
    onclick: () => showRunError(run) }, run.error.code) : '-';
  return h('tr', { 'data-task-id': run.task_id, 'data-status': run.status },
    h('td', { title: dateTime(run.requested_at) }, dateTime(run.started_at || run.requested_at)),
    h('td', {}, t(`trigger.${run.trigger}`)),
    h('td', {}, t(`mode.${run.mode}`)),
    h('td', {}, h('span', { class: `chip chip--run-${run.status}` }, t(`runStatus.${run.status}`))),
    h('td', { class: 'cell-number' }, number(run.total_fetched)),
    h('td', { class: 'cell-number' }, number(run.created_count)),
    h('td', { class: 'cell-number' }, number(run.updated_count)),
    h('td', { class: 'cell-number', title: reasons(run.skipped_reasons) }, number(run.skipped_count)),
    h('td', { class: 'cell-number', title: reasons(run.failed_reasons) }, number(run.failure_count)),
    h('td', { class: 'reasons' }, reasons({ ...run.skipped_reasons, ...run.failed_reasons })),
    h('td', {}, duration(run.started_at, run.finished_at)),
    h('td', {}, error, run.error?.request_id ? h('span', { class: 'sub cell-mono' }, run.error.request_id) : null));
}

async function load() {
  const body = $('#runs-body');
  if (!body) return;
  replace(body, loading('runs-loading'));
  try {
    const [page, stats, recent, quarantine] = await Promise.all([get(paths.syncRuns + query(state)),
      get(paths.referralStats), get(paths.syncRuns + query({ page_size: CHART_RUNS })), quarantineSection(load)]);
    const columns = ['started', 'trigger', 'mode', 'status', 'fetched', 'created', 'updated', 'skipped', 'failed',
      'reasons', 'duration', 'error'].map((c) => ({ label: t(`runs.col.${c}`) }));
    replace(body,
      quarantine, // first: these referrals need someone to look at them
      h('div', { class: 'charts' }, runsChart(recent.runs), statsChart(stats)),
      page.runs.length === 0 ? empty(t('runs.empty'), 'runs-empty') : [
        table({ id: 'runs-table', caption: t('tabs.runs'), columns, rows: page.runs.map(runRow) }),
        pager({ id: 'runs-pagination', page: state.page, pageSize: state.page_size, shown: page.runs.length,
          count: page.total, exact: page.total_exact ?? true, onPage: (p) => { state.page = p; load(); },
          onPageSize: (size) => { state.page_size = size; state.page = 1; load(); } })]);
  } catch (error) {
    replace(body, failed(error, load, 'runs-error'));
  }
}

export function showRuns() {
  replace($('#panel-runs'), h('h1', { class: 'panel-title' }, t('tabs.runs')), h('div', { id: 'runs-body' }));
  load();
}

export const reloadRuns = load;
