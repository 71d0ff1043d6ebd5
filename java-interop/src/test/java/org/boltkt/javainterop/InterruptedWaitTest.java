package org.boltkt.javainterop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kotlinx.coroutines.CoroutineScope;
import kotlinx.coroutines.CoroutineScopeKt;
import kotlinx.coroutines.Dispatchers;
import org.boltkt.client.error.ClientException;
import org.junit.jupiter.api.Test;

/** A blocking caller released by an interrupt, against the facade's futures themselves (no server needed). */
class InterruptedWaitTest {

    @Test
    void aValueProducedWhileTheInterruptCancelsTheOperationIsReturnedNotLost() throws Exception {
        CoroutineScope scope = CoroutineScopeKt.CoroutineScope(Dispatchers.getDefault());
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Stands for a read that already took the next record when the cancellation reached it: the block does not
        // suspend again, so the cancellation can only discard its value.
        CompletableFuture<String> read = FuturesKt.launchFuture(scope, (s, continuation) -> {
            running.countDown();
            awaitUninterruptibly(release);
            return "record 513";
        });
        CompletableFuture<Object[]> outcome = new CompletableFuture<>();
        Thread caller = BlockingFacadeTest.startThread(() -> {
            try {
                String value = FuturesKt.awaitBlocking(read);
                outcome.complete(new Object[] {value, Thread.currentThread().isInterrupted()});
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
            }
        });
        assertTrue(running.await(30, TimeUnit.SECONDS));
        caller.interrupt();
        while (!read.isCancelled()) Thread.onSpinWait(); // the caller cancelled the read and waits for its end
        release.countDown();
        Object[] seen = outcome.get(30, TimeUnit.SECONDS);
        assertEquals("record 513", seen[0], "the value the operation produced reaches the caller");
        assertEquals(true, seen[1], "the interrupt flag is kept");
    }

    @Test
    void anOperationCancelledBeforeItProducedAValueThrowsClientException() throws Exception {
        CoroutineScope scope = CoroutineScopeKt.CoroutineScope(Dispatchers.getDefault());
        CompletableFuture<String> never = FuturesKt.launchFuture(scope, (s, continuation) ->
                kotlinx.coroutines.DelayKt.awaitCancellation((kotlin.coroutines.Continuation) continuation));
        CompletableFuture<Boolean> flagKept = new CompletableFuture<>();
        Thread caller = BlockingFacadeTest.startThread(() -> {
            try {
                FuturesKt.awaitBlocking(never);
                flagKept.completeExceptionally(new AssertionError("returned a value"));
            } catch (ClientException e) {
                assertInstanceOf(InterruptedException.class, e.getCause());
                flagKept.complete(Thread.currentThread().isInterrupted());
            } catch (Throwable e) {
                flagKept.completeExceptionally(e);
            }
        });
        caller.interrupt();
        assertEquals(true, flagKept.get(30, TimeUnit.SECONDS));
        assertTrue(never.isCancelled());
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
