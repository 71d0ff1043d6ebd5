package org.boltkt.testkit

import org.boltkt.client.error.AuthenticationException
import org.boltkt.client.error.AuthorizationExpiredException
import org.boltkt.client.error.BoltException
import org.boltkt.client.error.CertificateRejectedException
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.ConfigurationException
import org.boltkt.client.error.ConnectionAcquisitionTimeoutException
import org.boltkt.client.error.ConnectionReadTimeoutException
import org.boltkt.client.error.DatabaseException
import org.boltkt.client.error.DatabaseNotFoundException
import org.boltkt.client.error.ForbiddenException
import org.boltkt.client.error.NotALeaderException
import org.boltkt.client.error.ProtocolException
import org.boltkt.client.error.ResultConsumedException
import org.boltkt.client.error.ResultNotSingleException
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.error.SessionExpiredException
import org.boltkt.client.error.TokenExpiredException
import org.boltkt.client.error.TransactionClosedException
import org.boltkt.client.error.TransientException
import org.boltkt.client.error.UnsupportedFeatureException
import org.boltkt.client.value.UncoercibleValueException

/**
 * The `errorType` the backend reports for a driver exception: the class name the official neo4j-java-driver uses for
 * an error with the same meaning. The suite runs with `TEST_DRIVER_NAME=java` because testkit maps error types only
 * for its official drivers (docs/TESTKIT.md, "Error type names"). Pure function.
 *
 * Order matters: subclasses before their parents, and the auth manager's "handled" mark before the plain security
 * types, as the Java driver wraps a handled security error in `SecurityRetryableException`.
 */
object JavaErrorTypes {
    private const val PKG = "org.neo4j.driver.exceptions."

    fun of(error: Throwable): String =
        // Any security error (AuthorizationExpired included) the auth token manager handled: Java wraps it.
        if (error is ClientException && error.isHandledByAuthManager) PKG + "SecurityRetryableException" else byType(error)

    private fun byType(error: Throwable): String = when (error) {
        // Routing: a lost routed member or a writer that no longer leads is "session expired" in the Java driver.
        is SessionExpiredException, is NotALeaderException -> PKG + "SessionExpiredException"
        is ConnectionReadTimeoutException -> PKG + "ConnectionReadTimeoutException"
        // Java has no incomplete-commit or routing-unavailable type: both are ServiceUnavailableException there.
        is ServiceUnavailableException -> PKG + "ServiceUnavailableException"
        // Java reports an exhausted pool as a plain ClientException ("Unable to acquire connection ...").
        is ConnectionAcquisitionTimeoutException -> PKG + "ClientException"
        is ProtocolException -> PKG + "ProtocolException"
        is ConfigurationException -> "java.lang.IllegalArgumentException"
        is AuthorizationExpiredException -> PKG + "AuthorizationExpiredException"
        is ClientException -> clientError(error)
        is TransientException -> PKG + "TransientException"
        is DatabaseException -> PKG + "DatabaseException"
        is BoltException -> PKG + "Neo4jException"
        is UncoercibleValueException -> PKG + "value.Uncoercible"
        // JDK exceptions (IllegalArgumentException for bad parameters, IllegalStateException...) keep their name.
        else -> error.javaClass.name
    }

    private fun clientError(error: ClientException): String = when {
        error is TokenExpiredException -> PKG + "TokenExpiredException"
        error is AuthenticationException -> PKG + "AuthenticationException"
        error is ForbiddenException || error is CertificateRejectedException || error.isSecurityError ->
            PKG + "SecurityException"
        error is DatabaseNotFoundException -> PKG + "FatalDiscoveryException"
        // A transaction that failed earlier is "terminated" in Java; one already committed or rolled back is not.
        error is TransactionClosedException ->
            PKG + if (error.cause != null) "TransactionTerminatedException" else "ClientException"
        error is ResultConsumedException -> PKG + "ResultConsumedException"
        error is ResultNotSingleException -> PKG + "NoSuchRecordException"
        error is UnsupportedFeatureException -> PKG + "UnsupportedFeatureException"
        else -> PKG + "ClientException"
    }
}
