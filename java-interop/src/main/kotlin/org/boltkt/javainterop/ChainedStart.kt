package org.boltkt.javainterop

/**
 * Knows when the current thread is completing one of the facade's futures, i.e. running the user's dependent
 * stages (`thenCompose(cursor::singleAsync)`, `thenCompose { session.closeAsync() }`). Such a thread is already a
 * driver thread (the executor's, where the finished operation ran), so the operation those stages start can begin
 * right there instead of being queued to the executor behind a thread hand-off: a chain of n steps then costs the
 * waits for the server, not n more hops.
 *
 * An operation begun there may complete without waiting, and a recursive chain (a step that starts the next
 * step's operation and composes on its already completed future) would then grow the stack with every step. So
 * one completion may begin at most [BUDGET] operations on its thread, counting everything the user's stages do
 * inside it; further ones are queued to the executor, which ends such a recursion there. Thread-confined state.
 */
internal object ChainedStart {
    private const val BUDGET = 16

    /** [0]: nesting of completions on this thread; [1]: operations begun inside the outermost one. */
    private val state = ThreadLocal.withInitial { IntArray(2) }

    /** True when an operation started now may begin on this thread (see the object's KDoc); counts it if so. */
    fun here(): Boolean {
        val s = state.get()
        if (s[0] == 0 || s[1] >= BUDGET || Thread.currentThread().isInterrupted) return false
        s[1]++
        return true
    }

    /** Runs [complete] (completing a facade future, which runs its non-async dependents) marked as such. */
    inline fun completing(complete: () -> Unit) {
        val s = state.get()
        if (s[0]++ == 0) s[1] = 0
        try {
            complete()
        } finally {
            s[0]--
        }
    }
}
