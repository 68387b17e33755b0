/** The interface in Ukrainian (issue 4): labels from the locale table, dates from Intl. */
import { expect, test } from 'vitest';
import { fixturePage, openPage, sharedBrowser } from './harness.ts';

const browser = sharedBrowser();

const page = (name: string, htmlLang: string, stories: string) =>
  fixturePage(
    name,
    `<!doctype html><html lang="${htmlLang}"><head><meta charset="utf-8"><title>${name}</title><link rel="icon" href="data:,"><script type="module" src="%BUNDLE%"></script></head>
    <body><main>${stories}</main></body></html>`,
  );

const UKRAINIAN_WEEKDAY = /(неділя|понеділок|вівторок|середа|четвер|п[’ʼ']ятниця|субота)/;

test('a story on a Ukrainian page speaks Ukrainian: buttons, labels, dates, the chart and the presentation', async () => {
  const url = page('uk-page', 'uk', '<tide-story src="../data/sumy-paris-london.json"></tide-story>');
  const { page: tab, problems, close } = await openPage(browser(), url, { viewport: { width: 1280, height: 800 } });
  const text = (selector: string) => tab.textContent(`tide-story ${selector}`).then((value) => value?.replace(/\s+/g, ' ').trim());
  expect(await text('.present')).toBe('Презентувати');
  expect(await text('.notes-toggle')).toBe('Нотатки для вчителя');
  expect(await text('.story-header .kicker')).toMatch(/^Хронологія подій · Розповідь станом на .*18 квітня 2025/);
  expect(await text('.steps > .step:first-child .step-when')).toMatch(UKRAINIAN_WEEKDAY);
  expect(await text('.contents summary')).toBe('Усі кроки (18)');
  expect(await text('.epilogue .kicker')).toBe('Пізніші повідомлення');
  expect(await tab.locator('tide-story .events-table thead th').allTextContents()).toEqual(['Коли', 'Де', 'Що сталося', 'Джерела']);
  // The chart's axis and its description, from Intl and the table.
  const chart = await tab.evaluate(() => {
    const root = document.querySelector('tide-story')?.shadowRoot?.querySelector('tide-timeline')?.shadowRoot;
    return { labels: [...(root?.querySelectorAll('text.label') ?? [])].map((label) => label.textContent).join(' '), title: root?.querySelector('svg title')?.textContent };
  });
  expect(chart.labels).toMatch(/квіт/);
  expect(chart.title).toMatch(/^Шкала часу, .*квітня 2025/);
  // The story's own words stay as written, marked as English for screen readers.
  expect(await tab.getAttribute('tide-story article.story', 'lang')).toBe('en-GB');
  expect(await tab.getAttribute('tide-story .story-header .kicker', 'lang')).toBe('uk');
  await tab.click('tide-story .present');
  expect(await text('.deck-counter .visually-hidden')).toMatch(/^Крок \d+ з 18$/);
  expect(await text('.deck-exit')).toBe('Вийти з презентації');
  expect(await tab.getAttribute('tide-story dialog.deck', 'aria-label')).toMatch(/^Презентація: /);
  expect(problems).toEqual([]);
  await close();
});

test('the element’s own lang wins over the page’s, per instance; errors are translated too', async () => {
  const url = page(
    'mixed-lang',
    'en',
    `<tide-story id="uk" lang="uk" src="../data/demo-library-flood.json"></tide-story>
     <tide-story id="en" src="../data/demo-library-flood.json"></tide-story>
     <tide-story id="broken" lang="uk-UA" src="../data/no-such-story.json"></tide-story>`,
  );
  const { page: tab, close } = await openPage(browser(), url, { viewport: { width: 1280, height: 800 } });
  await tab.waitForFunction(() => document.querySelector('#broken')?.shadowRoot?.querySelector('.error'));
  expect(await tab.textContent('#uk .present')).toBe('Презентувати');
  expect(await tab.textContent('#en .present')).toBe('Present');
  expect(await tab.textContent('#broken .state-title')).toBe('Цю історію не вдалося показати');
  expect(await tab.textContent('#broken .problems')).toMatch(/^Не вдалося завантажити .*no-such-story\.json: сервер відповів 404/);
  expect(await tab.textContent('#broken [part="retry"]')).toBe('Спробувати ще раз');
  await tab.evaluate(() => document.querySelector('#en')?.setAttribute('lang', 'uk'));
  await tab.waitForFunction(() => document.querySelector('#en')?.shadowRoot?.querySelector('.present')?.textContent === 'Презентувати');
  await close();
});

test('a page whose lang Intl cannot read still shows the story: `en_US` is read as `en-US`, and nonsense is passed over', async () => {
  const url = page(
    'unreadable-lang',
    'en_US',
    `<tide-story id="underscore" src="../data/demo-library-flood.json"></tide-story>
     <div lang="uk_UA"><tide-story id="ukrainian" src="../data/demo-library-flood.json"></tide-story></div>
     <tide-story id="nonsense" lang="not a language!" src="../data/demo-library-flood.json"></tide-story>`,
  );
  const { page: tab, problems, close } = await openPage(browser(), url, { viewport: { width: 1280, height: 800 }, waitForStory: false });
  await tab.waitForFunction(() => ['underscore', 'ukrainian', 'nonsense'].every((id) => document.getElementById(id)?.shadowRoot?.querySelector('.steps > .step[aria-current="step"]')));
  expect(await tab.textContent('#underscore .present')).toBe('Present');
  expect(await tab.textContent('#ukrainian .present')).toBe('Презентувати');
  // Past the element's unreadable lang, the page's (en_US), read as en-US: US dates.
  expect(await tab.textContent('#nonsense .present')).toBe('Present');
  expect(await tab.textContent('#nonsense .steps > .step:first-child .step-when')).toMatch(/^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}$/);
  expect(problems).toEqual([]);
  await close();
});
