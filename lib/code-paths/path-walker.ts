import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { PathDomain } from './path-domain.js';
import { endsProcess } from './process-exit.js';
import { type Abrupt, type Branches, jump, type Maybe, NO_BRANCHES, NONE, normal, type Outcome } from './path-outcome.js';

/*
 * A per-function, path-sensitive walk over structured control flow. It knows nothing about HTTP:
 * a `PathDomain` supplies the abstract state, what happens at interesting nodes, what a branch
 * condition teaches, and what leaving a scope means.
 *
 * Why not ESLint's code-path segments: the rules need the branch condition that led to a segment
 * (`!res.ok` establishes an error status) and the exact statement a path leaves through (to name it
 * and insert a drain before it). Structured flow gives both directly, and the walk only runs for the
 * few functions that hold a response.
 *
 * Exceptions thrown inside callees are out of scope: a `catch` is entered from explicit `throw`
 * statements, and from anywhere else only with the state the domain makes of it (`exceptional`).
 */

/** Loops converge quickly because domain states are small finite sets; this only guards bugs. */
const MAX_LOOP_ROUNDS = 12;

type FunctionLike =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.Program;

/** Walks one function (or the module body) from `entry`; the domain records what it finds. */
export function walkFunction<S>(
  fn: FunctionLike,
  entry: S,
  domain: PathDomain<S>,
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
): void {
  new PathWalker(domain, visitorKeys).walk(fn, entry);
}

class PathWalker<S> {
  constructor(
    private readonly domain: PathDomain<S>,
    private readonly visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
  ) {}

