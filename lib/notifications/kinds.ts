/** The message types (berichtsoorten) a party chooses a channel for; also the kinds of notice. For pages, which may not import db/. */
export { noticeKinds, fallbackOutcomes, type NoticeKind, type FallbackOutcome } from "@/db/schema/notifications";
