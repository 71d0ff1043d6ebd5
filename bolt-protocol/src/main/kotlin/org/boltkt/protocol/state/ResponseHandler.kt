package org.boltkt.protocol.state

/**
 * Receives the responses to one request. The client layer plugs in its own response type [R] (for example its
 * decoded message classes); this layer only orders the calls.
 *
 * Calls happen on whatever thread drives the [ResponsePipeline], one at a time, in wire order.
 */
public interface ResponseHandler<in R> {
    /** A RECORD for this request; more responses follow. */
    public fun onRecord(record: R)

    /** The summary (SUCCESS, FAILURE or IGNORED) that completes this request; no further call follows. */
    public fun onSummary(summary: R)

    /**
     * The connection died before this request's summary arrived; no further call follows. Defaults to nothing so
     * simple handlers need not care.
     */
    public fun onAbandoned(cause: Throwable) {}
}
