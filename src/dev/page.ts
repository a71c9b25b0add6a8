/**
 * The dev server's one page: selectors (organisation or variant, product and size, flavour), the page
 * previews, a link to the built file, warnings, and an overlay for errors. It follows the
 * server's state through Server-Sent Events and redraws without a reload. Plain browser
 * JavaScript, no framework; every text from content goes in through textContent.
 */
import type { Lang } from '../diagnostics/diagnostic.js';

const LABELS = {
  ja: {
    org: '団体・バリエーション',
    job: '製品・サイズ',
    flavour: '形式',
    open: '{name} を開く',
    building: '作成中…',
    ok: '最新（{ms} ms）',
    error: 'エラーがあります',
    waiting: '待機中',
    disconnected: 'サーバーとの接続が切れました。再接続しています…',
    errors: '作成できませんでした',
    warnings: '警告',
    hint: 'ヒント',
    field: '項目',
    dismiss: '閉じる（直すまでプレビューは古いままです）',
    page: '{n} / {total} ページ',
    empty: 'プレビューはまだありません。',
  },
  en: {
    org: 'Organisation or variant',
    job: 'Product and size',
    flavour: 'Flavour',
    open: 'Open {name}',
    building: 'Building…',
    ok: 'Up to date ({ms} ms)',
    error: 'Errors',
    waiting: 'Waiting',
    disconnected: 'Lost the connection to the server; reconnecting…',
    errors: 'Could not build',
    warnings: 'Warnings',
    hint: 'hint',
    field: 'field',
    dismiss: 'Close (the preview stays stale until the error is fixed)',
    page: 'page {n} of {total}',
    empty: 'No preview yet.',
  },
} as const;

