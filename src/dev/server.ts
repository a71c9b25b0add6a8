/**
 * `kasuhara-press dev`: a local HTTP server (127.0.0.1 only, node's http, no packages) with
 * one page that shows the current previews of a chosen job and flavour, rebuilt as files
 * change and pushed to the page with Server-Sent Events. Errors become an overlay in the page;
 * the server keeps running. Nothing here prints: the CLI passes callbacks.
 *
 *   GET /                      the page (page.ts)        GET /app.js, /app.css
 *   GET /api/state             the state as JSON          GET /events?view=<job>  SSE "state" events
 *   GET /preview/<hash>.png    a page image (content-addressed, cached for good)
 *   GET /file/<org>/<job>/<flavour>/<name>   a built file, e.g. the PDF
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { userError } from '../diagnostics/diagnostic.js';
import { APP_CSS, APP_JS, pageHtml } from './page.js';
import { watchFiles, type Watcher } from './watch.js';
import { Workspace, type BuildReport, type LoadReport, type WorkspaceOptions } from './workspace.js';

export const DEFAULT_PORT = 4173;
const HOST = '127.0.0.1';

export interface DevServerOptions extends WorkspaceOptions {
  /** Default 4173; 0 picks a free port. */
  port?: number;
}

export interface DevCallbacks {
  onBuild?(report: BuildReport): void;
  onLoad?(report: LoadReport): void;
  /** Files changed (absolute paths), before the rebuild starts. */
  onChange?(files: string[]): void;
  /** The watcher or the server hit an unexpected problem; the server goes on. */
  onError?(e: unknown): void;
}

export interface DevServer {
  url: string;
  port: number;
  workspace: Workspace;
  close(): Promise<void>;
}

export async function startDevServer(options: DevServerOptions, callbacks: DevCallbacks = {}): Promise<DevServer> {
  const clients = new Set<ServerResponse>();
  let pushQueued = false;
  const push = () => {
    // Several state changes in one turn of the event loop become one message.
    if (pushQueued) return;
    pushQueued = true;
    setImmediate(() => {
      pushQueued = false;
      const message = sse('state', JSON.stringify(workspace.state()));
      for (const res of clients) res.write(message);
    });
  };
  const workspace = new Workspace(options, {
    onState: push,
    ...(callbacks.onBuild ? { onBuild: callbacks.onBuild } : {}),
    ...(callbacks.onLoad ? { onLoad: callbacks.onLoad } : {}),
  });
  await workspace.init();

  let port = options.port ?? DEFAULT_PORT;
  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      callbacks.onError?.(e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('internal error');
    }
  });
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    // Only pages of this server may talk to it (a guard against DNS rebinding).
    if (!isLocalHost(req.headers.host, port)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
    const path = url.pathname;
    if (path === '/') return send(res, 200, 'text/html; charset=utf-8', pageHtml(options.lang));
    if (path === '/app.js') return send(res, 200, 'text/javascript; charset=utf-8', APP_JS);
    if (path === '/app.css') return send(res, 200, 'text/css; charset=utf-8', APP_CSS);
    if (path === '/api/state') return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(workspace.state()));
    if (path === '/events') return events(req, res, url.searchParams.get('view'));
    const image = /^\/preview\/([0-9a-f]{8,64})\.png$/.exec(path);
    if (image) {
      const png = workspace.image(image[1]!);
      return png
        ? send(res, 200, 'image/png', png, { 'cache-control': 'public, max-age=31536000, immutable' })
        : send(res, 404, 'text/plain; charset=utf-8', 'no such preview (rebuilt since)');
    }
    const file = /^\/file\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path);
    if (file) {
      const [org, job, flavour, name] = file.slice(1).map((p) => decodeURIComponent(p)) as [string, string, string, string];
      const found = workspace.file(org, job, flavour, name);
      return found
        ? send(res, 200, found.mime, found.bytes, { 'content-disposition': `inline; filename="${encodeURIComponent(found.name)}"` })
        : send(res, 404, 'text/plain; charset=utf-8', 'not built (yet)');
    }
    send(res, 404, 'text/plain; charset=utf-8', 'not found');
  };
  const events = (req: IncomingMessage, res: ServerResponse, view: string | null) => {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(`retry: 500\n\n${sse('state', JSON.stringify(workspace.state()))}`);
    clients.add(res);
    const unview = view ? workspace.view(view) : () => {};
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(heartbeat);
      clients.delete(res);
      unview();
    });
  };

  let watcher: Watcher;
  try {
    port = await listen(server, port);
    watcher = await watchFiles(
      workspace.watchPaths(),
      (files) => {
        callbacks.onChange?.(files);
        workspace.applyChanges(files);
      },
      (e) => callbacks.onError?.(e),
    );
  } catch (e) {
    workspace.close();
    server.close();
    await workspace.idle();
    throw e;
  }

  return {
    url: `http://${HOST}:${port}/`,
    port,
    workspace,
    async close() {
      await watcher.close();
      workspace.close();
      for (const res of clients) res.end();
      clients.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await workspace.idle();
    },
  };
}

function sse(event: string, data: string): string {
  return `event: ${event}\ndata: ${data.replace(/\n/g, '\ndata: ')}\n\n`;
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'self'; frame-ancestors 'none'",
    ...headers,
  });
  res.end(body);
}

function isLocalHost(host: string | undefined, port: number): boolean {
  return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE' || e.code === 'EACCES') reject(portError(port, e.code));
      else reject(e);
    };
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

function portError(port: number, code: string): Error {
  return userError({
    code: 'dev/port',
    message:
      code === 'EADDRINUSE'
        ? { ja: `ポート ${port} は使用中です。`, en: `Port ${port} is already in use.` }
        : { ja: `ポート ${port} を使う権限がありません。`, en: `No permission to use port ${port}.` },
    hint: {
      ja: '--port で別の番号を指定するか、--port 0 で空いているポートを使ってください。',
      en: 'Give another number with --port, or --port 0 for any free port.',
    },
  });
}
