import type * as ts from 'typescript';

/**
 * The value of an expression whose type is one number or string literal: a `const NO_CONTENT = 204`,
 * an enum member, an imported constant. The checker has already worked these out to type the file.
 */
export function literalValueOf(checker: ts.TypeChecker, node: ts.Node): number | string | undefined {
  const type = checker.getTypeAtLocation(node);
  return type.isNumberLiteral() || type.isStringLiteral() ? type.value : undefined;
}
