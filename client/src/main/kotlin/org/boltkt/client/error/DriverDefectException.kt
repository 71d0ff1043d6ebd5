package org.boltkt.client.error

/**
 * The driver's own code failed in a way it never expects (a failed internal check, a `NullPointerException`, an
 * `IllegalStateException` from inside the driver): a defect of the driver, not a problem of the server or the
 * network. The connection involved was closed, since its state can no longer be trusted. The unexpected exception
 * is the [cause]; please report it with the stack trace.
 *
 * Never retryable: nothing says the work did not take effect, and running it again would most likely hit the same
 * defect, so a managed transaction gives up at once instead of possibly applying a write twice.
 */
public class DriverDefectException(message: String, cause: Throwable) :
    BoltException(message, ServerStatus.NONE, cause) {
    /** Always false. */
    override val isRetryable: Boolean get() = false
}
