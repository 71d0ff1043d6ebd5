package org.boltkt.client.transport

import kotlinx.coroutines.CancellableContinuation
import java.nio.channels.CompletionHandler
import kotlin.coroutines.resume
import kotlin.coroutines.resumeWithException

/**
 * One stateless [CompletionHandler] for every asynchronous channel operation: the attachment is the continuation
 * to resume, so no handler is allocated per operation.
 *
 * The continuation is resumed on a channel-group thread: the JDK runs the handler there even when it completed
 * the operation inline on a caller that is not a group thread (which is why [NioTransport] writes small buffers
 * through the Future variant instead). Whether the coroutine then runs there or hops is decided by the caller's
 * dispatcher: under `Dispatchers.Unconfined` it continues on that thread with no hop (the fast path the
 * connection read loop can choose); under any other dispatcher it is dispatched once. Resuming a continuation
 * that was cancelled in the meantime is a no-op.
 */
internal object ContinuationHandler : CompletionHandler<Any?, CancellableContinuation<Any?>> {
    override fun completed(result: Any?, attachment: CancellableContinuation<Any?>) {
        attachment.resume(result)
    }

    override fun failed(exc: Throwable, attachment: CancellableContinuation<Any?>) {
        attachment.resumeWithException(exc)
    }

    /** This handler typed for an operation whose result is [V]. */
    @Suppress("UNCHECKED_CAST")
    fun <V> typed(): CompletionHandler<V, CancellableContinuation<V>> =
        this as CompletionHandler<V, CancellableContinuation<V>>
}
