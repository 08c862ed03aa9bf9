import { api } from '../api.js';
import { el, NEWSLETTERS, page, param, problemMessage, renderFrame } from '../site.js';

page(async () => {
  const sections = await renderFrame();
  const token = param('token');
  const preferences = await api.preferences(token);
  const status = el('p', { class: 'status', role: 'status' });
  const form = el('form', { class: 'preferences' },
    el('h1', {}, 'Your newsletters'),
    el('p', {}, `For ${preferences.email}`),
    el('label', {}, 'Name', el('input', { type: 'text', name: 'name', value: preferences.name ?? '', maxlength: 200 })),
    el('fieldset', {}, el('legend', {}, 'Newsletters'),
      NEWSLETTERS.map(([value, label]) => el('label', { class: 'check' },
        el('input', { type: 'checkbox', name: 'newsletters', value, checked: preferences.newsletters.includes(value) }), label))),
    el('fieldset', {}, el('legend', {}, 'Sections you follow'),
      sections.map((section) => el('label', { class: 'check' },
        el('input', { type: 'checkbox', name: 'sections', value: section.slug, checked: preferences.sections.includes(section.slug) }),
        section.name))),
    el('button', { type: 'submit' }, 'Save'),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      await api.changePreferences(token, { name: data.get('name') || null, newsletters: data.getAll('newsletters'), sections: data.getAll('sections') });
      status.textContent = 'Saved.';
      status.dataset.outcome = 'saved';
    } catch (error) {
      status.textContent = problemMessage(error);
      status.dataset.outcome = 'refused';
    }
  });
  const leave = el('button', { type: 'button', class: 'secondary', id: 'unsubscribe' }, 'Unsubscribe from everything');
  leave.addEventListener('click', async () => {
    await api.unsubscribe(token);
    document.getElementById('main').replaceChildren(el('div', { class: 'notice', 'data-outcome': 'unsubscribed' },
      el('h1', {}, 'You are unsubscribed'), el('p', {}, 'We will not write to you again. Changed your mind? Sign up on any page.')));
  });
  document.getElementById('preferences').replaceChildren(form, el('p', {}, leave));
  if (preferences.status === 'UNSUBSCRIBED') {
    status.textContent = 'You are unsubscribed; saving does not subscribe you again.';
  }
});