export function pageHtml(lang: Lang): string {
  const l = LABELS[lang];
  // JSON in a data block, never executed; "<" escaped so no text can close the element.
  const labels = JSON.stringify(l).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kasuhara-press dev</title>
<link rel="stylesheet" href="/app.css">
<script type="application/json" id="labels">${labels}</script>
<script type="module" src="/app.js"></script>
</head>
<body data-status="connecting">
<header>
  <strong class="brand">kasuhara-press</strong>
  <label>${l.org} <select id="org"></select></label>
  <label>${l.job} <select id="job"></select></label>
  <label>${l.flavour} <select id="flavour"></select></label>
  <a id="file" target="_blank" rel="noopener" hidden></a>
  <span id="status" role="status"></span>
</header>
<main id="pages" aria-live="polite"></main>
<p id="empty" hidden>${l.empty}</p>
<section id="warnings" hidden><h2>${l.warnings}</h2><ul></ul></section>
<div id="overlay" role="alertdialog" aria-labelledby="overlay-title" hidden>
  <div class="box">
    <button id="dismiss" type="button" title="${l.dismiss}" aria-label="${l.dismiss}">×</button>
    <h2 id="overlay-title">${l.errors}</h2>
    <ol id="errors"></ol>
  </div>
</div>
</body>
</html>
`;
}

export const APP_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, "BIZ UDPGothic", sans-serif; background: #d9d9d9; color: #222; }
header { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center;
  padding: .5rem 1rem; background: #fff; border-bottom: 1px solid #bbb; }
header label { display: flex; gap: .4rem; align-items: center; font-size: .9rem; }
select { font: inherit; padding: .15rem .3rem; }
#status { margin-left: auto; font-size: .85rem; color: #555; }
body[data-status="error"] #status { color: #b00020; font-weight: bold; }
body[data-status="disconnected"] #status { color: #8a5a00; }
main { display: flex; flex-direction: column; align-items: center; gap: 1.5rem; padding: 1.5rem; }
img.page { display: block; width: auto; height: auto; max-width: 100%; max-height: calc(100vh - 6rem);
  background: #fff; box-shadow: 0 2px 10px rgba(0,0,0,.35); }
body[data-status="building"] img.page { opacity: .85; }
#empty { text-align: center; color: #555; }
#warnings { margin: 0 auto 2rem; max-width: 60rem; padding: .5rem 1rem; background: #fff8e1; border: 1px solid #e0c060; }
#warnings h2 { font-size: 1rem; margin: .2rem 0; }
#overlay { position: fixed; inset: 0; z-index: 2; background: rgba(0,0,0,.6); display: flex; align-items: flex-start;
  justify-content: center; padding: 4rem 1rem; overflow: auto; }
#overlay[hidden] { display: none; }
#overlay .box { position: relative; max-width: 60rem; width: 100%; background: #fff; border-top: 6px solid #b00020;
  padding: 1rem 1.5rem; box-shadow: 0 4px 24px rgba(0,0,0,.5); }
#overlay h2 { color: #b00020; margin: 0 0 .5rem; font-size: 1.2rem; }
#dismiss { position: absolute; top: .5rem; right: .5rem; border: 0; background: none; font-size: 1.5rem; cursor: pointer; }
#errors li, #warnings li { margin: .6rem 0; }
.where { font-family: ui-monospace, monospace; font-weight: bold; }
.message { margin: .2rem 0; white-space: pre-wrap; }
.hint { margin: .2rem 0; color: #444; }
`;

export const APP_JS = `
const L = JSON.parse(document.getElementById('labels').textContent);
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const sel = { org: params.get('org'), job: params.get('job'), flavour: params.get('flavour') };
let state = null;
let source = null;
let viewing;
let dismissed = null;
let connected = false;

function connect(view) {
  if (source) source.close();
  viewing = view;
  source = new EventSource('/events' + (view ? '?view=' + encodeURIComponent(view) : ''));
  source.addEventListener('state', (e) => { connected = true; state = JSON.parse(e.data); render(); });
  source.addEventListener('error', () => { connected = false; render(); });
}

function setOptions(select, items, value) {
  const key = JSON.stringify(items);
  if (select.dataset.key !== key) {
    select.replaceChildren(...items.map((i) => new Option(i.label, i.value)));
    select.dataset.key = key;
  }
  if (value != null) select.value = value;
}

function diagnosticItem(d) {
  const li = document.createElement('li');
  li.className = d.severity;
  const head = document.createElement('div');
  if (d.where) {
    const where = document.createElement('span');
    where.className = 'where';
    where.textContent = d.where;
    head.append(where, ' ');
  }
  if (d.field) {
    const field = document.createElement('span');
    field.className = 'field';
    field.textContent = '(' + L.field + ': ' + d.field + ')';
    head.append(field);
  }
  const message = document.createElement('p');
  message.className = 'message';
  message.textContent = d.message;
  li.append(head, message);
  if (d.hint) {
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = L.hint + ': ' + d.hint;
    li.append(hint);
  }
  return li;
}

function showImage(img, src) {
  if (img.dataset.want === src) return;
  img.dataset.want = src;
  // Swap only once the new image is decoded, so the page never flashes empty.
  const next = new Image();
  next.src = src;
  next.decode().catch(() => {}).then(() => { if (img.dataset.want === src) img.src = src; });
}

function render() {
  if (!state) { document.body.dataset.status = connected ? 'building' : 'disconnected'; return; }
  // Asked for variants (dev --variant kita): the first of them, rather than the base.
  const org = state.orgs.find((o) => o.id === sel.org) || state.orgs.find((o) => o.variantOf) || state.orgs[0];
  sel.org = org ? org.id : null;
  setOptions($('org'), state.orgs.map((o) => ({ value: o.id, label: o.label === o.id ? o.id : o.label + ' (' + o.id + ')' })), sel.org);
  const jobs = org ? org.jobs : [];
  const job = jobs.find((j) => j.key === sel.job) || jobs[0];
  if (job) sel.job = job.key;
  setOptions($('job'), jobs.map((j) => ({ value: j.key, label: j.label + ' — ' + j.output })), job ? job.key : null);
  const flavour = state.flavours.find((f) => f.id === sel.flavour) || state.flavours[0];
  sel.flavour = flavour ? flavour.id : null;
  setOptions($('flavour'), state.flavours.map((f) => ({ value: f.id, label: f.label })), sel.flavour);
  const query = new URLSearchParams();
  for (const k of ['org', 'job', 'flavour']) if (sel[k]) query.set(k, sel[k]);
  history.replaceState(null, '', '?' + query);
  if (job && viewing !== job.key) connect(job.key);
  document.title = (job ? job.label + ' — ' : '') + 'kasuhara-press dev';

  const target = job && sel.flavour ? job.targets[sel.flavour] : undefined;
  const pages = target ? target.pages : [];
  const main = $('pages');
  while (main.children.length > pages.length) main.lastElementChild.remove();
  pages.forEach((p, i) => {
    let img = main.children[i];
    if (!img) { img = document.createElement('img'); img.className = 'page'; main.append(img); }
    img.alt = L.page.replace('{n}', i + 1).replace('{total}', pages.length);
    img.width = p.width;
    img.height = p.height;
    showImage(img, p.src);
  });
  $('empty').hidden = pages.length > 0;

  const file = target && target.files[0];
  $('file').hidden = !file;
  if (file) { $('file').href = file.href; $('file').textContent = L.open.replace('{name}', file.name); }

  const errors = (org && org.error) || (target && target.error) || null;
  const busy = state.building && target && (target.status === 'building' || target.status === 'pending');
  const status = !connected ? 'disconnected' : errors ? 'error' : busy ? 'building' : target && target.status === 'ok' ? 'ok' : 'waiting';
  document.body.dataset.status = status;
  $('status').textContent = status === 'ok' ? L.ok.replace('{ms}', target.ms) : L[status];

  const errorKey = errors ? JSON.stringify(errors) : null;
  $('overlay').hidden = !errors || dismissed === errorKey;
  if (errors) $('errors').replaceChildren(...errors.map(diagnosticItem));
  else dismissed = null;

  const warnings = [...(org ? org.warnings : []), ...(target ? target.warnings : [])];
  $('warnings').hidden = warnings.length === 0;
  $('warnings').querySelector('ul').replaceChildren(...warnings.map(diagnosticItem));
}

for (const k of ['org', 'job', 'flavour']) {
  $(k).addEventListener('change', (e) => {
    sel[k] = e.target.value;
    if (k === 'org') sel.job = null;
    render();
  });
}
$('dismiss').addEventListener('click', () => {
  const org = state && state.orgs.find((o) => o.id === sel.org);
  const job = org && org.jobs.find((j) => j.key === sel.job);
  const target = job && job.targets[sel.flavour];
  const errors = (org && org.error) || (target && target.error);
  dismissed = errors ? JSON.stringify(errors) : null;
  $('overlay').hidden = true;
});
connect(sel.job);
`;
