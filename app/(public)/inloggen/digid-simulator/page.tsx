import type { Metadata } from "next";
import Link from "next/link";
import { SimulatorForm } from "@/components/auth/SimulatorForm";
import { Banner } from "@/components/ui/Banner";
import { digidLevels, levelLabel } from "@/lib/auth/levels";
import { safeReturnPath } from "@/lib/auth/resident-login";
import { env } from "@/lib/env";
import { getMessages } from "@/lib/i18n/server";
import { simulateDigidLogin } from "../actions";
import { notFoundPage } from "@/lib/http/not-found";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.auth.simulator.digidTitle };
}

/** Logging in as a resident without DigiD, in the demo environment only. */
export default async function DigidSimulatorPage({ searchParams }: { searchParams: SearchParams }) {
  if (!env().demoFeatures) notFoundPage();
  const { t } = await getMessages();
  const terug = (await searchParams).terug;
  const returnPath = safeReturnPath(Array.isArray(terug) ? terug[0] : terug);
  return (
    <>
      <h1>{t.auth.simulator.digidTitle}</h1>
      <Banner kind="warning" className="mb-6">
        <p>{t.auth.simulator.intro}</p>
      </Banner>
      <SimulatorForm
        action={simulateDigidLogin}
        returnPath={returnPath}
        submitLabel={t.auth.simulator.submit}
        fields={[{ name: "bsn", label: t.auth.simulator.bsn, hint: t.auth.simulator.bsnHint }]}
        level={{ legend: t.auth.simulator.level, hint: t.auth.simulator.levelHint, options: digidLevels.map((l) => ({ value: l, label: levelLabel(l) })) }}
      />
      <p className="mt-6">
        <Link href={`/inloggen?${new URLSearchParams({ terug: returnPath })}`}>{t.auth.simulator.cancel}</Link>
      </p>
    </>
  );
}
