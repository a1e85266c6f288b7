/**
 * A key for a <form> that changes with each answer of its action. Giving the form a new key
 * mounts it afresh with the values sent back: React resets a form after its action, and a
 * <select> (unlike an <input>) would go back to the option it first showed.
 */
const keys = new WeakMap<object, string>();
let counter = 0;

export function formKey(state: object): string {
  let key = keys.get(state);
  if (!key) {
    key = `antwoord-${++counter}`;
    keys.set(state, key);
  }
  return key;
}
