/**
 * Array.isArray that keeps the element type. The pane calls these writers with what it was given, so
 * they check that a list is a list; but Array.isArray narrows a readonly array to any[], which would
 * turn every element after the check into `any`.
 */
export function isList<T>(value: readonly T[] | null | undefined): value is readonly T[] {
  return Array.isArray(value);
}
