package org.boltkt.protocol.state

/**
 * The part of a server response the state machine needs: its kind, and for SUCCESS whether the result has more
 * records (`has_more`, only meaningful for PULL and DISCARD). Payloads stay with the client layer.
 */
public sealed interface ResponseOutcome {
    /** SUCCESS summary; [hasMore] is the `has_more` metadata flag (false when absent). */
    public data class Success(public val hasMore: Boolean = false) : ResponseOutcome

    /** RECORD detail message; does not complete the request. */
    public data object Record : ResponseOutcome

    /** IGNORED summary: the server skipped the request (after a FAILURE or while interrupted). */
    public data object Ignored : ResponseOutcome

    /** FAILURE summary. */
    public data object Failure : ResponseOutcome
}
