package org.boltkt.client.auth

import org.boltkt.protocol.message.AuthToken
import java.time.Clock
import java.time.Duration
import java.time.Instant

/**
 * An [AuthToken] together with the instant it stops being valid, as returned by the provider of
 * [AuthTokenManagers.bearer]. Immutable.
 *
 * @property token the credentials.
 * @property expiresAt when the token expires, or null if it is valid until the server says otherwise. Return a
 *   time a little before the real expiry so a new token is fetched before the server rejects the old one.
 */
public class ExpiringAuthToken(public val token: AuthToken, public val expiresAt: Instant? = null) {

    /** Whether [expiresAt] is at or before the current instant of [clock]; never true without an expiry. */
    public fun isExpired(clock: Clock): Boolean = expiresAt?.let { !clock.instant().isBefore(it) } ?: false

    override fun equals(other: Any?): Boolean =
        other is ExpiringAuthToken && token == other.token && expiresAt == other.expiresAt

    override fun hashCode(): Int = 31 * token.hashCode() + (expiresAt?.hashCode() ?: 0)

    override fun toString(): String = "ExpiringAuthToken(token=$token, expiresAt=$expiresAt)"

    public companion object {
        /** A token expiring [validFor] after the current instant of [clock]. */
        public fun expiringIn(token: AuthToken, validFor: Duration, clock: Clock = Clock.systemUTC()): ExpiringAuthToken =
            ExpiringAuthToken(token, clock.instant().plus(validFor))
    }
}
