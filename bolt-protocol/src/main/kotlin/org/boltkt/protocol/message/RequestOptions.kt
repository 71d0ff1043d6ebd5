package org.boltkt.protocol.message

import org.boltkt.protocol.value.Value
import java.time.Duration

/**
 * Which notifications the server should send (Bolt 5.2+).
 *
 * @property minimumSeverity e.g. `WARNING`, `INFORMATION`, or `OFF` to disable all; null leaves the server default.
 * @property disabledClassifications groups to suppress (e.g. `HINT`, `DEPRECATION`); null leaves the default,
 *   empty re-enables all.
 */
public data class NotificationFilter(
    public val minimumSeverity: String? = null,
    public val disabledClassifications: Set<String>? = null,
)

/** Routing of a transaction: the server defaults to WRITE, so only READ is sent (`mode: "r"`). */
public enum class AccessMode { READ, WRITE }

/**
 * Transaction settings carried by BEGIN, and by RUN in auto-commit transactions.
 *
 * @property bookmarks causal-consistency bookmarks; omitted when empty.
 * @property timeout server-side transaction timeout; sent in whole milliseconds, rounded up.
 * @property metadata attached to the transaction (`tx_metadata`); omitted when empty.
 * @property database target database name; null means the home database.
 * @property impersonatedUser run as this user (4.4+).
 * @property notificationFilter per-transaction notification filter (5.2+).
 * @throws IllegalArgumentException from the constructor for a negative [timeout].
 */
public data class TransactionOptions(
    public val bookmarks: List<String> = emptyList(),
    public val timeout: Duration? = null,
    public val metadata: Map<String, Value> = emptyMap(),
    public val mode: AccessMode = AccessMode.WRITE,
    public val database: String? = null,
    public val impersonatedUser: String? = null,
    public val notificationFilter: NotificationFilter? = null,
) {
    init {
        require(timeout == null || !timeout.isNegative) { "transaction timeout must not be negative: $timeout" }
    }

    public companion object {
        public val DEFAULT: TransactionOptions = TransactionOptions()
    }
}

/**
 * The `bolt_agent` HELLO field (5.3+) identifying the driver.
 * @property product e.g. `boltkt/0.1.0`.
 */
public data class BoltAgent(
    public val product: String,
    public val platform: String? = null,
    public val language: String? = null,
    public val languageDetails: String? = null,
)

/** The API a TELEMETRY message reports (5.4+). */
public enum class TelemetryApi(public val code: Int) { TX_FUNCTION(0), UNMANAGED_TX(1), AUTO_COMMIT(2), EXECUTABLE_QUERY(3) }
