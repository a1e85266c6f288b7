import type { JobDefinition } from "./define";
import { sendMailJob } from "../mail/jobs";
import { pruneLoginAttemptsJob } from "../staff/housekeeping";
import { pruneIncompleteUploadsJob } from "../submissions/attachments/housekeeping";
import { expireDraftsJob } from "../submissions/draft-expiry";
import { deliverNotificationJob, sweepNotificationsJob } from "../notifications/jobs";
import { sendRemindersJob } from "../inbox/reminder-job";

/** Every job the portal knows. A worker handles all of them; add new ones here. */
export const allJobs: JobDefinition[] = [
  sendMailJob as unknown as JobDefinition,
  deliverNotificationJob as unknown as JobDefinition,
  sweepNotificationsJob as unknown as JobDefinition,
  pruneLoginAttemptsJob as unknown as JobDefinition,
  pruneIncompleteUploadsJob as unknown as JobDefinition,
  expireDraftsJob as unknown as JobDefinition,
  sendRemindersJob as unknown as JobDefinition,
];
