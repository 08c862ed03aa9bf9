import { api } from '../api.js';
import { card, page, param, renderFrame, renderNewsletterBox } from '../site.js';

const PAGE_SIZE = 10;

page(async () => {
  const sections = await renderFrame();
  const slug = param('slug');
  const section = await api.section(slug);
  document.title = `${section.name} · Broadsheet`;
  document.getElementById('section-name').textContent = section.name;
  document.getElementById('section-description').textContent = section.description ?? '';
  const list = document.getElementById('articles');
  const more = document.getElementById('more');
  let cursor = null;
  // "More" walks the keyset cursor: a page never repeats or skips an article, even while others are published
  const load = async () => {
    more.disabled = true;
    const result = await api.articles({ section: slug, limit: PAGE_SIZE, cursor });
    list.append(...result.items.map((item) => card(item, { image: false })));
    cursor = result.next;
    more.hidden = cursor === null;
    more.disabled = false;
  };
  more.addEventListener('click', () => load().catch(() => { more.textContent = 'Could not load more; try again'; more.disabled = false; }));
  await load();
  renderNewsletterBox(document.getElementById('newsletter'), sections);
});
