package org.boltkt.client

import kotlin.time.Duration

/**
 * Settings of one transaction (explicit, managed or auto-commit).
 *
 * @property timeout server-side limit after which the server terminates the transaction; null uses the server's
 *   default. Sent in whole milliseconds, rounded up.
 * @property metadata attached to the transaction, visible in `SHOW TRANSACTIONS` and query logs (values are
 *   converted like query parameters).
 */
public class TransactionConfig(
    public val timeout: Duration? = null,
    public val metadata: Map<String, Any?> = emptyMap(),
) {
    init {
        require(timeout == null || !timeout.isNegative()) { "transaction timeout must not be negative: $timeout" }
    }

    // A plain class, not a data class, so fields can be added without breaking compiled callers (docs/API.md).
    override fun equals(other: Any?): Boolean = other is TransactionConfig && timeout == other.timeout && metadata == other.metadata

    override fun hashCode(): Int = 31 * timeout.hashCode() + metadata.hashCode()

    override fun toString(): String = "TransactionConfig(timeout=$timeout, metadata=$metadata)"

    public companion object {
        public val DEFAULT: TransactionConfig = TransactionConfig()
    }
}
