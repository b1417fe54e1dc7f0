/** An import or restore refused for a reason the clerk can act on. `message` is Chinese and shown as is. */
export class DataError extends Error {
  override name = 'DataError';
}
