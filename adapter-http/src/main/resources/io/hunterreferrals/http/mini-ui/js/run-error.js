// Why a sync run failed, with what Partner Center said (status, code, request id to quote in a support case).
import { h } from './dom.js';
import { openDialog } from './dialogs.js';
import { t } from './i18n.js';
import { dateTime } from './format.js';

function row(label, value) {
  return value === null || value === undefined || value === '' ? null : [h('dt', {}, label), h('dd', {}, String(value))];
}

export function showRunError(run) {
  const error = run.error || {};
  const body = h('dl', { class: 'facts' },
    row(t('run.error.message'), error.message || t('sync.failedNoMessage')),
    row(t('run.error.code'), error.code),
    row(t('run.error.httpStatus'), error.http_status),
    row(t('run.error.pcCode'), error.partner_center_error_code),
    row(t('run.error.requestId'), error.request_id),
    row(t('run.taskId'), run.task_id),
    row(t('run.finishedAt'), dateTime(run.finished_at)));
  openDialog({ title: t('run.error.title'), body, id: 'run-error-dialog' });
}
