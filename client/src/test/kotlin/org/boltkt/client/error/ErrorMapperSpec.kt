package org.boltkt.client.error

import org.boltkt.client.summary.GqlStatusObject

import io.kotest.assertions.throwables.shouldThrowExactly
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kotest.matchers.types.shouldBeSameInstanceAs
import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.StringValue
import java.io.IOException
import java.net.ConnectException
import kotlin.coroutines.cancellation.CancellationException
import kotlin.reflect.KClass

class ErrorMapperSpec : FunSpec({

    data class Case(val code: String, val type: KClass<out BoltException>, val retryable: Boolean)

    val cases = listOf(
        Case("Neo.ClientError.Statement.SyntaxError", ClientException::class, false),
        Case("Neo.ClientError.Schema.ConstraintValidationFailed", ClientException::class, false),
        Case("Neo.ClientError.Security.Unauthorized", AuthenticationException::class, false),
        Case("Neo.ClientError.Security.TokenExpired", TokenExpiredException::class, false),
        Case("Neo.ClientError.Security.AuthorizationExpired", AuthorizationExpiredException::class, true),
        Case("Neo.ClientError.Security.Forbidden", ForbiddenException::class, false),
        Case("Neo.ClientError.Security.CredentialsExpired", ClientException::class, false),
        Case("Neo.ClientError.Cluster.NotALeader", NotALeaderException::class, true),
        Case("Neo.ClientError.General.ForbiddenOnReadOnlyDatabase", NotALeaderException::class, true),
        Case("Neo.ClientError.Database.DatabaseNotFound", DatabaseNotFoundException::class, false),
        Case("Neo.TransientError.Transaction.DeadlockDetected", TransientException::class, true),
        Case("Neo.TransientError.General.DatabaseUnavailable", TransientException::class, true),
        Case("Neo.TransientError.Transaction.Terminated", TransactionTerminatedException::class, false),
        Case("Neo.ClientError.Transaction.Terminated", TransactionTerminatedException::class, false),
        Case("Neo.TransientError.Transaction.LockClientStopped", ClientException::class, false),
        Case("Neo.DatabaseError.General.UnknownError", DatabaseException::class, false),
        Case("Neo.DatabaseError.Statement.ExecutionFailed", DatabaseException::class, false),
        Case("Memgraph.ClientError.MemgraphError.MemgraphError", ClientException::class, false),
        Case("Memgraph.TransientError.MemgraphError.MemgraphError", TransientException::class, true),
        Case("Memgraph.DatabaseError.MemgraphError.MemgraphError", DatabaseException::class, false),
        Case("Memgraph.ClientError.Security.Unauthenticated", AuthenticationException::class, false),
        Case("Something.Weird", DatabaseException::class, false),
        Case("", DatabaseException::class, false),
    )

    cases.forEach { case ->
        test("code '${case.code}' maps to ${case.type.simpleName}, retryable=${case.retryable}") {
            val e = ErrorMapper.fromFailure(Response.Failure(case.code, "msg for ${case.code}"))
            e::class shouldBe case.type
            e.isRetryable shouldBe case.retryable
            e.code shouldBe case.code
            e.message shouldBe "msg for ${case.code}"
            // A failure without GQL fields (before Bolt 5.7) reports the GQL "unexpected error" status.
            e.gqlStatus shouldBe "50N42"
            e.gqlStatusDescription shouldBe "error: general processing exception - unexpected error. msg for ${case.code}"
            e.diagnosticRecord shouldBe GqlStatusObject.DIAGNOSTIC_RECORD_DEFAULTS
            e.classification.shouldBeNull()
            e.gqlCause.shouldBeNull()
        }
    }

    test("security errors are flagged and become retryable only when an auth manager handled them") {
        val expired = ErrorMapper.fromFailure(Response.Failure("Neo.ClientError.Security.TokenExpired", "expired"))
            .shouldBeInstanceOf<TokenExpiredException>()
        expired.isSecurityError shouldBe true
        expired.isRetryable shouldBe false
        expired.markHandledByAuthManager() shouldBe true
        expired.isHandledByAuthManager shouldBe true
        expired.isRetryable shouldBe true

        val syntax = ErrorMapper.fromFailure(Response.Failure("Neo.ClientError.Statement.SyntaxError", "bad"))
            .shouldBeInstanceOf<ClientException>()
        syntax.isSecurityError shouldBe false
        syntax.markHandledByAuthManager() shouldBe false
        syntax.isRetryable shouldBe false
    }

    test("a GQL 5.7+ failure keeps status, description, diagnostic record and the whole cause chain") {
        val inner = Response.GqlCause("22N27", "invalid entity type", "inner msg", null, null)
        val middle = Response.GqlCause(
            "42N51", "invalid parameter", "middle msg",
            mapOf("_classification" to StringValue("CLIENT_ERROR")), inner,
        )
        val diagnostic = mapOf(
            "_classification" to StringValue("CLIENT_ERROR"),
            "OPERATION" to StringValue(""),
            "_position" to IntegerValue(3),
        )
        val failure = Response.Failure(
            "Neo.ClientError.Statement.SyntaxError", "outer msg", "42001", "invalid syntax", diagnostic, middle,
        )

        val e = ErrorMapper.fromFailure(failure)

        e.shouldBeInstanceOf<ClientException>()
        e.gqlStatus shouldBe "42001"
        e.gqlStatusDescription shouldBe "invalid syntax"
        // Keys the server left out get the GQL defaults; what it sent wins.
        e.diagnosticRecord shouldBe mapOf(
            "_classification" to StringValue("CLIENT_ERROR"),
            "OPERATION" to StringValue(""),
            "_position" to IntegerValue(3),
            "OPERATION_CODE" to StringValue("0"),
            "CURRENT_SCHEMA" to StringValue("/"),
        )
        e.classification shouldBe "CLIENT_ERROR"
        val first = e.gqlCause!!
        e.cause shouldBeSameInstanceAs first
        first.gqlStatus shouldBe "42N51"
        first.message shouldBe "middle msg"
        first.gqlStatusDescription shouldBe "invalid parameter"
        first.classification shouldBe "CLIENT_ERROR"
        first.isRetryable shouldBe false
        val second = first.gqlCause!!
        second.gqlStatus shouldBe "22N27"
        second.message shouldBe "inner msg"
        second.diagnosticRecord shouldBe GqlStatusObject.DIAGNOSTIC_RECORD_DEFAULTS
        second.gqlCause.shouldBeNull()
    }

    test("a GQL failure without neo4j_code falls back to its _classification") {
        val classifications = mapOf(
            "TRANSIENT_ERROR" to TransientException::class,
            "CLIENT_ERROR" to ClientException::class,
            "DATABASE_ERROR" to DatabaseException::class,
            "SOMETHING_NEW" to DatabaseException::class,
        )
        classifications.forEach { (classification, type) ->
            val failure = Response.Failure(
                "Nope", "m", "50N00", "d", mapOf("_classification" to StringValue(classification)),
            )
            ErrorMapper.fromFailure(failure)::class shouldBe type
        }
        // The placeholder code is a DatabaseError code, so it wins over the GQL classification.
        val placeholder = Response.Failure(
            Response.UNKNOWN_CODE, "m", "50N42", "d", mapOf("_classification" to StringValue("TRANSIENT_ERROR")),
        )
        ErrorMapper.fromFailure(placeholder).shouldBeInstanceOf<DatabaseException>()
    }

    test("a protocol violation becomes a non-retryable ProtocolException saying the connection was closed") {
        val protocolError = BoltProtocolException("unexpected marker 0xC9", 17)
        val e = ErrorMapper.fromThrowable(protocolError, "db.example:7687")
        e.shouldBeInstanceOf<ProtocolException>()
        e.isRetryable shouldBe false
        e.cause shouldBeSameInstanceAs protocolError
        e.message shouldContain "closed"
        e.message shouldContain "db.example:7687"
        e.message shouldContain "unexpected marker 0xC9"
    }

    test("I/O failures become retryable ServiceUnavailableException naming the server") {
        listOf(IOException("broken pipe"), ConnectException("refused")).forEach { io ->
            val e = ErrorMapper.fromThrowable(io, "db.example:7687")
            e.shouldBeInstanceOf<ServiceUnavailableException>()
            (e is IncompleteCommitException) shouldBe false
            e.isRetryable shouldBe true
            e.serverAddress shouldBe "db.example:7687"
            e.cause shouldBeSameInstanceAs io
            e.message shouldContain "db.example:7687"
            e.message shouldContain io.message!!
        }
    }

    test("an unexpected exception of the driver's own code is a never-retryable driver defect, even during COMMIT") {
        listOf(IllegalStateException("odd"), NullPointerException("npe"), NoSuchElementException("none")).forEach { bug ->
            listOf(false, true).forEach { duringCommit ->
                val e = ErrorMapper.fromThrowable(bug, "db.example:7687", duringCommit)
                e.shouldBeInstanceOf<DriverDefectException>()
                e.isRetryable shouldBe false
                e.cause shouldBeSameInstanceAs bug
                e.message shouldContain "driver defect"
                e.message shouldContain bug.message!!
            }
        }
    }

    test("a value that cannot be encoded is a non-retryable ClientException naming it") {
        val bad = IllegalArgumentException("NodeValue is a query result and cannot be sent as a parameter")
        val e = ErrorMapper.fromThrowable(org.boltkt.client.connection.RequestEncodingException("RUN", bad), "a:1")
        e.shouldBeInstanceOf<ClientException>()
        e.isRetryable shouldBe false
        e.cause shouldBeSameInstanceAs bad
        e.message shouldContain "cannot be sent as a parameter"
    }

    test("losing the connection during COMMIT gives a never-retryable IncompleteCommitException") {
        val io = IOException("connection reset")
        val e = ErrorMapper.fromThrowable(io, "db.example:7687", duringCommit = true)
        e.shouldBeInstanceOf<IncompleteCommitException>()
        e.isRetryable shouldBe false
        e.cause shouldBeSameInstanceAs io

        val unavailable = ServiceUnavailableException("gone", "db.example:7687")
        val fromMapped = ErrorMapper.fromThrowable(unavailable, null, duringCommit = true)
        fromMapped.shouldBeInstanceOf<IncompleteCommitException>()
        fromMapped.serverAddress shouldBe "db.example:7687"
        fromMapped.cause shouldBeSameInstanceAs unavailable
    }

    test("a malformed answer to COMMIT leaves the outcome unknown: IncompleteCommitException, not ProtocolException") {
        val garbage = org.boltkt.protocol.BoltProtocolException("string of 220 bytes but only 35 remain", 14)
        val e = ErrorMapper.fromThrowable(garbage, "db.example:7687", duringCommit = true)
        e.shouldBeInstanceOf<IncompleteCommitException>()
        e.isRetryable shouldBe false
        e.cause shouldBeSameInstanceAs garbage
        e.message shouldContain "malformed"
        ErrorMapper.fromThrowable(garbage, "db.example:7687").shouldBeInstanceOf<ProtocolException>()
    }

    test("BoltExceptions pass through; a missing address is not invented") {
        val transient = TransientException("busy", ServerStatus("Neo.TransientError.General.DatabaseUnavailable"))
        ErrorMapper.fromThrowable(transient, "a:1") shouldBeSameInstanceAs transient
        ErrorMapper.fromThrowable(transient, "a:1", duringCommit = true) shouldBeSameInstanceAs transient
        val unavailable = ServiceUnavailableException("gone")
        ErrorMapper.fromThrowable(unavailable, "a:1") shouldBeSameInstanceAs unavailable
        val e = ErrorMapper.fromThrowable(IOException("x"), null)
        e.shouldBeInstanceOf<ServiceUnavailableException>().serverAddress.shouldBeNull()
    }

    test("cancellation and JVM errors are rethrown, never converted") {
        shouldThrowExactly<CancellationException> {
            ErrorMapper.fromThrowable(CancellationException("stop"), "a:1")
        }
        shouldThrowExactly<OutOfMemoryError> { ErrorMapper.fromThrowable(OutOfMemoryError("oom"), "a:1") }
    }
})
