package org.boltkt.client.retry

import io.kotest.core.spec.style.FunSpec
import org.boltkt.client.error.ServerStatus
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.CancellationException
import org.boltkt.client.error.AuthorizationExpiredException
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.ConfigurationException
import org.boltkt.client.error.DatabaseException
import org.boltkt.client.error.ErrorMapper
import org.boltkt.client.error.IncompleteCommitException
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.error.SessionExpiredException
import org.boltkt.client.error.TransientException
import org.boltkt.protocol.message.Response
import java.io.IOException

class RetryClassifierSpec : FunSpec({
    val default = RetryClassifier.DEFAULT

    val cases: List<Pair<Throwable, Boolean>> = listOf(
        TransientException("busy", ServerStatus("Neo.TransientError.Transaction.DeadlockDetected")) to true,
        ErrorMapper.fromFailure(
            Response.Failure("Memgraph.TransientError.MemgraphError.MemgraphError", "Cannot resolve conflicting transactions. You can retry this transaction when the conflicting transaction is finished"),
        ) to true,
        ClientException("Cannot resolve conflicting transactions.", ServerStatus("Memgraph.ClientError.MemgraphError.MemgraphError")) to true,
        ClientException("Unable to commit due to serialization error.", ServerStatus("Memgraph.ClientError.MemgraphError.MemgraphError")) to true,
        ClientException("Cannot resolve conflicting transactions.", ServerStatus("Neo.ClientError.Statement.SyntaxError")) to false,
        ClientException("Syntax error", ServerStatus("Memgraph.ClientError.MemgraphError.MemgraphError")) to false,
        ErrorMapper.fromFailure(Response.Failure("Neo.TransientError.Transaction.Terminated", "terminated")) to false,
        ServiceUnavailableException("gone", "h:1") to true,
        SessionExpiredException("expired") to true,
        AuthorizationExpiredException("auth expired", ServerStatus("Neo.ClientError.Security.AuthorizationExpired")) to true,
        IncompleteCommitException("lost") to false,
        DatabaseException("broken", ServerStatus("Neo.DatabaseError.General.UnknownError")) to false,
        ConfigurationException("bad") to false,
        CancellationException("cancelled") to false,
        IOException("raw io") to false,
        IllegalStateException("bug") to false,
    )

    cases.forEach { (error, expected) ->
        test("${error::class.simpleName} '${error.message?.take(40)}' retryable=$expected") {
            default.isRetryable(error) shouldBe expected
        }
    }

    test("a security error becomes retryable once an auth manager handled it") {
        val e = ErrorMapper.fromFailure(Response.Failure("Neo.ClientError.Security.TokenExpired", "expired")) as ClientException
        default.isRetryable(e) shouldBe false
        e.markHandledByAuthManager()
        default.isRetryable(e) shouldBe true
    }
})
