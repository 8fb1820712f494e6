/**
 * A value made the first time it is asked for. For the Intl objects of the core and the templates: each
 * costs milliseconds to make, at every start of the command line and on both of its threads, and most
 * commands never format.
 */
export function lazily<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}
