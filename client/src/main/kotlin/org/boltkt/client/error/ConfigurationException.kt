package org.boltkt.client.error

/**
 * The driver, session or auth configuration is invalid or inconsistent (for example an unsupported URI scheme, TLS
 * settings that contradict the scheme, or an auth token the server's scheme list does not accept). Thrown when the
 * configuration is built or first used. Not retryable: fix the configuration.
 */
public class ConfigurationException(message: String, cause: Throwable? = null) :
    BoltException(message, ServerStatus.NONE, cause) {
    /** Always false. */
    override val isRetryable: Boolean get() = false
}
