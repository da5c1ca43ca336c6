/**
 * A stand-in for Excel's CustomFunctions runtime, as script text run in a page before functions.js
 * (as Excel's runtime is): `associate` records each id and keeps its implementation, and
 * `window.__call(id, args)` calls one the way Excel does, turning `{ error: "#DIV/0!" }` in the
 * arguments into CustomFunctions.Error values. Used by the functions bundle test and, inside the
 * simulated Office host, by the task pane test (the pane's page is the functions' shared runtime).
 */
export const CUSTOM_FUNCTIONS_RUNTIME = `
  window.__associated = [];
  class CustomFunctionsError extends Error {
    constructor(code, message) { super(message || ""); this.code = code; }
  }
  window.CustomFunctions = {
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", notAvailable: "#N/A" },
    associate(id, implementation) { window.__associated.push({ id, kind: typeof implementation }); (window.__functions ||= {})[id] = implementation; },
  };
  window.__call = (id, args) => {
    const decode = (value) => (value && typeof value === "object" && !Array.isArray(value) && "error" in value ? new CustomFunctionsError(value.error) : Array.isArray(value) ? value.map(decode) : value);
    try {
      const result = window.__functions[id](...args.map(decode));
      return { ok: true, value: result };
    } catch (error) {
      return { ok: false, isCustomFunctionsError: error instanceof CustomFunctionsError, code: error.code, message: error.message };
    }
  };
`;

/** One entry of `window.__associated`. */
export interface AssociatedFunction {
  id: string;
  kind: string;
}
