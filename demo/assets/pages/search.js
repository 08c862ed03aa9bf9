import { api } from '../api.js';
import { el, articleUrl, formatDate, page, param, renderFrame } from '../site.js';

page(async () => {
  await renderFrame();
  const q = param('q')?.trim();
  const heading = document.getElementById('search-heading');
  const list = document.getElementById('results');
  const more = document.getElementById('more');
  if (!q) {
    heading.textContent = 'Search the archive';
    more.hidden = true;
    return;
  }
  heading.textContent = `Results for “${q}”`;
  let cursor = null;
  const load = async () => {
    more.disabled = true;
    const result = await api.articles({ q, highlight: true, limit: 10, cursor });
    for (const item of result.items) {
      const snippet = el('p', { class: 'highlight' });
      // the API escapes the snippet and marks the matched words with <mark>
      snippet.innerHTML = item.highlight ?? '';
      list.append(el('li', {}, el('h3', {}, el('a', { href: articleUrl(item.slug) }, item.title)), snippet,
        el('p', { class: 'meta' }, `${item.section.name} · ${formatDate(item.publishedAt)}`)));
    }
    if (!list.children.length) {
      list.append(el('li', { class: 'empty' }, 'Nothing matches; try other words.'));
    }
    cursor = result.next;
    more.hidden = cursor === null;
    more.disabled = false;
  };
  more.addEventListener('click', () => load());
  await load();
});
