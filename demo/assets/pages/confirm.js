import { api } from '../api.js';
import { el, page, param, problemMessage, renderFrame } from '../site.js';

page(async () => {
  await renderFrame();
  const token = param('token');
  const box = document.getElementById('outcome');
  try {
    await api.confirm(token);
    box.replaceChildren(el('h1', {}, 'You are subscribed'),
      el('p', {}, 'Thank you for confirming. You can change what you receive at any time.'),
      el('p', {}, el('a', { href: `preferences.html?token=${encodeURIComponent(token)}` }, 'Manage your preferences')));
    box.dataset.outcome = 'confirmed';
  } catch (error) {
    box.replaceChildren(el('h1', {}, 'This link does not work'),
      el('p', {}, error.status === 404 ? 'It has expired or was already replaced by a newer one: sign up again.' : problemMessage(error)));
    box.dataset.outcome = 'refused';
  }
});
