import { describe, expect, it } from "vitest";
import {
  amzDate,
  authorizationHeader,
  canonicalRequest,
  credentialScope,
  EMPTY_PAYLOAD_HASH,
  encodeKeyPath,
  sha256Hex,
  signedHeaders,
  signingKey,
  stringToSign,
  verifyRequest,
} from "./sigv4";

// The AWS Signature Version 4 test suite (docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html).
const suite = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", region: "us-east-1", service: "service" };
// The examples in the S3 API reference ("Signature Calculations for the Authorization Header").
const s3Example = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region: "us-east-1", service: "s3" };

describe("AWS Signature Version 4 (sigv4)", () => {
  it("signs the test suite's get-vanilla request", () => {
    const request = { method: "GET", path: "/", query: "", headers: { Host: "example.amazonaws.com", "X-Amz-Date": "20150830T123600Z" }, payloadHash: EMPTY_PAYLOAD_HASH };
    const { canonical } = canonicalRequest(request);
    expect(canonical).toBe(["GET", "/", "", "host:example.amazonaws.com", "x-amz-date:20150830T123600Z", "", "host;x-amz-date", EMPTY_PAYLOAD_HASH].join("\n"));
    expect(stringToSign("20150830T123600Z", credentialScope("20150830T123600Z", suite), canonical)).toBe(
      "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
    );
    expect(authorizationHeader(request, suite, "20150830T123600Z")).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    );
  });

  it("signs the test suite's post-vanilla request", () => {
    const request = { method: "POST", path: "/", query: "", headers: { Host: "example.amazonaws.com", "X-Amz-Date": "20150830T123600Z" }, payloadHash: EMPTY_PAYLOAD_HASH };
    expect(authorizationHeader(request, suite, "20150830T123600Z")).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
    );
  });

  it("sorts query parameters by name (get-vanilla-query-order-key-case)", () => {
    const request = { method: "GET", path: "/", query: "Param2=value2&Param1=value1", headers: { Host: "example.amazonaws.com", "X-Amz-Date": "20150830T123600Z" }, payloadHash: EMPTY_PAYLOAD_HASH };
    expect(canonicalRequest(request).canonical.split("\n")[2]).toBe("Param1=value1&Param2=value2");
    expect(authorizationHeader(request, suite, "20150830T123600Z")).toContain("Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
  });

  it("signs the S3 reference's GET Object example (range, content hash)", () => {
    const request = {
      method: "GET",
      path: "/test.txt",
      query: "",
      headers: { Host: "examplebucket.s3.amazonaws.com", Range: "bytes=0-9", "x-amz-content-sha256": EMPTY_PAYLOAD_HASH, "x-amz-date": "20130524T000000Z" },
      payloadHash: EMPTY_PAYLOAD_HASH,
    };
    const { canonical } = canonicalRequest(request);
    expect(sha256Hex(canonical)).toBe("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
    expect(authorizationHeader(request, s3Example, "20130524T000000Z")).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });

  it("signs the S3 reference's PUT Object example (encoded key, signed body)", () => {
    const body = "Welcome to Amazon S3.";
    const payloadHash = sha256Hex(body);
    expect(payloadHash).toBe("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    const request = {
      method: "PUT",
      path: `/${encodeKeyPath("test$file.text")}`,
      query: "",
      headers: {
        Host: "examplebucket.s3.amazonaws.com",
        Date: "Fri, 24 May 2013 00:00:00 GMT",
        "x-amz-date": "20130524T000000Z",
        "x-amz-storage-class": "REDUCED_REDUNDANCY",
        "x-amz-content-sha256": payloadHash,
      },
      payloadHash,
    };
    expect(request.path).toBe("/test%24file.text");
    expect(authorizationHeader(request, s3Example, "20130524T000000Z")).toContain("Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
  });

  it("derives the signing key of the IAM guide's example", () => {
    expect(signingKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam").toString("hex")).toBe(
      "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
    );
  });

  it("formats x-amz-date and encodes keys the way S3 expects", () => {
    expect(amzDate(new Date("2015-08-30T12:36:00.123Z"))).toBe("20150830T123600Z");
    expect(encodeKeyPath("portal/2026/11/a b+c(1).pdf")).toBe("portal/2026/11/a%20b%2Bc%281%29.pdf");
  });

  it("verifies what it signs, and refuses a changed request or a wrong secret", () => {
    const url = new URL("http://127.0.0.1:9000/bucket/2026/11/abc?partNumber=2&uploadId=x%2By");
    const credentials = { ...s3Example, region: "eu-west-1" };
    const headers = signedHeaders({ method: "PUT", url, payloadHash: sha256Hex("part") }, credentials, new Date("2026-11-29T05:00:00Z"));
    const received = { method: "PUT", path: url.pathname, query: url.search.slice(1), headers: { ...headers, host: url.host } };
    const secretOf = (id: string) => (id === credentials.accessKeyId ? credentials.secretAccessKey : undefined);
    const scope = { region: "eu-west-1", service: "s3" };
    expect(verifyRequest(received, secretOf, scope)).toEqual({ ok: true, accessKeyId: credentials.accessKeyId });
    expect(verifyRequest({ ...received, method: "DELETE" }, secretOf, scope).ok).toBe(false);
    expect(verifyRequest({ ...received, query: "partNumber=3&uploadId=x%2By" }, secretOf, scope).ok).toBe(false);
    expect(verifyRequest({ ...received, headers: { ...received.headers, "x-amz-content-sha256": sha256Hex("other") } }, secretOf, scope).ok).toBe(false);
    expect(verifyRequest(received, () => "not-the-secret", scope).ok).toBe(false);
    expect(verifyRequest(received, secretOf, { region: "us-east-1", service: "s3" }).ok).toBe(false);
    expect(verifyRequest({ ...received, headers: { host: url.host } }, secretOf, scope).ok).toBe(false);
  });
});
