import { api } from '../api.js';
import { el, page, param, renderFrame } from '../site.js';

// One click, as in the link of every mail's footer (the mail's List-Unsubscribe header posts to the API itself)
page(async () => {
  await renderFrame();
  const token = param('token');
  const button = document.getElementById('unsubscribe');
  button.addEventListener('click', async () => {
    button.disabled = true;
    await api.unsubscribe(token);
    document.getElementById('outcome').replaceChildren(el('h1', {}, 'You are unsubscribed'),
      el('p', {}, 'We will not write to you again.'));
    document.getElementById('outcome').dataset.outcome = 'unsubscribed';
  });
});
