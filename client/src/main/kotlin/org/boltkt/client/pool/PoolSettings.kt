package org.boltkt.client.pool

import kotlin.time.Duration

/**
 * Limits of one per-address pool.
 *
 * @property maxSize connections open at once (idle + in use); acquirers beyond it wait in FIFO order.
 * @property maxLifetime a connection older than this is closed instead of reused; [Duration.INFINITE] disables it.
 * @property livenessCheckAfter a connection idle longer than this gets a RESET round trip before it is handed
 *   out; [Duration.INFINITE] disables the check, [Duration.ZERO] checks every time.
 */
internal data class PoolSettings(
    val maxSize: Int = 100,
    val maxLifetime: Duration = Duration.INFINITE,
    val livenessCheckAfter: Duration = Duration.INFINITE,
    val nanoTime: () -> Long = System::nanoTime,
) {
    init {
        require(maxSize > 0) { "max pool size must be positive: $maxSize" }
    }
}
