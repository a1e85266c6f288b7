import { redirect } from "next/navigation";

/** A path that no route matches, so Next answers it with app/not-found.tsx and HTTP 404. */
export const NOT_FOUND_PATH = "/niet-gevonden";

/**
 * Answers "this page or record does not exist (for you)". Next 16 renders a notFound() thrown by
 * a page only in the browser (the server sends an empty error document), which leaves visitors
 * without JavaScript a blank page. A redirect to a path no route matches gets the complete,
 * server-rendered 404 page instead; the final answer is still HTTP 404, the same for a record
 * that does not exist and one that belongs to someone else.
 */
export function notFoundPage(): never {
  redirect(NOT_FOUND_PATH);
}
