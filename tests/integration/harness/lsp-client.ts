import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { killGroup } from './process.js';

/** A JSON-RPC message as the Language Server Protocol frames it. */
interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

/** An LSP position: zero-based line and UTF-16 character. */
export interface Position {
  line: number;
  character: number;
}

/** An LSP text edit. */
export interface TextEdit {
  range: { start: Position; end: Position };
  newText: string;
}

type RequestHandler = (params: unknown) => unknown;

/**
 * The smallest LSP client that can drive a real language server over stdio: `Content-Length`
 * framing, requests with timeouts, answers to the server's own requests, and a log of notifications.
 */
export class LspClient {
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly stderr: string[] = [];
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number | string, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly handlers = new Map<string, RequestHandler>();
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private exited = false;

  constructor(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
    this.child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    // A server that died mid-write is reported by the 'exit' handler; the write error itself is noise.
    this.child.stdin.on('error', () => undefined);
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => this.stderr.push(chunk));
    this.child.on('exit', () => {
      this.exited = true;
      for (const { reject } of this.pending.values()) reject(new Error(`language server exited\n${this.stderr.join('')}`));
      this.pending.clear();
    });
  }

  /** The server's process id. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Answers requests the server sends to the client (`workspace/configuration`, `workspace/applyEdit`, …). */
  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method, handler);
  }

  request<T>(method: string, params: unknown, timeoutMs = 60_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.exited) return reject(new Error('language server is not running'));
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms\n${this.stderr.join('').slice(-2000)}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** `shutdown` + `exit`, then a kill if the server lingers. */
  async close(): Promise<void> {
    if (!this.exited) {
      await this.request('shutdown', null, 5_000).catch(() => undefined);
      this.notify('exit', null);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    killGroup(this.child.pid);
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      if (!length) throw new Error(`bad LSP header: ${this.buffer.subarray(0, headerEnd).toString()}`);
      const start = headerEnd + 4;
      const end = start + Number(length[1]);
      if (this.buffer.length < end) return;
      const message = JSON.parse(this.buffer.subarray(start, end).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(end);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method === undefined) {
      const pending = this.pending.get(message.id!);
      this.pending.delete(message.id!);
      if (message.error) pending?.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else pending?.resolve(message.result);
    } else if (message.id !== undefined) {
      const handler = this.handlers.get(message.method);
      Promise.resolve()
        .then(() => (handler ? handler(message.params) : null))
        .then(
          (result) => this.send({ jsonrpc: '2.0', id: message.id, result: result ?? null }),
          (error: Error) => this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: error.message } }),
        );
    } else {
      this.notifications.push({ method: message.method, params: message.params });
    }
  }
}

/** Applies LSP edits to a text, last first so that earlier ranges stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (position: Position) => lineStarts[position.line]! + position.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const edit of sorted) text = text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
  return text;
}
