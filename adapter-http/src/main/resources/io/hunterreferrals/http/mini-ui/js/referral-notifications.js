// "Notifications" in a referral's detail: its latest events (the detail's `notifications`), each with its type, time
// and where every channel's delivery stands — delivered, pending with the next attempt, or dead with the error code
// and message — and, for an event with a dead delivery, "Retry", which queues it again and refreshes the detail.
import { h, replace } from './dom.js';
import { paths, post } from './api.js';
import { t } from './i18n.js';
import { dateTime } from './format.js';
import { errorText, failure, success } from './toast.js';

const STATE_ICONS = { delivered: '✓', pending: '⏳', dead: '✕' };

const typeLabel = (type) => t(`notify.type.${type}`, {}, type);
const channelLabel = (channel) => t(`notify.channel.${channel}`, {}, channel);

function errorLine(error) {
  if (!error) return null;
  const requestId = error.request_id ? ` (${t('notify.requestId', { id: error.request_id })})` : '';
  return `${error.code}: ${error.message}${requestId}`;
}

function stateChip(state) {
  return h('span', { class: `chip chip--delivery-${state}` },
    h('span', { 'aria-hidden': 'true' }, STATE_ICONS[state] || ''), ' ', t(`notify.state.${state}`, {}, state));
}

/** What to say next to a delivery's state: when it arrived, when it is tried next, or why it failed. */
function deliveryInfo(d) {
  if (d.state === 'delivered') return [t('notify.deliveredAt', { when: dateTime(d.delivered_at) })];
  if (d.state === 'dead') return [h('span', { class: 'delivery__error' }, errorLine(d.last_error) || '-')];
  const parts = [t('notify.nextAttempt', { when: dateTime(d.next_attempt_at) })];
  if (d.attempts > 0) parts.push(t('notify.attempts', { n: d.attempts }));
  if (d.last_error) parts.push(t('notify.lastError', { error: errorLine(d.last_error) }));
  return [parts.join(' · ')];
}

function delivery(d) {
  return h('li', { class: 'delivery', 'data-channel': d.channel, 'data-state': d.state },
    h('span', { class: 'delivery__channel' }, channelLabel(d.channel)),
    stateChip(d.state),
    h('span', { class: 'delivery__info' }, deliveryInfo(d)));
}

function deliveries(event) {
  if (!event.routed) return h('p', { class: 'muted notification__note' }, t('notify.notRouted'));
  if (!event.deliveries.length) return h('p', { class: 'muted notification__note' }, t('notify.noChannel'));
  return h('ul', { class: 'deliveries' }, event.deliveries.map(delivery));
}

function changes(event) {
  if (!event.changes?.length) return null;
  return h('p', { class: 'notification__changes' }, event.changes.map((c) =>
    `${t(`notify.field.${c.field}`, {}, c.field)}: ${c.before ?? '-'} → ${c.after ?? '-'}`).join(' · '));
}

function retryButton(event, refresh) {
  const label = h('span', {}, t('notify.retry'));
  const button = h('button', { type: 'button', class: 'btn btn--ghost btn--small btn-retry-event',
    'data-event-id': event.id }, h('span', { 'aria-hidden': 'true' }, '↻'), ' ', label,
  h('span', { class: 'visually-hidden' },
    ` (${t('notify.retryFor', { type: typeLabel(event.type), when: dateTime(event.occurred_at) })})`));
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    replace(label, t('notify.retrying'));
    try {
      const result = await post(paths.retryEvent(event.id), {});
      success(result.revived > 0 ? t('notify.retried', { n: result.revived }) : t('notify.retriedNone'));
      await refresh();
      // the detail was drawn anew: keep the keyboard where it was, in this section
      document.querySelector('#referral-notifications h3')?.focus();
    } catch (error) {
      failure(errorText(error));
      button.disabled = false;
      button.removeAttribute('aria-busy');
      replace(label, t('notify.retry'));
    }
  });
  return button;
}

function notification(event, refresh) {
  const dead = event.deliveries.some((d) => d.state === 'dead');
  return h('li', { class: 'notification', 'data-event-id': event.id, 'data-type': event.type },
    h('div', { class: 'notification__head' },
      h('span', { class: 'notification__type' }, typeLabel(event.type)),
      h('time', { class: 'muted', datetime: event.occurred_at }, dateTime(event.occurred_at)),
      dead ? retryButton(event, refresh) : null),
    changes(event),
    event.problem ? h('p', { class: 'delivery__error' }, errorLine(event.problem)) : null,
    deliveries(event));
}

/**
 * The section for referral {@code r} (its detail document); {@code refresh} fetches the detail again and redraws it.
 */
export function notificationsSection(r, refresh) {
  const events = r.notifications;
  let body;
  if (events === null || events === undefined) body = h('p', { class: 'muted' }, t('notify.unavailable'));
  else if (!events.length) body = h('p', { class: 'muted' }, t('notify.none'));
  else body = h('ul', { class: 'notifications' }, events.map((event) => notification(event, refresh)));
  return h('section', { class: 'detail-section detail-notifications', id: 'referral-notifications' },
    h('h3', { tabindex: '-1' }, t('notify.title')), body);
}
