// Modal dialogs on the native <dialog>: the page behind is inert, Esc and the × close, Tab stays inside, and focus
// returns to what opened it. Never prompt()/confirm().
import { h } from './dom.js';
import { t } from './i18n.js';

let counter = 0;

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), '
  + 'textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

// checkVisibility also sees content hidden in a closed <details>, where offsetParent does not.
const visible = (el) => (el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : el.offsetParent !== null);
const focusables = (root) => [...root.querySelectorAll(FOCUSABLE)].filter(visible);

function trapTab(dialog, event) {
  if (event.key !== 'Tab') return;
  const items = focusables(dialog);
  if (items.length === 0) return;
  const first = items[0];
  const last = items[items.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * Opens a modal. body and actions are nodes; returns {dialog, close}. onClose runs once, however it closed.
 * With wide, the dialog takes most of the screen (the referral detail).
 */
export function openDialog({ title, body, actions = [], onClose, wide = false, id }) {
  const opener = document.activeElement;
  const titleId = `dialog-title-${++counter}`;
  const closeButton = h('button', { type: 'button', class: 'dialog__close', 'aria-label': t('dialog.close') }, '×');
  const dialog = h('dialog', { class: wide ? 'dialog dialog--wide' : 'dialog', 'aria-labelledby': titleId, id },
    h('div', { class: 'dialog__header' }, h('h2', { id: titleId, class: 'dialog__title' }, title), closeButton),
    h('div', { class: 'dialog__body' }, body),
    actions.length ? h('div', { class: 'dialog__actions' }, actions) : null);
  let closed = false;
  const close = (result) => {
    if (closed) return;
    closed = true;
    if (dialog.open) dialog.close();
    dialog.remove();
    onClose?.(result);
    if (opener && document.contains(opener)) opener.focus();
  };
  closeButton.addEventListener('click', () => close());
  dialog.addEventListener('cancel', (event) => { event.preventDefault(); close(); });
  dialog.addEventListener('keydown', (event) => trapTab(dialog, event));
  // A click on the backdrop lands on the <dialog> itself, outside its content box.
  dialog.addEventListener('click', (event) => {
    if (event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right
      && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) close();
  });
  document.body.append(dialog);
  dialog.showModal();
  const autofocus = dialog.querySelector('[autofocus]') || focusables(dialog.querySelector('.dialog__body'))[0];
  (autofocus || closeButton).focus();
  return { dialog, close };
}

/** A form dialog: resolves with the submit handler's result, or null when cancelled. */
export function formDialog({ title, fields, submitLabel, submitClass = 'btn--primary', onSubmit, id }) {
  return new Promise((resolve) => {
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', class: `btn ${submitClass}` }, submitLabel);
    const cancel = h('button', { type: 'button', class: 'btn btn--ghost' }, t('dialog.cancel'));
    const form = h('form', { class: 'form', novalidate: true }, fields, error,
      h('div', { class: 'dialog__actions' }, cancel, submit));
    let result = null;
    const { close } = openDialog({ title, body: form, id, onClose: () => resolve(result) });
    cancel.addEventListener('click', () => close());
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      submit.disabled = true;
      error.hidden = true;
      try {
        result = await onSubmit(new FormData(form), form);
        if (result !== undefined) close();
      } catch (e) {
        error.textContent = e.message;
        error.hidden = false;
      } finally {
        submit.disabled = false;
      }
    });
  });
}
