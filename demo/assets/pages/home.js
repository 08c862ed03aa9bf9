import { api } from '../api.js';
import { card, page, renderDontMiss, renderFrame, renderNewsletterBox } from '../site.js';

page(async () => {
  const sections = await renderFrame();
  const latest = await api.articles({ limit: 9 });
  const [lead, ...rest] = latest.items;
  const stories = document.getElementById('top-stories');
  stories.replaceChildren(...(lead ? [card(lead, { image: true })] : []), ...rest.map((item) => card(item)));
  await renderDontMiss(document.getElementById('dont-miss'));
  renderNewsletterBox(document.getElementById('newsletter'), sections);
});
