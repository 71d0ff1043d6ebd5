package org.boltkt.client.transport

import kotlinx.coroutines.CancellableContinuation
import java.nio.channels.CompletionHandler
import java.util.concurrent.atomic.AtomicReference
import kotlin.coroutines.resume
import kotlin.coroutines.resumeWithException

/**
 * The attachment of an [java.nio.channels.AsynchronousSocketChannel.connect]: it resumes the connecting coroutine
 * once and then lets go of it.
 *
 * Why not the continuation itself as the attachment (as [ContinuationHandler] does for reads and writes): the JDK
 * clears a read's or write's attachment when the operation completes, but keeps a connect's for the channel's whole
 * life. The continuation's context, and through it the connecting coroutine's whole chain (the session that asked
 * for the connection, the caller's own locals), would stay reachable as long as the pooled connection lives: a
 * session dropped without `close()` was never collected, and leaked-session detection never fired.
 */
internal class ConnectResumer(continuation: CancellableContinuation<Void?>) {
    private val continuation = AtomicReference(continuation)

    /** Resumes the connecting coroutine; also the channel's handler, which keeps only this emptied holder. */
    companion object Handler : CompletionHandler<Void?, ConnectResumer> {
        override fun completed(result: Void?, attachment: ConnectResumer) {
            attachment.continuation.getAndSet(null)?.resume(result)
        }

        override fun failed(exc: Throwable, attachment: ConnectResumer) {
            attachment.continuation.getAndSet(null)?.resumeWithException(exc)
        }
    }
}
