package org.boltkt.javainterop

import org.boltkt.client.mapping.single
import org.boltkt.client.mapping.nextIfReady
import org.boltkt.client.mapping.next
import org.boltkt.client.mapping.list
import org.boltkt.client.value.QueryParameters
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.isActive
import kotlinx.coroutines.supervisorScope
import org.boltkt.client.Result
import org.boltkt.client.Session
import org.boltkt.client.Transaction
import org.boltkt.client.TransactionContext
import org.boltkt.client.bookmark.Bookmark
import org.boltkt.client.record.Record
import org.boltkt.client.error.ClientException
import org.boltkt.client.summary.ResultSummary
import java.util.Spliterator
import java.util.Spliterators
import java.util.concurrent.CancellationException
import java.util.concurrent.LinkedBlockingQueue
import java.util.function.Consumer
import java.util.function.Function
import java.util.stream.Stream
import java.util.stream.StreamSupport

// The blocking facade. Design: every call starts the Kotlin operation as a coroutine (a CompletableFuture) on the
// calling thread (CoroutineStart.UNDISPATCHED: it runs there until it first waits for the server, then continues on
// the driver's executor) and waits for it with CompletableFuture.get() — no runBlocking, no synchronized, no
// thread-local event loop. A call that needs no wait costs no thread hand-off; a waiting virtual thread parks and
// unmounts from its carrier; a platform thread simply blocks. Interrupting the waiting thread cancels the operation
// (the Kotlin cancellation path) and throws a ClientException.
//
// Managed transactions run the user's work on the *calling* thread, not on a driver thread: the retry loop runs in
// a coroutine and hands each attempt to the caller through a mailbox (CallerThread). So thread-locals, a virtual
// thread's cheapness, and blocking calls inside the work all behave as the caller expects.

/**
 * A blocking view of a [Session], from [JavaDriver.session]. Every method blocks the calling thread until the
 * Kotlin operation finished, then returns its value or throws the driver's public exception
 * ([org.boltkt.client.error.BoltException] subclasses) unwrapped. Suited to virtual threads (no monitor is held
 * while waiting). Interrupting a waiting thread cancels the operation, restores the interrupt flag and throws
 * [ClientException]; an operation that had already produced its value when the cancellation reached it (a read
 * that took the next record, a committed transaction) returns that value instead, with the flag still set.
 *
 * Not thread-safe, like [Session]. Close it (try-with-resources) to consume open results and release the connection.
 */
public class BlockingSession internal constructor(
    /** The Kotlin session behind this view. */
    public val session: Session,
    private val scope: CoroutineScope,
) : AutoCloseable {
    /** The settings this session was opened with. */
    public fun getConfig(): JavaSessionConfig = JavaSessionConfig.of(session.config)

    /** Runs [query] in an auto-commit transaction and returns its result once the server accepted it. */
    @JvmOverloads
    public fun run(
        query: String,
        parameters: Map<String, Any?> = emptyMap(),
        config: JavaTransactionConfig = JavaTransactionConfig.defaults(),
    ): BlockingResult = BlockingResult(scope.callBlocking { session.run(query, parameters, config.kotlinConfig) }, scope)

    /**
     * Like [run] with a map, with [parameters] built from objects ([JavaParameters.of] for a record, a mapped class
     * or a map; [JavaParameters.list] for an `UNWIND` batch), encoded straight into the RUN message. A value the
     * server's Bolt version cannot carry throws a non-retryable [ClientException] before anything is sent.
     */
    @JvmOverloads
    public fun run(
        query: String,
        parameters: QueryParameters,
        config: JavaTransactionConfig = JavaTransactionConfig.defaults(),
    ): BlockingResult = BlockingResult(scope.callBlocking { session.run(query, parameters, config.kotlinConfig) }, scope)

    /** Opens an explicit transaction in the session's default access mode. */
    @JvmOverloads
    public fun beginTransaction(config: JavaTransactionConfig = JavaTransactionConfig.defaults()): BlockingTransaction =
        BlockingTransaction(scope.callBlocking { session.beginTransaction(config.kotlinConfig) }, scope)

    /**
     * Runs [work] on the calling thread in a READ transaction and commits it, with the retries of
     * [Session.executeRead]: an exception from [work] rolls back and, when retryable, calls [work] again (so it may
     * run more than once). Returns [work]'s value.
     */
    @JvmOverloads
    public fun <T> executeRead(work: Function<BlockingTransactionContext, T>, config: JavaTransactionConfig = JavaTransactionConfig.defaults()): T =
        CallerThread.run(scope) { caller -> session.executeRead(config.kotlinConfig) { tx -> caller.call { s -> work.apply(BlockingTransactionContext(tx, s)) } } }

    /** Like [executeRead], in a WRITE transaction. */
    @JvmOverloads
    public fun <T> executeWrite(work: Function<BlockingTransactionContext, T>, config: JavaTransactionConfig = JavaTransactionConfig.defaults()): T =
        CallerThread.run(scope) { caller -> session.executeWrite(config.kotlinConfig) { tx -> caller.call { s -> work.apply(BlockingTransactionContext(tx, s)) } } }

    /** The bookmarks of the last transaction this session committed (or the initial ones). */
    public fun lastBookmarks(): Set<Bookmark> = session.lastBookmarks()

    /**
     * Consumes open results, rolls back an open transaction and releases the connection. Idempotent. An interrupt
     * does not stop it (the driver bounds it): a close that never ran would keep the connection from the pool.
     */
    override fun close(): Unit = scope.launchClose { session.close() }.awaitBlocking().let { }
}

