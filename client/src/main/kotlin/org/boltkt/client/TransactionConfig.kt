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
public data class TransactionConfig(
    public val timeout: Duration? = null,
    public val metadata: Map<String, Any?> = emptyMap(),
) {
    init {
        require(timeout == null || !timeout.isNegative()) { "transaction timeout must not be negative: $timeout" }
    }

    public companion object {
        public val DEFAULT: TransactionConfig = TransactionConfig()
    }
}
