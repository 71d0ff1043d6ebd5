package org.boltkt.client.error

import org.boltkt.protocol.value.Value

/**
 * One link of the GQL cause chain a Neo4j 5.7+ server attaches to a failure. It is never thrown on its own: it is
 * found as the [cause][Throwable.cause] (and [BoltException.gqlCause]) of the thrown exception or of another link.
 *
 * It has no Neo4j [code] and is not retryable by itself; retry decisions belong to the outermost exception.
 */
public class GqlCauseException(
    message: String,
    gqlStatus: String,
    gqlStatusDescription: String,
    diagnosticRecord: Map<String, Value>? = null,
    cause: GqlCauseException? = null,
) : BoltException(message, ServerStatus(null, gqlStatus, gqlStatusDescription, diagnosticRecord), cause) {
    /** Always false: a cause link says why something failed, not whether to retry it. */
    override val isRetryable: Boolean get() = false
}