/** Blocking view of a [TransactionContext]: runs queries in a managed transaction. Not thread-safe. */
public open class BlockingTransactionContext internal constructor(
    private val context: TransactionContext,
    @get:JvmSynthetic internal val scope: CoroutineScope,
) {
    /** Runs [query] in the transaction and returns its result once the server accepted it. */
    @JvmOverloads
    public fun run(query: String, parameters: Map<String, Any?> = emptyMap()): BlockingResult =
        BlockingResult(scope.callBlocking { context.run(query, parameters) }, scope)

    /** Like [run] with a map, with [parameters] built from objects (see [BlockingSession.run]). */
    public fun run(query: String, parameters: QueryParameters): BlockingResult =
        BlockingResult(scope.callBlocking { context.run(query, parameters) }, scope)
}

/**
 * Blocking view of an explicit [Transaction]. [close] (try-with-resources) rolls back unless committed.
 * Not thread-safe; a commit whose outcome is unknown throws [org.boltkt.client.error.IncompleteCommitException].
 */
public class BlockingTransaction internal constructor(
    /** The Kotlin transaction behind this view. */
    public val transaction: Transaction,
    scope: CoroutineScope,
) : BlockingTransactionContext(transaction, scope), AutoCloseable {
    /** True until committed, rolled back, closed or broken. */
    public fun isOpen(): Boolean = transaction.isOpen

    /** Commits (open results are consumed first). */
    public fun commit(): Unit = scope.callBlocking { transaction.commit() }

    /** Rolls back. */
    public fun rollback(): Unit = scope.callBlocking { transaction.rollback() }

    /** Rolls back unless already committed or rolled back. Idempotent; an interrupt does not stop it (it is bounded). */
    override fun close(): Unit = scope.launchClose { transaction.close() }.awaitBlocking().let { }
}

/**
 * Blocking view of a [Result]. Records stream from the server as they are asked for ([next], [records]); nothing
 * is buffered whole unless [list] is called. Reading a record that already arrived ([next], [peek], [hasNext], the
 * [records] stream) runs on the calling thread and never waits; fetching the next batch, the summary or an error
 * waits like every other call (an interrupt cancels it and throws [ClientException]). A thread already interrupted
 * when it asks for a record gets [ClientException] at once, with nothing read or cancelled. Not thread-safe;
 * one-shot like [Result].
 */
