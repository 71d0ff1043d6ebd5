package org.boltkt.client.auth

import org.boltkt.client.error.BoltException
import org.boltkt.client.error.ClientException
import org.boltkt.protocol.message.AuthToken

/**
 * What the driver does when a request authenticated with [token] failed with [error]: security errors
 * ([ClientException.isSecurityError]) are passed to [AuthTokenManager.handleSecurityException], and if the manager
 * handled them the error is marked retryable. Other errors are left alone.
 *
 * A manager that throws is treated as not having handled the error; its exception is attached to [error] as
 * suppressed. Each error is shown to the manager at most once, however many layers map it. Returns whether the
 * error is now retryable thanks to the manager.
 */
internal fun AuthTokenManager.onSecurityError(token: AuthToken, error: BoltException): Boolean {
    if (error !is ClientException || !error.isSecurityError) return false
    if (!error.markShownToAuthManager()) return error.isHandledByAuthManager
    val handled = try {
        handleSecurityException(token, error)
    } catch (e: Exception) {
        error.addSuppressed(e)
        false
    }
    return handled && error.markHandledByAuthManager()
}
