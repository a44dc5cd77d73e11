// The header's sync button and status indicator. The status always comes from the server (never from browser
// storage); its age re-renders every few seconds, and a run started anywhere shows up without a reload.
import { $ } from './dom.js';
import { paths, post } from './api.js';
import { followSyncStatus } from './sync-stream.js';
import { t } from './i18n.js';
import { age, dateTime, number } from './format.js';
import { errorText, failure, info, success } from './toast.js';
import { showRunError } from './run-error.js';
import { navigate } from './router.js';

const TICK_MS = 5000;
let status = null;
let requested = false;
const finishedListeners = new Set();

/** Called with the finished run whenever a run ends (the tabs reload their data). */
export const onSyncFinished = (listener) => finishedListeners.add(listener);
export const currentStatus = () => status;

function indicatorState() {
  const active = status?.active;
  if (active) return { kind: 'running', run: active };
  if (requested) return { kind: 'running', run: null };
  const last = status?.last_finished;
  if (!last) return { kind: 'none', run: null };
  const kinds = { failed: 'fail', partial: 'partial' };
  return { kind: kinds[last.status] || 'ok', run: last };
}

function indicatorText({ kind, run }) {
  if (kind === 'none') return status ? t('sync.none') : t('sync.loading');
  if (kind === 'running') {
    if (!run || run.status === 'queued') return t('sync.queuedState');
    if (!run.pages_fetched) return t('sync.runningStarted');
    return t('sync.runningState', { pages: number(run.pages_fetched), referrals: number(run.total_fetched) });
  }
  return t('sync.last', { age: age(run.finished_at), result: t(`sync.result.${kind}`) });
}

function indicatorTitle({ kind, run }) {
  if (kind === 'fail') {
    const error = run.error;
    const message = error?.message || t('sync.failedNoMessage');
    return error?.request_id ? `${message} (request id: ${error.request_id})` : message;
  }
  if (kind === 'partial') return t('sync.partialTooltip', { at: dateTime(run.finished_at), failed: run.failure_count });
  if (kind === 'ok') return t('sync.okTooltip', { at: dateTime(run.finished_at), created: run.created_count,
    updated: run.updated_count, skipped: run.skipped_count, failed: run.failure_count });
  if (kind === 'running' && run?.started_at) return t('sync.runningTooltip', { at: dateTime(run.started_at) });
  return t('sync.noneTooltip');
}

export function renderSyncStatus() {
  const state = indicatorState();
  const indicator = $('#partner-center-sync-status');
  indicator.className = `sync-status sync-status--${state.kind}`;
  indicator.dataset.state = state.kind;
  indicator.dataset.taskId = state.run?.task_id || '';
  $('#partner-center-sync-status-text').textContent = indicatorText(state);
  indicator.title = indicatorTitle(state);
  indicator.setAttribute('aria-label', `${indicatorText(state)}. ${indicatorTitle(state)}`);
  const button = $('#btn-partner-center-sync');
  // With the flag off this instance starts no sync; the button stays clickable so it can say why.
  const busy = state.kind === 'running' && status?.partner_center_enabled !== false;
  button.disabled = busy;
  button.setAttribute('aria-busy', String(busy));
}

function received(next) {
  const before = status;
  status = next;
  if (next.active) requested = false;
  const finishedNow = next.last_finished
    && next.last_finished.task_id !== before?.last_finished?.task_id
    && before !== null;
  if (finishedNow) {
    requested = false;
    const run = next.last_finished;
    if (run.status === 'failed') failure(t('sync.finishedFailed', { message: run.error?.message || '-' }));
    else if (run.status === 'partial') info(t('sync.finishedPartial', { created: run.created_count,
      updated: run.updated_count, failed: run.failure_count }));
    else success(t('sync.finishedOk', { created: run.created_count, updated: run.updated_count }));
    finishedListeners.forEach((listener) => listener(run));
  }
  renderSyncStatus();
}

async function startSync() {
  const button = $('#btn-partner-center-sync');
  button.disabled = true;
  try {
    const answer = await post(paths.sync, {});
    if (answer.enqueued) success(t('sync.queued'));
    else info(t('sync.alreadyActive'));
    requested = !status?.active;
  } catch (error) {
    failure(errorText(error));
  }
  renderSyncStatus();
}

export function initSyncStatus() {
  $('#btn-partner-center-sync').addEventListener('click', startSync);
  $('#partner-center-sync-status').addEventListener('click', () => {
    const state = indicatorState();
    if (state.kind === 'fail') showRunError(state.run);
    else navigate('runs');
  });
  followSyncStatus(received, (mode) => { document.body.dataset.syncFeed = mode; });
  setInterval(renderSyncStatus, TICK_MS);
  renderSyncStatus();
}
