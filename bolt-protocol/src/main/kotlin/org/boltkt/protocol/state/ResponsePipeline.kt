package org.boltkt.protocol.state

import org.boltkt.protocol.BoltProtocolException

/**
 * The FIFO of response handlers that makes pipelining work: every request written enqueues its handler, and the
 * server answers requests strictly in order, so each response belongs to the oldest handler. RECORDs go to the
 * head handler and leave it in place; a summary completes and removes it.
 *
 * Not thread-safe: enqueue in the same order the requests are written, from one writer, and dispatch from one
 * reader; guard both with the connection's own serialisation.
 *
 * @param isRecord tells RECORD responses from summaries for the client's response type.
 */
public class ResponsePipeline<R>(private val isRecord: (R) -> Boolean) {
    private val handlers = ArrayDeque<ResponseHandler<R>>()

    /** Number of handlers waiting for their summary. */
    public val size: Int get() = handlers.size

    /** True when no response is expected. */
    public fun isEmpty(): Boolean = handlers.isEmpty()

    /** Adds the handler for a request about to be written; it will receive that request's responses. */
    public fun enqueue(handler: ResponseHandler<R>) {
        handlers.addLast(handler)
    }

    /**
     * Routes [response] to the oldest handler: RECORDs via [ResponseHandler.onRecord] keeping the handler queued,
     * summaries via [ResponseHandler.onSummary] after removing it (so a handler that enqueues a follow-up request
     * from its callback sees a consistent queue). Exceptions from handlers propagate.
     *
     * @throws BoltProtocolException when no handler is waiting: the server sent a response nobody asked for.
     */
    public fun dispatch(response: R) {
        val head = handlers.firstOrNull()
            ?: throw BoltProtocolException("received a response with no request pending: $response")
        if (isRecord(response)) {
            head.onRecord(response)
        } else {
            handlers.removeFirst()
            head.onSummary(response)
        }
    }

    /**
     * Empties the queue, telling every waiting handler, oldest first, that the connection died with [cause].
     * An exception from one handler does not stop the others; the first is rethrown after all were told.
     */
    public fun abandonAll(cause: Throwable) {
        var first: Throwable? = null
        while (handlers.isNotEmpty()) {
            val h = handlers.removeFirst()
            try {
                h.onAbandoned(cause)
            } catch (t: Throwable) {
                if (first == null) first = t else first.addSuppressed(t)
            }
        }
        first?.let { throw it }
    }
}