  walk(fn: FunctionLike, entry: S): void {
    if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression && fn.body.type !== AST_NODE_TYPES.BlockStatement) {
      const after = this.expr(fn.body, entry);
      if (after !== undefined) this.domain.leave(fn, { kind: 'end', node: fn.body }, after);
      return;
    }
    const body = fn.type === AST_NODE_TYPES.Program ? fn : (fn.body as TSESTree.BlockStatement);
    const out = this.statements(body.body, entry);
    if (out.normal !== undefined) this.domain.leave(fn, { kind: 'end', node: body }, out.normal);
    for (const abrupt of out.abrupt) {
      if (abrupt.kind === 'return' || abrupt.kind === 'throw') {
        this.domain.leave(fn, { kind: abrupt.kind, node: abrupt.node }, abrupt.state);
      }
    }
  }

  // ---- statements -------------------------------------------------------------------------

  private statements(list: readonly TSESTree.Node[], entry: Maybe<S>): Outcome<S> {
    let state = entry;
    // Function declarations are hoisted: their closures exist from the start of the block.
    for (const statement of list) {
      if (state === undefined) break;
      const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration) state = this.visit(declaration, state);
    }
    const abrupt: Abrupt<S>[] = [];
    for (const statement of list) {
      if (state === undefined) break;
      const out = this.statement(statement, state);
      abrupt.push(...out.abrupt);
      state = out.normal;
    }
    return { normal: state, abrupt };
  }

  private statement(node: TSESTree.Node, state: S): Outcome<S> {
    switch (node.type) {
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.StaticBlock:
        return this.leaving(node, this.statements(node.body, state));
      case AST_NODE_TYPES.ExpressionStatement: {
        const after = this.expr(node.expression, state);
        if (endsProcess(node)) return NONE;
        const expression = node.expression.type === AST_NODE_TYPES.AwaitExpression ? node.expression.argument : node.expression;
        return normal(after === undefined ? undefined : this.domain.assume(expression, after));
      }
      case AST_NODE_TYPES.VariableDeclaration:
        return normal(this.declaration(node, state));
      case AST_NODE_TYPES.IfStatement: {
        const { whenTrue, whenFalse } = this.condition(node.test, state);
        const consequent = whenTrue === undefined ? NONE : this.statement(node.consequent, whenTrue);
        const alternate = node.alternate
          ? whenFalse === undefined
            ? NONE
            : this.statement(node.alternate, whenFalse)
          : normal(whenFalse);
        return this.merge(consequent, alternate);
      }
      case AST_NODE_TYPES.ReturnStatement: {
        const after = node.argument ? this.expr(node.argument, state) : state;
        return after === undefined ? NONE : jump('return', null, node, after);
      }
      case AST_NODE_TYPES.ThrowStatement: {
        const after = this.expr(node.argument, state);
        return after === undefined ? NONE : jump('throw', null, node, after);
      }
      case AST_NODE_TYPES.BreakStatement:
        return jump('break', node.label?.name ?? null, node, state);
      case AST_NODE_TYPES.ContinueStatement:
        return jump('continue', node.label?.name ?? null, node, state);
      case AST_NODE_TYPES.LabeledStatement: {
        const out = this.statement(node.body, state);
        // `continue label` is caught by the loop itself; only `break label` ends here.
        return this.catchJumps(out, (a) => a.kind === 'break' && a.label === node.label.name);
      }
      case AST_NODE_TYPES.WhileStatement:
        return this.loop(node, state, { test: node.test, body: node.body, testFirst: true });
      case AST_NODE_TYPES.DoWhileStatement:
        return this.loop(node, state, { test: node.test, body: node.body, testFirst: false });
      case AST_NODE_TYPES.ForStatement: {
        let init: Maybe<S> = state;
        if (node.init) {
          init =
            node.init.type === AST_NODE_TYPES.VariableDeclaration
              ? this.declaration(node.init, state)
              : this.expr(node.init, state);
        }
        if (init === undefined) return NONE;
        return this.leaving(
          node,
          this.loop(node, init, { test: node.test, body: node.body, update: node.update, testFirst: true }),
        );
      }
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement: {
        const iterated = this.expr(node.right, state);
        if (iterated === undefined) return NONE;
        return this.leaving(node, this.loop(node, iterated, { body: node.body, binding: node.left, testFirst: true }));
      }
      case AST_NODE_TYPES.SwitchStatement:
        return this.leaving(node, this.switchStatement(node, state));
      case AST_NODE_TYPES.TryStatement:
        return this.tryStatement(node, state);
      case AST_NODE_TYPES.WithStatement: {
        const after = this.expr(node.object, state);
        return after === undefined ? NONE : this.statement(node.body, after);
      }
      case AST_NODE_TYPES.ExportNamedDeclaration:
        return node.declaration ? this.statement(node.declaration, state) : normal(state);
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        return this.statement(node.declaration, state);
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.ClassExpression:
        return normal(this.visit(node, state));
      case AST_NODE_TYPES.TSExportAssignment:
        return normal(this.expr(node.expression, state));
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.TSDeclareFunction:
      case AST_NODE_TYPES.TSModuleDeclaration:
      case AST_NODE_TYPES.TSInterfaceDeclaration:
      case AST_NODE_TYPES.TSTypeAliasDeclaration:
      case AST_NODE_TYPES.TSEnumDeclaration:
      case AST_NODE_TYPES.TSImportEqualsDeclaration:
      case AST_NODE_TYPES.ImportDeclaration:
      case AST_NODE_TYPES.ExportAllDeclaration:
      case AST_NODE_TYPES.EmptyStatement:
      case AST_NODE_TYPES.DebuggerStatement:
        return normal(state);
      default:
        return normal(this.children(node, state));
    }
  }

  private declaration(node: TSESTree.VariableDeclaration, state: S): Maybe<S> {
    let current: Maybe<S> = state;
    for (const declarator of node.declarations) {
      if (current === undefined) return undefined;
      if (declarator.init) current = this.expr(declarator.init, current);
      if (current !== undefined) current = this.pattern(declarator.id, current);
    }
    return current;
  }

  /** Assignment targets: identifiers are visited as writes, defaults and computed keys evaluated. */
  private pattern(node: TSESTree.Node, state: S): Maybe<S> {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.visit(node, state);
      case AST_NODE_TYPES.MemberExpression:
        return this.visit(node, this.memberTarget(node, state));
      case AST_NODE_TYPES.ObjectPattern: {
        let current: Maybe<S> = state;
        for (const property of node.properties) {
          if (current === undefined) return undefined;
          if (property.type === AST_NODE_TYPES.RestElement) current = this.pattern(property.argument, current);
          else {
            if (property.computed) current = this.expr(property.key, current);
            if (current !== undefined) current = this.pattern(property.value, current);
          }
        }
        return current;
      }
      case AST_NODE_TYPES.ArrayPattern: {
        let current: Maybe<S> = state;
        for (const element of node.elements) {
          if (current === undefined) return undefined;
          if (element) current = this.pattern(element, current);
        }
        return current;
      }
      case AST_NODE_TYPES.AssignmentPattern: {
        const withDefault = this.expr(node.right, state);
        return this.pattern(node.left, withDefault === undefined ? state : this.domain.join(state, withDefault));
      }
      case AST_NODE_TYPES.RestElement:
        return this.pattern(node.argument, state);
      default:
        return state;
    }
  }

  private memberTarget(node: TSESTree.MemberExpression, state: S): S {
    const object = this.expr(node.object, state) ?? state;
    return node.computed ? (this.expr(node.property, object) ?? object) : object;
  }

  private loop(
    node: TSESTree.Node,
    entry: S,
    parts: {
      test?: TSESTree.Expression | null;
      body: TSESTree.Statement;
      update?: TSESTree.Expression | null;
      binding?: TSESTree.Node;
      testFirst: boolean;
    },
  ): Outcome<S> {
    const labels = labelsOf(node);
    const continues = (a: Abrupt<S>) => a.kind === 'continue' && (a.label === null || labels.has(a.label));
    const breaks = (a: Abrupt<S>) => a.kind === 'break' && a.label === null;
    // `for…of` and `for…in` may run zero times: the exit is taken from the loop head.
    const headExits = parts.test === undefined;
    let head = entry;
    let result: Outcome<S> = NONE;
    for (let round = 0; round < MAX_LOOP_ROUNDS; round++) {
      let enter: Maybe<S> = head;
      let exit: Maybe<S> = headExits ? head : undefined;
      if (parts.test && parts.testFirst) {
        const { whenTrue, whenFalse } = this.condition(parts.test, head);
        enter = whenTrue;
        exit = whenFalse;
      }
      if (enter !== undefined && parts.binding) {
        enter =
          parts.binding.type === AST_NODE_TYPES.VariableDeclaration
            ? this.pattern(parts.binding.declarations[0]!.id, enter)
            : this.pattern(parts.binding, enter);
      }
      const body = enter === undefined ? NONE : this.statement(parts.body, enter);
      let back = this.joinAll([body.normal, ...body.abrupt.filter(continues).map((a) => a.state)]);
      if (back !== undefined && parts.update) back = this.expr(parts.update, back);
      if (back !== undefined && parts.test && !parts.testFirst) {
        const { whenTrue, whenFalse } = this.condition(parts.test, back);
        exit = this.joinMaybe(exit, whenFalse);
        back = whenTrue;
      }
      const out = this.joinAll([exit, ...body.abrupt.filter(breaks).map((a) => a.state)]);
      result = { normal: out, abrupt: body.abrupt.filter((a) => !continues(a) && !breaks(a)) };
      const next = back === undefined ? head : this.domain.join(entry, back);
      if (this.domain.equals(next, head)) break;
      head = next;
    }
    return result;
  }

  private switchStatement(node: TSESTree.SwitchStatement, state: S): Outcome<S> {
    let remaining: Maybe<S> = this.expr(node.discriminant, state);
    if (remaining === undefined) return NONE;
    const entries: Maybe<S>[] = [];
    for (const switchCase of node.cases) {
      if (!switchCase.test || remaining === undefined) {
        entries.push(undefined);
        continue;
      }
      if (node.discriminant.type === AST_NODE_TYPES.Literal && node.discriminant.value === true) {
        // `switch (true) { case res.status >= 500: … }` is an if/else chain on each case's test.
        const { whenTrue, whenFalse } = this.condition(switchCase.test, remaining);
        entries.push(whenTrue);
        remaining = whenFalse;
        continue;
      }
      const tested = this.expr(switchCase.test, remaining) ?? remaining;
      entries.push(this.domain.refineCase(node.discriminant, switchCase.test, true, tested));
      remaining = this.domain.refineCase(node.discriminant, switchCase.test, false, tested);
    }
    const defaultIndex = node.cases.findIndex((c) => !c.test);
    if (defaultIndex >= 0) entries[defaultIndex] = remaining;
    const abrupt: Abrupt<S>[] = [];
    let fallthrough: Maybe<S>;
    for (const [index, switchCase] of node.cases.entries()) {
      const out = this.statements(switchCase.consequent, this.joinMaybe(entries[index], fallthrough));
      abrupt.push(...out.abrupt);
      fallthrough = out.normal;
    }
    const breaks = (a: Abrupt<S>) => a.kind === 'break' && a.label === null;
    const exits = [fallthrough, ...abrupt.filter(breaks).map((a) => a.state)];
    if (defaultIndex < 0) exits.push(remaining);
    return { normal: this.joinAll(exits), abrupt: abrupt.filter((a) => !breaks(a)) };
  }

  private tryStatement(node: TSESTree.TryStatement, state: S): Outcome<S> {
    const attempt = this.statement(node.block, state);
    let completed: Outcome<S> = attempt;
    if (node.handler) {
      const thrown = attempt.abrupt.filter((a) => a.kind === 'throw');
      const implicit = this.joinAll([state, attempt.normal, ...attempt.abrupt.map((a) => a.state)]);
      const entry = this.joinAll([
        ...thrown.map((a) => a.state),
        implicit === undefined ? undefined : this.domain.exceptional(implicit),
      ]);
      let handled: Outcome<S> = NONE;
      if (entry !== undefined) {
        const bound = node.handler.param ? this.pattern(node.handler.param, entry) : entry;
        handled = this.leaving(node.handler, bound === undefined ? NONE : this.statement(node.handler.body, bound));
      }
      completed = {
        normal: this.joinMaybe(attempt.normal, handled.normal),
        abrupt: [...attempt.abrupt.filter((a) => a.kind !== 'throw'), ...handled.abrupt],
      };
    }
    if (!node.finalizer) return completed;
    // `finally` runs once per way of leaving the try; each continues as it began unless it jumps itself.
    const finalizer = node.finalizer;
    const results: Outcome<S>[] = [];
    if (completed.normal !== undefined) results.push(this.statement(finalizer, completed.normal));
    for (const abrupt of completed.abrupt) {
      const out = this.statement(finalizer, abrupt.state);
      results.push({
        normal: undefined,
        abrupt: [...out.abrupt, ...(out.normal === undefined ? [] : [{ ...abrupt, state: out.normal }])],
      });
    }
    return results.reduce((a, b) => this.merge(a, b), NONE);
  }

  /** Applies `leave(scope)` to every way out of a scope. */
  private leaving(scope: TSESTree.Node, out: Outcome<S>): Outcome<S> {
    const normalExit =
      out.normal === undefined ? undefined : this.domain.leave(scope, { kind: 'end', node: scope }, out.normal);
    return {
      normal: normalExit,
      abrupt: out.abrupt.map((a) => ({ ...a, state: this.domain.leave(scope, { kind: a.kind, node: a.node }, a.state) })),
    };
  }

  private catchJumps(out: Outcome<S>, caught: (a: Abrupt<S>) => boolean): Outcome<S> {
    return {
      normal: this.joinAll([out.normal, ...out.abrupt.filter(caught).map((a) => a.state)]),
      abrupt: out.abrupt.filter((a) => !caught(a)),
    };
  }

  // ---- expressions ------------------------------------------------------------------------

  /** Evaluates an expression in evaluation order; `undefined` only if `state` was. */
  private expr(node: TSESTree.Node, state: S): Maybe<S> {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.ThisExpression:
      case AST_NODE_TYPES.Super:
      case AST_NODE_TYPES.MetaProperty:
      case AST_NODE_TYPES.PrivateIdentifier:
      case AST_NODE_TYPES.TemplateElement:
        return state;
      case AST_NODE_TYPES.Identifier:
        return this.visit(node, state);
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ClassExpression:
        // Nested functions run later, if at all; creating one is the only event here.
        return this.visit(node, state);
      case AST_NODE_TYPES.LogicalExpression: {
        if (node.operator === '??') {
          const left = this.expr(node.left, state) ?? state;
          const right = this.expr(node.right, left) ?? left;
          return this.visit(node, this.domain.join(left, right));
        }
        const { whenTrue, whenFalse } = this.condition(node.left, state);
        const [evaluated, skipped] = node.operator === '&&' ? [whenTrue, whenFalse] : [whenFalse, whenTrue];
        const right = evaluated === undefined ? undefined : this.expr(node.right, evaluated);
        return this.visit(node, this.joinMaybe(right, skipped) ?? state);
      }
      case AST_NODE_TYPES.ConditionalExpression: {
        const { whenTrue, whenFalse } = this.condition(node.test, state);
        const consequent = whenTrue === undefined ? undefined : this.expr(node.consequent, whenTrue);
        const alternate = whenFalse === undefined ? undefined : this.expr(node.alternate, whenFalse);
        return this.visit(node, this.joinMaybe(consequent, alternate) ?? state);
      }
      case AST_NODE_TYPES.AssignmentExpression: {
        if (node.operator === '&&=' || node.operator === '||=' || node.operator === '??=') {
          const left = this.expr(node.left, state) ?? state;
          const right = this.expr(node.right, left) ?? left;
          return this.visit(node, this.domain.join(left, this.pattern(node.left, right) ?? right));
        }
        // The value is computed before the target is written, which is what events care about.
        let current = this.expr(node.right, state) ?? state;
        if (node.operator !== '=') current = this.expr(node.left, current) ?? current;
        current = this.pattern(node.left, current) ?? current;
        return this.visit(node, current);
      }
      case AST_NODE_TYPES.MemberExpression:
        return this.visit(node, this.memberTarget(node, state));
      default:
        return this.visit(node, this.children(node, state) ?? state);
    }
  }

  /** Evaluates every child in source order; used for the many node types with no control flow. */
  private children(node: TSESTree.Node, state: S): Maybe<S> {
    let current: Maybe<S> = state;
    for (const key of this.visitorKeys[node.type] ?? []) {
      if (key === 'typeAnnotation' || key === 'typeArguments' || key === 'typeParameters' || key === 'returnType')
        continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (current === undefined) return undefined;
        if (item && typeof item === 'object' && 'type' in item) {
          const childNode = item as TSESTree.Node;
          current = isStatementLike(childNode)
            ? (this.statement(childNode, current).normal ?? current)
            : this.expr(childNode, current);
        }
      }
    }
    return current;
  }

  /** Splits a state by the outcome of a condition, looking through `!`, `&&` and `||`. */
  private condition(node: TSESTree.Expression, state: S): Branches<S> {
    if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
      const inner = this.condition(node.argument, state);
      return { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
    }
    if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator !== '??') {
      const left = this.condition(node.left, state);
      if (node.operator === '&&') {
        const right = left.whenTrue === undefined ? NO_BRANCHES : this.condition(node.right, left.whenTrue);
        return { whenTrue: right.whenTrue, whenFalse: this.joinMaybe(left.whenFalse, right.whenFalse) };
      }
      const right = left.whenFalse === undefined ? NO_BRANCHES : this.condition(node.right, left.whenFalse);
      return { whenTrue: this.joinMaybe(left.whenTrue, right.whenTrue), whenFalse: right.whenFalse };
    }
    if (node.type === AST_NODE_TYPES.SequenceExpression) {
      let current: Maybe<S> = state;
      for (const expression of node.expressions.slice(0, -1)) current = current && this.expr(expression, current);
      return current === undefined ? NO_BRANCHES : this.condition(node.expressions.at(-1)!, current);
    }
    // `while (true)` never takes its false edge; walking it invents a path that skips the loop body.
    if (node.type === AST_NODE_TYPES.Literal) {
      return node.value ? { whenTrue: state, whenFalse: undefined } : { whenTrue: undefined, whenFalse: state };
    }
    const evaluated = this.expr(node, state);
    if (evaluated === undefined) return NO_BRANCHES;
    return {
      whenTrue: this.domain.refine(node, true, evaluated),
      whenFalse: this.domain.refine(node, false, evaluated),
    };
  }

  // ---- helpers ----------------------------------------------------------------------------

  private visit(node: TSESTree.Node, state: S): S {
    return this.domain.isEvent(node) ? this.domain.visit(node, state) : state;
  }

  private merge(a: Outcome<S>, b: Outcome<S>): Outcome<S> {
    return { normal: this.joinMaybe(a.normal, b.normal), abrupt: [...a.abrupt, ...b.abrupt] };
  }

  private joinMaybe(a: Maybe<S>, b: Maybe<S>): Maybe<S> {
    if (a === undefined) return b;
    if (b === undefined) return a;
    return this.domain.join(a, b);
  }

  private joinAll(states: readonly Maybe<S>[]): Maybe<S> {
    return states.reduce<Maybe<S>>((acc, s) => this.joinMaybe(acc, s), undefined);
  }
}

function labelsOf(node: TSESTree.Node): Set<string> {
  const labels = new Set<string>();
  for (let parent = node.parent; parent?.type === AST_NODE_TYPES.LabeledStatement; parent = parent.parent) {
    labels.add(parent.label.name);
  }
  return labels;
}

function isStatementLike(node: TSESTree.Node): boolean {
  return node.type.endsWith('Statement') || node.type.endsWith('Declaration') || node.type === AST_NODE_TYPES.StaticBlock;
}
