package org.boltkt.testkit

import org.boltkt.client.error.AuthenticationException
import org.boltkt.client.error.AuthorizationExpiredException
import org.boltkt.client.error.CertificateRejectedException
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.ConfigurationException
import org.boltkt.client.error.ConnectionAcquisitionTimeoutException
import org.boltkt.client.error.ConnectionReadTimeoutException
import org.boltkt.client.error.DatabaseException
import org.boltkt.client.error.DatabaseNotFoundException
import org.boltkt.client.error.ForbiddenException
import org.boltkt.client.error.IncompleteCommitException
import org.boltkt.client.error.NotALeaderException
import org.boltkt.client.error.ProtocolException
import org.boltkt.client.error.ResultConsumedException
import org.boltkt.client.error.ResultNotSingleException
import org.boltkt.client.error.RoutingUnavailableException
import org.boltkt.client.error.ServerStatus
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.error.SessionExpiredException
import org.boltkt.client.error.TokenExpiredException
import org.boltkt.client.error.TransactionClosedException
import org.boltkt.client.error.TransientException
import org.boltkt.client.error.UnsupportedFeatureException
import org.boltkt.client.value.UncoercibleValueException
import org.boltkt.protocol.value.StringValue
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** Each row of docs/TESTKIT.md "Error type names", for the exception types as the driver builds them. */
class JavaErrorTypesTest {
    private fun status(code: String) = ServerStatus(code, null, null, null)
    private fun java(simpleName: String) = "org.neo4j.driver.exceptions.$simpleName"

    @Test
    fun `connectivity errors`() {
        val lost = ServiceUnavailableException("gone", "h:1")
        assertEquals(java("ServiceUnavailableException"), JavaErrorTypes.of(lost))
        assertEquals(java("ServiceUnavailableException"), JavaErrorTypes.of(RoutingUnavailableException("no router")))
        assertEquals(java("ServiceUnavailableException"), JavaErrorTypes.of(IncompleteCommitException("commit lost")))
        assertEquals(java("ConnectionReadTimeoutException"), JavaErrorTypes.of(ConnectionReadTimeoutException("silent")))
        assertEquals(java("SessionExpiredException"), JavaErrorTypes.of(SessionExpiredException("member gone", lost)))
        // A routed read timeout arrives wrapped in SessionExpired, which is what Java reports for routing drivers.
        assertEquals(
            java("SessionExpiredException"),
            JavaErrorTypes.of(SessionExpiredException("member gone", ConnectionReadTimeoutException("silent"))),
        )
        assertEquals(java("ClientException"), JavaErrorTypes.of(ConnectionAcquisitionTimeoutException("pool full")))
        assertEquals(java("ProtocolException"), JavaErrorTypes.of(ProtocolException("bad bytes")))
    }

    @Test
    fun `server failures by class`() {
        assertEquals(java("ClientException"), JavaErrorTypes.of(ClientException("x", status("Neo.ClientError.MadeUp.Code"))))
        assertEquals(java("TransientException"), JavaErrorTypes.of(TransientException("x", status("Neo.TransientError.X.Y"))))
        assertEquals(java("DatabaseException"), JavaErrorTypes.of(DatabaseException("x", status("Neo.DatabaseError.X.Y"))))
        // Terminated on purpose: kept as a ClientException, as Java does.
        assertEquals(
            java("ClientException"),
            JavaErrorTypes.of(ClientException("x", status("Neo.TransientError.Transaction.Terminated"))),
        )
        assertEquals(
            java("SessionExpiredException"),
            JavaErrorTypes.of(NotALeaderException("x", status("Neo.ClientError.Cluster.NotALeader"))),
        )
        assertEquals(
            java("FatalDiscoveryException"),
            JavaErrorTypes.of(DatabaseNotFoundException("x", status("Neo.ClientError.Database.DatabaseNotFound"))),
        )
    }

    @Test
    fun `security errors`() {
        assertEquals(java("AuthenticationException"), JavaErrorTypes.of(AuthenticationException("x", status("Neo.ClientError.Security.Unauthorized"))))
        assertEquals(java("TokenExpiredException"), JavaErrorTypes.of(TokenExpiredException("x", status("Neo.ClientError.Security.TokenExpired"))))
        assertEquals(
            java("AuthorizationExpiredException"),
            JavaErrorTypes.of(AuthorizationExpiredException("x", status("Neo.ClientError.Security.AuthorizationExpired"))),
        )
        assertEquals(java("SecurityException"), JavaErrorTypes.of(ForbiddenException("x", status("Neo.ClientError.Security.Forbidden"))))
        assertEquals(java("SecurityException"), JavaErrorTypes.of(ClientException("x", status("Neo.ClientError.Security.MadeUp"))))
        assertEquals(java("SecurityException"), JavaErrorTypes.of(CertificateRejectedException("untrusted")))
    }

    @Test
    fun `usage errors`() {
        assertEquals(
            java("TransactionTerminatedException"),
            JavaErrorTypes.of(TransactionClosedException("failed earlier", ClientException("x", status("Neo.ClientError.MadeUp.Code")))),
        )
        assertEquals(java("ClientException"), JavaErrorTypes.of(TransactionClosedException("already committed")))
        assertEquals(java("ResultConsumedException"), JavaErrorTypes.of(ResultConsumedException("consumed")))
        for (reason in ResultNotSingleException.Reason.entries) {
            assertEquals(java("NoSuchRecordException"), JavaErrorTypes.of(ResultNotSingleException("not single", reason)))
        }
        assertEquals(java("UnsupportedFeatureException"), JavaErrorTypes.of(UnsupportedFeatureException("needs 5.1")))
        assertEquals("java.lang.IllegalArgumentException", JavaErrorTypes.of(ConfigurationException("bad URI")))
        assertEquals(java("value.Uncoercible"), JavaErrorTypes.of(UncoercibleValueException("INTEGER", StringValue("a"))))
    }

    @Test
    fun `JDK exceptions keep their own name`() {
        assertEquals("java.lang.IllegalStateException", JavaErrorTypes.of(IllegalStateException("closed")))
        assertEquals("java.lang.IllegalArgumentException", JavaErrorTypes.of(IllegalArgumentException("bad")))
    }
}
