export { renderRunReport, type PageOptions } from './page.js';
export type { LinkTo } from './packages.js';
export { escapeHtml, htmlText, markup, type Html } from './html.js';
