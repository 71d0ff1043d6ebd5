package org.boltkt.client.transport

import java.io.IOException
import java.net.InetSocketAddress
import kotlin.time.Duration

/**
 * Failures of the transport layer. Every one is an [IOException]; the client maps them to its public errors.
 * Cancellation is never wrapped: it surfaces as the coroutine's [kotlinx.coroutines.CancellationException].
 */
public sealed class TransportException(message: String, cause: Throwable?) : IOException(message, cause)

/**
 * No connection could be established to [address]: the host did not resolve, every resolved address refused or
 * was unreachable, or the connect timed out. Earlier attempts' failures (one per resolved address) are attached as
 * suppressed exceptions.
 *
 * @property address the server that was asked for.
 * @property timeout the connect timeout that expired, or null when the connect failed for another reason.
 */
public class TransportConnectException(
    public val address: ServerAddress,
    message: String,
    cause: Throwable? = null,
    public val timeout: Duration? = null,
    /** True when TLS refused the server's certificate: connecting again cannot help until trust is reconfigured. */
    public val certificateRejected: Boolean = false,
) : TransportException(message, cause) {
    /** True when the last attempt failed because the connect timeout expired. */
    public val isTimeout: Boolean get() = timeout != null
}

/**
 * The transport was used after it was closed (by [Transport.close], a cancellation or an earlier failure), or it
 * was closed while a read or write was pending.
 *
 * @property remoteAddress the address the transport was connected to.
 */
public class TransportClosedException(
    public val remoteAddress: InetSocketAddress,
    cause: Throwable? = null,
) : TransportException("transport to $remoteAddress is closed", cause)

/**
 * An I/O operation on a connected transport failed; the transport has been closed. [cause] holds the JDK error.
 *
 * @property remoteAddress the address the transport was connected to.
 */
public class TransportIoException(
    public val remoteAddress: InetSocketAddress,
    operation: String,
    cause: Throwable,
) : TransportException("$operation on transport to $remoteAddress failed: ${cause.message ?: cause}", cause)
