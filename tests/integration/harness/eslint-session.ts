import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, LspClient, type TextEdit } from './lsp-client.js';
import { cleanEnv } from './process.js';
import { repoRoot } from './workspace.js';

/** The server editors run: vscode-eslint's, as `vscode-langservers-extracted` ships it. */
export const serverScript = path.join(repoRoot, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-eslint-language-server');

/** An LSP diagnostic as the ESLint server sends it (`code` is the rule id). */
export interface Diagnostic {
  range: TextEdit['range'];
  message: string;
  severity: number;
  source: string;
  code?: string;
  codeDescription?: { href: string };
}

/** An LSP code action, as the ESLint server sends them (commands, not edits). */
export interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  command?: { title: string; command: string; arguments?: unknown[] };
}

type WorkspaceEdit = {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
};

/**
 * The settings the VS Code ESLint extension (3.x) answers `workspace/configuration` with, for its
 * defaults; other editors copy them (nvim-lspconfig, Zed, Helix). The server reads every one of them.
 * `experimental.useFlatConfig` must stay false: under ESLint 10 `true` makes it load
 * `eslint/use-at-your-own-risk`, find no `FlatESLint` and silently switch validation off.
 */
export function vscodeSettings(workspace: string, options: object = {}): Record<string, unknown> {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    experimental: { useFlatConfig: false },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { enable: false, mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options,
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workingDirectory: { mode: 'location' },
    workspaceFolder: { name: path.basename(workspace), uri: pathToFileURL(workspace).href },
  };
}

/** One open document in a running `vscode-eslint-language-server`, driven the way VS Code drives it. */
export class EslintSession {
  readonly client: LspClient;
  readonly uri: string;
  text = '';
  private version = 0;

  private constructor(
    readonly workspace: string,
    readonly file: string,
    private readonly settings: Record<string, unknown>,
    env: NodeJS.ProcessEnv,
  ) {
    this.uri = pathToFileURL(file).href;
    this.client = new LspClient(process.execPath, [serverScript, '--stdio'], { cwd: workspace, env: cleanEnv(env) });
    this.client.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => this.settings));
    this.client.onRequest('client/registerCapability', () => null);
    this.client.onRequest('window/workDoneProgress/create', () => null);
    this.client.onRequest('workspace/diagnostic/refresh', () => null);
    this.client.onRequest('workspace/applyEdit', (params) => this.applyWorkspaceEdit((params as { edit: WorkspaceEdit }).edit));
  }

  /** Starts the server, initializes it for `workspace` and opens `file` with `text`. */
  static async open(options: {
    workspace: string;
    file: string;
    text: string;
    eslintOptions?: object;
    env?: NodeJS.ProcessEnv;
  }): Promise<EslintSession> {
    const settings = vscodeSettings(options.workspace, options.eslintOptions);
    const session = new EslintSession(options.workspace, options.file, settings, options.env ?? {});
    const folder = { uri: pathToFileURL(options.workspace).href, name: path.basename(options.workspace) };
    await session.client.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'eslint-plugin-drain integration test' },
      rootUri: folder.uri,
      workspaceFolders: [folder],
      capabilities: {
        workspace: {
          configuration: true,
          applyEdit: true,
          workspaceFolders: true,
          workspaceEdit: { documentChanges: true },
          didChangeConfiguration: { dynamicRegistration: true },
          diagnostics: { refreshSupport: true },
        },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
            isPreferredSupport: true,
          },
        },
      },
    });
    session.client.notify('initialized', {});
    session.text = options.text;
    session.version = 1;
    session.client.notify('textDocument/didOpen', {
      textDocument: { uri: session.uri, languageId: languageId(options.file), version: session.version, text: options.text },
    });
    return session;
  }

  /** Pulls the document's diagnostics (`textDocument/diagnostic`), as VS Code does after each change. */
  async diagnostics(timeoutMs = 120_000): Promise<Diagnostic[]> {
    const report = await this.client.request<{ kind: string; items: Diagnostic[] }>(
      'textDocument/diagnostic',
      { textDocument: { uri: this.uri } },
      timeoutMs,
    );
    return report.items;
  }

  /** Replaces the whole text with one incremental change, as typing or a paste sends it. */
  change(text: string): void {
    this.sendEdits([{ range: { start: { line: 0, character: 0 }, end: endOf(this.text) }, newText: text }]);
  }

  /** `change` and the pull that follows it, timed from the notification to the answer. */
  async changeAndPull(text: string): Promise<{ ms: number; diagnostics: Diagnostic[] }> {
    const started = performance.now();
    this.change(text);
    const diagnostics = await this.diagnostics();
    return { ms: performance.now() - started, diagnostics };
  }

  async codeActions(diagnostic: Diagnostic): Promise<CodeAction[]> {
    return this.client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: this.uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], triggerKind: 1 },
    });
  }

  /** Runs a code action's command; the server answers with `workspace/applyEdit`, applied to this document. */
  async run(action: CodeAction): Promise<void> {
    if (!action.command) throw new Error(`code action "${action.title}" has no command`);
    await this.client.request('workspace/executeCommand', { command: action.command.command, arguments: action.command.arguments });
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private applyWorkspaceEdit(edit: WorkspaceEdit): { applied: boolean; failureReason?: string } {
    const edits = [
      ...(edit.changes?.[this.uri] ?? []),
      ...(edit.documentChanges ?? []).filter((change) => change.textDocument.uri === this.uri).flatMap((change) => change.edits),
    ];
    if (edits.length === 0) return { applied: false, failureReason: 'no edit for the open document' };
    this.sendEdits(edits);
    return { applied: true };
  }

  private sendEdits(edits: readonly TextEdit[]): void {
    this.text = applyEdits(this.text, edits);
    this.version += 1;
    // Edits of one didChange apply in order, each to the result of the previous: send them last first.
    const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    this.client.notify('textDocument/didChange', {
      textDocument: { uri: this.uri, version: this.version },
      contentChanges: ordered.map((e) => ({ range: e.range, text: e.newText })),
    });
  }
}

function languageId(file: string): string {
  return /\.[cm]?tsx?$/.test(file) ? (file.endsWith('x') ? 'typescriptreact' : 'typescript') : 'javascript';
}

function endOf(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
