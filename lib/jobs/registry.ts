import type { JobDefinition } from "./define";
import { sendMailJob } from "../mail/jobs";
import { deliverNotificationJob, sweepNotificationsJob } from "../notifications/jobs";

/** Every job the portal knows. A worker handles all of them; add new ones here. */
export const allJobs: JobDefinition[] = [sendMailJob as unknown as JobDefinition, deliverNotificationJob as unknown as JobDefinition, sweepNotificationsJob as unknown as JobDefinition];
