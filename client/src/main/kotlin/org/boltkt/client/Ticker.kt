package org.boltkt.client

/**
 * The driver's clock for time-based decisions about pooled state ([DriverConfig.ticker]): a connection's age
 * (`maxConnectionLifetime`), its idle time (`connectionLivenessCheckTimeout`) and a routing table's TTL. Like
 * Caffeine's or Guava's `Ticker`, it exists so tests can move time forward without sleeping.
 *
 * It does not drive timeouts that wait (connect, acquisition, retries, the server's receive-timeout hint): those
 * always run on real time, so a frozen ticker cannot hang the driver.
 *
 * Must be thread-safe, fast and non-blocking; called from any thread.
 */
public fun interface Ticker {
    /** Nanoseconds from an arbitrary origin, never decreasing (the contract of [System.nanoTime]). */
    public fun read(): Long

    public companion object {
        /** [System.nanoTime]: the default. */
        @JvmField
        public val SYSTEM: Ticker = Ticker { System.nanoTime() }
    }
}
