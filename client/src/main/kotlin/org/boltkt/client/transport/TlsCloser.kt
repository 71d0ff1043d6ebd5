package org.boltkt.client.transport

import kotlinx.coroutines.CoroutineName
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.launch
import kotlinx.coroutines.withTimeoutOrNull
import java.nio.ByteBuffer
import kotlin.time.Duration.Companion.seconds

/** Sends a TLS `close_notify` without making [Transport.close] suspend. */
internal object TlsCloser {
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO + CoroutineName("boltkt-tls-close"))
    private val TIMEOUT = 1.seconds

    /**
     * Writes [closeNotify] (if any) to [inner], bounded by a short timeout, then closes [inner] and calls [done].
     * Starts inline: with a socket that accepts the bytes at once, [inner] is closed before this returns.
     */
    fun sendThenClose(inner: Transport, closeNotify: ByteBuffer?, done: () -> Unit) {
        scope.launch(start = CoroutineStart.UNDISPATCHED) {
            try {
                if (closeNotify != null && closeNotify.hasRemaining()) withTimeoutOrNull(TIMEOUT) { inner.writeFully(closeNotify) }
            } catch (_: Exception) {
                // Best effort: the connection is going away anyway.
            } finally {
                inner.close()
                done()
            }
        }
    }
}
