package org.boltkt.protocol

/**
 * The one exception the protocol layer throws for bytes that break the Bolt or PackStream rules: malformed
 * or hostile input from the network, an unsupported negotiation, or a message not allowed in the current state.
 *
 * Decoding never lets an [IndexOutOfBoundsException], [ClassCastException] or [OutOfMemoryError] escape for bad
 * input; it throws this type instead. A connection that saw one is out of sync and must be closed, not reset.
 *
 * @property offset byte offset in the buffer being decoded where the problem was found, or -1 when not tied to a
 *   position (for example a state-machine violation).
 * @property reason the problem without the offset prefix, suitable for logs and tests.
 */
public class BoltProtocolException(
    public val reason: String,
    public val offset: Int = -1,
    cause: Throwable? = null,
) : RuntimeException(if (offset >= 0) "$reason (at byte offset $offset)" else reason, cause)
