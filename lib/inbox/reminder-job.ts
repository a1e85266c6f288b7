import { z } from "zod";
import { defineJob } from "../jobs/define";
import { sendReminders } from "./reminders";

/**
 * The scheduled job behind reminders (lib/inbox/reminders.ts). In a module of its own, so that
 * importing the reminder library (a benchmark, a test) does not load the job registry first.
 */
export const sendRemindersJob = defineJob({
  name: "inbox.send-reminders",
  payload: z.object({}),
  // Every 15 minutes: a reminder goes out soon after the day starts, and a missed run is caught up.
  schedule: "*/15 * * * *",
  queue: { retryLimit: 2, retryDelay: 60 },
  async handle(_payload, { log }) {
    const sent = await sendReminders();
    if (sent > 0) log.info({ sent }, "inbox reminders sent");
  },
});