public class BlockingResult internal constructor(
    /** The Kotlin result behind this view. */
    public val result: Result,
    private val scope: CoroutineScope,
) {
    /** Column names, in order. */
    public fun keys(): List<String> = result.keys

    /** True until every record was read or the result was consumed or failed. */
    public fun isOpen(): Boolean = result.isOpen

    /** True when [next] would return a record (reads ahead one record). */
    public fun hasNext(): Boolean = peekRecord() != null

    /**
     * The next record, or null at the end. A record already received is handed out on the calling thread without
     * waiting; only the next batch (or the end, or an error) is waited for.
     */
    public fun next(): JavaRecord? = (ready { result.nextIfReady() } ?: call { result.next() })?.let(::JavaRecord)

    /** The next record without consuming it, or null at the end. Waits only like [next]. */
    public fun peek(): JavaRecord? = peekRecord()?.let(::JavaRecord)

    private fun peekRecord(): Record? = ready { result.peekIfReady() } ?: call { result.peek() }

    /** Exactly one record. @throws org.boltkt.client.error.ResultNotSingleException for none or more than one. */
    public fun single(): JavaRecord = JavaRecord(call { result.single() })

    // Typed reads: each row is decoded straight from the received bytes into the class (see JavaSerializers), with
    // the errors of Kotlin's typed results: a row that does not fit throws ResultMappingException and only that row
    // is lost; the result and the session stay usable. The serializer is built once per class and cached.

    /** The next row mapped into [type], or null at the end; waits only like [next]. */
    public fun <T : Any> next(type: Class<T>): T? {
        val s = JavaSerializers.of(type)
        return ready { result.nextIfReady(s) } ?: call { result.next(s) }
    }

    /** Exactly one row, mapped into [type]. @throws org.boltkt.client.error.ResultNotSingleException for none or more than one. */
    public fun <T : Any> single(type: Class<T>): T {
        val s = JavaSerializers.of(type)
        return call { result.single(s) }
    }

    /** Every remaining row mapped into [type], buffered. */
    public fun <T : Any> list(type: Class<T>): List<T> {
        val s = JavaSerializers.of(type)
        return call { result.list(s) }
    }

    /**
     * The remaining rows mapped into [type] as a lazy sequential [Stream], read like [records]: rows already
     * received are decoded on the calling thread without starting any task; only a new batch is waited for.
     */
    public fun <T : Any> stream(type: Class<T>): Stream<T> {
        val s = JavaSerializers.of(type)
        return StreamSupport.stream(
            object : Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE, Spliterator.ORDERED or Spliterator.NONNULL) {
                override fun tryAdvance(action: Consumer<in T>): Boolean {
                    val row = ready { result.nextIfReady(s) } ?: call { result.next(s) } ?: return false
                    action.accept(row)
                    return true
                }
            },
            false,
        )
    }

    /** The only record, or null. @throws org.boltkt.client.error.ResultNotSingleException for more than one. */
    public fun singleOrNull(): JavaRecord? = call { result.singleOrNull() }?.let(::JavaRecord)

    /** Every remaining record, buffered. */
    public fun list(): List<JavaRecord> = call { result.list() }.map(::JavaRecord)

    /** Discards the remaining records and returns the summary. */
    public fun consume(): ResultSummary = call { result.consume() }

    /**
     * The remaining records as a lazy sequential [Stream]: each element is read when the stream asks for it (one
     * [next] per record: records already received come without waiting, batches are pulled from the server as
     * needed). Closing the stream before its end does
     * not consume the result; call [consume] (or close the session) for that.
     */
    public fun records(): Stream<JavaRecord> = StreamSupport.stream(
        object : Spliterators.AbstractSpliterator<JavaRecord>(Long.MAX_VALUE, Spliterator.ORDERED or Spliterator.NONNULL) {
            override fun tryAdvance(action: Consumer<in JavaRecord>): Boolean {
                val record = next() ?: return false
                action.accept(record)
                return true
            }
        },
        false,
    )

    private fun <T> call(block: suspend () -> T): T = scope.callBlocking { block() }

    // A read that would not wait still answers an interrupt, as one that waits does: the caller asked to stop.
    // Nothing was started, so nothing is cancelled and no record is lost; the flag stays set.
    private inline fun <R> ready(read: () -> R?): R? {
        if (Thread.currentThread().isInterrupted) {
            throw ClientException("interrupted before reading the next record; nothing was read", cause = InterruptedException())
        }
        return read()
    }
}

/**
 * Runs a coroutine whose parts must execute on the calling thread (the Java work of a managed transaction), while
 * the calling thread waits: the coroutine posts tasks to [mailbox], the caller runs them, and the coroutine's end
 * posts [DONE]. Nothing here decides anything about transactions; it only moves calls between threads.
 */
internal class CallerThread private constructor() {
    private val mailbox = LinkedBlockingQueue<Runnable>()

    /**
     * From the coroutine: runs [work] on the caller thread with a scope for the work's own driver calls (children
     * of this call, cancelled with it), and suspends until it returned or threw.
     */
    suspend fun <R> call(work: (CoroutineScope) -> R): R = supervisorScope {
        val scope = this
        val reply = CompletableDeferred<R>()
        mailbox.put(Runnable {
            if (!scope.isActive) {
                reply.completeExceptionally(CancellationException("the managed transaction was cancelled"))
            } else {
                try {
                    reply.complete(work(scope))
                } catch (e: Throwable) {
                    reply.completeExceptionally(unwrap(e))
                }
            }
        })
        reply.await()
    }

    companion object {
        private val DONE = Runnable { }

        /** Runs [block] in [scope], executing its [call]s on this thread; returns its value or throws its exception. */
        fun <T> run(scope: CoroutineScope, block: suspend (CallerThread) -> T): T {
            val caller = CallerThread()
            val outer = scope.startOnCaller { block(caller) }
            outer.whenComplete { _, _ -> caller.mailbox.put(DONE) }
            while (true) {
                val task = try {
                    caller.mailbox.take()
                } catch (e: InterruptedException) {
                    // The work is rolled back and its connection returned before the caller goes on (bounded); a
                    // transaction that had already committed when the cancellation reached it reports its value.
                    return outer.cancelForInterrupt(e, "interrupted while running a managed transaction; it was cancelled")
                }
                if (task === DONE) return outer.awaitBlocking()
                task.run()
            }
        }
    }
}
