import { redirect } from "next/navigation";
import { NOT_FOUND_PATH } from "./not-found-path";

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
