import { describe, expect, it } from "vitest";
import { messagesFor } from "../i18n";
import { fileProblemMessage, typeList } from "./file-refusals";
import { parseDraftAction } from "./flow";

const nl = messagesFor("nl");
const en = messagesFor("en");

describe("fileProblemMessage", () => {
  it("says in plain words why a file was refused, with the limit that was broken", () => {
    expect(fileProblemMessage(nl, "nl", "scan.pdf", { reason: "too-large", maxBytes: 10 * 1024 * 1024 }, ["pdf"])).toBe(
      "scan.pdf is te groot. Een bestand mag hier hoogstens 10 MB zijn. Maak het bestand kleiner of stuur het in delen.",
    );
    expect(fileProblemMessage(nl, "nl", "foto.heic", { reason: "type-not-allowed", detected: "heic", allowed: ["pdf", "jpeg"] }, ["pdf", "jpeg"])).toBe(
      "foto.heic is een HEIC-foto (iPhone). Dat soort bestand kunt u hier niet toevoegen. Dit kan wel: PDF, JPG-foto.",
    );
    expect(fileProblemMessage(nl, "nl", "factuur.pdf", { reason: "type-unknown" }, ["pdf", "png"])).toContain("Wij kunnen niet zien wat voor bestand factuur.pdf is. Een andere naam geven helpt niet.");
    expect(fileProblemMessage(nl, "nl", "leeg.pdf", { reason: "empty" }, ["pdf"])).toBe("leeg.pdf is leeg. Kies een bestand waar iets in staat.");
    expect(fileProblemMessage(nl, "nl", "zesde.pdf", { reason: "too-many", maxCount: 5 }, ["pdf"])).toContain("hoogstens 5 bestanden");
    expect(fileProblemMessage(en, "en", "scan.pdf", { reason: "too-large", maxBytes: 512 * 1024 }, ["pdf"])).toContain("at most 512 kB");
  });

  it("lists types by the names people know", () => {
    expect(typeList(["pdf", "jpeg", "docx"])).toBe("PDF, JPG-foto, Word-document");
  });
});

describe("parseDraftAction", () => {
  it("reads the button pressed; anything unknown means next", () => {
    expect(parseDraftAction("save")).toEqual({ kind: "save" });
    expect(parseDraftAction("upload")).toEqual({ kind: "upload" });
    expect(parseDraftAction("remove:0b7e4f0c-3f1a-4c55-9a55-0d1f0c2f9a10")).toEqual({ kind: "remove", attachmentId: "0b7e4f0c-3f1a-4c55-9a55-0d1f0c2f9a10" });
    expect(parseDraftAction("remove:../../etc")).toEqual({ kind: "next" });
    expect(parseDraftAction("edit:2")).toEqual({ kind: "edit", step: 2 });
    expect(parseDraftAction("submit")).toEqual({ kind: "submit" });
    expect(parseDraftAction("restart")).toEqual({ kind: "next" });
    expect(parseDraftAction(undefined)).toEqual({ kind: "next" });
  });
});
