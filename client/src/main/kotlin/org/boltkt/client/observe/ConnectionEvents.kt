package org.boltkt.client.observe

import org.boltkt.client.transport.ServerAddress

/**
 * See [DriverListener.connectionCreated].
 * @property connectionId the server's id for the connection (e.g. `bolt-42`), null when it sent none.
 * @property boltVersion the negotiated Bolt version, e.g. `5.8`.
 * @property serverAgent e.g. `Neo4j/5.26.0`, null when the server sent none.
 */
public class ConnectionCreated internal constructor(
    public val address: ServerAddress,
    public val connectionId: String?,
    public val boltVersion: String,
    public val serverAgent: String?,
) {
    override fun toString(): String = "ConnectionCreated($address, $connectionId, Bolt $boltVersion, $serverAgent)"
}

/**
 * See [DriverListener.connectionAcquired].
 * @property waitNanos from the start of the acquisition to the hand-out: waiting for a free place, connecting when
 *   no idle connection was usable, liveness checks and re-authentication included.
 * @property fresh true when the connection was opened for this acquisition, false for a pooled one.
 */
public class ConnectionAcquired internal constructor(
    public val address: ServerAddress,
    public val connectionId: String?,
    public val waitNanos: Long,
    public val fresh: Boolean,
) {
    /** [waitNanos] as a duration. */
    public val wait: java.time.Duration get() = java.time.Duration.ofNanos(waitNanos)

    override fun toString(): String = "ConnectionAcquired($address, $connectionId, waited ${waitNanos}ns, fresh=$fresh)"
}

/**
 * See [DriverListener.connectionAcquisitionFailed].
 * @property error the public exception the caller gets (a `BoltException`, e.g. `ConnectionAcquisitionTimeoutException`).
 * @property errorCode the server's error code when the server refused (e.g. bad credentials), else null.
 */
public class ConnectionAcquisitionFailed internal constructor(
    public val address: ServerAddress,
    public val waitNanos: Long,
    public val error: Throwable,
    public val errorCode: String?,
) {
    /** [waitNanos] as a duration. */
    public val wait: java.time.Duration get() = java.time.Duration.ofNanos(waitNanos)

    override fun toString(): String = "ConnectionAcquisitionFailed($address, after ${waitNanos}ns, ${error.javaClass.simpleName})"
}

/** See [DriverListener.connectionReleased]. [pooled] false: the connection was not reusable and is closed. */
public class ConnectionReleased internal constructor(
    public val address: ServerAddress,
    public val connectionId: String?,
    public val pooled: Boolean,
) {
    override fun toString(): String = "ConnectionReleased($address, $connectionId, pooled=$pooled)"
}

/** Why a pool closed a connection. */
public enum class ConnectionCloseReason {
    /** Given back broken, with work pending or not READY (a failed or cancelled exchange). */
    NOT_REUSABLE,

    /** Older than `maxConnectionLifetime`. */
    EXPIRED,

    /** Found closed by the server or the network while idle. */
    BROKEN_WHILE_IDLE,

    /** Failed the liveness check (RESET) before reuse. */
    LIVENESS_CHECK_FAILED,

    /** Its (or another connection's) authorization expired and it cannot log on again (before Bolt 5.1). */
    AUTHORIZATION_EXPIRED,

    /** Its pool or the driver was closed. */
    POOL_CLOSED,

    /** Taken back from a session that was garbage-collected without `close()` (leaked-session detection). */
    LEAKED_SESSION,
}

/** See [DriverListener.connectionClosed]. */
public class ConnectionClosed internal constructor(
    public val address: ServerAddress,
    public val connectionId: String?,
    public val reason: ConnectionCloseReason,
) {
    override fun toString(): String = "ConnectionClosed($address, $connectionId, $reason)"
}

/** Why a pooled connection logged on again. */
public enum class ReauthenticationReason {
    /** A session asked for other credentials than the connection carried (session-level auth). */
    SESSION_AUTH,

    /** The driver's auth token manager handed out a new token. */
    TOKEN_CHANGED,

    /** Another connection to the server was told its authorization expired. */
    AUTHORIZATION_EXPIRED,

    /** `verifyAuthentication` makes the server check the credentials now. */
    VERIFY_AUTHENTICATION,
}

/** See [DriverListener.reauthenticated]. */
public class Reauthenticated internal constructor(
    public val address: ServerAddress,
    public val connectionId: String?,
    public val reason: ReauthenticationReason,
) {
    override fun toString(): String = "Reauthenticated($address, $connectionId, $reason)"
}
