import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ClientModel } from '../clients/client-model.js';
import { drainLimits, type DrainOptions } from './drain-options.js';
import type { DrainSetting } from './drain-text.js';
import { type FileHelper, fileHelper } from './helper-import.js';

/** How the drains of one file are written, from a rule's options. */
export function drainSetting(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, options: DrainOptions): DrainSetting {
  const { sourceCode } = context;
  const option = options.drainWith;
  let resolved: FileHelper | undefined;
  return {
    limits: drainLimits(options),
    helper: (client: ClientModel) => {
      if (!option || (option.clients && !option.clients.includes(client.id))) return undefined;
      return (resolved ??= fileHelper(sourceCode, option, context.cwd, context.filename));
    },
    typescript: /\.[cm]?tsx?$/.test(context.filename),
    shadowed: (node: TSESTree.Node, name: string) => {
      for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
        const variable = scope.set.get(name);
        // Globals that ESLint's configuration declares have no definition in the file.
        if (variable) return variable.defs.length > 0;
      }
      return false;
    },
  };
}
