// "Send to Dynamics" in a referral's detail: pushes this one referral's lead to Dynamics 365 at once and shows where
// it stands (not sent yet, in Dynamics since ..., or why the last send failed). Off on a server without the push:
// the button says so instead of failing on click.
import { h, replace } from './dom.js';
import { paths, post } from './api.js';
import { t } from './i18n.js';
import { dateTime } from './format.js';
import { errorText, failure, success } from './toast.js';

// The optional write-back of the lead id to Partner Center (HUNTER_DYNAMICS_WRITE_BACK), when one was tried.
function writeBackText(state) {
  if (state.write_back_status === 'written') return ` · ${t('detail.dynamics.writtenBack')}`;
  if (state.write_back_status) {
    return ` · ${t('detail.dynamics.writeBackFailed', { error: state.write_back_error || state.write_back_error_code })}`;
  }
  return '';
}

function stateText(state) {
  if (!state) return t('detail.dynamics.never');
  if (state.status === 'pushed') {
    return t('detail.dynamics.pushed', { when: dateTime(state.pushed_at), lead: state.lead_id }) + writeBackText(state);
  }
  return t('detail.dynamics.failed', { attempts: state.attempts, error: state.last_error || state.last_error_code });
}

/** The button and the state line for referral {@code r} (its detail document, with {@code dynamics}). */
export function dynamicsPush(r) {
  const push = r.dynamics || { enabled: false, state: null };
  const status = h('span', { id: 'dynamics-state', class: 'dynamics-state', role: 'status',
    'data-status': push.state?.status || 'never' }, stateText(push.state));
  const label = h('span', {}, t('detail.dynamics'));
  const button = h('button', { type: 'button', id: 'btn-send-dynamics', class: 'btn btn--ghost',
    'aria-describedby': 'dynamics-state' }, h('span', { 'aria-hidden': 'true' }, '📤'), ' ', label);
  if (!push.enabled) {
    button.disabled = true;
    button.title = t('detail.dynamics.off');
    replace(status, t('detail.dynamics.off'));
    status.dataset.status = 'off';
  }
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    replace(label, t('detail.dynamics.sending'));
    try {
      const result = await post(paths.pushToDynamics(r.referral_id), {});
      const state = result.dynamics?.state || null;
      replace(status, stateText(state));
      status.dataset.status = state?.status || 'never';
      if (result.result === 'rejected') {
        failure(t('detail.dynamics.rejected', { error: state?.last_error || state?.last_error_code || '-' }));
      } else {
        success(t(result.result === 'created' ? 'detail.dynamics.created' : 'detail.dynamics.updated'));
      }
    } catch (error) {
      failure(errorText(error));
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
      replace(label, t('detail.dynamics'));
    }
  });
  return h('span', { class: 'dynamics-push' }, button, status);
}
