package dev.pulse.server.webhook;

/**
 * What a check of a {@code Pulse-Signature} header found ({@link WebhookVerifier#check}): the
 * backend ingest answers a stale time and a bad signature with different refusals.
 */
public enum SignatureCheck
{
    /** A {@code t} within the tolerance and a {@code v1} that signs the body under the secret. */
    VALID,
    /** No header, no {@code t} or more than one, a {@code t} that is not digits, or no {@code v1} that matches. */
    BAD,
    /** A well-formed, single {@code t} further than the tolerance from now (the digest is not computed). */
    STALE
}
