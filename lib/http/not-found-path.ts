/** A path that no route matches, so Next answers it with app/not-found.tsx and HTTP 404. */
export const NOT_FOUND_PATH = "/niet-gevonden";
